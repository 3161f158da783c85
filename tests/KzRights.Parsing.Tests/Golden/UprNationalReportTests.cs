using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Golden;

/// <summary>Kazakhstan's national report for the fourth UPR cycle (A/HRC/WG.6/48/KAZ/1), values read off the source.</summary>
[Collection(CorpusCollection.Name)]
public sealed class UprNationalReportTests(CorpusFixture fixture)
{
    private const string Slug = "a-hrc-wg-6-48-kaz-1";

    private ParsedDocument Document => fixture.Document(Slug);

    private static string Rec(string locator) => $"upr-3/{locator}";

    private static string Para(int number) => $"{Slug}/{number}";

    private Section Group(int line) => Document.Sections.Single(s => s.Line == line && s.Kind == "recommendation-group");

    private IReadOnlyList<string> GroupRecommendations(int line)
    {
        var evidence = $"line {line}: {Group(line).Title}";
        return Document.ResponseLinks.Where(l => l.Evidence == evidence).Select(l => l.RecommendationId).Distinct().ToList();
    }

    private IReadOnlyList<int> GroupParagraphs(int line)
    {
        var evidence = $"line {line}: {Group(line).Title}";
        return Document.ResponseLinks.Where(l => l.Evidence == evidence)
            .Select(l => int.Parse(l.ParagraphId[(Slug.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .Distinct().ToList();
    }

    [Fact]
    public void The_report_has_paragraphs_1_to_299_each_once_in_order()
    {
        Assert.Equal(
            Enumerable.Range(1, 299).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Document.Paragraphs.Select(p => p.Number));
        Assert.Equal(Document.Paragraphs.Select(p => p.Number), Document.Paragraphs.Select(p => p.RawNumber));
        Assert.Equal(Enumerable.Range(1, 299), Document.Paragraphs.Select(p => p.Ordinal));
        Assert.Equal("a-hrc-wg-6-48-kaz-1/20", Document.Paragraphs[19].Id);
        Assert.All(Document.Paragraphs, p => Assert.Equal("en", p.Language));
    }

    [Fact]
    public void The_report_has_five_roman_chapters()
    {
        var chapters = Document.Sections.Where(s => s.Kind == "chapter").Select(s => (s.Number, s.Title, s.Level, s.Line, s.Id));
        Assert.Equal(
        [
            ("I", "Methodology", 1, 25, $"{Slug}/i"),
            ("II", "General information", 1, 32, $"{Slug}/ii"),
            ("III", "Overview of institutional arrangements and implementation of the Paris Principles in the national legislation of " +
                "Kazakhstan", 1, 62, $"{Slug}/iii"),
            ("IV", "Strengthening cooperation by international organizations and human rights mechanisms", 1, 94, $"{Slug}/iv"),
            ("V", "Legal and institutional framework for the promotion and protection of human rights", 1, 140, $"{Slug}/v"),
        ], chapters);
    }

    [Fact]
    public void Thematic_headings_sit_at_level_2_under_their_chapter()
    {
        var headings = Document.Sections.Where(s => s.Kind == "heading").ToList();
        Assert.Equal(21, headings.Count);
        Assert.All(headings, h => Assert.Equal(2, h.Level));
        Assert.Equal(
        [
            "National follow-up mechanisms for the implementation of recommendations",
            "Sustainable Development Goals",
            "Accession to international human rights instruments",
            "Electoral law",
            "Business and human rights",
            "Strengthening of civil society and right to freedom of association",
            "Right to life",
            "Administration of justice and the judicial system",
            "Protection against torture (national mechanisms for the prevention of torture)",
            "Protection against violence",
            "Freedom of expression",
            "Freedom of religion or belief",
            "Institution of the family and childhood",
            "Women’s rights",
            "Children and young persons",
            "Persons with disabilities",
            "Migrants and refugees",
            "Right to social security",
            "Combating trafficking in persons, drug trafficking and other serious crimes",
            "Combating corruption",
            "Right to a healthy environment",
        ], headings.Select(h => h.Title));
        Assert.Equal($"{Slug}/ii", headings[0].ParentId);
        Assert.Equal($"{Slug}/iv", headings[1].ParentId);
        Assert.All(headings.Skip(2), h => Assert.Equal($"{Slug}/v", h.ParentId));
        Assert.Equal(Enumerable.Range(1, Document.Sections.Count), Document.Sections.Select(s => s.Ordinal));
    }

    [Fact]
    public void The_masthead_is_dropped_line_by_line()
    {
        var masthead = Document.Lines.Where(l => l.Reason == DropReasons.Masthead).Select(l => l.Line);
        Assert.Equal([5, 7, 8, 9, 10, 12, 13, 14, 15, 17, 19, 21], masthead);
        Assert.Equal(12, masthead.Count());
        Assert.Equal(5, Document.Lines.Count(l => l.Fate == LineFate.Joined));
    }

    [Theory]
    // line, ids, first id, last id, first and last paragraph it governs, heading or chapter it sits under
    [InlineData(48, 2, "139.23", "139.29", 16, 21, "National follow-up mechanisms for the implementation of recommendations")]
    [InlineData(
        64,
        14,
        "139.30",
        "139.43",
        22,
        35,
        "Overview of institutional arrangements and implementation of the Paris Principles in the national legislation of Kazakhstan")]
    [InlineData(96, 2, "139.26", "139.27", 36, 47, "Strengthening cooperation by international organizations and human rights mechanisms")]
    [InlineData(124, 4, "139.141", "139.150", 48, 54, "Sustainable Development Goals")]
    [InlineData(144, 21, "139.1", "139.207", 55, 65, "Accession to international human rights instruments")]
    [InlineData(172, 4, "139.124", "139.127", 66, 74, "Electoral law")]
    [InlineData(196, 3, "139.56", "139.148", 75, 85, "Business and human rights")]
    [InlineData(222, 6, "139.48", "139.137", 86, 94, "Strengthening of civil society and right to freedom of association")]
    [InlineData(244, 9, "139.68", "139.78", 95, 96, "Right to life")]
    [InlineData(252, 6, "139.82", "139.113", 97, 113, "Administration of justice and the judicial system")]
    [InlineData(290, 10, "139.61", "139.81", 114, 133, "Protection against torture (national mechanisms for the prevention of torture)")]
    [InlineData(334, 23, "139.192", "139.225", 134, 150, "Protection against violence")]
    [InlineData(374, 20, "139.88", "139.112", 151, 156, "Freedom of expression")]
    [InlineData(390, 5, "139.121", "139.232", 157, 165, "Freedom of religion or belief")]
    [InlineData(412, 1, "139.134", "139.134", 166, 170, "Institution of the family and childhood")]
    [InlineData(426, 22, "139.139", "139.216", 171, 188, "Women’s rights")]
    [InlineData(466, 12, "139.136", "139.228", 189, 211, "Children and young persons")]
    [InlineData(516, 17, "139.164", "139.243", 212, 229, "Persons with disabilities")]
    [InlineData(556, 2, "139.131", "139.245", 230, 238, "Migrants and refugees")]
    [InlineData(570, 19, "139.138", "139.171", 239, 270, "Right to social security")]
    [InlineData(638, 7, "139.120", "139.215", 271, 278, "Combating trafficking in persons, drug trafficking and other serious crimes")]
    [InlineData(658, 1, "139.84", "139.84", 279, 290, "Combating corruption")]
    [InlineData(686, 4, "139.55", "139.59", 291, 299, "Right to a healthy environment")]
    public void Each_recommendations_line_expands_to_its_ids_and_governs_its_paragraphs(
        int line,
        int count,
        string first,
        string last,
        int firstParagraph,
        int lastParagraph,
        string theme)
    {
        var ids = GroupRecommendations(line);
        Assert.Equal(count, ids.Count);
        Assert.Equal(Rec(first), ids[0]);
        Assert.Equal(Rec(last), ids[^1]);
        Assert.Equal(Enumerable.Range(firstParagraph, lastParagraph - firstParagraph + 1), GroupParagraphs(line));
        Assert.Equal(
            count * (lastParagraph - firstParagraph + 1),
            Document.ResponseLinks.Count(l => l.Evidence.StartsWith($"line {line}: ", StringComparison.Ordinal)));
        Assert.All(ids, id => Assert.Equal(theme, Document.Recommendations.Single(r => r.Id == id).Theme));
        var group = Group(line);
        Assert.Equal(theme, Document.Sections.Single(s => s.Id == group.ParentId).Title);
        Assert.All(
            Enumerable.Range(firstParagraph, lastParagraph - firstParagraph + 1),
            n => Assert.Equal(group.Id, fixture.Paragraph(Slug, Para(n)).SectionId));
    }

    [Fact]
    public void There_are_23_recommendations_lines()
    {
        var groups = Document.Sections.Where(s => s.Kind == "recommendation-group").ToList();
        Assert.Equal(23, groups.Count);
        Assert.Equal("Recommendations 139.30–139.43", Group(64).Title);
        Assert.Equal("Recommendation 139.134", Group(412).Title);
        Assert.Equal(3, Group(48).Level);
        Assert.Equal(2, Group(64).Level);
        Assert.Equal($"{Slug}/iii", Group(64).ParentId);
    }

    [Fact]
    public void A_list_mixing_singles_and_ranges_expands_fully()
    {
        Assert.Equal(
            new[] { "139.1" }.Concat(Enumerable.Range(6, 13).Select(n => $"139.{n}"))
                .Concat(["139.28", "139.72", "139.73", "139.145", "139.146", "139.147", "139.207"]).Select(Rec),
            GroupRecommendations(144));
    }

    [Fact]
    public void An_en_dash_range_expands_to_every_number_in_it() =>
        Assert.Equal(Enumerable.Range(30, 14).Select(n => Rec($"139.{n}")), GroupRecommendations(64));

    [Fact]
    public void A_hyphen_range_expands_like_an_en_dash_range() =>
        Assert.Equal(new[] { "139.139" }.Concat(Enumerable.Range(172, 20).Select(n => $"139.{n}")).Append("139.216").Select(Rec), GroupRecommendations(426));

    [Fact]
    public void Commas_and_and_combine_with_ranges()
    {
        Assert.Equal(["139.82", "139.83", "139.85", "139.86", "139.87", "139.113"], GroupRecommendations(252).Select(id => id[6..]));
        Assert.Equal(["139.56", "139.60", "139.148"], GroupRecommendations(196).Select(id => id[6..]));
        Assert.Equal(
            ["139.68", "139.69", "139.70", "139.71", "139.74", "139.75", "139.76", "139.77", "139.78"],
            GroupRecommendations(244).Select(id => id[6..]));
        Assert.Equal(["139.120", "139.128", "139.129", "139.130", "139.132", "139.133", "139.215"], GroupRecommendations(638).Select(id => id[6..]));
        Assert.Equal(
            new[] { "139.138", "139.140", "139.143", "139.144" }.Concat(Enumerable.Range(151, 13).Select(n => $"139.{n}")).Concat(["139.170", "139.171"]),
            GroupRecommendations(570).Select(id => id[6..]));
        Assert.Equal(["139.23", "139.29"], GroupRecommendations(48).Select(id => id[6..]));
        Assert.Equal(["139.84"], GroupRecommendations(658).Select(id => id[6..]));
    }

    [Fact]
    public void Recommendation_records_are_distinct_and_carry_only_what_the_report_says()
    {
        var recommendations = Document.Recommendations;
        Assert.Equal(214, recommendations.Count);
        Assert.Equal(recommendations.Count, recommendations.Select(r => r.Id).Distinct().Count());
        Assert.Equal(3203, Document.ResponseLinks.Count);
        Assert.All(recommendations, r =>
        {
            Assert.Equal("upr", r.Mechanism);
            Assert.Equal(r.Id, Rec(r.Locator));
            Assert.Null(r.Text);
            Assert.Null(r.SourceDocumentId);
            Assert.Null(r.ParagraphId);
            Assert.Empty(r.PriorRecommendations);
            Assert.False(r.FollowUp);
            Assert.Null(r.FollowUpDeadline);
        });
        Assert.All(Document.ResponseLinks, l => Assert.Equal("responds-to", l.Relation));
        Assert.Contains(new ResponseLink("upr-3/139.30", Para(22), "responds-to", "line 64: Recommendations 139.30–139.43"), Document.ResponseLinks);
        Assert.Contains(new ResponseLink("upr-3/139.43", Para(35), "responds-to", "line 64: Recommendations 139.30–139.43"), Document.ResponseLinks);
        Assert.DoesNotContain(Document.ResponseLinks, l => l.ParagraphId == Para(36) && l.RecommendationId == "upr-3/139.30");
    }

    [Fact]
    public void Paragraphs_before_the_first_recommendations_line_answer_no_recommendation()
    {
        var answered = Document.ResponseLinks.Select(l => l.ParagraphId).ToHashSet();
        Assert.All(Enumerable.Range(1, 15), n => Assert.DoesNotContain(Para(n), answered));
        Assert.Equal($"{Slug}/ii", fixture.Paragraph(Slug, Para(15)).SectionId);
        Assert.Equal(["General information"], fixture.Paragraph(Slug, Para(15)).SectionPath);
    }

    [Fact]
    public void Paragraph_64_split_by_a_page_break_is_rejoined()
    {
        var p = fixture.Paragraph(Slug, Para(64));
        Assert.Equal("As part of the celebration of the seventy-fifth anniversary of the Universal Declaration of Human Rights, in December 2023, the Plan " +
            "of Action on Human Rights and the Rule of Law (the third human rights plan) was approved by a presidential decree. The Plan aims to take " +
                "extensive measures to protect the rights and ensure the security of citizens, in close cooperation with international organizations. The " +
                    "plan includes a number of action points arising from the recommendations of the United Nations High Commissioner for Human Rights and " +
                        "the voluntary and international obligations assumed by Kazakhstan aimed at strengthening gender equality, combating domestic " +
                            "violence, eradicating all forms of violence, especially extreme violence against women and children, protecting citizens in the " +
                                "area of criminal justice, preventing torture and ill-treatment, upholding human rights in business activities and ensuring " +
                                    "the right to freedom of association and the right to work.", p.Text);
        Assert.Equal((164, 166), (p.StartLine, p.EndLine));
        Assert.Equal(new LineAccount(166, LineFate.Joined, Para(64), null), Document.Lines[165]);
    }

    [Fact]
    public void Paragraph_73_continues_with_a_bracketed_line()
    {
        var p = fixture.Paragraph(Slug, Para(73));
        Assert.Equal("The administrative heads of towns of district status, villages, settlements and rural districts have been directly elected since July " +
            "2021. On 5 November 2023, for the first time ever, as part of a pilot scheme, administrative heads of districts and towns of provincial status " +
                "were elected in 45 territorial units. Persons who wish to stand for election may nominate themselves provided they are supported by at " +
                    "least 1 per of the constituency’s electorate (certified by their signatures) or are nominated by a political party. Between July 2021 " +
                        "and July 2024, 2,251 administrative heads were elected.", p.Text);
        Assert.Equal((188, 190), (p.StartLine, p.EndLine));
    }

    [Fact]
    public void Paragraph_134_continues_with_a_line_starting_with_a_year()
    {
        var p = fixture.Paragraph(Slug, Para(134));
        Assert.Equal("Across the country, 50 crisis centres offer special social services to victims of domestic violence: 17 in the public sector and 33 " +
            "under contract to the Government. Between 2020 and 2023, special social services were provided to more than 14,000 victims of domestic violence " +
                "(including children admitted with their parents). Since 2022, these crisis centres have been fully financed from local budgets. As at 1 " +
                    "January 2024, 4,409 individuals had received special social services.", p.Text);
        Assert.Equal((336, 338), (p.StartLine, p.EndLine));
    }

    [Fact]
    public void Paragraph_241_is_rejoined()
    {
        var p = fixture.Paragraph(Slug, Para(241));
        Assert.Equal("A Digital Family Map which is generated using data from all the existing information systems maintained by State agencies has been " +
            "introduced. Since the beginning of 2024, more than 251,000 persons have received short message service (SMS) notifications for the proactive " +
                "provision of public services. Furthermore, some 115,000 persons have taken advantage of the opportunity to receive allowances or payments " +
                    "without having to submit an application.", p.Text);
        Assert.Equal((574, 576), (p.StartLine, p.EndLine));
    }

    [Fact]
    public void Paragraph_297_continues_with_a_capitalised_line_that_is_not_a_heading()
    {
        var p = fixture.Paragraph(Slug, Para(297));
        Assert.Equal("Rules on public hearings, which were developed in compliance with the Convention on Access to Information, Public Participation in " +
            "Decision-Making and Access to Justice in Environmental Matters and the Environmental Code, have been approved and govern the procedures for " +
                "holding such hearings.", p.Text);
        Assert.Equal((700, 702), (p.StartLine, p.EndLine));
        Assert.DoesNotContain(Document.Sections, s => s.Title.StartsWith("Environmental Matters", StringComparison.Ordinal));
    }

    [Fact]
    public void Emphasis_is_removed_from_paragraph_text()
    {
        Assert.StartsWith(
            "For the first time in the history of Kazakhstan, elections of administrative heads (akim) at the district",
            fixture.Paragraph(Slug, Para(9)).Text,
            StringComparison.Ordinal);
        Assert.Contains("Religious marriage ceremonies (neke) in mosques", fixture.Paragraph(Slug, Para(199)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_name_their_full_section_path()
    {
        var p = fixture.Paragraph(Slug, Para(166));
        Assert.Equal(
            ["Legal and institutional framework for the promotion and protection of human rights", "Institution of the family and childhood", "Recommendation" +
                " 139.134"],
            p.SectionPath);
        Assert.Equal(Group(412).Id, p.SectionId);
        Assert.Empty(Document.Paragraphs.SelectMany(x => x.SubItems));
        Assert.Empty(Document.Paragraphs.SelectMany(x => x.Footnotes));
    }
}
