namespace KzRights.Parsing.Indicators;

/// <summary>Groups the indicators of a paragraph that give one measure for several periods ("507 preventive
/// visits in 2021, 568 in 2022 and 461 in 2023") into a <see cref="Series"/>: same subject, unit, kind and scale,
/// at least two distinct periods, points in calendar order.</summary>
public sealed class SeriesBuilder
{
    public IReadOnlyList<Series> Build(IEnumerable<Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var series = new List<Series>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var groups = indicators
            .Where(i => i.Period is { } p && (p.Start is not null || p.End is not null) && SubjectKey.Of(i.Subject).Length > 0
                && i.Role is not (IndicatorRole.Part or IndicatorRole.Whole))
            .GroupBy(i => (i.DocumentId, i.ParagraphId, Subject: SubjectKey.Of(i.Subject), i.Unit, i.Kind, i.Scale));
        foreach (var group in groups)
        {
            var points = group
                .OrderBy(i => i.Period!.Start ?? i.Period.End)
                .ThenBy(i => i.Period!.End ?? i.Period.Start)
                .ThenBy(i => i.Start)
                .ToList();
            var distinctPeriods = points.Select(i => (i.Period!.Start, i.Period.End)).Distinct().Count();
            if (distinctPeriods < 2)
            {
                continue;
            }

            var first = group.OrderBy(i => i.Start).First();
            var key = $"{group.Key.ParagraphId}/{SubjectKey.Slug(first.Subject)}";
            if (!keys.Add(key))
            {
                key = $"{key}-{group.Key.Unit}-{group.Key.Kind}";
                keys.Add(key);
            }

            series.Add(new Series(
                key,
                group.Key.DocumentId,
                group.Key.ParagraphId,
                first.Subject,
                group.Key.Unit,
                group.Key.Kind,
                [.. points.Select(i => new SeriesPoint(i.Period!, i.Value, i.Scale, i.Id))]));
        }

        return series;
    }
}
