using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KzRights.Api.Tests.Releases;
using KzRights.Data;
using KzRights.Data.Access;
using KzRights.Data.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests.Webhooks;

/// <summary>Deliveries end to end: a release published by <c>POST /v1/admin/ingest</c> of an edited corpus reaches real
/// receivers that verify every signature. The retry schedule is seconds here instead of minutes.</summary>
public sealed class WebhookDeliveryTests
{
    private const string EditedDocument = "ccpr-c-kaz-co-3";
    private const string UnchangedDocument = "cedaw-c-kaz-rq-6";
    private const string EditedParagraph = "ccpr-c-kaz-co-3/31";

    private static Dictionary<string, string?> Settings(CorpusCopy corpus, double firstRetrySeconds) => new()
    {
        ["Corpus:Directory"] = corpus.Folder,
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:PollIntervalSeconds"] = "0.2",
        ["Webhooks:FirstRetryDelaySeconds"] = firstRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Webhooks:MaxRetryDelaySeconds"] = (firstRetrySeconds * 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_release_reaches_every_receiver_signed_a_flaky_one_after_retries_and_a_down_one_stays_scheduled(string provider)
    {
        using var corpus = new CorpusCopy();
        await using var api = new ApiFactory(provider, settings: Settings(corpus, firstRetrySeconds: 0.5));
        var client = api.CreateClient();
        var key = await CreateAdminKeyAsync(api);
        var themeOfEdited = (await client.GetJsonAsync($"/v1/paragraphs/{EditedParagraph}")).GetProperty("themes").EnumerateArray()
            .Select(t => t.GetProperty("themeId").GetString()!).First();

        await using var up = await WebhookReceiver.StartAsync();
        await using var flaky = await WebhookReceiver.StartAsync(failures: 2);
        await using var edited = await WebhookReceiver.StartAsync();
        await using var themed = await WebhookReceiver.StartAsync();
        await using var unchanged = await WebhookReceiver.StartAsync();
        var upId = await SubscribeAsync(client, key, up, new { url = up.Url, events = new[] { "release.published" } });
        var flakyId = await SubscribeAsync(client, key, flaky, new { url = flaky.Url, events = new[] { "release.published" } });
        var downId = (await RegisterAsync(client, key, new { url = WebhookReceiver.DownUrl(), events = new[] { "release.published" } })).Id;
        var editedId = await SubscribeAsync(client, key, edited, new { url = edited.Url, events = new[] { "changes" }, document = EditedDocument });
        await SubscribeAsync(client, key, themed, new { url = themed.Url, events = new[] { "changes" }, theme = themeOfEdited });
        var unchangedId = await SubscribeAsync(client, key, unchanged, new { url = unchanged.Url, events = new[] { "changes" }, document = UnchangedDocument });

        corpus.EditDocument(EditedDocument, text => text.Replace("– 75 per cent in 2024 –", "– 76 per cent in 2024 –", StringComparison.Ordinal));
        var release = await IngestAsync(client, key);
        var changes = await client.GetAllPagesAsync($"/v1/releases/{release}/changes", 500);

        await WaitUntilAsync(async () => up.Received.Count == 1 && flaky.Received.Count == 3 && edited.Received.Count == 1 && themed.Received.Count == 1
            && (await DeliveriesAsync(client, key, downId)).Single().GetProperty("attemptCount").GetInt32() >= 2);

        var delivered = Assert.Single(up.Received);
        Assert.True(delivered.SignatureValid);
        var payload = JsonDocument.Parse(delivered.Body).RootElement;
        Assert.Equal("release.published", payload.GetProperty("type").GetString());
        var data = payload.GetProperty("data");
        Assert.Equal(release, data.GetProperty("release").GetString());
        Assert.Equal(changes.Count, data.GetProperty("summary").GetProperty("total").GetInt32());
        Assert.Equal(changes.Count(c => c.GetProperty("type").GetString() == "paragraph" && c.GetProperty("change").GetString() == "changed"),
            data.GetProperty("summary").GetProperty("byType").GetProperty("paragraph").GetProperty("changed").GetInt32());
        Assert.Equal($"/v1/releases/{release}", data.GetProperty("links").GetProperty("release").GetString());
        Assert.Equal($"/v1/releases/{release}/changes", data.GetProperty("links").GetProperty("changes").GetString());

        // Two failures, then success: three requests of one message, each signed afresh with the same webhook-id and body.
        Assert.All(flaky.Received, r => Assert.True(r.SignatureValid));
        Assert.Equal([500, 500, 204], flaky.Received.Select(r => r.Answered));
        Assert.Single(flaky.Received.Select(r => r.Id).Distinct());
        Assert.Single(flaky.Received.Select(r => r.Body).Distinct());
        var flakyDelivery = Assert.Single(await DeliveriesAsync(client, key, flakyId));
        Assert.Equal(flaky.Received.First().Id, flakyDelivery.GetProperty("id").GetString());
        Assert.Equal("delivered", flakyDelivery.GetProperty("status").GetString());
        Assert.Equal([500, 500, 204], flakyDelivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(JsonValueKind.Null, flakyDelivery.GetProperty("nextAttemptAt").ValueKind);
        Assert.Equal("delivered", Assert.Single(await DeliveriesAsync(client, key, upId)).GetProperty("status").GetString());

        // Down: every attempt recorded with its error, the next one scheduled, nothing marked delivered.
        var down = Assert.Single(await DeliveriesAsync(client, key, downId));
        Assert.Equal("pending", down.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, down.GetProperty("deliveredAt").ValueKind);
        var attempts = down.GetProperty("attempts").EnumerateArray().ToList();
        Assert.True(attempts.Count >= 2);
        Assert.All(attempts, a => Assert.Equal(JsonValueKind.Null, a.GetProperty("statusCode").ValueKind));
        Assert.All(attempts, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("error").GetString())));
        Assert.True(down.GetProperty("nextAttemptAt").GetDateTimeOffset() > attempts[^1].GetProperty("attemptedAt").GetDateTimeOffset());

        // A changes subscription hears only what its filter matches; one that matches nothing gets no delivery.
        var editedData = JsonDocument.Parse(Assert.Single(edited.Received).Body).RootElement.GetProperty("data");
        Assert.Equal(changes.Count(c => c.GetProperty("documentId").GetString() == EditedDocument),
            editedData.GetProperty("summary").GetProperty("total").GetInt32());
        Assert.Equal(EditedDocument, editedData.GetProperty("filter").GetProperty("document").GetString());
        Assert.Equal($"/v1/releases/{release}/changes?document={EditedDocument}", editedData.GetProperty("links").GetProperty("changes").GetString());
        Assert.Equal("changes", JsonDocument.Parse(edited.Received.Single().Body).RootElement.GetProperty("type").GetString());
        var themedData = JsonDocument.Parse(Assert.Single(themed.Received).Body).RootElement.GetProperty("data");
        Assert.True(themedData.GetProperty("summary").GetProperty("byType").GetProperty("paragraph").GetProperty("changed").GetInt32() >= 1);
        Assert.True(themedData.GetProperty("summary").GetProperty("total").GetInt32() < changes.Count);
        Assert.Empty(unchanged.Received);
        Assert.Empty(await DeliveriesAsync(client, key, unchangedId));
        Assert.Single(await DeliveriesAsync(client, key, editedId));

        // Delivered messages are not sent again.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(up.Received);
        Assert.Equal(3, flaky.Received.Count);

        // Removing a subscription removes its deliveries and their attempts.
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/v1/webhooks/{flakyId}");
        delete.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        var flakyMessage = flakyDelivery.GetProperty("id").GetString();
        Assert.False(await db.Set<WebhookDeliveryEntity>().AnyAsync(d => d.SubscriptionId == flakyId));
        Assert.False(await db.Set<WebhookAttemptEntity>().AnyAsync(a => a.DeliveryId == flakyMessage));
        Assert.True(await db.Set<WebhookAttemptEntity>().AnyAsync());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task An_api_restart_between_attempts_loses_no_delivery_and_sends_it_again_with_the_same_webhook_id(string provider)
    {
        using var corpus = new CorpusCopy();
        // The retry is due 5 to 10 s after the first failure: the first host is gone by then.
        var settings = Settings(corpus, firstRetrySeconds: 10);
        await using var receiver = await WebhookReceiver.StartAsync(failures: 1);
        string subscription;
        string key;
        var first = new ApiFactory(provider, settings: settings, ownsDatabase: false);
        await using (first)
        {
            var client = first.CreateClient();
            key = await CreateAdminKeyAsync(first);
            subscription = await SubscribeAsync(client, key, receiver, new { url = receiver.Url, events = new[] { "release.published" } });
            corpus.EditDocument(EditedDocument, text => text.Replace("– 75 per cent in 2024 –", "– 77 per cent in 2024 –", StringComparison.Ordinal));
            await IngestAsync(client, key);
            await WaitUntilAsync(async () => (await DeliveriesAsync(client, key, subscription)).Single().GetProperty("attemptCount").GetInt32() == 1,
                async () => string.Join('\n', (await DeliveriesAsync(client, key, subscription)).Select(d => d.ToString())));
        }

        Assert.Single(receiver.Received);
        await using var second = new ApiFactory(provider, settings: settings, sameDatabaseAs: first);
        var restarted = second.CreateClient();
        await WaitUntilAsync(async () => (await DeliveriesAsync(restarted, key, subscription)).Single().GetProperty("status").GetString() == "delivered");

        var delivery = Assert.Single(await DeliveriesAsync(restarted, key, subscription));
        Assert.Equal([500, 204], delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal([500, 204], receiver.Received.Select(r => r.Answered));
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid));
        Assert.All(receiver.Received, r => Assert.Equal(delivery.GetProperty("id").GetString(), r.Id));
        Assert.Single(receiver.Received.Select(r => r.Body).Distinct());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, receiver.Received.Count);
    }

    internal static async Task<string> CreateAdminKeyAsync(ApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync("webhook tests", ApiKeyScopes.Admin, CancellationToken.None)).Secret;
    }

    internal static async Task<(string Id, string Secret)> RegisterAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var created = JsonDocument.Parse(text).RootElement;
        return (created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    private static async Task<string> SubscribeAsync(HttpClient client, string key, WebhookReceiver receiver, object body)
    {
        var (id, secret) = await RegisterAsync(client, key, body);
        receiver.Secret = secret;
        return id;
    }

    private static async Task<string> IngestAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/ingest");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("release").GetProperty("id").GetString()!;
    }

    internal static async Task<List<JsonElement>> DeliveriesAsync(HttpClient client, string key, string subscription)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/webhooks/{subscription}/deliveries");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<Task<string>>? state = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the deliveries did not happen within 90 s: " + (state is null ? string.Empty : await state()));
            await Task.Delay(200);
        }
    }
}
