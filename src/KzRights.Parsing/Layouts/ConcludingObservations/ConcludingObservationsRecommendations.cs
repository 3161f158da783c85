using System.Globalization;
using System.Text.RegularExpressions;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>The third stage: which paragraphs are recommendations, their ids (<c>ccpr-3/20</c>), themes and prior
/// recommendations cited, and which of them the follow-up paragraph selects.</summary>
internal static partial class ConcludingObservationsRecommendations
{
    /// <summary>A recommendation paragraph is one whose text asks the State party to act in the Committee's
    /// operative wording: "the State party should …" (also after "In line with / Reiterating / Bearing in mind
    /// its previous recommendations,"), "the Committee urges the State party to …", or the wording other committees
    /// and later reports use for the same request: "recommends that the State party …", "calls upon the State
    /// party to …". Paragraphs that only note,
    /// welcome or regret do not use these words. The closing procedural requests ("is requested to provide …
    /// information", "requests the State party, in preparing the report, …") concern the reporting procedure
    /// itself and are not recommendations; the follow-up request is read separately.</summary>
    private static bool IsRecommendation(Paragraph paragraph) => RecommendationWording().IsMatch(paragraph.Text);

    public static void Add(DocumentBuilder builder)
    {
        var metadata = builder.Source.Metadata;
        var cycle = metadata.Symbol is null ? null : CycleOfSymbol().Match(metadata.Symbol) is { Success: true } m ? m.Groups["cycle"].Value : null;
        if (cycle is null)
        {
            throw builder.Source.Error(1, $"the manifest symbol '{metadata.Symbol}' names no reporting cycle (…/CO/n), which recommendation ids need");
        }

        var followUp = ConcludingObservationsFollowUp.Read(builder);
        var recommendations = new Dictionary<int, Recommendation>();
        foreach (var paragraph in builder.Paragraphs.Where(IsRecommendation))
        {
            var number = int.Parse(paragraph.Number!, CultureInfo.InvariantCulture);
            var isFollowUp = followUp?.Numbers.ContainsKey(number) == true;
            var recommendation = new Recommendation(
                $"{metadata.Mechanism}-{cycle}/{paragraph.Number}",
                metadata.Mechanism,
                paragraph.Number!,
                string.Join(' ', paragraph.SubItems.Select(s => $"({s.Label}) {s.Text}").Prepend(paragraph.Text)),
                builder.Slug,
                paragraph.Id,
                // The innermost section is the theme: a thematic heading, or the chapter where none is printed.
                paragraph.SectionPath.Count == 0 ? null : paragraph.SectionPath[^1],
                paragraph.Footnotes.SelectMany(f => f.Citations)
                    .Where(c => UnSymbolCitations.IsConcludingObservations(c.Symbol) && c.Symbol != metadata.Symbol)
                    .ToArray(),
                isFollowUp,
                isFollowUp ? followUp!.Deadline : null);
            recommendations.Add(number, recommendation);
            builder.Recommendations.Add(recommendation);
            builder.ResponseLinks.Add(new ResponseLink(recommendation.Id, paragraph.Id, "states", $"paragraph {paragraph.Number}"));
            if (isFollowUp)
            {
                builder.ResponseLinks.Add(
                    new ResponseLink(recommendation.Id, followUp!.Paragraph.Id, "follow-up", $"paragraph {followUp.Paragraph.Number}: \"{followUp.Phrase}\""));
            }
        }

        if (followUp is null)
        {
            return;
        }

        foreach (var (number, theme) in followUp.Numbers)
        {
            if (!recommendations.TryGetValue(number, out var recommendation))
            {
                throw builder.Source.Error(followUp.Paragraph.StartLine, $"paragraph {number}, selected for follow-up, is not a recommendation paragraph");
            }

            if (theme is not null && !string.Equals(theme, recommendation.Theme, StringComparison.OrdinalIgnoreCase))
            {
                builder.Warning(followUp.Paragraph.StartLine, $"follow-up names paragraph {number} \"{theme}\" but it stands under \"{recommendation.Theme}\"");
            }
        }
    }

    [GeneratedRegex(
        @"\bState party should\b|\burges the State party\b|\brecommends that the State party\b|\bcalls (?:up)?on the State party\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex RecommendationWording();

    [GeneratedRegex(@"/CO/(?<cycle>\d+)\b")]
    private static partial Regex CycleOfSymbol();
}
