using KzRights.Parsing.Model;
using KzRights.Parsing.Themes;

namespace KzRights.Parsing.Analysis;

/// <summary>What the tagger assigned to one record. <see cref="TargetType"/> is <c>paragraph</c>,
/// <c>recommendation</c> or <c>indicator</c>.</summary>
public sealed record ThemeAssignment(string TargetType, string TargetId, string ThemeId, double Confidence, string Reason);

/// <summary>Everything derived from the parsed corpus rather than read off it: theme tags (and, with the indicator
/// extractor, indicators, quotas, series and facts). Deterministic: the same corpus gives the same output.</summary>
public sealed record CorpusAnalysis(IReadOnlyList<ThemeAssignment> Themes);

public static class CorpusAnalyzer
{
    private static readonly ThemeTagger Tagger = new(ThemeVocabulary.Default);

    public static CorpusAnalysis Analyze(ParsedCorpus corpus)
    {
        var themes = new List<ThemeAssignment>();
        foreach (var paragraph in corpus.Documents.SelectMany(d => d.Paragraphs))
        {
            // The section path carries chapter, heading and (for the UPR report) the recommendation group: the
            // strongest signals of what a paragraph is about.
            var text = string.Join(' ', paragraph.SubItems.Select(s => s.Text).Prepend(paragraph.Text));
            themes.AddRange(Stated("paragraph", paragraph.Id, Tagger.Tag(text, new ThemeContext(paragraph.SectionPath))));
        }

        foreach (var recommendation in corpus.Recommendations)
        {
            // UPR and CEDAW records have no text in the corpus: their theme heading is the only evidence.
            var headings = recommendation.Theme is { } theme ? new[] { theme } : [];
            themes.AddRange(Stated("recommendation", recommendation.Id, Tagger.Tag(recommendation.Text ?? string.Empty, new ThemeContext(headings))));
        }

        return new CorpusAnalysis(themes);
    }

    // Hints below the evidence threshold are not stored: a tag in the API means the text or its heading says so.
    private static IEnumerable<ThemeAssignment> Stated(string targetType, string targetId, IReadOnlyList<ThemeTag> tags) =>
        tags.Where(t => t.Confidence >= ThemeTagger.EvidenceThreshold)
            .Select(t => new ThemeAssignment(targetType, targetId, t.ThemeId, Math.Round(t.Confidence, 3), t.Reason));
}
