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

    public static string Encode(string scope, string lastSortKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}\n{Fingerprint(scope)}\n{lastSortKey}"));

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

    private static string Fingerprint(string scope) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];
}

/// <summary>Page-size rules shared by REST and GraphQL.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static Page<T> Slice<T>(List<T> fetched, int limit, int total, string scope, Func<T, string> sortKey)
    {
        var hasMore = fetched.Count > limit;
        if (hasMore)
        {
            fetched.RemoveAt(fetched.Count - 1);
        }

        return new Page<T>(fetched, hasMore ? Cursor.Encode(scope, sortKey(fetched[^1])) : null, total);
    }
}
