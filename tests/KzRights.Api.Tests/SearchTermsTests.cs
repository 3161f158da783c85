using KzRights.Data.Search;

namespace KzRights.Api.Tests;

/// <summary>The provider-independent parts of search: stems, irregular forms, locator queries, highlights.</summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("квота", "квоты", "квоту", "квотой")]
    [InlineData("rights", "right")]
    [InlineData("tortured", "torture", "torturing")]
    [InlineData("Penalties", "penalty")]
    public void Inflected_forms_share_one_snowball_stem(params string[] forms) =>
        Assert.Single(forms.Select(SearchStemmer.Stem).Distinct());

    [Theory]
    [InlineData("women", "woman")]
    [InlineData("children", "child")]
    [InlineData("crises", "crisis")]
    public void Irregular_forms_no_stemmer_derives_are_one_group(string plural, string singular)
    {
        Assert.NotEqual(SearchStemmer.Stem(plural), SearchStemmer.Stem(singular));
        Assert.Equal(SearchTerms.Parse(plural).StemGroups, SearchTerms.Parse(singular).StemGroups);
    }

    [Fact]
    public void The_highlighter_marks_every_form_that_matched()
    {
        var snippet = Highlighter.Build("A woman, two women and the women's council; квотой и квоты.", SearchTerms.Parse("women квота"));
        Assert.Equal(["woman", "women", "women", "квотой", "квоты"], snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length)));
    }

    [Theory]
    [InlineData("CCPR/C/KAZ/CO/3 para 20", "CCPR/C/KAZ/CO/3", "20", true)]
    [InlineData("ccpr/c/kaz/co/3, paragraph 20", "CCPR/C/KAZ/CO/3", "20", true)]
    [InlineData("A/HRC/WG.6/48/KAZ/1 para. 31", "A/HRC/WG.6/48/KAZ/1", "31", true)]
    [InlineData("139.30", null, "139.30", false)]
    [InlineData("12 (a)", null, "12 (a)", false)]
    [InlineData("12(\u0430)", null, "12 (a)", false)]
    [InlineData("14 (e)(f)", null, "14 (e) and (f)", false)]
    [InlineData("para 5", null, "5", true)]
    public void A_query_that_is_a_citation_is_read_as_a_locator(string query, string? symbol, string? locator, bool namesParagraph) =>
        Assert.Equal(new SearchLocator(symbol, locator, namesParagraph), SearchLocator.TryParse(query));

    [Theory]
    [InlineData("death penalty")]
    [InlineData("women 20")]
    [InlineData("")]
    public void Ordinary_words_are_no_locator(string query) => Assert.Null(SearchLocator.TryParse(query));
}
