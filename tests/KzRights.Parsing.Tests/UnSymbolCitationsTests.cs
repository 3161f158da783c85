using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests;

public sealed class UnSymbolCitationsTests
{
    private static string Render(string text, string? previousSymbol = null)
    {
        Assert.True(UnSymbolCitations.TryParse(text, previousSymbol, out var citations, out _));
        return string.Join(" | ", citations.Select(c => $"{c.Symbol} [{string.Join(",", c.Paragraphs)}]"));
    }

    [Theory]
    [InlineData("CCPR/C/KAZ/CO/2, para. 8.", "CCPR/C/KAZ/CO/2 [8]")]
    [InlineData("See CCPR/C/SR.4226 and CCPR/C/SR.4227.", "CCPR/C/SR.4226 [] | CCPR/C/SR.4227 []")]
    [InlineData("A/HRC/WG.6/48/KAZ/1, paras. 12, 14 and 16.", "A/HRC/WG.6/48/KAZ/1 [12,14,16]")]
    [InlineData("E/C.12/KAZ/CO/2, paras. 7–9 and 11 (a).", "E/C.12/KAZ/CO/2 [7–9,11 (a)]")]
    [InlineData("Persons living with HIV/AIDS and/or hepatitis.", "")]
    public void Symbols_and_their_paragraphs_are_read_in_order(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Fact]
    public void Ibid_takes_the_last_symbol_cited_before_it() =>
        Assert.Equal("CCPR/C/KAZ/CO/2 [22,24]", Render("Ibid., paras. 22 and 24.", "CCPR/C/KAZ/CO/2"));

    [Fact]
    public void Ibid_after_a_symbol_in_the_same_note_takes_that_symbol() =>
        Assert.Equal("CAT/C/KAZ/CO/3 [] | CAT/C/KAZ/CO/3 [5]", Render("CAT/C/KAZ/CO/3; ibid., para. 5.", "CCPR/C/KAZ/CO/2"));

    [Fact]
    public void Ibid_with_nothing_before_it_fails()
    {
        Assert.False(UnSymbolCitations.TryParse("Ibid., para. 3.", null, out var citations, out _));
        Assert.Empty(citations);
    }

    [Theory]
    [InlineData("CCPR/C/KAZ/CO/2", true)]
    [InlineData("CCPR/C/KAZ/QPR/3", false)]
    [InlineData("CCPR/C/SR.4226", false)]
    public void Concluding_observations_symbols_are_recognised(string symbol, bool expected) =>
        Assert.Equal(expected, UnSymbolCitations.IsConcludingObservations(symbol));
}
