using KzRights.Parsing.Layouts;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Layouts;

/// <summary>The concluding-observations rules, each on a small inline document.</summary>
public sealed class ConcludingObservationsParserRuleTests
{
    private const string Slug = "test-co";

    private static readonly DocumentMetadata Metadata = new(
        Slug,
        "CCPR/C/TST/CO/2",
        false,
        "Concluding observations on the second periodic report of Testland",
        "concluding-observations",
        "Human Rights Committee (International Covenant on Civil and Political Rights)",
        "ccpr",
        DocumentLayout.ConcludingObservations,
        [new DocumentDate("issued", new DateOnly(2026, 4, 1), "test")],
        null,
        ["en"],
        "en",
        "test-co.txt",
        string.Empty);

    private static ParsedDocument Parse(params string[] lines) =>
        new ConcludingObservationsParser().Parse(new SourceDocument(Metadata, string.Join("\n", lines)));

    private static ParseException ParseFails(params string[] lines) =>
        Assert.Throws<ParseException>(() => Parse(lines));

    [Fact]
    public void Masthead_lines_known_to_the_manifest_are_dropped_with_the_starred_adoption_note()
    {
        var doc = Parse(
            "International Covenant on Civil and Political Rights",
            "Distr.: General",
            "1 April 2026",
            "Original: English",
            "Human Rights Committee",
            "Concluding observations on the second periodic report of Testland*",
            "1. The Committee considered the report.",
            "* Adopted by the Committee at its 150th session.");
        Assert.Equal(Enumerable.Repeat<string?>(DropReasons.Masthead, 6).Append(null).Append(DropReasons.Masthead), doc.Lines.Select(l => l.Reason));
        Assert.DoesNotContain(doc.Diagnostics, d => d.Severity == "warning");
    }

    [Fact]
    public void Unknown_text_before_the_first_paragraph_throws_naming_the_line()
    {
        var ex = ParseFails("Distr.: General", "Some preamble that no manifest holds", "1. The Committee considered the report.");
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void A_masthead_date_other_than_the_issue_date_is_a_warning()
    {
        var doc = Parse("2 April 2026", "1. The Committee considered the report.");
        Assert.Contains(doc.Diagnostics, d => d.Severity == "warning" && d.Line == 1);
    }

    [Fact]
    public void A_skipped_paragraph_number_throws_naming_the_line()
    {
        var ex = ParseFails("1. First.", "", "3. Third.");
        Assert.Equal(3, ex.Line);
        Assert.Contains("skipped", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_paragraph_number_throws_naming_the_line()
    {
        var ex = ParseFails("1. First.", "", "2. Second.", "", "2. Second again.");
        Assert.Equal(5, ex.Line);
        Assert.Contains("repeated", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_split_by_a_page_break_is_rejoined_across_footnote_and_blank_lines()
    {
        var doc = Parse(
            "1. The Committee considered the report¹ and welcomes the ratification of the Protocol to",
            "",
            "¹ CCPR/C/TST/2.",
            "",
            "",
            "the Convention, in 2024.");
        var paragraph = doc.Paragraphs.Single();
        Assert.Equal("The Committee considered the report and welcomes the ratification of the Protocol to the Convention, in 2024.", paragraph.Text);
        Assert.Equal((1, 6), (paragraph.StartLine, paragraph.EndLine));
        Assert.Equal(
            [
                new LineAccount(1, LineFate.Kept, $"{Slug}/1", null),
                new LineAccount(3, LineFate.Kept, $"{Slug}/footnote-1", null),
                new LineAccount(6, LineFate.Joined, $"{Slug}/1", null),
            ],
            doc.Lines.Where(l => l.Fate != LineFate.Dropped));
        var note = paragraph.Footnotes.Single();
        Assert.Equal(("1", 35, "CCPR/C/TST/2.", 3), (note.Marker, note.MarkerOffset, note.Text, note.Line));
        Assert.Equal("The Committee considered the report", paragraph.Text[..note.MarkerOffset]);
    }

    [Fact]
    public void A_sub_item_split_by_a_page_break_is_rejoined_into_the_sub_item()
    {
        var doc = Parse(
            "1. The State party should:",
            "(a) **Review the decree,**",
            "",
            "conducting investigations;",
            "(b) **Train officers.**");
        var items = doc.Paragraphs.Single().SubItems;
        Assert.Equal(["Review the decree, conducting investigations;", "Train officers."], items.Select(s => s.Text));
        Assert.Equal(LineFate.Joined, doc.Lines[3].Fate);
        Assert.Equal($"{Slug}/1(a)", doc.Lines[3].RecordId);
    }

    [Fact]
    public void A_capitalised_line_after_unfinished_text_that_could_be_a_heading_is_ambiguous_and_throws()
    {
        var ex = ParseFails("1. The Committee welcomes the", "", "Gender equality");
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Lettered_sub_items_with_or_without_a_dash_become_sub_item_records()
    {
        var doc = Parse(
            "1. The Committee welcomes:",
            "- (a) The Law on A, in 2024;",
            "- (b) The Law on B, in 2023.",
            "2. The State party should:",
            "(a) Act;",
            "(b) Report.");
        Assert.Equal("The Committee welcomes:", doc.Paragraphs[0].Text);
        Assert.Equal(
            [($"{Slug}/1(a)", "a", "The Law on A, in 2024;", 1, 2), ($"{Slug}/1(b)", "b", "The Law on B, in 2023.", 2, 3)],
            doc.Paragraphs[0].SubItems.Select(s => (s.Id, s.Label, s.Text, s.Ordinal, s.Line)));
        Assert.Equal(["a", "b"], doc.Paragraphs[1].SubItems.Select(s => s.Label));
        Assert.All(doc.Paragraphs.SelectMany(p => p.SubItems), s => Assert.StartsWith(s.ParagraphId + "(", s.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void A_sub_item_out_of_sequence_throws_naming_the_line()
    {
        var ex = ParseFails("1. The State party should:", "(a) Act;", "(c) Report.");
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void A_sub_item_before_any_paragraph_throws()
    {
        var ex = ParseFails("A. Introduction", "(a) Act;");
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Bold_and_italic_markup_is_removed_from_paragraphs_and_sub_items()
    {
        var doc = Parse("1. **The State party should:**", "(a) **Challenge the concept of *uyat*;**");
        Assert.Equal("The State party should:", doc.Paragraphs[0].Text);
        Assert.Equal("Challenge the concept of uyat;", doc.Paragraphs[0].SubItems[0].Text);
    }

    [Fact]
    public void Ibid_resolves_to_the_last_symbol_cited_before_it()
    {
        var doc = Parse(
            "1. In line with its previous recommendations,¹ the State party should act.",
            "2. Recalling its previous recommendations,² the Committee urges the State party to act.",
            "3. The Committee considered the report at its meetings.³",
            "4. The Committee thanks the delegation.⁴",
            "¹ CCPR/C/TST/CO/1, para. 5.",
            "² Ibid., paras. 7 and 9.",
            "³ See CCPR/C/SR.10 and CCPR/C/SR.11.",
            "⁴ Ibid., para. 2.");
        string Render(int index)
            => string.Join(" | ", doc.Paragraphs[index].Footnotes.Single().Citations.Select(c => $"{c.Symbol} [{string.Join(",", c.Paragraphs)}]"));
        Assert.Equal("CCPR/C/TST/CO/1 [5]", Render(0));
        Assert.Equal("CCPR/C/TST/CO/1 [7,9]", Render(1));
        Assert.Equal("CCPR/C/SR.10 [] | CCPR/C/SR.11 []", Render(2));
        Assert.Equal("CCPR/C/SR.11 [2]", Render(3));
        Assert.Equal(
            ["CCPR/C/TST/CO/1 [5]", "CCPR/C/TST/CO/1 [7,9]"],
            doc.Recommendations.Select(r => string.Join(" | ", r.PriorRecommendations.Select(c => $"{c.Symbol} [{string.Join(",", c.Paragraphs)}]"))));
    }

    [Fact]
    public void Ibid_with_no_earlier_symbol_throws_naming_the_footnote_line()
    {
        var ex = ParseFails("1. The Committee considered the report.¹", "", "¹ Ibid., para. 3.");
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void A_marker_without_a_footnote_and_a_footnote_without_a_marker_both_throw()
    {
        Assert.Equal(1, ParseFails("1. The Committee considered the report.²", "¹ CCPR/C/TST/2.").Line);
        Assert.Equal(3, ParseFails("1. The Committee considered the report.¹", "¹ CCPR/C/TST/2.", "² CCPR/C/TST/3.").Line);
    }

    [Fact]
    public void Recommendations_are_the_paragraphs_where_the_State_party_should_act_or_is_urged_to()
    {
        var doc = Parse(
            "A. Principal matters of concern and recommendations",
            "Gender equality",
            "1. The Committee is concerned about the pay gap.",
            "2. The State party should:",
            "(a) Close the gap;",
            "(b) Report on it.",
            "3. The Committee urges the State party to act.",
            "B. Dissemination and follow-up",
            "4. In accordance with rule 75 (1) of the Committee's rules of procedure, the State party is requested to provide, by 1 March 2027, information " +
                "on the implementation of the recommendations made by the Committee in paragraphs 2 (gender equality) and 3 (gender equality) above.",
            "5. The Committee requests the State party, in preparing the report, to consult civil society.");
        Assert.Equal(["ccpr-2/2", "ccpr-2/3"], doc.Recommendations.Select(r => r.Id));
        var second = doc.Recommendations[0];
        Assert.Equal(
            ("2", "The State party should: (a) Close the gap; (b) Report on it.", $"{Slug}/2", "Gender equality"),
            (second.Locator, second.Text, second.ParagraphId, second.Theme));
        Assert.All(doc.Recommendations, r => Assert.Equal((true, (DateOnly?)new DateOnly(2027, 3, 1)), (r.FollowUp, r.FollowUpDeadline)));
        Assert.Equal(
            [
                new ResponseLink("ccpr-2/2", $"{Slug}/2", "states", "paragraph 2"),
                new ResponseLink(
                    "ccpr-2/2",
                    $"{Slug}/4",
                    "follow-up",
                    "paragraph 4: \"requested to provide, by 1 March 2027, information on the implementation of the recommendations\""),
                new ResponseLink("ccpr-2/3", $"{Slug}/3", "states", "paragraph 3"),
                new ResponseLink(
                    "ccpr-2/3",
                    $"{Slug}/4",
                    "follow-up",
                    "paragraph 4: \"requested to provide, by 1 March 2027, information on the implementation of the recommendations\""),
            ],
            doc.ResponseLinks);
        Assert.DoesNotContain(doc.Diagnostics, d => d.Severity == "warning");
    }

    [Fact]
    public void Follow_up_of_a_paragraph_that_is_no_recommendation_throws_naming_the_follow_up_line()
    {
        var ex = ParseFails(
            "1. The Committee is concerned.",
            "2. The State party is requested to provide, by 1 March 2027, information on the implementation of the recommendations made by the Committee in " +
                "paragraph 1 above.");
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void A_follow_up_request_without_a_deadline_throws()
    {
        var ex = ParseFails(
            "1. The State party should act.",
            "2. The State party is requested to provide information on the implementation of the recommendations made by the Committee in paragraph 1 above.");
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void A_follow_up_theme_that_differs_from_the_heading_is_a_warning()
    {
        var doc = Parse(
            "A. Principal matters of concern and recommendations",
            "Gender equality",
            "1. The State party should act.",
            "2. The State party is requested to provide, by 1 March 2027, information on the implementation of the recommendations made by the Committee in " +
                "paragraph 1 (freedom of association) above.");
        Assert.Contains(doc.Diagnostics, d => d.Severity == "warning" && d.Line == 4);
    }

    [Fact]
    public void Chapters_out_of_sequence_throw_naming_the_line()
    {
        var ex = ParseFails("A. Introduction", "1. Text.", "C. Positive aspects");
        Assert.Equal(3, ex.Line);
    }

    // --- the next document of the series ----------------------------------------------------------------------------

    [Fact]
    public void The_next_report_s_masthead_with_its_symbol_status_and_language_is_dropped_and_its_cycle_names_the_ids()
    {
        var metadata = Metadata with { Symbol = "CCPR/C/TST/CO/3", Title = "Concluding observations on the third periodic report of Testland" };
        var doc = new ConcludingObservationsParser().Parse(new SourceDocument(metadata, string.Join('\n',
            "Advance unedited version",
            "CCPR/C/TST/CO/3",
            "International Covenant on Civil and Political Rights",
            "Distr.: General",
            "1 April 2026",
            "English",
            "Original: English",
            "Human Rights Committee",
            "Concluding observations on the third periodic report of Testland*",
            "1. The State party should act.",
            "* Adopted by the Committee at its 160th session (1–26 March 2032).")));
        Assert.Equal(10, doc.Lines.Count(l => l.Reason == DropReasons.Masthead));
        Assert.Equal("ccpr-3/1", doc.Recommendations.Single().Id);
    }

    [Theory]
    [InlineData("The Committee recommends that the State party act.")]
    [InlineData("The Committee calls upon the State party to act.")]
    [InlineData("The Committee calls on the State party to act.")]
    [InlineData("Reiterating its previous recommendations, the State party should act.")]
    public void A_recommendation_worded_as_other_committees_word_it_is_still_a_recommendation(string text)
    {
        var doc = Parse("1. The Committee is concerned.", $"2. {text}");
        Assert.Equal(["ccpr-2/2"], doc.Recommendations.Select(r => r.Id));
    }

    [Fact]
    public void Paragraph_numbers_past_one_hundred_follow_on_and_a_follow_up_may_name_them()
    {
        var lines = Enumerable.Range(1, 101).Select(n => $"{n}. The State party should act {n}.").Append(
            "102. The State party is requested to provide, by 31 March 2035, information on the implementation of the recommendations "
            + "made by the Committee in paragraphs 12 (a theme), 20 (another theme) and 101 (a third theme) above.");
        var doc = Parse(lines.ToArray());
        Assert.Equal((102, $"{Slug}/102"), (doc.Paragraphs.Count, doc.Paragraphs[^1].Id));
        Assert.Equal(["ccpr-2/12", "ccpr-2/20", "ccpr-2/101"], doc.Recommendations.Where(r => r.FollowUp).Select(r => r.Id));
        Assert.All(doc.Recommendations.Where(r => r.FollowUp), r => Assert.Equal(new DateOnly(2035, 3, 31), r.FollowUpDeadline));
    }

    [Fact]
    public void An_unrecognised_line_names_the_file_the_line_and_what_was_expected()
    {
        var ex = ParseFails("1. The Committee considered the report.", "(z) a stray sub-item.");
        Assert.Equal(("test-co.txt", 2), (ex.File, ex.Line));
        Assert.Contains("found where (a) was expected", ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith("test-co.txt:2: ", ex.Message, StringComparison.Ordinal);
    }
}
