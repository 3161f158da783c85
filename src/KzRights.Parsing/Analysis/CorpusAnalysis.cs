using KzRights.Parsing.Corpus;
using KzRights.Parsing.Entities;
using KzRights.Parsing.Indicators;
using KzRights.Parsing.Model;
using KzRights.Parsing.Themes;

namespace KzRights.Parsing.Analysis;

/// <summary>The kinds of record a theme is assigned to.</summary>
public static class ThemeTargets
{
    public const string Paragraph = "paragraph";
    public const string Recommendation = "recommendation";
    public const string Indicator = "indicator";
}

/// <summary>What the tagger assigned to one record; <see cref="TargetType"/> is one of <see cref="ThemeTargets"/>.</summary>
public sealed record ThemeAssignment(string TargetType, string TargetId, string ThemeId, double Confidence, string Reason);

/// <summary>An indicator with the paragraph that holds it. Indicators of a lettered sub-item carry the sub-item's id
/// as <see cref="Indicator.ParagraphId"/> (their offsets are in the sub-item's text); <see cref="OwnerParagraphId"/>
/// is then the paragraph the sub-item belongs to.</summary>
public sealed record LocatedIndicator(Indicator Indicator, string OwnerParagraphId, string? SubItemId, string SourceText);

/// <summary>An entity mention with the paragraph that holds it (<see cref="EntityMention.ParagraphId"/> is the
/// sub-item's id for mentions in a lettered sub-item, whose offsets are in the sub-item's text).</summary>
public sealed record LocatedEntityMention(EntityMention Mention, string OwnerParagraphId, string? SubItemId);

/// <summary>A Russian indicator and the English one that states the same number in the paragraph's translation.</summary>
public sealed record IndicatorTranslation(string RussianId, string EnglishId, string MatchedOn);

/// <summary>Everything derived from the parsed corpus rather than read off it. Deterministic: the same corpus gives
/// the same output.</summary>
public sealed record CorpusAnalysis(
    IReadOnlyList<LocatedIndicator> Indicators,
    IReadOnlyList<Quota> Quotas,
    IReadOnlyList<Series> Series,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<IndicatorTranslation> IndicatorTranslations,
    IReadOnlyList<ThemeAssignment> Themes,
    IReadOnlyList<LocatedEntityMention> EntityMentions,
    IReadOnlyList<Entity> Entities);

/// <summary>What the analysis derives from one document alone: everything but facts and entities (which link
/// statements across documents) and the themes of recommendations (which are merged across documents).</summary>
public sealed record DocumentAnalysis(
    IReadOnlyList<LocatedIndicator> Indicators,
    IReadOnlyList<Quota> Quotas,
    IReadOnlyList<Series> Series,
    IReadOnlyList<IndicatorTranslation> IndicatorTranslations,
    IReadOnlyList<ThemeAssignment> Themes,
    IReadOnlyList<LocatedEntityMention> EntityMentions);

/// <summary>The analysis of a corpus, in two parts so that an ingest can stream it: <see cref="AnalyzeDocument"/> per
/// document (series and translations never leave their paragraph's document), then the corpus-wide links over what the
/// documents gave: <see cref="FactLinker"/> over the indicators, <see cref="EntityAccumulator"/> over the mentions and
/// <see cref="RecommendationThemes(IEnumerable{Recommendation})"/> over the merged recommendations. <see cref="Analyze"/> is the two put together.</summary>
public static class CorpusAnalyzer
{
    private static readonly ThemeTagger Tagger = new(ThemeVocabulary.Default);

    public static CorpusAnalysis Analyze(ParsedCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var documents = corpus.Documents.Select(AnalyzeDocument).ToList();
        var indicators = documents.SelectMany(d => d.Indicators).ToList();
        var mentions = documents.SelectMany(d => d.EntityMentions).ToList();
        var plain = indicators.Select(i => i.Indicator).ToArray();
        return new CorpusAnalysis(
            indicators,
            documents.SelectMany(d => d.Quotas).ToList(),
            documents.SelectMany(d => d.Series).ToList(),
            new FactLinker().Link(plain, corpus.Documents.Select(ReportingYear).OfType<(string, int)>()
                .ToDictionary(y => y.Item1, y => y.Item2, StringComparer.Ordinal)),
            documents.SelectMany(d => d.IndicatorTranslations).ToList(),
            [.. documents.SelectMany(d => d.Themes), .. RecommendationThemes(corpus.Recommendations)],
            mentions,
            new EntityLinker().Link(mentions.Select(m => m.Mention)));
    }

    public static DocumentAnalysis AnalyzeDocument(ParsedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var extractor = new IndicatorExtractor();
        var quotaExtractor = new QuotaExtractor();
        var entityExtractor = new EntityExtractor();
        var mentions = new List<LocatedEntityMention>();
        var indicators = new List<LocatedIndicator>();
        var quotas = new List<Quota>();
        var themes = new List<ThemeAssignment>();
        foreach (var paragraph in document.Paragraphs)
        {
            var sources = paragraph.SubItems
                .Select(s => (Id: s.Id, SubItemId: (string?)s.Id, s.Text))
                .Prepend((Id: paragraph.Id, SubItemId: null, paragraph.Text));
            var context = new ThemeContext(paragraph.SectionPath);
            foreach (var source in sources)
            {
                var text = new ParagraphText(paragraph.DocumentId, source.Id, paragraph.Language, source.Text);
                var found = extractor.Extract(text);
                quotas.AddRange(quotaExtractor.Extract(text, found));
                mentions.AddRange(entityExtractor.Extract(text).Select(m => new LocatedEntityMention(m, paragraph.Id, source.SubItemId)));
                foreach (var indicator in found)
                {
                    indicators.Add(new LocatedIndicator(indicator, paragraph.Id, source.SubItemId, source.Text));
                    // An indicator is about what its paragraph's headings say and what its own subject names.
                    themes.AddRange(Stated(ThemeTargets.Indicator, indicator.Id, Tagger.Tag($"{indicator.Subject}. {indicator.Quote}", context)));
                }
            }

            // The section path carries chapter, heading and (for the UPR report) the recommendation group: the
            // strongest signals of what a paragraph is about.
            var all = string.Join(' ', paragraph.SubItems.Select(s => s.Text).Prepend(paragraph.Text));
            themes.AddRange(Stated(ThemeTargets.Paragraph, paragraph.Id, Tagger.Tag(all, context)));
        }

        var plain = indicators.Select(i => i.Indicator).ToArray();
        var unified = EntityLinker.UnifyDatedLawIds(mentions.Select(m => m.Mention).ToList());
        mentions = mentions.Zip(unified, (located, mention) => located with { Mention = mention }).ToList();
        return new DocumentAnalysis(indicators, quotas, new SeriesBuilder().Build(plain), MatchTranslations(document, plain), themes, mentions);
    }

    /// <summary>The themes of the recommendations of the corpus (merged across documents, <see cref="CorpusParser.Combine"/>).</summary>
    public static IEnumerable<ThemeAssignment> RecommendationThemes(IEnumerable<Recommendation> recommendations) =>
        recommendations.SelectMany(r => RecommendationThemes(r.Id, r.Text, r.Theme));

    /// <summary>The themes of one merged recommendation, from its text and theme heading (what the ingest reads back from
    /// the rows it wrote rather than keeping every recommendation until the last document).</summary>
    public static IEnumerable<ThemeAssignment> RecommendationThemes(string id, string? text, string? theme)
    {
        // UPR and CEDAW records have no text in the corpus: their theme heading is the only evidence.
        var headings = theme is { } heading ? new[] { heading } : [];
        return Stated(ThemeTargets.Recommendation, id, Tagger.Tag(text ?? string.Empty, new ThemeContext(headings)));
    }

    /// <summary>The year a document reports as at (for <see cref="FactLinker"/>): the date it was issued, else its latest
    /// date; null when it has no date.</summary>
    public static (string DocumentId, int Year)? ReportingYear(ParsedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var dates = document.Metadata.Dates;
        return dates.Count == 0 ? null : (document.Id, (dates.FirstOrDefault(x => x.Role == "issued") ?? dates.MaxBy(x => x.Date)!).Date.Year);
    }

    // The bilingual document pairs each Russian paragraph with its English translation; the numbers they state are paired too.
    private static List<IndicatorTranslation> MatchTranslations(ParsedDocument document, IReadOnlyList<Indicator> indicators)
    {
        var byParagraph = indicators.ToLookup(i => i.ParagraphId, StringComparer.Ordinal);
        var matcher = new IndicatorTranslationMatcher();
        var result = new List<IndicatorTranslation>();
        foreach (var link in document.Translations.Where(t => t.Kind == "paragraph"))
        {
            var (ru, en) = link.SourceLanguage == "ru" ? (link.SourceId, link.TargetId) : (link.TargetId, link.SourceId);
            var russian = byParagraph[ru].ToArray();
            var english = byParagraph[en].ToArray();
            if (russian.Length == 0 || english.Length == 0)
            {
                continue;
            }

            result.AddRange(matcher.Match(russian, english).Pairs.Select(p => new IndicatorTranslation(p.Russian.Id, p.English.Id, p.MatchedOn)));
        }

        return result;
    }

    // Hints below the evidence threshold are not stored: a tag in the API means the text or its heading says so.
    private static IEnumerable<ThemeAssignment> Stated(string targetType, string targetId, IReadOnlyList<ThemeTag> tags) =>
        tags.Where(t => t.Confidence >= ThemeTagger.EvidenceThreshold)
            .Select(t => new ThemeAssignment(targetType, targetId, t.ThemeId, Math.Round(t.Confidence, 3), t.Reason));
}
