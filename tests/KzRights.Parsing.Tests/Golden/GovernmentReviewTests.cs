using KzRights.Parsing.Layouts;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Golden;

/// <summary>The Ministry of Justice's 2022 annual review (003_c424e8bb2dd39d70.txt); every expected value is read
/// off the source file.</summary>
[Collection(CorpusCollection.Name)]
public sealed class GovernmentReviewTests(CorpusFixture fixture)
{
    private const string Slug = "moj-annual-review-2022";
    private const string Intro = Slug + "/annual-review-of-the-human-rights-situation-in";

    private ParsedDocument Doc => fixture.Document(Slug);

    private SourceDocument Source => new(Doc.Metadata, fixture.SourceText(Slug));

    [Fact]
    public void The_section_tree_has_the_title_part_eight_chapters_fourteen_lettered_sections_and_one_sub_heading()
    {
        (string Id, int Level, string Kind, string? Number, string Title, string? Parent, int Line)[] expected =
        [
            (Intro, 1, "part", null, "ANNUAL REVIEW OF THE HUMAN RIGHTS SITUATION IN THE REPUBLIC OF KAZAKHSTAN", null, 3),
            ($"{Slug}/i", 1, "chapter", "I", "Introduction and summary of past human rights reforms", null, 53),
            ($"{Slug}/ii", 1, "chapter", "II", "National mechanisms for human rights in Kazakhstan. The \"National Kurultai\". The draft Law \"On public " +
                "control\"", null, 115),
            ($"{Slug}/iii", 1, "chapter", "III", "Implementation of the Paris Principles. Constitutional status of the Human Rights Ombudsman. Draft " +
                "Constitutional Law \"On the Human Rights Ombudsman\"", null, 169),
            ($"{Slug}/iv", 1, "chapter", "IV", "On the implementation of the Sustainable Development Goals. Second Voluntary National Review on " +
                "SDGs", null, 201),
            ($"{Slug}/v", 1, "chapter", "V", "Humanitarian operations \"Zhusan\" and \"Rusafa\". Return of Kazakh citizens to their homeland", null, 233),
            ($"{Slug}/vi", 1, "chapter", "VI", "Administration of justice and criminal procedure. A three-tier model of the criminal process. Constitutional " +
                "Court", null, 261),
            ($"{Slug}/vi/penitentiary-system", 3, "heading", null, "Penitentiary system", $"{Slug}/vi", 321),
            ($"{Slug}/vii", 1, "chapter", "VII", "Normative and institutional aspects of the protection and promotion of human rights", null, 331),
            ($"{Slug}/vii/a", 2, "heading", "A", "The right to life. Complete abolition of the death penalty", $"{Slug}/vii", 333),
            ($"{Slug}/vii/b", 2, "heading", "B", "Children's rights. 2022 - the Year of Children. The Index of Children's Well-being. Law on the protection " +
                "of the rights of the child", $"{Slug}/vii", 361),
            ($"{Slug}/vii/c", 2, "heading", "C", "Gender equality. Cancellation of the list of restricted professions for women", $"{Slug}/vii", 417),
            ($"{Slug}/vii/d", 2, "heading", "D", "Protection of persons with disabilities. The Law on improving the quality of life of persons with " +
                "disabilities. Draft Social Code", $"{Slug}/vii", 453),
            ($"{Slug}/vii/e", 2, "heading", "E", "Protection from torture. Improving legislation and bringing it into line with international " +
                "standards", $"{Slug}/vii", 499),
            ($"{Slug}/vii/f", 2, "heading", "F", "Protection from violence, other cruel or degrading treatment. Draft Law on Strengthening the Institution " +
                "of the Family", $"{Slug}/vii", 545),
            ($"{Slug}/vii/g", 2, "heading", "G", "The right to health care. Draft Concept of the Health care Development until 2026", $"{Slug}/vii", 591),
            ($"{Slug}/vii/h", 2, "heading", "H", "The right to freedom of thought, conscience, and religion. The Law on Religious Activity. Legislative " +
                "amendments on religious issues", $"{Slug}/vii", 637),
            ($"{Slug}/vii/i", 2, "heading", "I", "The right to peaceful assembly. The practice of applying the new Law ''On the procedure for organizing and " +
                "holding peaceful assemblies''", $"{Slug}/vii", 665),
            ($"{Slug}/vii/j", 2, "heading", "J", "The right to information. The first draft of the annual report on the state of access to information in " +
                "the country", $"{Slug}/vii", 693),
            ($"{Slug}/vii/k", 2, "heading", "K", "Combating human trafficking. The Concept of the Draft Law \"On Combating Human " +
                "Trafficking\"", $"{Slug}/vii", 743),
            ($"{Slug}/vii/l", 2, "heading", "L", "Anti-corruption reforms. Results of the first visit of the experts of the Group of States on Combating " +
                "Corruption (\"GRECO\")", $"{Slug}/vii", 771),
            ($"{Slug}/vii/m", 2, "heading", "M", "Rights of national minorities. Kazakh diplomat as OSCE High Commissioner for National " +
                "Minorities", $"{Slug}/vii", 833),
            ($"{Slug}/vii/n", 2, "heading", "N", "The right to a favorable environment and the promotion of a green agenda. Implementation of the new " +
                "Environmental Code", $"{Slug}/vii", 883),
            ($"{Slug}/viii", 1, "chapter", "VIII", "Sources of additional information", null, 929),
        ];

        Assert.Equal(expected, Doc.Sections.Select(s => (s.Id, s.Level, s.Kind, s.Number, s.Title, s.ParentId, s.Line)));
        Assert.Equal(Enumerable.Range(1, expected.Length), Doc.Sections.Select(s => s.Ordinal));
        Assert.All(Doc.Sections, s => Assert.Equal("en", s.Language));
    }

    [Fact]
    public void Every_contents_entry_is_parsed_with_its_page_and_matched_to_its_heading_in_order()
    {
        var contents = GovernmentReviewParser.ReadContents(Source);

        Assert.Equal(
            ["I", "II", "III", "IV", "V", "VI", "VII", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "VIII"],
            contents.Select(c => c.Entry.Number));
        Assert.Equal(
            [53, 115, 169, 201, 233, 261, 331, 333, 361, 417, 453, 499, 545, 591, 637, 665, 693, 743, 771, 833, 883, 929],
            contents.Select(c => c.BodyLine));
        Assert.Equal(
            [
                (11, 11), (12, 13), (14, 16), (17, 18), (19, 20), (21, 22), (23, 24), (25, 25), (26, 27), (28, 29), (30, 31), (32, 33), (34, 35),
                (36, 37), (38, 39), (40, 41), (42, 42), (43, 44), (45, 46), (47, 48), (49, 50), (51, 51),
            ],
            contents.Select(c => (c.Entry.Line, c.Entry.LastLine)));

        // Only some entries print a page number, glued to the title's last character.
        var pages = contents.Where(c => c.Entry.Page is not null).ToDictionary(c => c.Entry.Line, c => c.Entry.Page);
        Assert.Equal(new Dictionary<int, int?> { [12] = 8, [14] = 11, [19] = 14, [23] = 19, [25] = 19, [26] = 20, [36] = 30, [47] = 40 }, pages);
    }

    [Theory]
    [InlineData(12, "National mechanisms for human rights in Kazakhstan. The \"National Kurultai\". Draft Law \"On Public Control\"")]
    [InlineData(14, "Implementation of the Paris Principles. Constitutional status of the Human Rights Ombudsman. Draft Constitutional Law \"On the Human " +
        "Rights Ombudsman\"")]
    [InlineData(23, "Normative and institutional aspects of the protection and promotion of human rights")]
    [InlineData(36, "The right to health care. Draft Concept of the Health care Development until 2026")]
    [InlineData(42, "The right to information. The first draft of the annual report on the state of access to information in the country")]
    [InlineData(47, "Rights of national minorities. Kazakh diplomat as OSCE High Commissioner for National Minorities")]
    public void Wrapped_contents_entries_are_joined_and_lose_their_glued_page_number(int line, string title) =>
        Assert.Equal(title, GovernmentReviewParser.ReadContents(Source).Single(c => c.Entry.Line == line).Entry.Title);

    [Fact]
    public void Headings_worded_differently_from_the_contents_are_reported_and_the_rest_agree()
    {
        var agreements = GovernmentReviewParser.ReadContents(Source).ToDictionary(c => c.BodyLine, c => c.Agreement);
        // II adds "The", IV drops "in Kazakhstan", VI says "three-tier" for "three-link", I adds "new", L adds "the".
        int[] reworded = [115, 201, 261, 665, 771];
        // B: hyphen for en dash; F: capitals; N: no quotes around green agenda.
        int[] retyped = [361, 545, 883];
        Assert.All(reworded, l => Assert.Equal(HeadingAgreement.MinorWording, agreements[l]));
        Assert.All(retyped, l => Assert.Equal(HeadingAgreement.SameWords, agreements[l]));
        Assert.All(agreements.Where(a => !reworded.Contains(a.Key) && !retyped.Contains(a.Key)), a => Assert.Equal(HeadingAgreement.Same, a.Value));

        Assert.Equal(
            reworded,
            Doc.Diagnostics.Where(d => d.Severity == "warning" && d.Message.StartsWith("heading", StringComparison.Ordinal)).Select(d => d.Line));
        Assert.Equal(
            retyped,
            Doc.Diagnostics.Where(d => d.Severity == "info" && d.Message.StartsWith("heading", StringComparison.Ordinal)).Select(d => d.Line));
    }

    [Fact]
    public void The_contents_lines_are_dropped_and_the_title_and_introduction_are_kept()
    {
        var fates = Doc.Lines.ToDictionary(l => l.Line);
        Assert.All(Enumerable.Range(9, 43).Where(l => !string.IsNullOrWhiteSpace(Source.Line(l))), l =>
            Assert.Equal(DropReasons.TableOfContents, fates[l].Reason));
        Assert.Equal((LineFate.Kept, Intro), (fates[3].Fate, fates[3].RecordId));
        Assert.Equal(
            [
                "This review of the human rights situation in the Republic of Kazakhstan (Review) has been prepared by the Ministry of Justice of the " +
                    "Republic of Kazakhstan in cooperation with authorized state bodies, institutions, national, and non-governmental human rights " +
                        "organizations.",
                "The material was prepared in order to inform the diplomatic missions of foreign states and international organizations about the reforms " +
                    "carried out in the Republic in the field of human rights in recent years.",
            ],
            Doc.Paragraphs.Where(p => p.SectionId == Intro).Select(p => p.Text));
    }

    [Fact]
    public void Paragraphs_per_section_are_counted_after_rejoining_and_dropping_side_boxes()
    {
        var expected = new Dictionary<string, int>
        {
            [Intro] = 2, [$"{Slug}/i"] = 27, [$"{Slug}/ii"] = 23, [$"{Slug}/iii"] = 15, [$"{Slug}/iv"] = 11,
            [$"{Slug}/v"] = 11, [$"{Slug}/vi"] = 25, [$"{Slug}/vi/penitentiary-system"] = 4,
            [$"{Slug}/vii/a"] = 9, [$"{Slug}/vii/b"] = 18, [$"{Slug}/vii/c"] = 16, [$"{Slug}/vii/d"] = 19,
            [$"{Slug}/vii/e"] = 17, [$"{Slug}/vii/f"] = 20, [$"{Slug}/vii/g"] = 19, [$"{Slug}/vii/h"] = 10,
            [$"{Slug}/vii/i"] = 10, [$"{Slug}/vii/j"] = 19, [$"{Slug}/vii/k"] = 12, [$"{Slug}/vii/l"] = 23,
            [$"{Slug}/vii/m"] = 18, [$"{Slug}/vii/n"] = 18,
        };
        Assert.Equal(expected, Doc.Paragraphs.GroupBy(p => p.SectionId!).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(346, Doc.Paragraphs.Count);
        Assert.All(Doc.Paragraphs, p => Assert.Null(p.Number));
        Assert.All(Doc.Paragraphs.GroupBy(p => p.SectionId), g =>
            Assert.Equal(g.Select((p, i) => StableId.UnnumberedParagraph(g.Key!, i + 1)), g.Select(p => p.Id)));
    }

    [Fact]
    public void Paragraphs_carry_the_section_path_from_chapter_to_lettered_section()
    {
        var p = fixture.Paragraph(Slug, $"{Slug}/vii/a/5");
        Assert.Equal(
            ["Normative and institutional aspects of the protection and promotion of human rights", "The right to life. Complete abolition of the death " +
                "penalty"],
            p.SectionPath);
        Assert.Equal("On December 29, 2021, a law was adopted that abolished the death penalty for all crimes provided for by the Criminal Code and replaced " +
            "it with life imprisonment. A ban has been established on the conditional early release of persons sentenced to death, for which an exceptional " +
                "measure of punishment has been replaced by imprisonment within the limits of the sanction under which the person was convicted. This work " +
                    "was carried out with the involvement of the Members of Parliament and members of the NCPT.", p.Text);
        Assert.Equal((347, 349), (p.StartLine, p.EndLine));
    }

    [Fact]
    public void A_paragraph_cut_after_a_number_continues_with_a_capitalised_line()
    {
        var p = fixture.Paragraph(Slug, $"{Slug}/i/7");
        Assert.Equal("In 2022, Kazakhstan celebrates the 30th anniversary of joining the UN. In support of the UN efforts in the field of sustainable " +
            "development, in May 2019, a new building of the UN Office was opened in Almaty, which currently hosts 27 UN programs and agencies, of which 18 " +
                "UN system organizations have regional, subregional and country status.", p.Text);
        Assert.Equal((67, 69), (p.StartLine, p.EndLine));
    }

    [Fact]
    public void A_continuation_printed_before_its_start_is_joined_after_it()
    {
        var p = fixture.Paragraph(Slug, $"{Slug}/v/7");
        Assert.Equal("Women and children who returned from Syria were initially placed in a specially created adaptation center (30-day quarantine), which " +
            "is located in a children's health camp located on the coast of the Caspian Sea near the city of Aktau. At the end of the adaptation period, " +
                "women with children were transferred to their former places of residence. Further rehabilitation was carried out with the participation of " +
                    "non-governmental organizations, as well as with the assistance of local executive bodies. It is especially important to note the joint " +
                        "work of state bodies with public organizations to explain to the population the issue of adaptation in society of citizens who have " +
                            "returned from combat zones.", p.Text);
        Assert.Equal((249, 241), (p.StartLine, p.EndLine));
        Assert.Contains(Doc.Diagnostics, d => d.Line == 241 && d.Severity == "info");
    }

    [Fact]
    public void A_paragraph_cut_by_side_boxes_resumes_after_them_and_keeps_its_reference_marker()
    {
        var p = fixture.Paragraph(Slug, $"{Slug}/vii/a/2");
        Assert.Equal("In her statement, the President of the International Commission against the Death Penalty, Navi Pillay, noted that by ratifying the " +
            "Second Optional Protocol, \"Kazakhstan has taken an important step bringing the Central Asian region closer to becoming a region free from the " +
                "death penalty\". xii", p.Text);
        Assert.Equal((337, 345), (p.StartLine, p.EndLine));
    }

    [Fact]
    public void Emphasis_is_removed_from_a_rejoined_paragraph()
    {
        var p = fixture.Paragraph(Slug, $"{Slug}/vii/j/8");
        Assert.Equal("In June 2020, Article 130 of the Criminal Code (Defamation) was decriminalized by its transfer to the Code \"On Administrative " +
            "Offenses\". Also, Article 174 of the Criminal Code (Inciting social, national, tribal, racial, class or religious hatred) has been " +
                "reformed.", p.Text);
    }

    [Fact]
    public void Consecutive_short_lines_of_a_box_are_one_paragraph_when_the_box_repeats_nothing()
    {
        var p = fixture.Paragraph(Slug, $"{Slug}/vii/l/5");
        Assert.Equal("In the Transparency International Corruption Perception Index for 2021, Kazakhstan scored 37 points, taking 102 place.", p.Text);
        Assert.Equal((785, 789), (p.StartLine, p.EndLine));
    }

    [Theory]
    [InlineData("i/13", new[] { 81, 83 })]
    [InlineData("i/20", new[] { 97, 99 })]
    [InlineData("ii/2", new[] { 119, 127 })]
    [InlineData("ii/13", new[] { 143, 149 })]
    [InlineData("ii/18", new[] { 155, 163 })]
    [InlineData("iv/2", new[] { 205, 213 })]
    [InlineData("iv/8", new[] { 223, 229 })]
    [InlineData("v/9", new[] { 253, 255 })]
    [InlineData("vi/2", new[] { 265, 275 })]
    [InlineData("vi/16", new[] { 297, 305 })]
    [InlineData("vii/a/5", new[] { 347, 349 })]
    [InlineData("vii/a/7", new[] { 353, 355 })]
    [InlineData("vii/b/2", new[] { 365, 387 })]
    [InlineData("vii/c/2", new[] { 421, 429 })]
    [InlineData("vii/d/2", new[] { 457, 469 })]
    [InlineData("vii/e/2", new[] { 503, 505 })]
    [InlineData("vii/e/4", new[] { 509, 521 })]
    [InlineData("vii/e/10", new[] { 527, 529 })]
    [InlineData("vii/f/2", new[] { 549, 551 })]
    [InlineData("vii/f/14", new[] { 575, 577 })]
    [InlineData("vii/g/5", new[] { 605, 607 })]
    [InlineData("vii/h/2", new[] { 641, 647 })]
    [InlineData("vii/h/8", new[] { 657, 661 })]
    [InlineData("vii/i/4", new[] { 673, 675 })]
    [InlineData("vii/i/7", new[] { 683, 685 })]
    [InlineData("vii/j/2", new[] { 697, 707 })]
    [InlineData("vii/j/11", new[] { 719, 729 })]
    [InlineData("vii/j/18", new[] { 737, 739 })]
    [InlineData("vii/k/9", new[] { 761, 763 })]
    [InlineData("vii/l/1", new[] { 773, 777 })]
    [InlineData("vii/l/3", new[] { 779, 781 })]
    [InlineData("vii/l/4", new[] { 783, 799 })]
    [InlineData("vii/l/15", new[] { 811, 813 })]
    [InlineData("vii/l/17", new[] { 817, 825 })]
    [InlineData("vii/m/1", new[] { 835, 837 })]
    [InlineData("vii/m/8", new[] { 855, 861 })]
    [InlineData("vii/m/12", new[] { 865, 873 })]
    [InlineData("vii/n/2", new[] { 887, 895 })]
    [InlineData("vii/n/7", new[] { 899, 901 })]
    [InlineData("vii/n/9", new[] { 905, 919 })]
    public void Every_split_paragraph_is_its_source_lines_joined_by_one_space(string key, int[] lines)
    {
        var p = fixture.Paragraph(Slug, $"{Slug}/{key}");
        Assert.Equal(string.Join(' ', lines.Select(l => TextCleaner.Clean(Source.Line(l)))), p.Text);
        Assert.Equal((lines[0], lines[^1]), (p.StartLine, p.EndLine));
        Assert.All(lines.Skip(1), l => Assert.Equal((LineFate.Joined, p.Id), (Doc.Lines[l - 1].Fate, Doc.Lines[l - 1].RecordId)));
    }

    [Fact]
    public void Only_the_identified_split_paragraphs_and_wrapped_lines_are_joined()
    {
        int[] continuations =
        [
            69, 83, 99, 127, 149, 163, 213, 229, 241, 255, 275, 305, 345, 349, 355, 387, 429, 469, 505, 521, 529, 551,
            577, 607, 647, 661, 675, 685, 707, 713, 729, 739, 763, 777, 781, 786, 787, 788, 789, 799, 813, 825, 837,
            861, 873, 895, 901, 919,
        ];
        int[] sourceWraps = [967, 969];
        Assert.Equal(continuations.Concat(sourceWraps), Doc.Lines.Where(l => l.Fate == LineFate.Joined).Select(l => l.Line));
    }

    [Fact]
    public void Side_box_lines_repeating_the_body_are_dropped_and_each_is_found_in_a_kept_paragraph()
    {
        int[] expected = [207, 211, 273, 303, 343, 369, 375, 377, 379, 381, 383, 385, 407, 493, 515, 519, 599, 601, 643, 677, 727, 845, 847, 869, 911];
        var dropped = Doc.Lines.Where(l => l.Reason == DropReasons.RepeatedSideBox).Select(l => l.Line).ToArray();
        Assert.Equal(expected, dropped);

        var kept = Doc.Paragraphs.Select(p => GovernmentReviewBody.RepeatKey(p.Text)).ToList();
        // The pull quote on lines 375–385 is one box set as short lines: its text is found only as a whole.
        var boxes = dropped.Where(l => l is < 375 or > 385).Select(l => new[] { l }).Append([375, 377, 379, 381, 383, 385]);
        Assert.All(boxes, box =>
        {
            var key = GovernmentReviewBody.RepeatKey(string.Join(' ', box.Select(l => TextCleaner.Clean(Source.Line(l)))));
            Assert.Contains(kept, k => k.Contains(key, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Pull_quotes_worded_differently_from_the_body_are_kept()
    {
        // 181 restates 171 with "the Institute of", 189 adds "on a voluntary basis", 871 adds "Currently,".
        Assert.Contains(Doc.Paragraphs, p => p.StartLine == 181
            && p.Text == "September 2022 marks exactly 20 years since the existence of the Institute of the Commissioner for Human Rights in Kazakhstan.");
        Assert.Contains(Doc.Paragraphs, p => p.StartLine == 189);
        Assert.Contains(Doc.Paragraphs, p => p.StartLine == 871 && p.Text.StartsWith("Currently, a draft Concept", StringComparison.Ordinal));
        // The same sentence printed twice (669 and 677): the first copy stays.
        Assert.Contains(Doc.Paragraphs, p => p.StartLine == 669 && p.Text == "In 7 months of 2022, 213 peaceful assemblies were organized in the country.");
    }

    [Fact]
    public void A_line_of_bare_emphasis_markup_is_dropped()
    {
        Assert.Equal("**", Source.Line(463).Trim());
        Assert.Equal([463], Doc.Lines.Where(l => l.Reason == DropReasons.EmptyMarkup).Select(l => l.Line));
    }

    [Fact]
    public void Fragments_that_end_mid_sentence_without_a_continuation_are_kept_with_a_warning()
    {
        // 357 is the scrambled opening of 353/355 ("Amendments Constitution to the of" … "in a referendum");
        // 423 and 427 are pull quotes printed without a full stop.
        Assert.Equal(
            [357, 423, 427],
            Doc.Diagnostics.Where(d => d.Severity == "warning" && d.Message.StartsWith("paragraph ends", StringComparison.Ordinal)).Select(d => d.Line));
        Assert.Equal("Kazakhstan, supported by citizens of the country in", Doc.Paragraphs.Single(p => p.StartLine == 357).Text);
    }

    [Fact]
    public void The_sources_run_from_i_to_xxxi_with_the_glued_marker_split_off()
    {
        var markers = Enumerable.Range(1, 31).Select(n => RomanNumeralValue.Format(n).ToLowerInvariant()).ToArray();
        Assert.Equal(markers, Doc.References.Select(r => r.Marker));
        Assert.Equal(markers.Select(m => StableId.Reference(Slug, m)), Doc.References.Select(r => r.Id));
        Assert.All(Doc.References, r => Assert.NotNull(r.Url));
    }

    [Theory]
    [InlineData(
        "i",
        931,
        "Republic of Kazakhstan and UN treaty bodies https://tbinternet.ohchr.org/_layouts/15/treatybodyexternal/TBSearch.aspx?Lang=Ru&CountryID=89",
        "https://tbinternet.ohchr.org/_layouts/15/treatybodyexternal/TBSearch.aspx?Lang=Ru&CountryID=89")]
    [InlineData(
        "v",
        939,
        "Official website of the Center for Support of Civil Initiatives of the Republic of Kazakhstan https://cisc.kz/ru/",
        "https://cisc.kz/ru/")]
    [InlineData(
        "xiii",
        955,
        "\"Adilet\" Information and legal system normative legal acts of the Republic of Kazakhstan (https://adilet.zan.kz/rus)",
        "https://adilet.zan.kz/rus")]
    [InlineData("xviii", 965, "Official website of the Agency of the Republic of Kazakhstan for Civil Service Affairs " +
        "https://www.gov.kz/memleket/entities/qyzmet/press/news/details/170252?lang=ru", "https://www.gov.kz/memleket/entities/qyzmet/press/news/details/1702" +
            "52?lang=ru")]
    [InlineData("xix", 971, "Information portal social protection of persons with disabilities (https://inva.gov.kz/ru)", "https://inva.gov.kz/ru")]
    [InlineData(
        "xxi",
        975,
        "Official website of \"eGov\" public services and information online https://egov.kz/cms/ru/articles/open_gov",
        "https://egov.kz/cms/ru/articles/open_gov")]
    [InlineData(
        "xxxi",
        995,
        "Official website of the President of the Republic of Kazakhstan (https://www.akorda.kz/public/ru)",
        "https://www.akorda.kz/public/ru")]
    public void Source_records_hold_the_text_without_marker_and_the_first_url(string marker, int line, string text, string url)
    {
        var reference = Doc.References.Single(r => r.Marker == marker);
        Assert.Equal((line, text, url), (reference.Line, reference.Text, reference.Url));
    }

    [Fact]
    public void The_source_printed_with_an_asterisk_for_x_is_read_as_x_with_a_warning()
    {
        var reference = Doc.References.Single(r => r.Line == 949);
        Assert.Equal(
            ("x", "Official website of the French edition of \"Drapeau rouge\" https://www.drapeaurouge.fr/2021/03/10/delicate-rapatriement-enfants-daesh/"),
            (reference.Marker, reference.Text));
        Assert.Contains(Doc.Diagnostics, d => d.Line == 949 && d.Severity == "warning" && d.Message.Contains("'*'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_url_broken_by_a_space_stops_at_the_space()
    {
        // The source prints "…constitutional-referendum en" (the underscore of "_en" was lost).
        var reference = Doc.References.Single(r => r.Marker == "ii");
        Assert.Equal("https://www.eeas.europa.eu/eeas/kazakhstan-statement-spokesperson-constitutional-referendum", reference.Url);
        Assert.EndsWith("constitutional-referendum en", reference.Text, StringComparison.Ordinal);
    }
}
