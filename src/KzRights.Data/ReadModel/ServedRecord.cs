using System.Buffers;
using System.Linq.Expressions;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using KzRights.Data.Entities;
using KzRights.Data.Providers;
using KzRights.Data.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Query;

namespace KzRights.Data.ReadModel;

/// <summary>One record of the read model: its full representation as the API serves it, computed once per ingest
/// (when the records are hashed for the release) instead of from eight queries per request. Citations in it end with
/// <see cref="ServedRecords.ReleaseToken"/>, replaced by the release of the request when it is read.</summary>
public sealed class ServedRecordEntity
{
    public required string Type { get; set; }
    public required string RecordId { get; set; }

    /// <summary>The JSON as UTF-8 bytes: a request writes them to the response as they are, where text would be decoded to
    /// UTF-16 when read and encoded back when written (most of an uncached page's allocations).</summary>
    public required byte[] Json { get; set; }

    /// <summary>The record's content hash (<see cref="Releases.RecordHash"/>), kept here while the ingest builds the read
    /// model so that the release's content hash and record hashes are computed from the database, not from a list in memory
    /// that grows with the corpus.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The document the record belongs to (null for records that span documents), copied into the release's
    /// record hashes.</summary>
    public string? DocumentId { get; set; }

    /// <summary>The sort key of the record's row, for the records whose lists page through a whole table (paragraphs,
    /// recommendations, indicators; null for the others): a page of such a list reads this table alone, by its
    /// (<see cref="Type"/>, <see cref="SortKey"/>) index, instead of walking the row table's sort-key index and looking up
    /// each row's record (<see cref="PreparedReads.WholeTablePageAsync"/>).</summary>
    public string? SortKey { get; set; }
}

internal sealed class ServedRecordConfiguration : IEntityTypeConfiguration<ServedRecordEntity>
{
    public void Configure(EntityTypeBuilder<ServedRecordEntity> e)
    {
        e.ToTable("served_records");
        e.HasKey(x => new { x.Type, x.RecordId });
        e.Property(x => x.Type).HasMaxLength(16);
        e.Property(x => x.RecordId).HasMaxLength(ModelLimits.IdLength + 64);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.DocumentId).HasMaxLength(ModelLimits.IdLength + 64);
        // As long as the longest of those rows' sort keys (an indicator's); collated like them (KzRightsDbContext).
        e.Property(x => x.SortKey).HasMaxLength(ModelLimits.IdLength + 32);
        e.HasIndex(x => new { x.Type, x.SortKey });
    }
}

/// <summary>Writes and reads the read model. The normalized tables stay the source of truth (filters, search, keyset
/// order, CSV tables); the read model only replaces the hydration of the records a page or a lookup returns.</summary>
public static class ServedRecords
{
    /// <summary>Stands for the release in stored citations: the stored JSON (and the record hashes computed from the same
    /// objects) does not depend on the release it is published in.</summary>
    public const string ReleaseToken = "\u27e6release\u27e7";

    /// <summary>The API's JSON conventions (camelCase, enums as camelCase strings, nulls written), with non-ASCII text
    /// kept literal so the token can be replaced in the text.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Set here rather than on first use so that GraphQL can read the contracts before anything is serialized.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>What replaces <see cref="ReleaseToken"/>: the suffix the release context's citer appends.</summary>
    public static string Suffix(string? releaseId) => releaseId is null ? string.Empty : $" — KzRights release {releaseId}";

    /// <summary><see cref="Suffix"/> as UTF-8, the form stored JSON is completed with.</summary>
    public static byte[] Utf8Suffix(string? releaseId) => Encoding.UTF8.GetBytes(Suffix(releaseId));

    private static readonly byte[] Utf8ReleaseToken = Encoding.UTF8.GetBytes(ReleaseToken);

    /// <summary>Hands <paramref name="use"/> the stored JSON with its citations naming the release (every
    /// <see cref="ReleaseToken"/> replaced by <paramref name="utf8Suffix"/>), in a pooled buffer valid only during the call,
    /// so completing a record allocates nothing.</summary>
    public static TResult Complete<TState, TResult>(
        byte[] stored, byte[] utf8Suffix, TState state, Func<TState, ReadOnlySpan<byte>, TResult> use)
    {
        var token = Utf8ReleaseToken.AsSpan();
        var at = stored.AsSpan().IndexOf(token);
        if (at < 0)
        {
            return use(state, stored);
        }

        // A record of a page (a few KB) is completed in one pass, its buffer sized for the most tokens it could hold; a large
        // one (a document) has its tokens counted first, so that its buffer is not three times its size.
        var tokens = stored.Length <= 16 * 1024 ? stored.Length / token.Length : stored.AsSpan().Count(token);
        var buffer = ArrayPool<byte>.Shared.Rent(stored.Length + (tokens * Math.Max(0, utf8Suffix.Length - token.Length)));
        try
        {
            var rest = stored.AsSpan();
            var written = 0;
            for (; at >= 0; at = rest.IndexOf(token))
            {
                rest[..at].CopyTo(buffer.AsSpan(written));
                utf8Suffix.CopyTo(buffer.AsSpan(written + at));
                written += at + utf8Suffix.Length;
                rest = rest[(at + token.Length)..];
            }

            rest.CopyTo(buffer.AsSpan(written));
            return use(state, buffer.AsSpan(0, written + rest.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The stored record as <typeparamref name="T"/>, its citations naming the release.</summary>
    public static T Deserialize<T>(byte[] stored, byte[] utf8Suffix) =>
        Complete(stored, utf8Suffix, 0, static (_, json) => JsonSerializer.Deserialize<T>(json, Json)!);

    /// <summary>The record serialized once: the stored JSON, and its hash computed from those bytes.</summary>
    public static ServedRecordEntity Of<T>(string type, string id, string? documentId, T record, string? sortKey = null)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        return new() { Type = type, RecordId = id, DocumentId = documentId, SortKey = sortKey, Sha256 = Releases.RecordHash.OfJson(json), Json = json };
    }

    /// <summary>The stored records of <paramref name="type"/> among <paramref name="ids"/>, with citations naming
    /// <paramref name="releaseId"/>; ids without a stored record (a database written before the read model) are absent.</summary>
    public static async Task<Dictionary<string, T>> LoadAsync<T>(
        KzRightsDbContext db, string type, IReadOnlyCollection<string> ids, string? releaseId, CancellationToken ct)
    {
        var suffix = Utf8Suffix(releaseId);
        var rows = await db.ServedRecords.Untracked().Where(r => r.Type == type && ids.Contains(r.RecordId))
            .Select(r => new { r.RecordId, r.Json }).ToListAsync(ct);
        return rows.ToDictionary(
            r => r.RecordId, r => Deserialize<T>(r.Json, suffix), StringComparer.Ordinal);
    }
}

/// <summary>How query services hydrate records: from the read model when serving a request, from the normalized
/// tables when building the read model (and for rows it lacks).</summary>
public static class StoredHydration
{
    /// <summary>The records of <paramref name="rows"/> in their order: stored when every one is stored, else built.</summary>
    public static async Task<List<T>> HydrateAsync<TRow, T>(
        KzRightsDbContext db, Releases.ReleaseContext release, string type, IReadOnlyList<TRow> rows, Func<TRow, string> idOf,
        Func<IReadOnlyList<TRow>, Task<List<T>>> build, CancellationToken ct)
    {
        if (rows.Count == 0 || !release.ServesStoredRecords)
        {
            return await build(rows);
        }

        var stored = await ServedRecords.LoadAsync<T>(db, type, rows.Select(idOf).ToArray(), (await release.GetAsync(ct))?.Id, ct);
        return stored.Count == rows.Count ? rows.Select(r => stored[idOf(r)]).ToList() : await build(rows);
    }

    /// <summary>One keyset page of a list for a request: the filtered rows after the cursor joined to their stored JSON in
    /// one query, plus the total. Where serving from the read model is off (at ingest) or a row of the page has no
    /// stored record, the page is built by <paramref name="hydrate"/> instead.</summary>
    /// <remarks><c>inSortKeyOrder</c> is true when the filter reads its rows from an index in sort-key order (no filter, or only
    /// the leading column of a (column, SortKey) index). The page is then ordered and limited after joining the stored JSON,
    /// so the database walks the index and looks up one record per row; limiting first and joining the limited rows made
    /// SQLite sort the page's JSON again in a temporary b-tree (0.17 of 0.21 ms at corpus size). Any other filter limits its
    /// rows first and joins only those, so no JSON is read for a matching row outside the page.</remarks>
    public static async Task<CursorPage<Served<T>>> PageAsync<TRow, T>(
        KzRightsDbContext db, Releases.ReleaseContext release, string type, IQueryable<TRow> filtered,
        string scope, bool inSortKeyOrder, string? cursor, int limit, Func<List<TRow>, Task<List<T>>> hydrate, CancellationToken ct)
        where TRow : class, IServedRow
        where T : class
    {
        if (release.ServesStoredRecords)
        {
            var totals = await release.TotalsAsync(ct);
            var known = totals?.Find(scope);
            var wholeTable = known is not null && WholeTablePages<TRow>.Selects(filtered)
                && await WholeTablePages<TRow>.StoredInFullAsync(db, totals!, type, known.Value, ct);
            var rows = wholeTable
                ? await WholeTablePages<TRow>.ReadAsync(db, type, Cursor.Decode(scope, cursor), limit + 1, ct)
                : await JoinedPageAsync(db, type, filtered, scope, inSortKeyOrder, cursor, limit, counted: known is null, ct);
            // The joined page comes back in the database's order; sorted here rather than by a second ORDER BY, for which
            // SQLite copied every row's JSON into a sorter (a no-op where the database already ordered it).
            rows.Sort((x, y) => string.CompareOrdinal(x.SortKey, y.SortKey));
            if (rows.TrueForAll(r => r.Json is not null))
            {
                var total = known ?? (rows.Count > 0 ? rows[0].Total : await Keyset.TotalAsync(filtered, scope, release, ct));
                totals?.Remember(scope, total);
                var suffix = ServedRecords.Utf8Suffix((await release.GetAsync(ct))?.Id);
                return Paging.Slice(rows.ConvertAll(r => Served<T>.FromStored(r.Json!, suffix)), rows.ConvertAll(r => r.SortKey), limit, total, scope);
            }
        }

        var built = await Keyset.PageAsync(filtered, scope, cursor, limit, hydrate, ct, release: release);
        return built.Map(Served<T>.Of);
    }

    /// <summary>One round trip: the page's stored JSON and, when <paramref name="counted"/> (this release's total of the filter
    /// is not known yet), the total as a scalar subquery (evaluated once by every provider). The release token is replaced by
    /// the caller, not by SQL replace(), which took SQLite 0.9 ms a page.</summary>
    private static async Task<List<StoredRow>> JoinedPageAsync<TRow>(
        KzRightsDbContext db, string type, IQueryable<TRow> filtered, string scope, bool inSortKeyOrder, string? cursor, int limit,
        bool counted, CancellationToken ct)
        where TRow : class, IServedRow
    {
        var stored = db.ServedRecords.Where(s => s.Type == type);
        var page = inSortKeyOrder ? Keyset.AfterCursor(filtered, scope, cursor) : Keyset.After(filtered, scope, cursor, limit);
        var joined = counted
            ? page.LeftJoin(
                stored, r => r.Id, s => s.RecordId, (r, s) => new StoredRow { SortKey = r.SortKey, Json = s == null ? null : s.Json, Total = filtered.Count() })
            : page.LeftJoin(stored, r => r.Id, s => s.RecordId, (r, s) => new StoredRow { SortKey = r.SortKey, Json = s == null ? null : s.Json });
        return await (inSortKeyOrder ? joined.OrderBy(r => r.SortKey).Take(limit + 1) : joined).ToListAsync(ct);
    }

    /// <summary>The page of a list without a filter (a whole type, first page or after a cursor), the commonest list request:
    /// the same rows as <see cref="JoinedPageAsync"/>'s, read from the read model alone by its sort keys, as a command prepared
    /// once per connection (<see cref="PreparedReads"/>). Filters keep the LINQ path: their combinations would each need a
    /// statement of their own.</summary>
    private static class WholeTablePages<TRow>
        where TRow : class, IServedRow
    {
        /// <summary>True when <paramref name="filtered"/> is the table itself (as the query services start every filter:
        /// <c>db.X.Untracked()</c>, or the bare set), so the whole-table statement selects the same rows.</summary>
        public static bool Selects(IQueryable<TRow> filtered) => filtered.Expression switch
        {
            QueryRootExpression => true,
            MethodCallExpression { Method.Name: nameof(EntityFrameworkQueryableExtensions.AsNoTracking), Arguments: [QueryRootExpression] } call =>
                call.Method.DeclaringType == typeof(EntityFrameworkQueryableExtensions),
            _ => false,
        };

        /// <summary>Whether the read model holds each of the type's <paramref name="rows"/> rows with its sort key, counted once
        /// per release and type by each instance (beside the list totals: the read model changes only with a release). The
        /// whole-table statement reads the read model alone, so a row without a stored record would be missing from its pages;
        /// such a list (a database written before the read model) takes the joined path, which builds what the read model
        /// lacks.</summary>
        public static async Task<bool> StoredInFullAsync(KzRightsDbContext db, Releases.ListTotals totals, string type, int rows, CancellationToken ct)
        {
            // Not a list's cursor scope, so no list's total is taken for it. Remembered like a total (Releases:ListTotalsPerRelease):
            // an instance whose memo of this release is full counts it again per request.
            var scope = "\u0000stored with sort keys: " + type;
            if (totals.Find(scope) is not { } stored)
            {
                stored = await db.ServedRecords.Untracked().CountAsync(s => s.Type == type && s.SortKey != null, ct);
                totals.Remember(scope, stored);
            }

            return stored == rows;
        }

        public static async Task<List<StoredRow>> ReadAsync(KzRightsDbContext db, string type, string? after, int take, CancellationToken ct) =>
            (await PreparedReads.WholeTablePageAsync(db, type, after, take, ct)).ConvertAll(r => new StoredRow { SortKey = r.SortKey, Json = r.Json });
    }

    /// <summary>A row of a stored page: its sort key, its stored JSON (null where the read model lacks it) and the filter's
    /// total (0 where the release's total was already known). Properties rather than a positional record, so the database
    /// can order by the sort key after the projection.</summary>
    private sealed class StoredRow
    {
        public required string SortKey { get; init; }
        public byte[]? Json { get; init; }
        public int Total { get; init; }
    }

    /// <summary>One record for a request: its stored JSON by one indexed lookup, else <paramref name="build"/> (a database
    /// written before the read model, or an unknown id, for which it answers null).</summary>
    public static async Task<Served<T>?> OneAsync<T>(
        KzRightsDbContext db, Releases.ReleaseContext release, string type, string id, Func<Task<T?>> build, CancellationToken ct)
        where T : class
    {
        if (release.ServesStoredRecords)
        {
            var json = await PreparedReads.StoredJsonAsync(db, type, id, ct);
            if (json is not null)
            {
                return Served<T>.FromStored(json, ServedRecords.Utf8Suffix((await release.GetAsync(ct))?.Id));
            }
        }

        return await build() is { } value ? Served<T>.Of(value) : null;
    }

    /// <summary>One record from the read model, or null when serving from it is off or the id is not stored.</summary>
    public static async Task<T?> TryLoadOneAsync<T>(
        KzRightsDbContext db, Releases.ReleaseContext release, string type, string id, CancellationToken ct)
        where T : class =>
        (await TryLoadAllAsync<T>(db, release, type, [id], ct))?[id];

    /// <summary>Every record of <paramref name="ids"/> from the read model in one query, or null when serving from it is
    /// off or one of them is not stored (an unknown id: the caller's usual path answers it).</summary>
    public static async Task<IReadOnlyDictionary<string, T>?> TryLoadAllAsync<T>(
        KzRightsDbContext db, Releases.ReleaseContext release, string type, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (!release.ServesStoredRecords || ids.Count == 0)
        {
            return null;
        }

        var stored = await ServedRecords.LoadAsync<T>(db, type, ids, (await release.GetAsync(ct))?.Id, ct);
        return stored.Count == ids.Distinct(StringComparer.Ordinal).Count() ? stored : null;
    }
}
