using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KzRights.Data.Access;

/// <summary>An API key as stored: never the key itself, only the SHA-256 of it. A fast hash is enough here (unlike for
/// passwords) because a key is 256 random bits: there is no dictionary to try.</summary>
public sealed class ApiKeyEntity
{
    /// <summary>Public part of the key (<c>kzr_&lt;id&gt;_…</c>), shown by <c>keys list</c> and used to revoke it.</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Scope { get; set; }
    public required string SecretSha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKeyEntity>
{
    public void Configure(EntityTypeBuilder<ApiKeyEntity> e)
    {
        e.ToTable("api_keys");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(ApiKeyScopes.IdLength);
        e.Property(x => x.Name).HasMaxLength(ApiKeyScopes.MaxNameLength);
        e.Property(x => x.Scope).HasMaxLength(16);
        e.Property(x => x.SecretSha256).HasMaxLength(64);
    }
}

/// <summary>What a key allows. Every valid key raises its holder's rate limits; <c>admin</c> also opens the admin
/// routes (re-ingest, webhook subscriptions).</summary>
public static class ApiKeyScopes
{
    public const string Read = "read";
    public const string Admin = "admin";
    public static readonly IReadOnlyList<string> All = [Read, Admin];

    internal const int IdLength = 12;
    public const int MaxNameLength = 200;
}

/// <summary>A key as listed (without its secret).</summary>
public sealed record ApiKeyInfo(string Id, string Name, string Scope, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>Creates, lists, revokes and checks API keys. A key reads <c>kzr_&lt;12 hex id&gt;_&lt;43 base64url
/// characters&gt;</c>: the id finds the row, the SHA-256 of the whole key must match it (compared in constant time).</summary>
public sealed class ApiKeyStore(KzRightsDbContext db, TimeProvider clock)
{
    private const string Prefix = "kzr_";

    /// <summary>Only what a key looks like (for telling a malformed header from a wrong key, without a query).</summary>
    public static bool LooksLikeKey(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The new key's description and the key itself, which is not stored and cannot be shown again.</summary>
    public async Task<(ApiKeyInfo Key, string Secret)> CreateAsync(string name, string scope, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > ApiKeyScopes.MaxNameLength)
        {
            throw new ArgumentException($"A key needs a name of 1 to {ApiKeyScopes.MaxNameLength} characters.", nameof(name));
        }

        if (!ApiKeyScopes.All.Contains(scope))
        {
            throw new ArgumentException($"Unknown scope '{scope}'; use {string.Join(" or ", ApiKeyScopes.All)}.", nameof(scope));
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(ApiKeyScopes.IdLength / 2));
        var secret = $"{Prefix}{id}_{System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        var entity = new ApiKeyEntity
        {
            Id = id,
            Name = name.Trim(),
            Scope = scope,
            SecretSha256 = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(entity);
        await db.SaveChangesAsync(ct);
        return (Info(entity), secret);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken ct)
    {
        var keys = await db.Set<ApiKeyEntity>().Untracked().ToListAsync(ct);
        return [.. keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal).Select(Info)];
    }

    /// <summary>False when no key has this id; revoking a revoked key keeps its first revocation time.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken ct)
    {
        if (await db.Set<ApiKeyEntity>().FirstOrDefaultAsync(k => k.Id == id, ct) is not { } key)
        {
            return false;
        }

        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The key's description when <paramref name="secret"/> is a key this API issued and has not revoked.</summary>
    public async Task<ApiKeyInfo?> VerifyAsync(string secret, CancellationToken ct)
    {
        var parts = secret.Split('_', 3);
        if (parts is not ["kzr", { Length: ApiKeyScopes.IdLength } id, { Length: > 0 }])
        {
            return null;
        }

        var key = await db.Set<ApiKeyEntity>().Untracked().FirstOrDefaultAsync(k => k.Id == id, ct);
        return key is { RevokedAt: null }
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.SecretSha256), Encoding.ASCII.GetBytes(Hash(secret)))
            ? Info(key)
            : null;
    }

    private static ApiKeyInfo Info(ApiKeyEntity k) => new(k.Id, k.Name, k.Scope, k.CreatedAt, k.RevokedAt);

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
