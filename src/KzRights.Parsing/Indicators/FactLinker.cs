using System.Globalization;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Indicators;

/// <summary>Links indicators that state the same fact: the same <see cref="Indicator.Measure"/> (a key of the
/// controlled <see cref="MeasureVocabulary"/>, so a fact never mixes measures; numbers without a measure are not
/// linked), the same kind (a target is not an attestation of the value reached), the same period for measured values
/// (a quota or a target compares its year instead), and compatible populations (equal, or one contains the other).
/// Indicators of the same paragraph are never one fact: a paragraph that repeats a measure is breaking it down.
/// Only facts stated by at least two paragraphs are returned. <see cref="Fact.Conflict"/> flags attestations that
/// disagree in value, year or unit; <see cref="Fact.ConflictScope"/> says whether the disagreeing statements come
/// from different documents or from one.</summary>
public sealed class FactLinker
{
    /// <param name="indicators">The indicators of every document.</param>
    /// <param name="documentYears">The year each document reports as at (its issue date). A measured value the text
    /// gives no period ("There are 27 crisis centres") is stated as at its document's year, so undated statements
    /// of reports from different years are not one fact; without a year they are keyed "undated".</param>
    public IReadOnlyList<Fact> Link(IEnumerable<Indicator> indicators, IReadOnlyDictionary<string, int>? documentYears = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        documentYears ??= new Dictionary<string, int>();
        var facts = new List<Fact>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var groups = indicators
            .Where(Considers)
            .GroupBy(i => (Measure: i.Measure!, i.Kind, Dimension: IndicatorUnit.Dimension(i.Unit), Period: PeriodKey(i, documentYears)))
            .OrderBy(g => g.Key.Measure, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer
                .Ordinal).ThenBy(g => g.Key.Period, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var clusters = new List<List<Indicator>>();
            foreach (var indicator in group.OrderBy(i => i.DocumentId, StringComparer.Ordinal).ThenBy(i => i.ParagraphId, StringComparer.Ordinal)
                .ThenBy(i => i.Start))
            {
                var home = clusters.FirstOrDefault(c => c.All(x => x.ParagraphId != indicator.ParagraphId && Compatible(x.Population, indicator.Population)));
                if (home is null)
                {
                    clusters.Add([indicator]);
                }
                else
                {
                    home.Add(indicator);
                }
            }

            foreach (var cluster in clusters.Where(c => c.Count > 1))
            {
                var fact = ToFact(group.Key.Measure, group.Key.Kind, group.Key.Period, cluster, clusters.Count > 1);
                var id = fact.Id;
                for (var n = 2; !ids.Add(id); n++)
                {
                    id = $"{fact.Id}-{n.ToString(CultureInfo.InvariantCulture)}";
                }

                facts.Add(fact with { Id = id });
            }
        }

        return facts;
    }

    /// <summary>Whether <see cref="Link"/> looks at an indicator at all: only those with a measure, and not the earlier
    /// value of a change or a part of a whole. What a caller must keep of a corpus to link its facts.</summary>
    public static bool Considers(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Measure is not null && indicator.Role is not (IndicatorRole.Before or IndicatorRole.Part);
    }

    /// <summary>A measured value's period as years ("2021", "2020-2023", "since-2013", "by-2030"); empty for
    /// quotas and targets, whose year is compared rather than keyed.</summary>
    public static string PeriodKey(Indicator indicator, IReadOnlyDictionary<string, int> documentYears)
    {
        if (indicator.Kind is IndicatorKind.Quota or IndicatorKind.Target)
        {
            return string.Empty;
        }

        if (indicator.Period is not { } p)
        {
            return documentYears.TryGetValue(indicator.DocumentId, out var year)
                ? "as-reported-" + year.ToString(CultureInfo.InvariantCulture)
                : "undated";
        }

        return (p.Start, p.End) switch
        {
            ({ } s, { } e) when s.Year == e.Year => s.Year.ToString(CultureInfo.InvariantCulture),
            ({ } s, { } e) => $"{s.Year}-{e.Year}",
            ({ } s, null) => $"since-{s.Year}",
            (null, { } e) => $"by-{e.Year}",
            _ => string.Empty,
        };
    }

    private static bool Compatible(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == 0 || b.Count == 0 || a.All(b.Contains) || b.All(a.Contains);

    private static Fact ToFact(string measure, string kind, string periodKey, List<Indicator> cluster, bool splitByPopulation)
    {
        var first = cluster[0];
        var population = cluster.OrderByDescending(i => i.Population.Count).First().Population;
        var id = $"fact/{measure}/{kind}";
        if (periodKey.Length > 0)
        {
            id += "/" + periodKey;
        }

        if (splitByPopulation && population.Count > 0)
        {
            id += "/" + StableId.Slug(string.Join(' ', population), 40);
        }

        var attestations = cluster.Select(i => new FactAttestation(
            i.Id, i.DocumentId, i.Value, i.ValueUpper, i.Unit, i.Scale, i.Qualifier, i.Period, YearOf(i))).ToList();
        var reasons = new List<string>();
        var values = attestations.Select(a => (Low: a.Value * IndicatorScale.Multiplier(a.Scale), High: a.ValueUpper * IndicatorScale.Multiplier(a.Scale)))
            .Distinct()
            .ToList();
        if (values.Count > 1)
        {
            reasons.Add("values differ: " + string.Join(", ", attestations.Select(a => $"{Format(a)} ({a.IndicatorId})")));
        }

        var years = attestations.Where(a => a.Year is not null).Select(a => a.Year!.Value).Distinct().ToList();
        if (kind is IndicatorKind.Quota or IndicatorKind.Target && years.Count > 1)
        {
            reasons.Add("years differ: " + string.Join(", ", attestations.Where(a => a.Year is not null).Select(a => $"{a.Year} ({a.IndicatorId})")));
        }

        if (attestations.Select(a => a.Unit).Distinct().Count() > 1)
        {
            reasons.Add("units differ: " + string.Join(", ", attestations.Select(a => $"{a.Unit} ({a.IndicatorId})")));
        }

        var period = periodKey.Length == 0 || first.Period is null ? null : first.Period;
        string? scope = null;
        if (reasons.Count > 0)
        {
            var documents = attestations.Select(a => a.DocumentId).Distinct(StringComparer.Ordinal).ToList();
            scope = documents.Count > 1 ? FactConflictScope.AcrossDocuments : FactConflictScope.WithinDocument;
            reasons.Insert(0, documents.Count > 1
                ? $"statements of {documents.Count} documents disagree"
                : $"statements of one document ({documents[0]}) disagree");
        }

        return new Fact(id, measure, first.Subject, kind, first.Unit, period, population, attestations, reasons.Count > 0, scope,
            reasons.Count > 0 ? string.Join("; ", reasons) : null);
    }

    private static int? YearOf(Indicator i) => i.Kind == IndicatorKind.Target
        ? i.TargetYear ?? i.Period?.End?.Year
        : i.Period?.Start?.Year ?? i.Period?.End?.Year;

    private static string Format(FactAttestation a)
    {
        var value = a.Value.ToString(CultureInfo.InvariantCulture) + (a.ValueUpper is { } u ? "–" + u.ToString(CultureInfo.InvariantCulture) : string.Empty);
        return a.Scale is null ? value : $"{value} {a.Scale}";
    }
}
