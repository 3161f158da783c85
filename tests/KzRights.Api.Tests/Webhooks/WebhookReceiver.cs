using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KzRights.Api.Tests.Webhooks;

/// <summary>One request as the receiver saw it, and whether its signature verified.</summary>
public sealed record ReceivedWebhook(string Id, long Timestamp, string Body, bool SignatureValid, int Answered);

/// <summary>A real receiver: Kestrel on a free loopback port, verifying each delivery's Standard Webhooks signature
/// (written here from the specification, independently of the API's signing code) and answering 401 to a bad one. It
/// answers the first <c>failures</c> requests with 500, then 204.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly WebApplication _app;
    private readonly int _failures;
    private int _requests;

    private WebhookReceiver(WebApplication app, int failures)
    {
        _app = app;
        _failures = failures;
    }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The subscription's secret, set once the registration answered (deliveries come only after that).</summary>
    public string? Secret { get; set; }

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    public static async Task<WebhookReceiver> StartAsync(int failures = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failures);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>An address where nothing listens: a receiver that is down.</summary>
    public static string DownUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/hook";
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var id = request.Headers["webhook-id"].ToString();
        var timestamp = long.TryParse(request.Headers["webhook-timestamp"].ToString(), out var t) ? t : 0;
        var valid = Verify(id, timestamp, body, request.Headers["webhook-signature"].ToString());
        var status = !valid ? 401 : Interlocked.Increment(ref _requests) <= _failures ? 500 : 204;
        Received.Enqueue(new ReceivedWebhook(id, timestamp, body, valid, status));
        return Results.StatusCode(status);
    }

    private bool Verify(string id, long timestamp, string body, string signatures)
    {
        if (Secret is null || id.Length == 0 || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) > Tolerance.TotalSeconds)
        {
            return false;
        }

        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        // The header may carry several space-separated signatures; one matching v1 signature is enough.
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Any(s => CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(s[3..]), expected));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
