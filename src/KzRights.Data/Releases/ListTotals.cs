using System.Collections.Concurrent;

namespace KzRights.Data.Releases;

/// <summary>The totals of filtered lists in one release, as this instance counted them. A published release never
/// changes, so the total of a list under one filter is counted once per release instead of by a <c>count(*)</c> on
/// every page (at 100,000 paragraphs that count was 98 ms of a 126 ms page). Kept by <see cref="CurrentRelease"/> beside
/// the release it belongs to and dropped with it. Bounded by a number of filters, so arbitrary filter texts cannot grow
/// the process: when full, further totals are counted per page as before.</summary>
public sealed class ListTotals(int capacity)
{
    private readonly ConcurrentDictionary<string, int> _totals = new(StringComparer.Ordinal);

    /// <summary>The total remembered for the list <paramref name="scope"/> (a list's cursor scope names it and every
    /// filter value), if any.</summary>
    public int? Find(string scope) => _totals.TryGetValue(scope, out var total) ? total : null;

    public void Remember(string scope, int total)
    {
        if (_totals.Count < capacity)
        {
            _totals.TryAdd(scope, total);
        }
    }
}
