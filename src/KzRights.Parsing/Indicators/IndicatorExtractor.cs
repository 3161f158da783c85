using System.Globalization;

namespace KzRights.Parsing.Indicators;

/// <summary>Extracts every quantitative statement of a paragraph as an <see cref="Indicator"/>. The rules are
/// described in <c>src/KzRights.Parsing/Indicators/README.md</c>; each indicator names the rule that produced it
/// in <see cref="Indicator.Rule"/>. Stateless and thread-safe.</summary>
public sealed class IndicatorExtractor
{
    public IReadOnlyList<Indicator> Extract(ParagraphText paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (string.IsNullOrWhiteSpace(paragraph.Text))
        {
            return [];
        }

        var analysis = new ParagraphAnalysis(paragraph.Text, paragraph.Language);
        var candidates = analysis.Run();
        var indicators = new List<Indicator>(candidates.Count);
        foreach (var c in candidates)
        {
            var n = (indicators.Count + 1).ToString(CultureInfo.InvariantCulture);
            indicators.Add(new Indicator(
                $"{paragraph.ParagraphId}/i{n}",
                paragraph.DocumentId,
                paragraph.ParagraphId,
                paragraph.Language,
                c.Value,
                c.ValueUpper,
                c.Unit!,
                c.Scale,
                c.Qualifier,
                c.Period,
                c.Subject,
                c.Kind,
                c.Measure,
                c.Population,
                c.Role,
                c.TargetYear,
                paragraph.Text.Substring(c.QuoteStart, c.QuoteEnd - c.QuoteStart),
                c.QuoteStart,
                c.QuoteEnd - c.QuoteStart,
                c.Rule));
        }

        return indicators;
    }
}
