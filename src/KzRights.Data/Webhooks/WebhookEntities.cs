using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KzRights.Data.Webhooks;

// Times that the delivery schedule compares or orders in SQL are Unix milliseconds (long): EF Core's SQLite provider
// cannot compare or order DateTimeOffset columns, and a number compares the same on every provider.

/// <summary>A registered receiver. The secret is stored as issued (unlike API keys, which are stored as hashes)
/// because every delivery is signed with it.</summary>
public sealed class WebhookSubscriptionEntity
{
    public required string Id { get; set; }
    public required string Url { get; set; }

    /// <summary>The subscribed event types, comma-separated, in <see cref="WebhookEvents.All"/> order.</summary>
    public required string Events { get; set; }

    /// <summary>Filters of the <c>changes</c> event: only changes of this document, of records tagged with this theme.</summary>
    public string? DocumentId { get; set; }
    public string? ThemeId { get; set; }
    public string? Description { get; set; }
    public required string Secret { get; set; }
    public long CreatedAtMs { get; set; }
}

/// <summary>One message to one subscription, written to this outbox in the transaction that publishes its release and
/// sent by the dispatcher until it is delivered or its retry window ends. <see cref="Id"/> is the <c>webhook-id</c>
/// of every attempt; <see cref="Payload"/> is the exact body signed and sent each time.</summary>
public sealed class WebhookDeliveryEntity
{
    public required string Id { get; set; }
    public required string SubscriptionId { get; set; }
    public required string EventType { get; set; }
    public required string ReleaseId { get; set; }
    public required string Payload { get; set; }
    public long CreatedAtMs { get; set; }
    public required string Status { get; set; }
    public int AttemptCount { get; set; }

    /// <summary>When the next attempt is due; null once delivered or given up.</summary>
    public long? NextAttemptAtMs { get; set; }
    public long? DeliveredAtMs { get; set; }

    /// <summary>The dispatcher instance sending the delivery right now, and until when its claim holds: another instance
    /// takes the delivery only after the lease expired (a crashed sender).</summary>
    public string? LeaseOwner { get; set; }
    public long? LeaseExpiresAtMs { get; set; }
}

/// <summary>One attempt to send a delivery: the receiver's status code and the start of its answer, or the error.</summary>
public sealed class WebhookAttemptEntity
{
    public required string DeliveryId { get; set; }
    public int Number { get; set; }
    public long AttemptedAtMs { get; set; }
    public int DurationMs { get; set; }
    public int? StatusCode { get; set; }
    public string? Response { get; set; }
    public string? Error { get; set; }
}

/// <summary>The states of a delivery.</summary>
public static class WebhookDeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    /// <summary>Every attempt of the retry window failed; the receiver can catch up with <c>/v1/changes?since=</c>.</summary>
    public const string Failed = "failed";
}

/// <summary>The event types a subscription can ask for.</summary>
public static class WebhookEvents
{
    /// <summary>Every new release, with the counts of what it changed.</summary>
    public const string ReleasePublished = "release.published";

    /// <summary>A release that changed records matching the subscription's document or theme filter, with their counts.</summary>
    public const string Changes = "changes";

    public static readonly IReadOnlyList<string> All = [ReleasePublished, Changes];
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscriptionEntity>
{
    public void Configure(EntityTypeBuilder<WebhookSubscriptionEntity> e)
    {
        e.ToTable("webhook_subscriptions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(WebhookLimits.IdLength);
        e.Property(x => x.Url).HasMaxLength(WebhookLimits.MaxUrlLength);
        e.Property(x => x.Events).HasMaxLength(100);
        e.Property(x => x.DocumentId).HasMaxLength(200);
        e.Property(x => x.ThemeId).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(WebhookLimits.MaxDescriptionLength);
        e.Property(x => x.Secret).HasMaxLength(100);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDeliveryEntity>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryEntity> e)
    {
        e.ToTable("webhook_deliveries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(40);
        e.Property(x => x.SubscriptionId).HasMaxLength(WebhookLimits.IdLength);
        e.Property(x => x.EventType).HasMaxLength(40);
        e.Property(x => x.ReleaseId).HasMaxLength(40);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.LeaseOwner).HasMaxLength(100);
        e.HasOne<WebhookSubscriptionEntity>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.Status, x.NextAttemptAtMs });
        e.HasIndex(x => new { x.SubscriptionId, x.CreatedAtMs });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttemptEntity>
{
    public void Configure(EntityTypeBuilder<WebhookAttemptEntity> e)
    {
        e.ToTable("webhook_attempts");
        e.HasKey(x => new { x.DeliveryId, x.Number });
        e.Property(x => x.DeliveryId).HasMaxLength(40);
        e.Property(x => x.Response).HasMaxLength(WebhookLimits.MaxStoredResponseLength);
        e.Property(x => x.Error).HasMaxLength(WebhookLimits.MaxStoredResponseLength);
        e.HasOne<WebhookDeliveryEntity>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class WebhookLimits
{
    internal const int IdLength = 16;
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 200;

    /// <summary>How much of a receiver's answer (or of an error message) an attempt keeps.</summary>
    public const int MaxStoredResponseLength = 500;
}
