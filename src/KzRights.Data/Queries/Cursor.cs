using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace KzRights.Data.Queries;

/// <summary>Thrown for a cursor that is malformed or belongs to another query; the API answers 400.</summary>
public sealed class InvalidCursorException(string message) : Exception(message);

/// <summary>Opaque keyset cursors: the sort key of the last item returned plus a fingerprint of the query's filters.
/// Keyset (not offset) paging stays correct when rows are added or removed between pages; the fingerprint stops a
/// cursor from one query being replayed against different filters.</summary>
public static class Cursor
{
    private const string Version = "c1";

    public static string Encode(string scope, string lastSortKey) => EncodeWith(Fingerprint(scope), lastSortKey);

    /// <summary>Cursors for many sort keys of one scope, each encoded when first read (REST reads only the last, as
    /// <c>nextCursor</c>; GraphQL edges read them all); the scope's fingerprint is hashed once.</summary>
    public static IReadOnlyList<string> EncodeMany(string scope, IReadOnlyList<string> sortKeys) => new Encoded(Fingerprint(scope), sortKeys);

    private sealed class Encoded(string fingerprint, IReadOnlyList<string> sortKeys) : IReadOnlyList<string>
    {
        private readonly string?[] _cursors = new string?[sortKeys.Count];

        public int Count => _cursors.Length;

        public string this[int index] => _cursors[index] ??= EncodeWith(fingerprint, sortKeys[index]);

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The sort key to continue after, or null when <paramref name="cursor"/> is null or empty.</summary>
    public static string? Decode(string scope, string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw new InvalidCursorException("cursor is not a value returned as nextCursor by this API");
        }

        var parts = decoded.Split('\n', 3);
        if (parts.Length != 3 || parts[0] != Version || parts[2].Length == 0)
        {
            throw new InvalidCursorException("cursor is not a value returned as nextCursor by this API");
        }

        if (parts[1] != Fingerprint(scope))
        {
            throw new InvalidCursorException("cursor belongs to a query with other filters; repeat the same filters or start without a cursor");
        }

        return parts[2];
    }

    public static bool IsWellFormed(string? cursor) =>
        string.IsNullOrEmpty(cursor) || (cursor.Length <= 2048 && Base64Url.IsValid(cursor));

    private static string EncodeWith(string fingerprint, string sortKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}\n{fingerprint}\n{sortKey}"));

    private static string Fingerprint(string scope) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];
}

/// <summary>A page plus the cursor of every item on it, for GraphQL connections where each edge carries a cursor
/// usable as <c>after</c>. REST serializes only <see cref="Page"/>, so its output does not change.
/// <see cref="ItemCursors"/> is parallel to <c>Page.Items</c>; the last one equals <c>Page.NextCursor</c> when there
/// is a next page.</summary>
public sealed record CursorPage<T>(Page<T> Page, IReadOnlyList<string> ItemCursors)
{
    /// <summary>The same page and cursors with each item mapped.</summary>
    public CursorPage<TOut> Map<TOut>(Func<T, TOut> map) => new(Page.Map(map), ItemCursors);
}

/// <summary>Page-size rules shared by REST and GraphQL.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>Cuts the page from <paramref name="fetched"/> (one row more than <paramref name="limit"/> was asked
    /// for, to learn whether a next page exists) and encodes a cursor for every item it keeps.</summary>
    public static CursorPage<T> Slice<T>(List<T> fetched, int limit, int total, string scope, Func<T, string> sortKey) =>
        Slice(fetched, fetched.Select(sortKey).ToList(), limit, total, scope);

    /// <summary>As above, with the sort keys given in a list parallel to <paramref name="fetched"/>.</summary>
    public static CursorPage<T> Slice<T>(List<T> fetched, IReadOnlyList<string> sortKeys, int limit, int total, string scope)
    {
        var hasMore = fetched.Count > limit;
        if (hasMore)
        {
            fetched.RemoveRange(limit, fetched.Count - limit);
        }

        var cursors = Cursor.EncodeMany(scope, sortKeys.Take(fetched.Count).ToArray());
        return new CursorPage<T>(new Page<T>(fetched, hasMore ? cursors[^1] : null, total), cursors);
    }
}
