using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Webhooks;

/// <summary>A delivery claimed by one dispatcher instance, with what it needs to send it.</summary>
public sealed record ClaimedDelivery(string Id, string Url, string Secret, string Payload, int AttemptNumber, long CreatedAtMs);

/// <summary>The outcome of one attempt: a status code (2xx is delivered) and the start of the answer, or an error.</summary>
public sealed record AttemptOutcome(long AttemptedAtMs, int DurationMs, int? StatusCode, string? Response, string? Error)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}

/// <summary>The dispatcher's side of the outbox. The schedule lives in the database, not in memory, so deliveries
/// survive a restart and are shared by every instance: an instance claims a due delivery with a conditional UPDATE
/// (it succeeds only while nobody holds an unexpired lease), so two instances never send the same attempt, and a
/// crashed instance's claim runs out after <see cref="WebhookOptions.LeaseSeconds"/>. Polly is not used: its retries
/// live in one process's memory, which a restart would lose.</summary>
public sealed class WebhookDeliveryQueue(KzRightsDbContext db, WebhookOptions options, TimeProvider clock)
{
    /// <summary>Claims up to <see cref="WebhookOptions.BatchSize"/> due deliveries for <paramref name="owner"/>.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(string owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var candidates = await Due(now).OrderBy(d => d.NextAttemptAtMs).Select(d => d.Id).Take(options.BatchSize).ToListAsync(ct);
        var leaseUntil = now + (long)(options.LeaseSeconds * 1000);
        var claimed = new List<string>();
        foreach (var id in candidates)
        {
            // The conditions are checked again by the UPDATE itself: of two instances racing for a row, one updates it.
            var updated = await Due(now).Where(d => d.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, owner).SetProperty(d => d.LeaseExpiresAtMs, leaseUntil), ct);
            if (updated == 1)
            {
                claimed.Add(id);
            }
        }

        if (claimed.Count == 0)
        {
            return [];
        }

        return await db.Set<WebhookDeliveryEntity>().Untracked()
            .Where(d => claimed.Contains(d.Id) && d.LeaseOwner == owner)
            .Join(db.Set<WebhookSubscriptionEntity>(), d => d.SubscriptionId, s => s.Id,
                (d, s) => new ClaimedDelivery(d.Id, s.Url, s.Secret, d.Payload, d.AttemptCount + 1, d.CreatedAtMs))
            .ToListAsync(ct);
    }

    /// <summary>Records an attempt and schedules what follows: delivered, the next retry (exponential backoff with
    /// jitter), or failed once the retry window has passed. Does nothing when <paramref name="owner"/> no longer holds
    /// the claim (it expired and another instance took the delivery).</summary>
    public async Task RecordAttemptAsync(ClaimedDelivery delivery, string owner, AttemptOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var giveUp = !outcome.Delivered && now - delivery.CreatedAtMs >= (long)(options.RetryWindowSeconds * 1000);
        var status = outcome.Delivered ? WebhookDeliveryStatus.Delivered : giveUp ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        long? next = status == WebhookDeliveryStatus.Pending
            ? now + (long)options.RetryDelay(delivery.AttemptNumber, Random.Shared).TotalMilliseconds
            : null;
        long? deliveredAt = outcome.Delivered ? now : null;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var updated = await db.Set<WebhookDeliveryEntity>()
                .Where(d => d.Id == delivery.Id && d.LeaseOwner == owner && d.AttemptCount == delivery.AttemptNumber - 1)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.AttemptCount, delivery.AttemptNumber)
                    .SetProperty(d => d.Status, status)
                    .SetProperty(d => d.NextAttemptAtMs, next)
                    .SetProperty(d => d.DeliveredAtMs, deliveredAt)
                    .SetProperty(d => d.LeaseOwner, (string?)null)
                    .SetProperty(d => d.LeaseExpiresAtMs, (long?)null), ct);
            if (updated == 1)
            {
                db.Add(new WebhookAttemptEntity
                {
                    DeliveryId = delivery.Id,
                    Number = delivery.AttemptNumber,
                    AttemptedAtMs = outcome.AttemptedAtMs,
                    DurationMs = outcome.DurationMs,
                    StatusCode = outcome.StatusCode,
                    Response = Truncate(outcome.Response),
                    Error = Truncate(outcome.Error),
                });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(ct);
        });
    }

    /// <summary>Gives claims back at shutdown, so another instance (or this one after its restart) need not wait for the lease to run out.</summary>
    public Task ReleaseAsync(IEnumerable<string> deliveryIds, string owner, CancellationToken ct)
    {
        var ids = deliveryIds.ToList();
        return db.Set<WebhookDeliveryEntity>().Where(d => ids.Contains(d.Id) && d.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseExpiresAtMs, (long?)null), ct);
    }

    private IQueryable<WebhookDeliveryEntity> Due(long now) =>
        db.Set<WebhookDeliveryEntity>().Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAtMs <= now
            && (d.LeaseExpiresAtMs == null || d.LeaseExpiresAtMs < now));

    private static string? Truncate(string? text) =>
        text is { Length: > WebhookLimits.MaxStoredResponseLength } ? text[..WebhookLimits.MaxStoredResponseLength] : text;
}
