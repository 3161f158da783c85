using System.Globalization;
using System.Security.Cryptography;
using KzRights.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Webhooks;

/// <summary>Filters of the <c>changes</c> event (both null: every change of a release).</summary>
public sealed record WebhookFilterDto(string? Document, string? Theme);

public sealed record WebhookLinksDto(string Self, string Deliveries);

/// <summary>A registered receiver, as listed (never with its secret).</summary>
public record WebhookSubscriptionDto(string Id, string Url, IReadOnlyList<string> Events, WebhookFilterDto Filter, string? Description,
    DateTimeOffset CreatedAt)
{
    public WebhookLinksDto Links => new($"/v1/webhooks/{Id}", $"/v1/webhooks/{Id}/deliveries");
}

/// <summary>The answer to a registration: the subscription and its signing secret, shown this once.</summary>
public sealed record CreatedWebhookSubscriptionDto(string Id, string Url, IReadOnlyList<string> Events, WebhookFilterDto Filter, string? Description,
    DateTimeOffset CreatedAt, string Secret) : WebhookSubscriptionDto(Id, Url, Events, Filter, Description, CreatedAt);

/// <summary>One message and every attempt to send it.</summary>
public sealed record WebhookDeliveryDto(string Id, string Event, string Release, DateTimeOffset CreatedAt, string Status, int AttemptCount,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, IReadOnlyList<WebhookAttemptDto> Attempts);

/// <summary>One attempt: the receiver's status code and the start of its answer, or the error (refused, timed out, …).</summary>
public sealed record WebhookAttemptDto(int Number, DateTimeOffset AttemptedAt, int DurationMs, int? StatusCode, string? Response, string? Error);

/// <summary>Registers, lists and removes webhook subscriptions and lists their deliveries (the admin operations).</summary>
public sealed class WebhookSubscriptions(KzRightsDbContext db, TimeProvider clock)
{
    private const string SubscriptionScope = "webhooks";

    /// <summary>Registers a receiver. Throws <see cref="UnknownFilterIdException"/> for a filter id that names nothing.</summary>
    public async Task<CreatedWebhookSubscriptionDto> CreateAsync(string url, IReadOnlyCollection<string> events, WebhookFilterDto filter, string? description,
        CancellationToken ct)
    {
        await IdFilter.Document.RequireAsync(db, filter.Document, ct);
        await IdFilter.Theme.RequireAsync(db, filter.Theme, ct);
        var entity = new WebhookSubscriptionEntity
        {
            Id = "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            Url = url,
            Events = string.Join(',', WebhookEvents.All.Where(events.Contains)),
            DocumentId = filter.Document,
            ThemeId = filter.Theme,
            Description = description,
            Secret = WebhookSignature.NewSecret(),
            CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.Add(entity);
        await db.SaveChangesAsync(ct);
        var dto = ToDto(entity);
        return new CreatedWebhookSubscriptionDto(dto.Id, dto.Url, dto.Events, dto.Filter, dto.Description, dto.CreatedAt, entity.Secret);
    }

    /// <summary>Subscriptions oldest first.</summary>
    public async Task<Page<WebhookSubscriptionDto>> ListAsync(int limit, string? cursor, CancellationToken ct)
    {
        var query = db.Set<WebhookSubscriptionEntity>().Untracked();
        var total = await query.CountAsync(ct);
        if (After(SubscriptionScope, cursor) is { } after)
        {
            var (ms, id) = after;
            query = query.Where(s => s.CreatedAtMs > ms || (s.CreatedAtMs == ms && string.Compare(s.Id, id) > 0));
        }

        var rows = await query.OrderBy(s => s.CreatedAtMs).ThenBy(s => s.Id).Take(limit + 1).ToListAsync(ct);
        return Paging.Slice(rows.Select(ToDto).ToList(), rows.Select(r => SortKey(r.CreatedAtMs, r.Id)).ToList(), limit, total, SubscriptionScope).Page;
    }

    public async Task<WebhookSubscriptionDto?> GetAsync(string id, CancellationToken ct) =>
        await db.Set<WebhookSubscriptionEntity>().Untracked().SingleOrDefaultAsync(s => s.Id == id, ct) is { } row ? ToDto(row) : null;

    /// <summary>Removes the subscription with its deliveries (pending ones are not sent); false when none has the id.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        // Its deliveries and their attempts go with it (ON DELETE CASCADE); an attempt in flight then records nothing.
        return await db.Set<WebhookSubscriptionEntity>().Where(s => s.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>A subscription's deliveries newest first, each with its attempts; null when no subscription has the id.</summary>
    public async Task<Page<WebhookDeliveryDto>?> DeliveriesAsync(string subscriptionId, int limit, string? cursor, CancellationToken ct)
    {
        if (!await db.Set<WebhookSubscriptionEntity>().AnyAsync(s => s.Id == subscriptionId, ct))
        {
            return null;
        }

        var scope = $"webhook-deliveries\n{subscriptionId}";
        var query = db.Set<WebhookDeliveryEntity>().Untracked().Where(d => d.SubscriptionId == subscriptionId);
        var total = await query.CountAsync(ct);
        if (After(scope, cursor) is { } after)
        {
            var (ms, id) = after;
            query = query.Where(d => d.CreatedAtMs < ms || (d.CreatedAtMs == ms && string.Compare(d.Id, id) < 0));
        }

        var rows = await query.OrderByDescending(d => d.CreatedAtMs).ThenByDescending(d => d.Id).Take(limit + 1).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var attempts = (await db.Set<WebhookAttemptEntity>().Untracked().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct))
            .ToLookup(a => a.DeliveryId, StringComparer.Ordinal);
        var items = rows.Select(d => new WebhookDeliveryDto(d.Id, d.EventType, d.ReleaseId, Time(d.CreatedAtMs), d.Status, d.AttemptCount,
                Time(d.NextAttemptAtMs), Time(d.DeliveredAtMs),
                attempts[d.Id].OrderBy(a => a.Number)
                    .Select(a => new WebhookAttemptDto(a.Number, Time(a.AttemptedAtMs), a.DurationMs, a.StatusCode, a.Response, a.Error)).ToList()))
            .ToList();
        return Paging.Slice(items, rows.Select(r => SortKey(r.CreatedAtMs, r.Id)).ToList(), limit, total, scope).Page;
    }

    private static WebhookSubscriptionDto ToDto(WebhookSubscriptionEntity s) =>
        new(s.Id, s.Url, s.Events.Split(',', StringSplitOptions.RemoveEmptyEntries), new WebhookFilterDto(s.DocumentId, s.ThemeId), s.Description,
            Time(s.CreatedAtMs));

    private static string SortKey(long ms, string id) => $"{ms.ToString(CultureInfo.InvariantCulture)}|{id}";

    private static (long Ms, string Id)? After(string scope, string? cursor)
    {
        if (Cursor.Decode(scope, cursor) is not { } key)
        {
            return null;
        }

        var parts = key.Split('|', 2);
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? (ms, parts[1])
            : throw new InvalidCursorException("cursor is not a value returned as nextCursor by this API");
    }

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? Time(long? ms) => ms is { } value ? Time(value) : null;
}
