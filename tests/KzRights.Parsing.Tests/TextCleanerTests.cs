using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests;

public sealed class TextCleanerTests
{
    [Theory]
    [InlineData("**The State Party should:**", "The State Party should:")]
    [InlineData("administrative heads (*akim*) at the district", "administrative heads (akim) at the district")]
    [InlineData("report of Kazakhstan*", "report of Kazakhstan*")]
    [InlineData("* Adopted by the Committee", "* Adopted by the Committee")]
    [InlineData("**there is no urgent need** to *develop*.", "there is no urgent need to develop.")]
    public void Emphasis_is_removed_but_a_lone_asterisk_marker_stays(string input, string expected) =>
        Assert.Equal(expected, TextCleaner.StripEmphasis(input));

    [Fact]
    public void Bookmark_markers_and_tabs_are_removed() =>
        Assert.Equal("The framework for family", TextCleaner.Clean("[bookmark: _Hlk214362744]\tThe framework   for family "));

    [Fact]
    public void Superscript_markers_are_lifted_out_with_their_offsets()
    {
        var (text, markers) = TextCleaner.ExtractFootnoteMarkers("report of Kazakhstan¹ at its meetings,² held; see¹⁰ it");
        Assert.Equal("report of Kazakhstan at its meetings, held; see it", text);
        Assert.Equal([("1", 20), ("2", 37), ("10", 47)], markers);
    }

    [Theory]
    [InlineData("image1.jpg", true)]
    [InlineData("image2.png", true)]
    [InlineData("See image2.png for details", false)]
    public void Image_file_names_are_recognised_only_as_whole_lines(string line, bool expected) =>
        Assert.Equal(expected, TextCleaner.IsImageFileName(line));

    [Theory]
    [InlineData("12 (а)", "12(a)")]
    [InlineData("9 (i) and (j)", "9(i)(j)")]
    [InlineData("14 (e) and (f)", "14(e)(f)")]
    [InlineData("20", "20")]
    [InlineData("139.30", "139.30")]
    public void Printed_keys_become_ascii_id_keys(string printed, string expected) =>
        Assert.Equal(expected, StableId.Key(printed));

    [Fact]
    public void Titles_slug_deterministically_including_russian() =>
        Assert.Equal(("national-human-rights-institution", "kasatelno-gendernogo-ravenstva"),
            (StableId.Slug("National human rights institution", 48), StableId.Slug("Касательно гендерного равенства", 48)));
}
