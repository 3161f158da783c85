using KzRights.Parsing.Layouts;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Layouts;

/// <summary>The list-of-issues replies rules, each on a small inline document. Line 8 is the first body line.</summary>
public sealed class ListOfIssuesRepliesRuleTests
{
    private static readonly string[] Masthead =
    [
        "Committee on the Elimination of Discrimination against Women",
        "Ninety-third session",
        "Geneva, 22 June–10 July 2026",
        "Consideration of reports submitted by States Parties under article 18 of the Convention",
        "\t*\tThe present document is being issued without formal editing.",
        "Replies of Testland to the list of issues*",
        "[Date received: 20 October 2025]",
    ];

    private static readonly DocumentMetadata Metadata = new(
        "cedaw-c-tst-rq-6", "CEDAW/C/TST/RQ/6", false, "Replies of Testland to the list of issues", "list-of-issues-replies",
        "Committee on the Elimination of Discrimination against Women", "cedaw", DocumentLayout.ListOfIssuesReplies,
        [], null, ["en"], "en", "test-loi.txt", "0");

    private static ParsedDocument Parse(params string[] body) =>
        new ListOfIssuesRepliesParser().Parse(new SourceDocument(Metadata, string.Join('\n', Masthead.Concat(body)) + "\n"));

    private static ParseException ParseFails(params string[] body) => Assert.Throws<ParseException>(() => Parse(body));

    [Fact]
    public void A_key_with_a_cyrillic_lookalike_letter_is_numbered_in_ascii_and_keeps_its_printed_form()
    {
        var doc = Parse("Education", "12 (\u0430)", "\tFirst reply.", "12 (\u0441)", "\tSecond reply.");
        Assert.Equal(
            [("cedaw-c-tst-rq-6/12(a)/1", "12 (a)", "12 (\u0430)"), ("cedaw-c-tst-rq-6/12(c)/1", "12 (c)", "12 (\u0441)")],
            doc.Paragraphs.Select(p => (p.Id, p.Number, p.RawNumber)));
        Assert.Equal(["cedaw-loi-6/12(a)", "cedaw-loi-6/12(c)"], doc.Recommendations.Select(r => r.Id));
        Assert.Equal(["12 (a)", "12 (c)"], doc.Recommendations.Select(r => r.Locator));
    }

    [Fact]
    public void A_combined_key_becomes_one_question_per_letter_each_linked_to_every_reply()
    {
        var doc = Parse("Health", "14 (e) and (f)", "\tFirst reply.", "\tSecond reply.");
        Assert.Equal(["14 (e)", "14 (f)"], doc.Recommendations.Select(r => r.Locator));
        Assert.All(doc.Recommendations, r => Assert.Equal(("Health", null), (r.Theme, r.Text)));
        Assert.Equal(
            [
                ("cedaw-loi-6/14(e)", "cedaw-c-tst-rq-6/14(e)(f)/1"), ("cedaw-loi-6/14(e)", "cedaw-c-tst-rq-6/14(e)(f)/2"),
                ("cedaw-loi-6/14(f)", "cedaw-c-tst-rq-6/14(e)(f)/1"), ("cedaw-loi-6/14(f)", "cedaw-c-tst-rq-6/14(e)(f)/2"),
            ],
            doc.ResponseLinks.Select(l => (l.RecommendationId, l.ParagraphId)));
        Assert.All(doc.ResponseLinks, l => Assert.Equal("line 9: key 14 (e) and (f)", l.Evidence));
        Assert.All(doc.Paragraphs, p => Assert.Equal(("14 (e) and (f)", "14 (e) and (f)"), (p.Number, p.RawNumber)));
    }

    [Theory]
    [InlineData("3 (b)", "3 (a)", "goes back from")]
    [InlineData("3 (b)", "3 (b)", "repeats")]
    [InlineData("4 (a)", "3 (c)", "goes back from")]
    [InlineData("9 (i) and (j)", "9 (j)", "goes back from")]
    [InlineData("3 (b)", "3 (\u0430)", "goes back from")]
    public void A_key_that_repeats_or_goes_back_is_refused_at_its_line(string first, string second, string reason)
    {
        var error = ParseFails("Justice", first, "\tReply.", second, "\tReply.");
        Assert.Equal(11, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_combined_key_whose_letters_do_not_go_forward_is_refused() =>
        Assert.Equal(9, ParseFails("Justice", "9 (j) and (i)", "\tReply.").Line);

    [Fact]
    public void A_line_holding_only_a_bookmark_is_dropped_and_a_bookmark_prefix_is_stripped()
    {
        var doc = Parse("Justice", "1 (a)", "[bookmark: _Hlk1]", "[bookmark: _Hlk2]\tThe reply text.");
        Assert.Equal(DropReasons.Bookmark, doc.Lines.Single(l => l.Line == 10).Reason);
        Assert.Equal("The reply text.", doc.Paragraphs.Single().Text);
        Assert.Equal((LineFate.Kept, "cedaw-c-tst-rq-6/1(a)/1"), (doc.Lines[10].Fate, doc.Lines[10].RecordId));
    }

    [Fact]
    public void Image_names_and_the_recycling_mark_are_dropped_as_artefacts()
    {
        var doc = Parse("Justice", "1 (a)", "\tReply.", "image1.jpg", "image2.png", "Please recycle @");
        Assert.Equal(
            [(11, DropReasons.Image), (12, DropReasons.Image), (13, DropReasons.PrintFurniture)],
            doc.Lines.Where(l => l.Line > 10).Select(l => (l.Line, l.Reason)));
    }

    [Fact]
    public void A_reply_cut_by_a_page_break_is_rejoined_into_one_paragraph()
    {
        var doc = Parse("Justice", "1 (a)", "\tThe Ministry has prepared a draft law that will", "", "\tenter into force in 2026.", "\tA second paragraph.");
        Assert.Equal(
            ["The Ministry has prepared a draft law that will enter into force in 2026.", "A second paragraph."],
            doc.Paragraphs.Select(p => p.Text));
        Assert.Equal((10, 12, 13), (doc.Paragraphs[0].StartLine, doc.Paragraphs[0].EndLine, doc.Paragraphs[1].StartLine));
        Assert.Equal((LineFate.Joined, "cedaw-c-tst-rq-6/1(a)/1"), (doc.Lines[11].Fate, doc.Lines[11].RecordId));
    }

    [Fact]
    public void The_key_line_is_kept_with_the_first_reply_and_a_letterless_key_is_a_question_too()
    {
        var doc = Parse("Women with disabilities", "17", "\tFirst.", "\tSecond.");
        Assert.Equal((LineFate.Kept, "cedaw-c-tst-rq-6/17/1"), (doc.Lines[8].Fate, doc.Lines[8].RecordId));
        Assert.Equal(["cedaw-c-tst-rq-6/17/1", "cedaw-c-tst-rq-6/17/2"], doc.Paragraphs.Select(p => p.Id));
        Assert.Equal(
            ("cedaw-loi-6/17", "17", "Women with disabilities"),
            (doc.Recommendations.Single().Id, doc.Recommendations.Single().Locator, doc.Recommendations.Single().Theme));
        Assert.All(doc.Lines.Take(7), l => Assert.Equal(DropReasons.Masthead, l.Reason));
    }

    [Fact]
    public void A_key_without_a_reply_is_refused() =>
        Assert.Equal(9, ParseFails("Justice", "1 (a)", "1 (b)", "\tReply.").Line);

    [Fact]
    public void Reply_text_before_any_key_is_refused() =>
        Assert.Equal(9, ParseFails("Justice", "\tReply without a key.").Line);

    [Fact]
    public void A_key_before_any_heading_is_refused() =>
        Assert.Equal(8, ParseFails("1 (a)", "\tReply.").Line);

    [Fact]
    public void An_unknown_line_in_the_masthead_is_refused_rather_than_dropped()
    {
        var text = string.Join(
            '\n',
            Masthead.Take(3).Append("Some body text that is not masthead").Concat(Masthead.Skip(3)).Append("Justice").Append("1 (a)").Append("\tReply."));
        var error = Assert.Throws<ParseException>(() => new ListOfIssuesRepliesParser().Parse(new SourceDocument(Metadata, text)));
        Assert.Equal(4, error.Line);
    }

    // --- the next document of the series ----------------------------------------------------------------------------

    private static ParsedDocument ParseWithMasthead(DocumentMetadata metadata, IEnumerable<string> masthead, params string[] body) =>
        new ListOfIssuesRepliesParser().Parse(new SourceDocument(metadata, string.Join('\n', masthead.Concat(body)) + "\n"));

    private static string[] MastheadWithSession(string session) => [Masthead[0], session, .. Masthead[2..]];

    [Theory]
    [InlineData("One hundred and fifth session")]
    [InlineData("One hundredth session")]
    [InlineData("Hundredth session")]
    [InlineData("One hundred and twenty-first session")]
    [InlineData("Ninety-ninth session")]
    [InlineData("105th session")]
    public void A_session_past_one_hundred_is_read_as_masthead(string session)
    {
        var doc = ParseWithMasthead(Metadata, MastheadWithSession(session), "Justice", "1 (a)", "\tReply.");
        Assert.Equal(DropReasons.Masthead, doc.Lines[1].Reason);
        Assert.Equal("cedaw-c-tst-rq-6/1(a)/1", doc.Paragraphs.Single().Id);
    }

    [Fact]
    public void A_session_that_differs_from_the_manifest_is_read_with_a_warning()
    {
        var metadata = Metadata with { Session = "CEDAW, 105th session, Geneva, 2030" };
        var doc = ParseWithMasthead(metadata, MastheadWithSession("One hundred and sixth session"), "Justice", "1 (a)", "\tReply.");
        Assert.Contains(doc.Diagnostics, d => d is { Severity: "warning", Line: 2 } && d.Message.Contains("session 106", StringComparison.Ordinal));
        Assert.DoesNotContain(
            ParseWithMasthead(metadata, MastheadWithSession("One hundred and fifth session"), "Justice", "1 (a)", "\tReply.").Diagnostics,
            d => d.Severity == "warning");
    }

    [Fact]
    public void A_session_line_that_is_not_an_ordinal_is_refused_saying_what_was_expected()
    {
        var error = Assert.Throws<ParseException>(
            () => ParseWithMasthead(Metadata, MastheadWithSession("Fifth hundred session"), "Justice", "1 (a)", "\tReply."));
        Assert.Equal((Metadata.SourceFile, 2), (error.File, error.Line));
        Assert.Contains("expected a session ordinal", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_masthead_of_the_edited_version_with_symbol_distribution_date_and_languages_is_dropped()
    {
        var metadata = Metadata with { Symbol = "CEDAW/C/TST/RQ/7" };
        string[] edited = ["Distr.: General", "3 March 2030", "English", "Original: Russian", "CEDAW/C/TST/RQ/7", "Advance unedited version"];
        var doc = ParseWithMasthead(metadata, edited.Concat(Masthead), "Justice", "1 (a)", "\tReply.");
        Assert.All(doc.Lines.Take(edited.Length + Masthead.Length), l => Assert.Equal(DropReasons.Masthead, l.Reason));
        Assert.Equal("cedaw-loi-7/1(a)", doc.Recommendations.Single().Id);
    }

    [Fact]
    public void An_unexpected_masthead_line_is_refused_with_what_the_masthead_may_hold()
    {
        var error = Assert.Throws<ParseException>(
            () => ParseWithMasthead(Metadata, MastheadWithSession("The State has done much"), "Justice", "1 (a)", "\tReply."));
        Assert.Equal(2, error.Line);
        Assert.Contains("expected the committee, session", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_naming_three_letters_answers_each_question_and_keeps_its_printed_form()
    {
        var doc = Parse("Health", "9 (a), (b) and (c)", "\tReply.");
        Assert.Equal(["9 (a)", "9 (b)", "9 (c)"], doc.Recommendations.Select(r => r.Locator));
        Assert.Equal(("cedaw-c-tst-rq-6/9(a)(b)(c)/1", "9 (a), (b) and (c)"), (doc.Paragraphs.Single().Id, doc.Paragraphs.Single().Number));
        Assert.DoesNotContain(doc.Diagnostics, d => d.Message.Contains("look-alike", StringComparison.Ordinal));
        Assert.Equal(9, ParseFails("Health", "9 (a), (c) and (b)", "\tReply.").Line);
    }

    [Fact]
    public void Question_numbers_past_one_hundred_are_read()
    {
        var doc = Parse("Health", "99", "\tReply.", "100 (a)", "\tReply.", "101", "\tReply.");
        Assert.Equal(["cedaw-loi-6/99", "cedaw-loi-6/100(a)", "cedaw-loi-6/101"], doc.Recommendations.Select(r => r.Id));
    }
}
