using System.Text.Json;
using KzRights.Data.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KzRights.Data.Webhooks;

/// <summary>Counts of changes of one record type.</summary>
public sealed record ChangeCountsDto(int Added, int Changed, int Removed);

/// <summary>What a release changed (for a <c>changes</c> delivery: what matched the subscription's filter).</summary>
public sealed record ChangeSummaryDto(int Total, IReadOnlyDictionary<string, ChangeCountsDto> ByType);

public sealed record WebhookPayloadLinksDto(string Release, string Changes);

/// <summary>The <c>data</c> of a delivery.</summary>
public sealed record WebhookEventDataDto(string Release, string? PreviousRelease, DateTimeOffset PublishedAt, WebhookFilterDto? Filter,
    ChangeSummaryDto Summary, WebhookPayloadLinksDto Links);

/// <summary>A delivery body in the Standard Webhooks shape: <c>type</c>, <c>timestamp</c> (when the event happened) and <c>data</c>.</summary>
public sealed record WebhookPayloadDto(string Type, DateTimeOffset Timestamp, WebhookEventDataDto Data);

/// <summary>Writes a delivery per subscription and event into the outbox inside the publishing transaction, so a
/// release and its notifications commit together or not at all; the dispatcher sends them afterwards. A <c>changes</c>
/// subscription whose filter matches nothing the release changed gets no delivery. The theme filter matches the theme's
/// own record and the added or changed paragraphs, recommendations and indicators tagged with the theme; a removed
/// record has lost its tags with the data and matches only a document filter (<see cref="ChangeFilter.Theme"/>).</summary>
public sealed class WebhookOutbox(WebhookOptions options, TimeProvider clock, ILogger<WebhookOutbox> logger) : IReleasePublishingHandler
{
    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    public async Task OnPublishingAsync(ReleasePublication publication, CancellationToken ct)
    {
        var db = publication.Db;
        var subscriptions = await db.Set<WebhookSubscriptionEntity>().Untracked().ToListAsync(ct);
        if (subscriptions.Count == 0)
        {
            return;
        }

        var release = publication.Release;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var written = 0;
        foreach (var subscription in subscriptions)
        {
            foreach (var type in subscription.Events.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var filter = type == WebhookEvents.Changes ? new WebhookFilterDto(subscription.DocumentId, subscription.ThemeId) : null;
                // Counted by the database (the change list of a large corpus is hundreds of thousands of records).
                var summary = Summary(await publication.Releases.ChangeCountsAsync(
                    release.Id, new ChangeFilter(Document: filter?.Document, Theme: filter?.Theme), ct));
                if (type == WebhookEvents.Changes && summary.Total == 0)
                {
                    continue;
                }

                var payload = new WebhookPayloadDto(type, release.PublishedAt,
                    new WebhookEventDataDto(release.Id, release.PreviousReleaseId, release.PublishedAt, filter, summary, Links(release, filter)));
                db.Add(new WebhookDeliveryEntity
                {
                    Id = WebhookSignature.NewMessageId(),
                    SubscriptionId = subscription.Id,
                    EventType = type,
                    ReleaseId = release.Id,
                    Payload = JsonSerializer.Serialize(payload, PayloadJson),
                    CreatedAtMs = now,
                    Status = WebhookDeliveryStatus.Pending,
                    NextAttemptAtMs = now,
                });
                written++;
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation("Release {Release}: {Deliveries} webhook deliveries written for {Subscriptions} subscriptions",
            release.Id, written, subscriptions.Count);
    }

    private static ChangeSummaryDto Summary(IReadOnlyDictionary<string, ChangeCounts> counts) =>
        new(counts.Values.Sum(c => c.Added + c.Changed + c.Removed),
            counts.ToDictionary(c => c.Key, c => new ChangeCountsDto(c.Value.Added, c.Value.Changed, c.Value.Removed)));

    private WebhookPayloadLinksDto Links(ReleaseDto release, WebhookFilterDto? filter)
    {
        var root = options.PublicBaseUrl?.TrimEnd('/') ?? string.Empty;
        // The changes route filters by document; a theme subscription gets the release's whole change list.
        var changes = release.Links.Changes + (filter?.Document is { } document ? $"?document={Uri.EscapeDataString(document)}" : string.Empty);
        return new WebhookPayloadLinksDto(root + release.Links.Self, root + changes);
    }
}
