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

    [Fact]
    public void The_highlighter_marks_every_match_in_the_snippet_of_a_long_text_as_a_scan_of_every_word_would()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 400).Select(i => i % 7 == 0 ? "courts" : "word" + i));
        var terms = SearchTerms.Parse("women court");
        foreach (var text in new[]
        {
            "Women " + filler, filler + " women at the end", filler[..150] + " women " + filler,
            filler[..1000] + " woman " + filler[..235] + " women " + filler,
            string.Join(' ', Enumerable.Repeat("women", 200)), "no match at all in this text",
        })
        {
            var snippet = Highlighter.Build(text, terms);
            var stems = terms.StemGroups.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
            var every = System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{N}]+")
                .Where(w => stems.Contains(SearchStemmer.Stem(w.Value)))
                .Select(w => w.Index - snippet.TextOffset).Where(start => start >= 0 && start < snippet.Text.Length).ToList();
            Assert.Equal(every, snippet.Highlights.Select(h => h.Start));
            Assert.Equal(text.Substring(snippet.TextOffset, snippet.Text.Length), snippet.Text);
            Assert.True(snippet.Text.Length <= Highlighter.SnippetLength);
        }
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
