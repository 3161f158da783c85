using System.Globalization;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Indicators;

/// <summary>Finds the quota statements of a paragraph, including those that give no number ("persons with
/// disabilities have been included among groups for whom a quota of seats in the Majilis has been established").
/// One <see cref="Quota"/> per quota share printed in the sentence, or one without a share.</summary>
public sealed partial class QuotaExtractor
{
    private readonly IndicatorExtractor _extractor = new();

    public IReadOnlyList<Quota> Extract(ParagraphText paragraph) => Extract(paragraph, _extractor.Extract(paragraph));

    /// <summary>Uses indicators already extracted from the same paragraph (their quota shares become the
    /// quotas' percentages).</summary>
    public IReadOnlyList<Quota> Extract(ParagraphText paragraph, IReadOnlyList<Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        ArgumentNullException.ThrowIfNull(indicators);
        var text = paragraph.Text;
        var periods = PeriodReader.Read(text);
        var quotas = new List<Quota>();
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var span = TrimSpan(text, sentence);
            var sentenceText = text.Substring(span.Start, span.Length);
            if (!QuotaCue().IsMatch(sentenceText))
            {
                continue;
            }

            var who = QuotaVocabulary.AppliesTo(sentenceText);
            var where = QuotaVocabulary.Where(sentenceText);
            var shares = indicators.Where(i => i.Kind == IndicatorKind.Quota && i.Start >= span.Start && i.Start < span.End).ToList();
            var sentencePeriods = periods.Where(p => p.Start >= span.Start && p.End <= span.End).ToList();
            if (shares.Count == 0)
            {
                if (who.Count == 0 && where.Count == 0 || ExistingQuotaOnly().IsMatch(sentenceText))
                {
                    continue;
                }

                quotas.Add(Build(paragraph, quotas.Count, null, null, who, where, SinceYear(null, sentencePeriods), null, span, "quota-mention"));
                continue;
            }

            foreach (var share in shares)
            {
                quotas.Add(
                    Build(
                        paragraph,
                        quotas.Count,
                        share.Value,
                        share.ValueUpper,
                        who,
                        where,
                        SinceYear(share, sentencePeriods),
                        share.Id,
                        span,
                        "quota-share"));
            }
        }

        return quotas;
    }

    private static Quota Build(
        ParagraphText paragraph, int index, decimal? percent, decimal? upper, IReadOnlyList<string> who,
        IReadOnlyList<string> where, int? since, string? indicatorId, TextSpan span, string rule) =>
        new(
            $"{paragraph.ParagraphId}/q{(index + 1).ToString(CultureInfo.InvariantCulture)}",
            paragraph.DocumentId,
            paragraph.ParagraphId,
            percent,
            upper,
            who,
            where,
            since,
            indicatorId,
            paragraph.Text.Substring(span.Start, span.Length),
            span.Start,
            span.Length,
            rule);

    /// <summary>The year the quota applies from: the share's own period, a "since" in the sentence, the
    /// sentence's period, or the date of the law that introduced it.</summary>
    private static int? SinceYear(Indicator? share, IReadOnlyList<PeriodMention> periods)
    {
        if (share?.Period?.Start is { } start)
        {
            return start.Year;
        }

        var since = periods.FirstOrDefault(p => p.Use == PeriodUse.Statement && p.Period is { End: null, Start: not null });
        if (since is not null)
        {
            return since.Period!.Start!.Value.Year;
        }

        var statement = periods.FirstOrDefault(p => p.Use == PeriodUse.Statement && p.Period?.Start is not null);
        if (statement is not null)
        {
            return statement.Period!.Start!.Value.Year;
        }

        return periods.FirstOrDefault(p => p.Use == PeriodUse.Citation && p.Period?.Start is not null)?.Period!.Start!.Value.Year;
    }

    private static TextSpan TrimSpan(string text, TextSpan span)
    {
        var start = span.Start;
        var end = span.End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    [GeneratedRegex(@"quota|квот|reserved\s+for|must\s+be\s+reserved", RegexOptions.IgnoreCase)]
    private static partial Regex QuotaCue();

    // "8,200 persons are employed under the quota system": a count under an existing quota, not a quota statement.
    [GeneratedRegex(@"\b(?:under|within)\s+the\s+quota\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExistingQuotaOnly();
}
