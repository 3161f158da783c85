using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using KzRights.Data;
using KzRights.Data.Webhooks;

namespace KzRights.Api.Operations;

/// <summary>Sends the webhook outbox: polls for due deliveries, claims them (<see cref="WebhookDeliveryQueue"/>), posts each
/// signed to its receiver and records the attempt. Every instance runs one; the claims keep them from sending the same
/// attempt twice. A read-only instance sends nothing (it cannot record attempts).</summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory httpClients, WebhookOptions options, DatabaseOptions database,
    TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    internal static SocketsHttpHandler ReceiverHandler(WebhookOptions options) => new()
    {
        // A redirect is the receiver's answer (a failed attempt), never followed: it could lead anywhere.
        AllowAutoRedirect = false,
        UseCookies = false,
        // The address check below must see the receiver's address, not a proxy's.
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        ConnectCallback = options.AllowPrivateNetworks ? null : ConnectToPublicAddressAsync,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.ReadOnly)
        {
            logger.LogInformation("Webhook deliveries are not sent by this read-only instance");
            return;
        }

        var failing = false;
        var claimed = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            // An idle instance waits an interval before each look (its first one included, so a start stays quiet).
            if (claimed == 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.PollIntervalSeconds), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            try
            {
                claimed = await DispatchDueAsync(stoppingToken);
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!failing)
            {
                // Logged once per streak: an unreachable database would otherwise log every poll.
                failing = true;
                claimed = 0;
                logger.LogWarning("Webhook dispatch failed, retrying every poll: {Error}", ex.Message);
            }
            catch (Exception)
            {
                // Still failing; reported above.
                claimed = 0;
            }
        }
    }

    private async Task<int> DispatchDueAsync(CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<WebhookDeliveryQueue>();
        var claimed = await queue.ClaimDueAsync(_owner, stop);
        var unrecorded = claimed.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        try
        {
            // Sent at once: one slow receiver must not hold back the others.
            var outcomes = await Task.WhenAll(claimed.Select(c => SendAsync(c, stop)));
            for (var i = 0; i < claimed.Count; i++)
            {
                await queue.RecordAttemptAsync(claimed[i], _owner, outcomes[i], stop);
                unrecorded.Remove(claimed[i].Id);
                logger.LogInformation("Webhook {MessageId} attempt {Attempt} to {Url}: {Outcome}", claimed[i].Id, claimed[i].AttemptNumber, claimed[i].Url,
                    outcomes[i].StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? outcomes[i].Error);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && unrecorded.Count > 0)
        {
            // Stopping mid-attempt: the receiver may have it or not, so it is sent again (same webhook-id) after a restart.
            await queue.ReleaseAsync(unrecorded, _owner, CancellationToken.None);
            throw;
        }

        return claimed.Count;
    }

    private async Task<AttemptOutcome> SendAsync(ClaimedDelivery delivery, CancellationToken stop)
    {
        var attemptedAt = clock.GetUtcNow();
        var timestamp = attemptedAt.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, delivery.Id);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var signature = WebhookSignature.Sign(delivery.Secret, delivery.Id, timestamp, delivery.Payload);
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, signature);
        request.Headers.UserAgent.ParseAdd("KzRights-Webhooks/1");
        var started = Stopwatch.GetTimestamp();
        int Elapsed() => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var answer = await ReadStartAsync(response, timeout.Token);
            return new AttemptOutcome(attemptedAt.ToUnixTimeMilliseconds(), Elapsed(), (int)response.StatusCode, answer, null);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return new AttemptOutcome(attemptedAt.ToUnixTimeMilliseconds(), Elapsed(), null, null, $"no answer within {options.TimeoutSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
            return new AttemptOutcome(attemptedAt.ToUnixTimeMilliseconds(), Elapsed(), null, null, reason);
        }
    }

    /// <summary>The start of the receiver's answer (what an attempt keeps), without reading a large body to its end.</summary>
    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[WebhookLimits.MaxStoredResponseLength * 4];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length > WebhookLimits.MaxStoredResponseLength ? text[..WebhookLimits.MaxStoredResponseLength] : text;
    }

    /// <summary>Connects only to public addresses (see <see cref="WebhookReceivers"/>): checked on the addresses the host name
    /// resolves to at the moment of the attempt, so a name that resolves inward cannot reach the internal network.</summary>
    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => !WebhookReceivers.IsInternal(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(
                $"{host} resolves only to internal addresses, which this deployment does not deliver to (Webhooks:AllowPrivateNetworks).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

public static class WebhookServiceCollectionExtensions
{
    /// <summary>The dispatcher and its HTTP client (the options are registered by the data layer, which writes the outbox).</summary>
    public static IServiceCollection AddKzRightsWebhooks(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookDispatcher.ReceiverHandler(sp.GetRequiredService<WebhookOptions>()));
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
