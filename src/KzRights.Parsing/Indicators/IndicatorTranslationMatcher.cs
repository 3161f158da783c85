namespace KzRights.Parsing.Indicators;

/// <summary>Pairs the indicators of a Russian paragraph with those of its English translation (document 000
/// prints both). Numbers are language-neutral, so an indicator pairs with the one that states the same value,
/// unit and period; looser passes accept a differing period, then a unique equal value.</summary>
public sealed class IndicatorTranslationMatcher
{
    public IndicatorTranslationMatch Match(IReadOnlyList<Indicator> russian, IReadOnlyList<Indicator> english)
    {
        ArgumentNullException.ThrowIfNull(russian);
        ArgumentNullException.ThrowIfNull(english);
        var pairs = new List<IndicatorPair>();
        var freeRussian = new List<Indicator>(russian);
        var freeEnglish = new List<Indicator>(english);

        Pass("value+unit+period", (r, e) => SameValue(r, e) && r.Unit == e.Unit && r.Period?.Start == e.Period?.Start && r.Period?.End == e.Period?.End);
        Pass("value+unit", (r, e) => SameValue(r, e) && r.Unit == e.Unit);
        Pass("value", (r, e) => SameValue(r, e) && freeEnglish.Count(x => SameValue(r, x)) == 1 && freeRussian.Count(x => SameValue(x, e)) == 1);

        return new IndicatorTranslationMatch(
            [.. pairs.OrderBy(p => p.Russian.Start)],
            freeRussian,
            freeEnglish);

        void Pass(string matchedOn, Func<Indicator, Indicator, bool> agrees)
        {
            foreach (var r in freeRussian.ToList())
            {
                var e = freeEnglish.FirstOrDefault(x => agrees(r, x));
                if (e is null)
                {
                    continue;
                }

                pairs.Add(new IndicatorPair(r, e, matchedOn));
                freeRussian.Remove(r);
                freeEnglish.Remove(e);
            }
        }
    }

    private static bool SameValue(Indicator a, Indicator b) =>
        a.Value * IndicatorScale.Multiplier(a.Scale) == b.Value * IndicatorScale.Multiplier(b.Scale)
        && a.ValueUpper * IndicatorScale.Multiplier(a.Scale) == b.ValueUpper * IndicatorScale.Multiplier(b.Scale);
}
