using KzRights.Parsing.Layouts;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Layouts;

/// <summary>Each rule of <see cref="GovernmentReviewParser"/> on a small review written inline.</summary>
public sealed class GovernmentReviewRuleTests
{
    private const string Slug = "test-review";

    private const string Contents = """
        CONTENTS

        I. Introduction5
        II. Rights of the child and of the
        family7
        III. Sources of additional information
        """;

    private const string TwoSources = "iFirst source https://example.org/a;\n\niiSecond source https://example.org/b";

    private static readonly DocumentMetadata Metadata = new(
        Slug, null, false, "Test review", "government-review", "Government", "government", DocumentLayout.GovernmentReview,
        [], null, ["en"], "en", "test-review.txt", "none");

    // --- contents -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Draft Law \"On Public Control\"8", "Draft Law \"On Public Control\"", 8)]
    [InlineData("Return of Kazakh citizens to their homeland14", "Return of Kazakh citizens to their homeland", 14)]
    [InlineData("Draft Concept of the Health care Development until 202630", "Draft Concept of the Health care Development until 2026", 30)]
    [InlineData("Draft Concept of the Health care Development until 2026", "Draft Concept of the Health care Development until 2026", null)]
    [InlineData("Second Voluntary National Review on SDGs", "Second Voluntary National Review on SDGs", null)]
    [InlineData("Human rights in the context of COVID-19", "Human rights in the context of COVID-19", null)]
    [InlineData("Framework Program for 2021-202512", "Framework Program for 2021-2025", 12)]
    [InlineData("Constitutional Court (\"GRECO\")16", "Constitutional Court (\"GRECO\")", 16)]
    public void A_page_number_glued_to_a_contents_title_is_split_off(string entry, string title, int? page) =>
        Assert.Equal((title, page), GluedPageNumber.Split(entry));

    [Fact]
    public void A_contents_entry_wrapped_over_two_lines_is_joined_before_its_page_number_is_split_off()
    {
        var contents = GovernmentReviewParser.ReadContents(Source(Review("The review starts here.")));
        Assert.Equal(
            [("I", 1, "Introduction", (int?)5), ("II", 1, "Rights of the child and of the family", 7), ("III", 1, "Sources of additional information", null)],
            contents.Select(c => (c.Entry.Number, c.Entry.Level, c.Entry.Title, c.Entry.Page)));
        Assert.Equal((6, 7), (contents[1].Entry.Line, contents[1].Entry.LastLine));
    }

    [Fact]
    public void Contents_lines_are_dropped_as_table_of_contents()
    {
        var doc = Parse(Review("The review starts here."));
        Assert.Equal([3, 5, 6, 7, 8], doc.Lines.Where(l => l.Reason == DropReasons.TableOfContents).Select(l => l.Line));
    }

    [Fact]
    public void Lettered_contents_entries_are_sections_of_the_chapter_above_them()
    {
        const string contents = "CONTENTS\n\nI. Introduction\nA. The right to life\nB. The rights of the child\nII. Sources of additional information";
        var text = $"TEST REVIEW\n\n{contents}\n\nI. Introduction\n\nA. The right to life\n\nLife is protected.\n\nB. The rights of the child\n\nChildren " +
            $"are protected.\n\nII. Sources of additional information\n\n{TwoSources}";
        var doc = Parse(text);
        Assert.Equal(
            [
                ($"{Slug}/test-review", (string?)null, 1, "part", (string?)null),
                ($"{Slug}/i", null, 1, "chapter", "I"),
                ($"{Slug}/i/a", $"{Slug}/i", 2, "heading", "A"),
                ($"{Slug}/i/b", $"{Slug}/i", 2, "heading", "B"),
                ($"{Slug}/ii", null, 1, "chapter", "II"),
            ],
            doc.Sections.Select(s => (s.Id, s.ParentId, s.Level, s.Kind, s.Number)));
        Assert.Equal($"{Slug}/i/b/1", doc.Paragraphs.Single(p => p.Text == "Children are protected.").Id);
    }

    [Fact]
    public void A_contents_entry_out_of_order_throws_naming_its_line()
    {
        var text = Review(
            "The review starts here.",
            contents: "CONTENTS\n\nI. Introduction5\nIII. Rights of the child7\nIII. Sources of additional information");
        var error = Assert.Throws<ParseException>(() => Parse(text));
        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void A_heading_that_differs_from_its_contents_entry_throws_naming_the_heading_line()
    {
        var text = Review("The review starts here.", chapterTwoHeading: "II. Duties of the state towards the elderly");
        var error = Assert.Throws<ParseException>(() => Parse(text));
        Assert.Equal(LineOf(text, "II. Duties"), error.Line);
        Assert.Contains("does not match the table of contents (line 6)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_with_another_number_than_the_next_entry_throws_naming_the_heading_line()
    {
        var text = Review("The review starts here.", chapterTwoHeading: "IV. Rights of the child and of the family");
        var error = Assert.Throws<ParseException>(() => Parse(text));
        Assert.Equal(LineOf(text, "IV. Rights"), error.Line);
    }

    [Fact]
    public void A_contents_entry_without_a_heading_throws_naming_the_entry_line()
    {
        var text = Review("The review starts here.").Replace("III. Sources of additional information\n\ni", "i", StringComparison.Ordinal);
        var error = Assert.Throws<ParseException>(() => Parse(text));
        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void A_heading_worded_one_word_differently_is_kept_as_printed_with_a_warning()
    {
        var text = Review("The review starts here.", chapterTwoHeading: "II. Rights of the child and the family");
        var doc = Parse(text);
        Assert.Equal("Rights of the child and the family", doc.Sections.Single(s => s.Number == "II").Title);
        Assert.Contains(doc.Diagnostics, d => d.Line == LineOf(text, "II. Rights", after: 9) && d.Severity == "warning");
    }

    [Fact]
    public void A_heading_differing_only_in_case_and_dashes_is_noted_as_info()
    {
        var text = Review("The review starts here.", chapterTwoHeading: "II. Rights of the Child and – of the Family");
        var doc = Parse(text);
        Assert.Contains(doc.Diagnostics, d => d.Line == LineOf(text, "II. Rights", after: 9) && d.Severity == "info");
        Assert.DoesNotContain(doc.Diagnostics, d => d.Severity == "warning");
    }

    [Fact]
    public void A_body_heading_wrapped_over_two_lines_is_joined()
    {
        var text = Review("The review starts here.", chapterTwoHeading: "II. Rights of the child and of the\n\nfamily");
        var doc = Parse(text);
        var section = doc.Sections.Single(s => s.Number == "II");
        Assert.Equal("Rights of the child and of the family", section.Title);
        Assert.Equal((LineFate.Joined, section.Id), Fate(doc, LineOf(text, "family", after: section.Line)));
    }

    // --- paragraphs split by page breaks and text boxes -----------------------------------------------------------

    [Fact]
    public void A_lower_case_line_continues_the_open_paragraph_above_an_interposed_sentence()
    {
        var text = Review("The review was prepared by the ministry of\n\nA pull quote about something else entirely.\n\njustice in cooperation with others.");
        var doc = Parse(text);
        Assert.Equal(
            ["The review was prepared by the ministry of justice in cooperation with others.", "A pull quote about something else entirely."],
            ChapterOne(doc).Select(p => p.Text));
        Assert.Equal((LineFate.Joined, $"{Slug}/i/1"), Fate(doc, LineOf(text, "justice in")));
    }

    [Fact]
    public void A_line_starting_with_a_digit_continues_a_paragraph_cut_after_a_comma()
    {
        var doc = Parse(Review("From the adoption of the Law until June 2021,\n\n552 peaceful assemblies were held."));
        Assert.Equal(["From the adoption of the Law until June 2021, 552 peaceful assemblies were held."], ChapterOne(doc).Select(p => p.Text));
    }

    [Fact]
    public void A_line_starting_with_a_digit_is_its_own_sentence_after_a_paragraph_cut_after_a_noun()
    {
        var doc = Parse(Review(
            "The Code introduces the principle of the active role\n\n21 administrative courts have been established.\n\nof the court in collecting evidence."));
        Assert.Equal(
            ["The Code introduces the principle of the active role of the court in collecting evidence.", "21 administrative courts have been established."],
            ChapterOne(doc).Select(p => p.Text));
    }

    [Fact]
    public void A_paragraph_cut_mid_clause_continues_with_the_first_capitalised_line_after_box_sentences()
    {
        var text = Review("Since independence, the country has integrated the goals into its programmes, and gender policy is reflected in the\n\nIn the " +
            "report the country rose by 15 places\n\nOn 12 October 2021 a law was adopted.\n\nConcept of Family and Gender Policy until 2030.");
        var doc = Parse(text);
        Assert.Equal(
            [
                "Since independence, the country has integrated the goals into its programmes, and gender policy is reflected in the Concept of Family and " +
                    "Gender Policy until 2030.",
                "In the report the country rose by 15 places",
                "On 12 October 2021 a law was adopted.",
            ],
            ChapterOne(doc).Select(p => p.Text));
        Assert.Contains(doc.Diagnostics, d => d.Line == LineOf(text, "In the report") && d.Severity == "warning");
    }

    [Fact]
    public void A_short_fragment_cut_mid_clause_does_not_take_a_capitalised_sentence()
    {
        var text = Review("Kazakhstan, supported by citizens in\n\nKazakhstan has been moving towards this step in stages.");
        var doc = Parse(text);
        Assert.Equal(["Kazakhstan, supported by citizens in", "Kazakhstan has been moving towards this step in stages."], ChapterOne(doc).Select(p => p.Text));
        Assert.Contains(doc.Diagnostics, d => d.Line == LineOf(text, "supported by") && d.Severity == "warning");
    }

    [Fact]
    public void A_continuation_printed_before_its_start_is_joined_after_the_start()
    {
        var text = Review("society of citizens who have returned.\n\nA complete sentence stands here.\n\nIt is important to explain to the population the " +
            "issue of adaptation in");
        var doc = Parse(text);
        var paragraph = ChapterOne(doc).Single(p => p.Text.StartsWith("It is", StringComparison.Ordinal));
        Assert.Equal("It is important to explain to the population the issue of adaptation in society of citizens who have returned.", paragraph.Text);
        Assert.Equal((LineOf(text, "It is important"), LineOf(text, "society of")), (paragraph.StartLine, paragraph.EndLine));
        Assert.Equal(["A complete sentence stands here.", paragraph.Text], ChapterOne(doc).Select(p => p.Text));
    }

    [Fact]
    public void A_reference_marker_after_the_full_stop_does_not_leave_the_paragraph_open()
    {
        var doc = Parse(Review("Citizens were evacuated from areas of terrorist activity.x\n\nthe next paragraph starts in lower case."));
        Assert.Equal(2, ChapterOne(doc).Count);
        Assert.Equal("Citizens were evacuated from areas of terrorist activity.x", ChapterOne(doc)[0].Text);
    }

    [Fact]
    public void Consecutive_lines_are_one_paragraph()
    {
        var text = Review("In the Transparency\nInternational Corruption\nPerception Index for 2021,\nKazakhstan took 102 place.");
        var doc = Parse(text);
        Assert.Equal(
            ["In the Transparency International Corruption Perception Index for 2021, Kazakhstan took 102 place."],
            ChapterOne(doc).Select(p => p.Text));
    }

    [Fact]
    public void Short_lines_of_a_text_box_separated_by_blank_lines_are_one_block()
    {
        var text = Review("The President of the International\n\nCommission against the Death\n\nPenalty noted the step.\n\nThe review ends here with a long " +
            "sentence that is not part of any box at all.");
        var doc = Parse(text);
        Assert.Equal(
            ["The President of the International Commission against the Death Penalty noted the step.", "The review ends here with a long sentence that is " +
                "not part of any box at all."],
            ChapterOne(doc).Select(p => p.Text));
        Assert.Equal((LineFate.Joined, $"{Slug}/i/1"), Fate(doc, LineOf(text, "Commission against")));
    }

    [Fact]
    public void A_title_like_line_before_a_long_paragraph_is_a_level_three_heading()
    {
        var text = Review("The chapter opens with a sentence.\n\nPenitentiary system\n\nAccording to the institute, the prison population fell by a third " +
            "over the last twenty years.");
        var doc = Parse(text);
        var heading = doc.Sections.Single(s => s.Title == "Penitentiary system");
        Assert.Equal(
            (3, "heading", (string?)null, $"{Slug}/i", $"{Slug}/i/penitentiary-system"),
            (heading.Level, heading.Kind, heading.Number, heading.ParentId, heading.Id));
        Assert.Equal($"{Slug}/i/penitentiary-system/1", doc.Paragraphs.Single(p => p.Text.StartsWith("According", StringComparison.Ordinal)).Id);
    }

    [Fact]
    public void A_line_of_bare_emphasis_markup_is_dropped_and_does_not_split_the_text()
    {
        var text = Review("Since 2020, the information portal operates a map of accessible facilities, with information on the adaptation of " +
            "more\n\n**\n\nthan 35,000 objects.");
        var doc = Parse(text);
        Assert.Equal(
            ["Since 2020, the information portal operates a map of accessible facilities, with information on the adaptation of more than 35,000 objects."],
            ChapterOne(doc).Select(p => p.Text));
        Assert.Equal(DropReasons.EmptyMarkup, doc.Lines[LineOf(text, "**") - 1].Reason);
    }

    // --- side boxes -----------------------------------------------------------------------------------------------

    [Fact]
    public void A_box_line_whose_text_is_in_a_body_paragraph_is_dropped()
    {
        var text = Review("Kazakhstan plans to reduce greenhouse gases by 15 percent by 2030.\n\nAs a party to the Paris Agreement, Kazakhstan plans to " +
            "reduce greenhouse gases by 15 percent by 2030.");
        var doc = Parse(text);
        Assert.Equal(
            ["As a party to the Paris Agreement, Kazakhstan plans to reduce greenhouse gases by 15 percent by 2030."],
            ChapterOne(doc).Select(p => p.Text));
        Assert.Equal(DropReasons.RepeatedSideBox, doc.Lines[LineOf(text, "Kazakhstan plans") - 1].Reason);
    }

    [Fact]
    public void A_box_line_whose_text_is_not_found_elsewhere_is_kept()
    {
        var text = Review("Kazakhstan plans to cut greenhouse gases by 15 percent by 2030.\n\nAs a party to the Paris Agreement, Kazakhstan plans to reduce " +
            "greenhouse gases by 15 percent by 2030.");
        var doc = Parse(text);
        Assert.Equal(2, ChapterOne(doc).Count);
        Assert.DoesNotContain(doc.Lines, l => l.Reason == DropReasons.RepeatedSideBox);
    }

    [Fact]
    public void Of_two_identical_lines_the_first_is_kept()
    {
        var text = Review("In 7 months of 2022, 213 peaceful assemblies were organized.\n\nThe law entered into force in June 2020.\n\nIn 7 months of 2022, " +
            "213 peaceful assemblies were organized.");
        var doc = Parse(text);
        Assert.Equal(
            ["In 7 months of 2022, 213 peaceful assemblies were organized.", "The law entered into force in June 2020."],
            ChapterOne(doc).Select(p => p.Text));
        Assert.Equal(DropReasons.RepeatedSideBox, doc.Lines[LineOf(text, "In 7 months", after: LineOf(text, "The law")) - 1].Reason);
    }

    [Fact]
    public void An_unfinished_box_line_repeating_the_body_cannot_take_the_continuation_of_a_body_paragraph()
    {
        var text = Review(
            "The law on access to information was amended, and in December 2020,\n\n"
            + "Work is underway to develop a draft law taking into account the needs of the media sphere\n\n"
            + "the concepts of an authorized body were introduced.\n\n"
            + "Work is underway to develop a draft law taking into account the needs of the media sphere. In general, it will guarantee free speech.");
        var doc = Parse(text);
        Assert.Equal(
            [
                "The law on access to information was amended, and in December 2020, the concepts of an authorized body were introduced.",
                "Work is underway to develop a draft law taking into account the needs of the media sphere. In general, it will guarantee free speech.",
            ],
            ChapterOne(doc).Select(p => p.Text));
    }

    [Fact]
    public void The_first_half_of_a_split_paragraph_quoted_whole_by_a_box_is_not_taken_for_a_repeat()
    {
        var text = Review(
            "A draft Concept has been developed. Its purpose is to ensure participation in the development of state policy to\n\n"
            + "Currently, a draft Concept has been developed. Its purpose is to ensure participation in the development of state policy to strengthen social " +
                "harmony and unity.\n\n"
            + "strengthen social harmony and unity based on the principles of patriotism.");
        var doc = Parse(text);
        Assert.Equal(
            [
                "A draft Concept has been developed. Its purpose is to ensure participation in the development of state policy to strengthen social harmony " +
                    "and unity based on the principles of patriotism.",
                "Currently, a draft Concept has been developed. Its purpose is to ensure participation in the development of state policy to strengthen " +
                    "social harmony and unity.",
            ],
            ChapterOne(doc).Select(p => p.Text));
    }

    // --- sources --------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("xixInformation portal social protection", 19, "xix", "Information portal social protection")]
    [InlineData("xxiOfficial website of \"eGov\"", 21, "xxi", "Official website of \"eGov\"")]
    [InlineData("ivThe site", 4, "iv", "The site")]
    [InlineData("vMinistry of Health", 5, "v", "Ministry of Health")]
    [InlineData("^vOfficial website", 5, "v", "Official website")]
    [InlineData("ix High-level Political Forum", 9, "ix", "High-level Political Forum")]
    [InlineData("xiii\"Adilet\" Information system", 13, "xiii", "\"Adilet\" Information system")]
    [InlineData("iinformation portal", 1, "i", "information portal")]
    public void A_glued_roman_marker_is_split_off_as_the_next_expected_numeral(string line, int expected, string marker, string text) =>
        Assert.Equal((marker, text), GovernmentReviewSources.SplitMarker(line, expected));

    [Theory]
    [InlineData("Affairs", 19)]
    [InlineData("https://www.gov.kz/memleket/entities/qyzmet?lang=ru;", 19)]
    [InlineData("civil service of the Republic", 3)]
    public void A_line_without_a_marker_continues_the_source_above(string line, int expected) =>
        Assert.Null(GovernmentReviewSources.SplitMarker(line, expected));

    [Theory]
    [InlineData("ivOfficial website", 3)]
    [InlineData("xiThe official website", 10)]
    [InlineData("iiOfficial website", 1)]
    public void A_marker_other_than_the_next_expected_numeral_is_a_gap(string line, int expected) =>
        Assert.Throws<FormatException>(() => GovernmentReviewSources.SplitMarker(line, expected));

    [Fact]
    public void A_gap_in_the_numbering_of_the_sources_throws_naming_the_line()
    {
        var text = Review("The review starts here.", sources: "iFirst source https://example.org/a;\n\niiiThird source https://example.org/c");
        var error = Assert.Throws<ParseException>(() => Parse(text));
        Assert.Equal(LineOf(text, "iiiThird"), error.Line);
    }

    [Fact]
    public void A_source_wrapped_over_lines_is_one_reference_with_its_url()
    {
        var text = Review(
            "The review starts here.",
            sources: "iOfficial website of the Agency for Civil Service\n\nAffairs\n\nhttps://example.org/agency?lang=ru;\n\niiSecond source without a link;");
        var doc = Parse(text);
        Assert.Equal(
            [
                new SourceReference(
                    $"{Slug}/source-i",
                    Slug,
                    "i",
                    "Official website of the Agency for Civil Service Affairs https://example.org/agency?lang=ru",
                    "https://example.org/agency?lang=ru",
                    LineOf(text, "iOfficial")),
                new SourceReference($"{Slug}/source-ii", Slug, "ii", "Second source without a link", null, LineOf(text, "iiSecond")),
            ],
            doc.References);
        Assert.Equal((LineFate.Joined, $"{Slug}/source-i"), Fate(doc, LineOf(text, "Affairs")));
    }

    [Fact]
    public void A_marker_printed_as_an_asterisk_is_read_as_the_expected_numeral_when_the_next_follows()
    {
        var text = Review(
            "The review starts here.",
            sources: "iFirst https://example.org/a;\n\n*Second https://example.org/b\n\niiiThird (https://example.org/c);");
        var doc = Parse(text);
        Assert.Equal(["i", "ii", "iii"], doc.References.Select(r => r.Marker));
        Assert.Equal(("Second https://example.org/b", "https://example.org/c"), (doc.References[1].Text, doc.References[2].Url));
        Assert.Contains(doc.Diagnostics, d => d.Line == LineOf(text, "*Second") && d.Severity == "warning");
    }

    [Fact]
    public void A_marker_printed_as_an_asterisk_without_the_next_numeral_after_it_throws()
    {
        var text = Review("The review starts here.", sources: "iFirst https://example.org/a;\n\n*Second https://example.org/b\n\nivFourth");
        var error = Assert.Throws<ParseException>(() => Parse(text));
        Assert.Equal(LineOf(text, "*Second"), error.Line);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    // --- the next document of the series ----------------------------------------------------------------------------

    [Theory]
    [InlineData("TABLE OF CONTENTS", "List of sources")]
    [InlineData("Contents", "Sources")]
    [InlineData("CONTENTS", "List of references")]
    public void Next_year_s_review_may_word_the_contents_and_sources_headings_differently(string contentsHeading, string sourcesTitle)
    {
        var text = Review("The review starts here.")
            .Replace("CONTENTS", contentsHeading, StringComparison.Ordinal)
            .Replace("III. Sources of additional information", $"III. {sourcesTitle}", StringComparison.Ordinal);
        var doc = Parse(text);
        Assert.Equal(2, doc.References.Count);
        Assert.Equal(sourcesTitle, doc.Sections.Single(s => s.Number == "III").Title);
    }

    [Fact]
    public void Chapters_past_ten_are_numbered_on()
    {
        var numerals = Enumerable.Range(1, 12).Select(RomanNumeralValue.Format).ToArray();
        var contents = "CONTENTS\n\n" + string.Join('\n', numerals.Select(n => $"{n}. Chapter {n}")) + "\nXIII. Sources";
        var body = string.Join("\n\n", numerals.Select(n => $"{n}. Chapter {n}\n\nThe text of chapter {n}."));
        var doc = Parse($"TEST REVIEW TITLE\n\n{contents}\n\n{body}\n\nXIII. Sources\n\n{TwoSources}\n");
        Assert.Equal([.. numerals, "XIII"], doc.Sections.Where(s => s.Kind == "chapter").Select(s => s.Number));
        Assert.Equal("The text of chapter XII.", doc.Paragraphs.Single(p => p.SectionId == $"{Slug}/xii").Text);
    }

    [Fact]
    public void A_review_without_a_contents_heading_names_the_headings_it_looks_for()
    {
        var error = Assert.Throws<ParseException>(() => Parse(Review("The review starts here.").Replace("CONTENTS", "OVERVIEW", StringComparison.Ordinal)));
        Assert.Contains("'CONTENTS' or 'TABLE OF CONTENTS'", error.Reason, StringComparison.Ordinal);
    }

    private static string Review(
        string chapterOne,
        string chapterTwoHeading = "II. Rights of the child and of the family",
        string chapterTwo = "The child is protected.",
        string sources = TwoSources,
        string contents = Contents) =>
        $"TEST REVIEW TITLE\n\n{contents}\n\nI. Introduction\n\n{chapterOne}\n\n{chapterTwoHeading}\n\n{chapterTwo}\n\nIII. Sources of additional " +
            $"information\n\n{sources}\n";

    private static SourceDocument Source(string text) => new(Metadata, text);

    private static ParsedDocument Parse(string text) => new GovernmentReviewParser().Parse(Source(text));

    private static List<Paragraph> ChapterOne(ParsedDocument doc) => doc.Paragraphs.Where(p => p.SectionId == $"{Slug}/i").ToList();

    private static (LineFate, string?) Fate(ParsedDocument doc, int line) => (doc.Lines[line - 1].Fate, doc.Lines[line - 1].RecordId);

    private static int LineOf(string text, string fragment, int after = 0)
    {
        var lines = text.Split('\n');
        for (var i = after; i < lines.Length; i++)
        {
            if (lines[i].Contains(fragment, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"'{fragment}' not in the test text");
    }
}
