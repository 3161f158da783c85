using KzRights.Parsing.Layouts;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Layouts;

public sealed class UprNationalReportRuleTests
{
    private const string Slug = "test-upr";

    private static readonly DocumentMetadata Metadata = new(
        Slug,
        Symbol: null,
        SymbolPrinted: false,
        "National report submitted pursuant to Human Rights Council resolutions 5/1 and 16/21: Testland (4th UPR cycle)",
        "upr-national-report",
        "Human Rights Council, Working Group on the Universal Periodic Review",
        "upr",
        DocumentLayout.UprNationalReport,
        [],
        Session: null,
        ["en"],
        "ru",
        "test-upr.txt",
        Sha256: "");

    private const string Masthead = """
        General Assembly

        Distr.: General
        18 October 2024
        English
        Original: Russian

        Human Rights Council
        Working Group on the Universal Periodic Review
        Forty-eighth session
        20–31 January 2025

        National report submitted pursuant to Human Rights Council resolutions 5/1 and 16/21*

        Testland

        * The present document is being issued without formal editing.

        """;

    private static ParsedDocument Parse(string body) =>
        new UprNationalReportParser().Parse(new SourceDocument(Metadata, Masthead + body));

    // The masthead above takes lines 1-17 (a raw string drops its last line break), so the body starts on line 18.
    private const int FirstBodyLine = 18;

    private static IReadOnlyList<string> Expansion(string recommendationsLine)
    {
        var doc = Parse($"""
            I. Chapter

            {recommendationsLine}

            1. Text.
            """);
        return doc.ResponseLinks.Select(l => l.RecommendationId).ToList();
    }

    [Fact]
    public void An_en_dash_range_names_every_number_from_start_to_end() =>
        Assert.Equal(["upr-3/139.30", "upr-3/139.31", "upr-3/139.32"], Expansion("Recommendations 139.30–139.32"));

    [Fact]
    public void A_hyphen_range_is_read_like_an_en_dash_range() =>
        Assert.Equal(["upr-3/139.172", "upr-3/139.173", "upr-3/139.174"], Expansion("Recommendations 139.172-139.174"));

    [Fact]
    public void Commas_and_and_separate_single_numbers_and_ranges() =>
        Assert.Equal(
            ["upr-3/139.82", "upr-3/139.83", "upr-3/139.85", "upr-3/139.86", "upr-3/139.113", "upr-3/139.120"],
            Expansion("Recommendations 139.82 and 139.83, 139.85–139.86, and 139.113, 139.120"));

    [Fact]
    public void The_singular_recommendation_line_names_one_recommendation()
    {
        var doc = Parse("""
            I. Chapter

            Combating corruption

            Recommendation 139.84

            1. Text.
            """);
        var recommendation = Assert.Single(doc.Recommendations);
        Assert.Equal(new Recommendation("upr-3/139.84", "upr", "139.84", null, null, null, "Combating corruption", [], false, null), recommendation);
        var group = doc.Sections.Single(s => s.Kind == "recommendation-group");
        Assert.Equal(("Recommendation 139.84", 3, $"{Slug}/i/combating-corruption"), (group.Title, group.Level, group.ParentId));
        Assert.Equal(
            new ResponseLink("upr-3/139.84", $"{Slug}/1", "responds-to", $"line {FirstBodyLine + 4}: Recommendation 139.84"),
            Assert.Single(doc.ResponseLinks));
    }

    [Theory]
    [InlineData("Recommendations 139.43–139.30", "ends at or below its start")]
    [InlineData("Recommendations 139.30–139.30", "ends at or below its start")]
    [InlineData("Recommendations 139.30, foo", "'foo'")]
    [InlineData("Recommendations 139.30, , 139.31", "empty item")]
    [InlineData("Recommendations 139.30–140.2", "spans two recommendation paragraphs")]
    [InlineData("Recommendations 139.30, 139.30", "named twice")]
    [InlineData("Recommendations", "empty item")]
    [InlineData("Recommendations 139.1–139.9999", "names more than 500")]
    [InlineData("Recommendations 139.01", "'139.01'")]
    public void A_recommendations_line_that_does_not_parse_throws_naming_the_line(string line, string reason)
    {
        var ex = Assert.Throws<ParseException>(() => Parse($"""
            I. Chapter

            1. Text.

            {line}

            2. Text.
            """));
        Assert.Equal(FirstBodyLine + 4, ex.Line);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.Equal("test-upr.txt", ex.File);
    }

    [Fact]
    public void A_skipped_paragraph_number_throws_naming_the_line()
    {
        var ex = Assert.Throws<ParseException>(() => Parse("""
            I. Chapter

            1. One.
            2. Two.
            4. Four.
            """));
        Assert.Equal(FirstBodyLine + 4, ex.Line);
        Assert.Contains("paragraph 3 is missing", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_paragraph_number_throws_naming_the_line()
    {
        var ex = Assert.Throws<ParseException>(() => Parse("""
            I. Chapter

            1. One.
            2. Two.

            2. Two again.
            """));
        Assert.Equal(FirstBodyLine + 5, ex.Line);
        Assert.Contains("repeats", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbering_must_start_at_1()
    {
        var ex = Assert.Throws<ParseException>(() => Parse("""
            I. Chapter

            2. Two.
            """));
        Assert.Equal(FirstBodyLine + 2, ex.Line);
    }

    [Fact]
    public void A_skipped_chapter_number_throws()
    {
        var ex = Assert.Throws<ParseException>(() => Parse("""
            I. One

            1. Text.

            III. Three
            """));
        Assert.Equal(FirstBodyLine + 4, ex.Line);
    }

    [Fact]
    public void A_paragraph_cut_by_a_page_break_is_rejoined_with_one_space()
    {
        var doc = Parse("""
            I. Chapter

            1. The plan includes measures aimed at

            strengthening gender   equality.

            Next heading

            2. Text.
            """);
        var first = doc.Paragraphs[0];
        Assert.Equal("The plan includes measures aimed at strengthening gender equality.", first.Text);
        Assert.Equal((FirstBodyLine + 2, FirstBodyLine + 4), (first.StartLine, first.EndLine));
        Assert.Equal(new LineAccount(FirstBodyLine + 4, LineFate.Joined, $"{Slug}/1", null), doc.Lines[FirstBodyLine + 3]);
        Assert.Equal(["Chapter", "Next heading"], doc.Paragraphs[1].SectionPath);
    }

    [Fact]
    public void A_capitalised_continuation_of_an_unfinished_paragraph_is_not_taken_for_a_heading()
    {
        var doc = Parse("""
            I. Chapter

            1. Access to Justice in

            Environmental Matters and the Code, approved.
            """);
        Assert.Equal("Access to Justice in Environmental Matters and the Code, approved.", Assert.Single(doc.Paragraphs).Text);
        Assert.Single(doc.Sections);
    }

    [Fact]
    public void A_sentence_after_a_finished_paragraph_is_left_over_text_and_throws()
    {
        var ex = Assert.Throws<ParseException>(() => Parse("""
            I. Chapter

            1. A finished sentence.

            and then a stray line of prose.
            """));
        Assert.Equal(FirstBodyLine + 4, ex.Line);
    }

    [Fact]
    public void A_group_governs_paragraphs_until_the_next_heading()
    {
        var doc = Parse("""
            I. Chapter

            Theme one

            Recommendations 139.1–139.2

            1. Answer.

            2. Answer.

            Theme two

            3. Not an answer to 139.1 or 139.2.
            """);
        Assert.Equal(
            [("upr-3/139.1", $"{Slug}/1"), ("upr-3/139.2", $"{Slug}/1"), ("upr-3/139.1", $"{Slug}/2"), ("upr-3/139.2", $"{Slug}/2")],
            doc.ResponseLinks.Select(l => (l.RecommendationId, l.ParagraphId)));
        Assert.All(doc.Recommendations, r => Assert.Equal("Theme one", r.Theme));
        Assert.Equal($"{Slug}/i/theme-two", doc.Paragraphs[2].SectionId);
    }

    [Fact]
    public void A_group_ends_at_the_next_recommendations_line_and_the_next_chapter()
    {
        var doc = Parse("""
            I. Chapter

            Recommendations 139.1

            1. Answer to 139.1.

            Recommendations 139.2

            2. Answer to 139.2.

            II. Next chapter

            3. No answer.
            """);
        Assert.Equal(
            [("upr-3/139.1", $"{Slug}/1"), ("upr-3/139.2", $"{Slug}/2")],
            doc.ResponseLinks.Select(l => (l.RecommendationId, l.ParagraphId)));
        Assert.Equal("Chapter", doc.Recommendations[0].Theme);
        Assert.Equal(2, doc.Sections.Single(s => s.Title == "Recommendations 139.1").Level);
    }

    [Fact]
    public void A_recommendation_named_in_two_groups_is_one_record_with_links_from_both()
    {
        var doc = Parse("""
            I. Chapter

            Theme one

            Recommendations 139.5, 139.6

            1. Answer.

            Theme two

            Recommendations 139.6–139.7

            2. Answer.
            """);
        Assert.Equal(["upr-3/139.5", "upr-3/139.6", "upr-3/139.7"], doc.Recommendations.Select(r => r.Id));
        Assert.Equal("Theme one", doc.Recommendations[1].Theme);
        Assert.Equal([$"{Slug}/1", $"{Slug}/2"], doc.ResponseLinks.Where(l => l.RecommendationId == "upr-3/139.6").Select(l => l.ParagraphId));
        Assert.Equal($"line {FirstBodyLine + 10}: Recommendations 139.6–139.7", doc.ResponseLinks.Last(l => l.RecommendationId == "upr-3/139.6").Evidence);
    }

    [Fact]
    public void Every_masthead_line_is_dropped_as_masthead_and_every_body_line_is_accounted()
    {
        var doc = Parse("""
            I. Chapter

            1. Text.
            """);
        Assert.Equal([1, 3, 4, 5, 6, 8, 9, 10, 11, 13, 15, 17], doc.Lines.Where(l => l.Reason == DropReasons.Masthead).Select(l => l.Line));
        Assert.Equal(FirstBodyLine + 2, doc.Lines.Count);
    }

    [Fact]
    public void Body_text_before_the_first_chapter_throws_instead_of_being_dropped()
    {
        var ex = Assert.Throws<ParseException>(() => new UprNationalReportParser().Parse(new SourceDocument(Metadata, """
            General Assembly
            1. A paragraph before any chapter.
            I. Chapter

            1. Text.
            """)));
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void A_title_that_names_no_cycle_throws_because_the_recommendations_cannot_be_identified()
    {
        var metadata = Metadata with { Title = "National report: Testland" };
        Assert.Throws<ParseException>(() => new UprNationalReportParser().Parse(new SourceDocument(metadata, "I. Chapter\n\n1. Text.\n")));
    }

    [Fact]
    public void A_group_followed_by_no_paragraph_is_kept_with_a_warning()
    {
        var doc = Parse("""
            I. Chapter

            Recommendations 139.1

            Next heading

            1. Text.
            """);
        Assert.Empty(doc.ResponseLinks);
        Assert.Equal("upr-3/139.1", Assert.Single(doc.Recommendations).Id);
        Assert.Contains(doc.Diagnostics, d => d.Severity == "warning" && d.Line == FirstBodyLine + 2);
    }

    [Fact]
    public void A_singular_recommendation_line_naming_several_is_expanded_with_a_warning()
    {
        var doc = Parse("""
            I. Chapter

            Recommendation 139.1 and 139.2

            1. Text.
            """);
        Assert.Equal(2, doc.Recommendations.Count);
        Assert.Contains(doc.Diagnostics, d => d.Severity == "warning" && d.Line == FirstBodyLine + 2);
    }

    [Fact]
    public void A_superscript_footnote_marker_throws_because_the_layout_has_no_footnotes()
    {
        var ex = Assert.Throws<ParseException>(() => Parse("""
            I. Chapter

            1. Text with a marker.¹
            """));
        Assert.Equal(FirstBodyLine + 2, ex.Line);
    }

    // --- the next document of the series ----------------------------------------------------------------------------

    [Fact]
    public void The_next_cycle_s_report_answers_the_recommendations_of_the_cycle_before_it()
    {
        var metadata = Metadata with { Title = Metadata.Title.Replace("(4th UPR cycle)", "(5th UPR cycle)", StringComparison.Ordinal) };
        var doc = new UprNationalReportParser().Parse(new SourceDocument(metadata, Masthead + """
            I. Methodology

            Recommendations 140.1–140.3 and 141.7

            1. Text.
            """));
        Assert.Equal(["upr-4/140.1", "upr-4/140.2", "upr-4/140.3", "upr-4/141.7"], doc.Recommendations.Select(r => r.Id));
    }

    [Fact]
    public void A_masthead_with_the_printed_symbol_a_later_session_and_dates_across_a_year_is_dropped()
    {
        var metadata = Metadata with { Symbol = "A/HRC/WG.6/52/KAZ/1" };
        var masthead = Masthead
            .Replace("Forty-eighth session", "One hundred and fifth session", StringComparison.Ordinal)
            .Replace("20–31 January 2025", "30 December 2028–10 January 2029", StringComparison.Ordinal)
            .Replace("General Assembly\n", "General Assembly\nA/HRC/WG.6/52/KAZ/1\n", StringComparison.Ordinal);
        var doc = new UprNationalReportParser().Parse(new SourceDocument(metadata, masthead + "I. Chapter\n\n1. Text.\n"));
        Assert.Equal(13, doc.Lines.Count(l => l.Reason == DropReasons.Masthead));
        Assert.Equal($"{Slug}/1", doc.Paragraphs.Single().Id);
    }

    [Fact]
    public void Paragraph_numbers_past_one_hundred_follow_on()
    {
        var body = "I. Chapter\n\n" + string.Join("\n\n", Enumerable.Range(1, 105).Select(n => $"{n}. Text {n}."));
        var doc = Parse(body);
        Assert.Equal((105, $"{Slug}/105"), (doc.Paragraphs.Count, doc.Paragraphs[^1].Id));
    }

    [Fact]
    public void A_line_before_the_first_chapter_that_is_no_masthead_says_what_was_expected()
    {
        var ex = Assert.Throws<ParseException>(
            () => new UprNationalReportParser().Parse(new SourceDocument(Metadata, "General Assembly\n(a) stray text;\nI. Chapter\n\n1. Text.\n")));
        Assert.Equal((2, "test-upr.txt"), (ex.Line, ex.File));
        Assert.Contains("expected the symbol, distribution", ex.Reason, StringComparison.Ordinal);
    }
}
