using KzRights.Parsing.Layouts;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Layouts;

/// <summary>The communication-reply rules, each on a small inline document (line numbers in comments).</summary>
public sealed class CommunicationReplyRuleTests
{
    private const string Ru = "al-tst-1-2025-reply/ru";
    private const string En = "al-tst-1-2025-reply/en";
    private const string RuSection = Ru + "/kasatelno-sobranii";
    private const string EnSection = En + "/peaceful-assemblies";

    private static readonly string[] Reply =
    [
        "**MISSION PERMANENTE",                                             // 1
        "DE LA RÉPUBLIQUE DU TESTLAND**",                                   // 2
        "",
        "№ 1/2",                                                            // 4
        "",
        "The Permanent Mission transmits the response to the communication AL TST 1/2025.", // 6
        "",
        "**ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ",                                      // 8
        "СЫРТҚЫ ІСТЕР МИНИСТРІ**",                                          // 9
        "",
        "Astana",                                                           // 11
        "",
        "The Republic has the honour to transmit its response.",            // 13
        "",
        "**Ответ Республики",                                               // 15
        "на совместное сообщение AL TST 1/2025**",                          // 16
        "",
        "Вводный абзац.",                                                   // 18
        "",
        "Касательно собраний",                                              // 20
        "",
        "Первый абзац, который прерван страницей и",                        // 22
        "",
        "продолжается на следующей странице.",                              // 24
        "",
        "В 2024 году:",                                                     // 26
        "",
        "1. Первое.",                                                       // 28
        "",
        "2. Второе.",                                                       // 30
        "",
        "Translated from Russian",                                          // 32
        "",
        "Reply of Testland",                                                // 34
        "",
        "Ref.: AL TST 1/2025",                                              // 36
        "",
        "Opening paragraph.",                                               // 38
        "",
        "Peaceful assemblies",                                              // 40
        "",
        "The first paragraph, which a page break cuts and",                 // 42
        "",
        "continues on the next page.",                                      // 44
        "",
        "In 2024:",                                                         // 46
        "",
        "1. First.",                                                        // 48
        "2. Second.",                                                       // 49
    ];

    private static readonly DocumentMetadata Metadata = new(
        "al-tst-1-2025-reply", "AL TST 1/2025", true, "Reply of Testland to AL TST 1/2025", "communication-reply",
        "Special Procedures of the Human Rights Council", "special-procedures", DocumentLayout.CommunicationReply,
        [], null, ["ru", "en"], "ru", "test-reply.txt", "0");

    private static ParsedDocument Parse(IEnumerable<string> lines) =>
        new CommunicationReplyParser().Parse(new SourceDocument(Metadata, string.Join('\n', lines) + "\n"));

    private static string[] Replace(int line, params string[] replacement) =>
        [.. Reply.Take(line - 1), .. replacement, .. Reply.Skip(line)];

    private static ParseException ParseFails(IEnumerable<string> lines) => Assert.Throws<ParseException>(() => Parse(lines));

    [Fact]
    public void A_paragraph_cut_by_a_page_break_is_rejoined_in_both_languages()
    {
        var doc = Parse(Reply);
        Assert.Equal(
            "Первый абзац, который прерван страницей и продолжается на следующей странице.",
            doc.Paragraphs.Single(p => p.Id == RuSection + "/1").Text);
        Assert.Equal("The first paragraph, which a page break cuts and continues on the next page.", doc.Paragraphs.Single(p => p.Id == EnSection + "/1").Text);
        Assert.Equal((LineFate.Joined, RuSection + "/1"), (doc.Lines[23].Fate, doc.Lines[23].RecordId));
        Assert.Equal((LineFate.Joined, EnSection + "/1"), (doc.Lines[43].Fate, doc.Lines[43].RecordId));
    }

    [Fact]
    public void A_line_ending_on_a_comma_is_continued_by_a_capitalised_line()
    {
        var doc = Parse(Replace(
            22,
            "Казахстан является участником договоров, включая Всеобщую декларацию прав человека,",
            "",
            "Международный пакт о гражданских и политических правах."));
        Assert.Equal(
            "Казахстан является участником договоров, включая Всеобщую декларацию прав человека, Международный пакт о гражданских и политических правах.",
            doc.Paragraphs.Single(p => p.Id == RuSection + "/1").Text);
    }

    [Fact]
    public void Numbered_items_are_sub_items_of_the_lead_in_ending_with_a_colon()
    {
        var doc = Parse(Reply);
        var russian = doc.Paragraphs.Single(p => p.Id == RuSection + "/2");
        Assert.Equal("В 2024 году:", russian.Text);
        Assert.Equal(
            [(RuSection + "/2(1)", "1", "Первое.", 28), (RuSection + "/2(2)", "2", "Второе.", 30)],
            russian.SubItems.Select(s => (s.Id, s.Label, s.Text, s.Line)));
        var english = doc.Paragraphs.Single(p => p.Id == EnSection + "/2");
        Assert.Equal(["First.", "Second."], english.SubItems.Select(s => s.Text));
        Assert.Equal((46, 49), (english.StartLine, english.EndLine));
    }

    [Fact]
    public void A_numbered_item_without_a_lead_in_colon_is_refused() =>
        Assert.Equal(28, ParseFails(Replace(26, "В 2024 году приняты меры.")).Line);

    [Fact]
    public void A_numbered_item_out_of_sequence_is_refused() =>
        Assert.Equal(30, ParseFails(Replace(30, "3. Второе.")).Line);

    [Fact]
    public void Sections_titles_and_paragraphs_are_paired_when_counts_agree()
    {
        var doc = Parse(Reply);
        Assert.Equal(
            [
                ("section", Ru, En),
                ("paragraph", Ru + "/1", En + "/2"),
                ("paragraph", Ru + "/2", En + "/4"),
                ("section", RuSection, EnSection),
                ("paragraph", RuSection + "/1", EnSection + "/1"),
                ("paragraph", RuSection + "/2", EnSection + "/2"),
            ],
            doc.Translations.Select(t => (t.Kind, t.SourceId, t.TargetId)));
        Assert.DoesNotContain(doc.Diagnostics, d => d.Severity == "warning");
    }

    [Fact]
    public void Paragraphs_of_a_section_with_unequal_counts_are_not_paired_and_the_section_is_reported()
    {
        var doc = Parse(Replace(44, "continues on the next page.", "", "An extra paragraph only the translation has."));
        Assert.Equal(
            [("section", Ru, En), ("paragraph", Ru + "/1", En + "/2"), ("paragraph", Ru + "/2", En + "/4"), ("section", RuSection, EnSection)],
            doc.Translations.Select(t => (t.Kind, t.SourceId, t.TargetId)));
        var warning = Assert.Single(doc.Diagnostics, d => d.Severity == "warning");
        Assert.Equal(40, warning.Line);
        Assert.Contains("\"Касательно собраний\" has 2 paragraphs in the original and \"Peaceful assemblies\" 3", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unequal_numbers_of_subheadings_are_refused() =>
        Assert.Equal(32, ParseFails(Replace(40, "A paragraph where the heading was.")).Line);

    [Fact]
    public void A_long_line_that_stops_mid_sentence_and_is_not_continued_is_refused()
    {
        var cut = "Это длинный абзац, который обрывается без точки и не продолжается на следующей странице, а за ним идёт заголовок";
        Assert.Equal(18, ParseFails(Replace(18, cut)).Line);
    }

    [Fact]
    public void A_reply_without_its_translation_is_refused() =>
        Assert.Contains("Translated from Russian", ParseFails(Reply.Take(31)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_printed_reference_that_is_not_the_manifest_symbol_is_refused() =>
        Assert.Equal(6, ParseFails(Replace(6, "The Permanent Mission transmits the response to the communication AL TST 2/2025.")).Line);

    [Fact]
    public void Letterheads_addresses_and_signatures_are_kept_as_paragraphs_in_their_language()
    {
        var doc = Parse(Reply);
        Assert.Equal(
            [
                ("al-tst-1-2025-reply/note-verbale/1", "MISSION PERMANENTE DE LA RÉPUBLIQUE DU TESTLAND", "fr"),
                ("al-tst-1-2025-reply/note-verbale/2", "№ 1/2", "en"),
                ("al-tst-1-2025-reply/note-verbale/3", "The Permanent Mission transmits the response to the communication AL TST 1/2025.", "en"),
                ("al-tst-1-2025-reply/letter-of-the-minister-of-foreign-affairs/1", "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ СЫРТҚЫ ІСТЕР МИНИСТРІ", "kk"),
                ("al-tst-1-2025-reply/letter-of-the-minister-of-foreign-affairs/2", "Astana", "en"),
                ("al-tst-1-2025-reply/letter-of-the-minister-of-foreign-affairs/3", "The Republic has the honour to transmit its response.", "en"),
            ],
            doc.Paragraphs.Take(6).Select(p => (p.Id, p.Text, p.Language)));
        Assert.All(doc.Lines.Where(l => l.Fate == LineFate.Dropped), l => Assert.Equal(DropReasons.Blank, l.Reason));
    }

    [Fact]
    public void Every_reply_paragraph_responds_to_the_printed_communication()
    {
        var doc = Parse(Reply);
        Assert.Equal(("sp/al-tst-1-2025", "AL TST 1/2025"), (doc.Recommendations.Single().Id, doc.Recommendations.Single().Locator));
        Assert.Equal(
            [Ru + "/1", Ru + "/2", RuSection + "/1", RuSection + "/2", En + "/1", En + "/2", En + "/3", En + "/4", EnSection + "/1", EnSection + "/2"],
            doc.ResponseLinks.Select(l => l.ParagraphId));
    }

    // --- the next document of the series ----------------------------------------------------------------------------

    [Theory]
    [InlineData("UA TST 12/2027", "sp/ua-tst-12-2027")]
    [InlineData("JOL TST 3/2026", "sp/jol-tst-3-2026")]
    [InlineData("OL TST 1/2030", "sp/ol-tst-1-2030")]
    [InlineData("JAL TST 104/2031", "sp/jal-tst-104-2031")]
    public void Another_kind_number_or_year_of_communication_is_answered_the_same_way(string reference, string id)
    {
        var metadata = Metadata with { Symbol = reference };
        var lines = Reply.Select(l => l.Replace("AL TST 1/2025", reference, StringComparison.Ordinal));
        var doc = new CommunicationReplyParser().Parse(new SourceDocument(metadata, string.Join('\n', lines) + "\n"));
        Assert.Equal((id, reference), (doc.Recommendations.Single().Id, doc.Recommendations.Single().Locator));
        Assert.Equal(10, doc.ResponseLinks.Count);
    }

    [Fact]
    public void A_list_of_ten_or_more_numbered_items_stays_one_paragraph_with_its_sub_items()
    {
        var items = Enumerable.Range(1, 12).Select(n => $"{n}. Item {n}.").ToArray();
        var doc = Parse([.. Reply.Take(47), .. items]);
        var lead = doc.Paragraphs.Single(p => p.Text == "In 2024:");
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"{n}"), lead.SubItems.Select(s => s.Label));
    }
}
