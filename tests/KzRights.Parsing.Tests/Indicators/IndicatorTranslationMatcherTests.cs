using KzRights.Parsing.Indicators;

namespace KzRights.Parsing.Tests.Indicators;

/// <summary>Pairs of real paragraphs of the communication reply (al-kaz-4-2025-reply), which prints the Russian
/// original and the English translation.</summary>
public sealed class IndicatorTranslationMatcherTests
{
    private const string Slug = "al-kaz-4-2025-reply";
    private readonly IndicatorExtractor _extractor = new();

    private IndicatorTranslationMatch MatchLines(int russianLine, int englishLine)
    {
        var lines = CorpusLines.Of(Slug);
        var russian = lines.Single(l => l.ParagraphId == $"{Slug}/line-{russianLine}");
        var english = lines.Single(l => l.ParagraphId == $"{Slug}/line-{englishLine}");
        Assert.Equal(("ru", "en"), (russian.Language, english.Language));
        return new IndicatorTranslationMatcher().Match(_extractor.Extract(russian), _extractor.Extract(english));
    }

    [Fact]
    public void The_thirty_per_cent_quota_pairs_with_its_translation()
    {
        var match = MatchLines(161, 299);
        var pair = Assert.Single(match.Pairs);
        Assert.Equal(("30%", "30%", "value+unit+period"), (pair.Russian.Quote, pair.English.Quote, pair.MatchedOn));
        Assert.Equal((IndicatorKind.Quota, IndicatorKind.Quota), (pair.Russian.Kind, pair.English.Kind));
        Assert.Empty(match.UnmatchedRussian);
        Assert.Empty(match.UnmatchedEnglish);
    }

    [Fact]
    public void More_than_400_peaceful_assemblies_pairs_with_its_translation()
    {
        var pair = Assert.Single(MatchLines(203, 338).Pairs);
        Assert.Equal(("более 400 мирных собраний", "more than 400 peaceful assemblies"), (pair.Russian.Quote, pair.English.Quote));
        Assert.Equal("value+unit+period", pair.MatchedOn);
        Assert.Equal((IndicatorQualifier.MoreThan, IndicatorQualifier.MoreThan), (pair.Russian.Qualifier, pair.English.Qualifier));
        Assert.Equal(new DateOnly(2021, 1, 1), pair.English.Period!.Start);
    }

    [Fact]
    public void Digits_pair_with_number_words()
    {
        var match = MatchLines(81, 223);
        Assert.Equal(
            [("более 50 встреч", "more than 50 meetings"), ("трех Планах", "three plans")],
            match.Pairs.Select(p => (p.Russian.Quote, p.English.Quote)));
        Assert.Equal(("4 заседания", "four meetings"), MatchLines(91, 233).Pairs.Select(p => (p.Russian.Quote, p.English.Quote)).Single());
        Assert.Equal(("менее 3 часов", "less than three hours"), MatchLines(141, 279).Pairs.Select(p => (p.Russian.Quote, p.English.Quote)).Single());
    }

    [Fact]
    public void Ranges_and_single_values_of_one_paragraph_pair_one_to_one()
    {
        var match = MatchLines(189, 324);
        Assert.Equal(3, match.Pairs.Count);
        Assert.Equal([(5m, (decimal?)null), (10m, null), (3m, 5m)], match.Pairs.Select(p => (p.English.Value, p.English.ValueUpper)));
        Assert.All(match.Pairs, p => Assert.Equal((IndicatorUnit.Days, IndicatorUnit.Days), (p.Russian.Unit, p.English.Unit)));
    }

    [Fact]
    public void A_number_without_a_counterpart_stays_unmatched()
    {
        var russian = _extractor.Extract(new ParagraphText(Slug, "ru", "ru", "В 2023 году проведено 12 встреч и 5 семинаров."));
        var english = _extractor.Extract(new ParagraphText(Slug, "en", "en", "In 2023, 12 meetings were held."));
        var match = new IndicatorTranslationMatcher().Match(russian, english);
        Assert.Single(match.Pairs);
        Assert.Equal(5m, Assert.Single(match.UnmatchedRussian).Value);
        Assert.Empty(match.UnmatchedEnglish);
    }
}
