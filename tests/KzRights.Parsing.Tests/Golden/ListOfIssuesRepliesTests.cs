using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Golden;

/// <summary>CEDAW/C/KAZ/RQ/6 (002_47c78e3d6287c7bb.txt); expected values read off the source file.</summary>
[Collection(CorpusCollection.Name)]
public sealed class ListOfIssuesRepliesTests(CorpusFixture fixture)
{
    private const string Slug = "cedaw-c-kaz-rq-6";

    private ParsedDocument Doc => fixture.Document(Slug);

    [Fact]
    public void The_twenty_three_thematic_headings_are_level_one_sections_in_source_order()
    {
        string[] expected =
        [
            "Visibility and applicability of the Convention, the Optional Protocol and the Committee’s general recommendations",
            "Legislative framework and definition of discrimination",
            "Access to justice and legal complaint mechanisms",
            "National machinery for the advancement of women",
            "National human rights institution",
            "Temporary special measures",
            "Gender stereotypes and harmful practices",
            "Gender-based violence against women",
            "Trafficking and exploitation of prostitution",
            "Participation in political and public life",
            "Nationality",
            "Education",
            "Employment",
            "Health",
            "Economic empowerment of women",
            "Rural women",
            "Women with disabilities",
            "Women human rights defenders and journalists",
            "Women in detention and involuntarily confined in institutions",
            "Lesbian, bisexual, transgender and intersex women",
            "Climate change and disaster risk reduction",
            "Marriage and family relations",
            "Ratification of other treaties",
        ];
        Assert.Equal(expected, Doc.Sections.Select(s => s.Title));
        Assert.All(Doc.Sections, s => Assert.Equal((1, "heading", null, null, "en"), (s.Level, s.Kind, s.ParentId, s.Number, s.Language)));
        Assert.Equal(Enumerable.Range(1, 23), Doc.Sections.Select(s => s.Ordinal));
        Assert.Equal([17, 33, 60, 107, 140], Doc.Sections.Take(5).Select(s => s.Line));
        Assert.Equal("cedaw-c-kaz-rq-6/health", Doc.Sections.Single(s => s.Title == "Health").Id);
    }

    [Fact]
    public void There_are_153_question_keys_answered_by_192_reply_paragraphs()
    {
        Assert.Equal(192, Doc.Paragraphs.Count);
        Assert.Equal(153, Doc.Paragraphs.Select(p => p.Number).Distinct().Count());
        Assert.Equal("1 (a)", Doc.Paragraphs[0].Number);
        Assert.Equal("23 (d)", Doc.Paragraphs[^1].Number);
        Assert.Equal(Enumerable.Range(1, 192), Doc.Paragraphs.Select(p => p.Ordinal));
        Assert.All(Doc.Paragraphs, p => Assert.Equal("en", p.Language));
    }

    [Fact]
    public void Reply_paragraphs_are_numbered_within_their_key()
    {
        Assert.Equal(
            ["cedaw-c-kaz-rq-6/14(c)/1", "cedaw-c-kaz-rq-6/14(c)/2", "cedaw-c-kaz-rq-6/14(c)/3"],
            Doc.Paragraphs.Where(p => p.Number == "14 (c)").Select(p => p.Id));
        Assert.Equal(
            [
                "The illegal artificial termination of a pregnancy (art. 319 of the Criminal Code) is criminalized.",
                "In accordance with criminal procedure law, a pretrial investigation is conducted upon the receipt of a report of such an incident or the " +
                    "discovery of such an offence.",
                "It should be noted that violations of reproductive rights are classified as cases of increased social significance.",
            ],
            Doc.Paragraphs.Where(p => p.Number == "14 (c)").Select(p => p.Text));
        Assert.Equal(
            "The current wording ensures universal coverage of all forms of discrimination and is in line with article 14 of the Constitution, in which the " +
                "equality of all before the law is enshrined.",
            fixture.Paragraph(Slug, "cedaw-c-kaz-rq-6/2(c)/2").Text);
    }

    [Fact]
    public void Keys_printed_with_cyrillic_lookalikes_are_read_as_ascii_and_keep_their_printed_form()
    {
        var folded = Doc.Paragraphs
            .Where(p => p.RawNumber != p.Number)
            .Select(p => (p.Id, p.RawNumber, p.Number, p.StartLine))
            .ToArray();
        Assert.Equal(
            [
                ("cedaw-c-kaz-rq-6/12(a)/1", "12 (\u0430)", "12 (a)", 428),
                ("cedaw-c-kaz-rq-6/22(a)/1", "22 (\u0430)", "22 (a)", 702),
                ("cedaw-c-kaz-rq-6/22(c)/1", "22 (\u0441)", "22 (c)", 710),
            ],
            folded);
        Assert.Equal([426, 700, 708], Doc.Diagnostics.Where(d => d.Message.Contains("look-alike", StringComparison.Ordinal)).Select(d => d.Line));
        Assert.Contains(Doc.Recommendations, r => r.Id == "cedaw-loi-6/22(c)" && r.Locator == "22 (c)");
    }

    [Fact]
    public void Combined_keys_answer_each_of_their_questions()
    {
        Assert.Equal(
            ["9 (i) and (j)", "14 (e) and (f)"],
            Doc.Paragraphs.Where(p => p.Number!.Contains(" and ", StringComparison.Ordinal)).Select(p => p.Number));
        Assert.Equal(
            [("cedaw-loi-6/14(e)", "cedaw-c-kaz-rq-6/14(e)(f)/1"), ("cedaw-loi-6/14(f)", "cedaw-c-kaz-rq-6/14(e)(f)/1")],
            Doc.ResponseLinks.Where(l => l.RecommendationId.StartsWith("cedaw-loi-6/14(e)", StringComparison.Ordinal)
                || l.RecommendationId.StartsWith("cedaw-loi-6/14(f)", StringComparison.Ordinal)).Select(l => (l.RecommendationId, l.ParagraphId)));
        Assert.Equal(
            ["cedaw-loi-6/9(i)", "cedaw-loi-6/9(j)"],
            Doc.ResponseLinks.Where(l => l.ParagraphId == "cedaw-c-kaz-rq-6/9(i)(j)/1").Select(l => l.RecommendationId));
        Assert.All(Doc.ResponseLinks.Where(l => l.ParagraphId == "cedaw-c-kaz-rq-6/14(e)(f)/1"), l => Assert.Equal("line 553: key 14 (e) and (f)", l.Evidence));
    }

    [Fact]
    public void Every_question_is_a_textless_cedaw_record_themed_by_its_heading()
    {
        Assert.Equal(155, Doc.Recommendations.Count);
        Assert.All(Doc.Recommendations, r =>
        {
            Assert.Equal("cedaw", r.Mechanism);
            Assert.Null(r.Text);
            Assert.Null(r.SourceDocumentId);
            Assert.Null(r.ParagraphId);
            Assert.StartsWith("cedaw-loi-6/", r.Id, StringComparison.Ordinal);
        });
        var question = Doc.Recommendations.Single(r => r.Id == "cedaw-loi-6/14(e)");
        Assert.Equal(("14 (e)", "Health"), (question.Locator, question.Theme));
        Assert.Equal(
            ["17", "18", "19", "20", "21"],
            Doc.Recommendations.Where(r => !r.Locator.Contains('(', StringComparison.Ordinal)).Select(r => r.Locator));
        Assert.Equal("Women with disabilities", Doc.Recommendations.Single(r => r.Id == "cedaw-loi-6/17").Theme);
    }

    [Fact]
    public void Each_reply_paragraph_responds_to_the_questions_of_its_key()
    {
        Assert.Equal(194, Doc.ResponseLinks.Count);
        Assert.All(Doc.ResponseLinks, l => Assert.Equal("responds-to", l.Relation));
        Assert.Equal(
            [("cedaw-loi-6/21", "cedaw-c-kaz-rq-6/21/1", "line 691: key 21"), ("cedaw-loi-6/21", "cedaw-c-kaz-rq-6/21/2", "line 691: key 21")],
            Doc.ResponseLinks.Where(l => l.RecommendationId == "cedaw-loi-6/21").Select(l => (l.RecommendationId, l.ParagraphId, l.Evidence)));
        Assert.Equal(
            "line 708: key 22 (\u0441) (Cyrillic look-alike letters, read as 22 (c))",
            Doc.ResponseLinks.Single(l => l.RecommendationId == "cedaw-loi-6/22(c)").Evidence);
    }

    [Fact]
    public void A_bookmark_before_the_reply_text_is_stripped_and_the_text_kept()
    {
        var paragraph = fixture.Paragraph(Slug, "cedaw-c-kaz-rq-6/4(b)/1");
        Assert.Equal(
            "The framework for family and gender policy up to 2030 is aimed at enhancing the role of women in the economy and politics, preventing violence " +
                "and developing gender education. The following indicators have been established: more women leaders; decreased violence; increased " +
                    "financial literacy; and increased involvement of men in parenting. Monitoring is conducted by the Ministry of National Economy, and " +
                        "reports are published online. In 2024, a government action plan was approved, with 46 measures in the areas of education, health, " +
                            "employment and social policy.",
            paragraph.Text);
        Assert.Equal((116, 116), (paragraph.StartLine, paragraph.EndLine));
        Assert.StartsWith(
            "Feminist lesbian, bisexual, transgender and intersex women’s organizations are registered",
            fixture.Paragraph(Slug, "cedaw-c-kaz-rq-6/10(e)/1").Text,
            StringComparison.Ordinal);
        Assert.StartsWith(
            "Ratification of ILO Convention No. 190 is included",
            fixture.Paragraph(Slug, "cedaw-c-kaz-rq-6/13(j)/1").Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Key_lines_are_kept_with_the_first_reply_of_their_key()
    {
        var lines = Doc.Lines.ToDictionary(l => l.Line);
        Assert.Equal((LineFate.Kept, "cedaw-c-kaz-rq-6/1(a)/1"), (lines[20].Fate, lines[20].RecordId));
        Assert.Equal((LineFate.Kept, "cedaw-c-kaz-rq-6/14(e)(f)/1"), (lines[553].Fate, lines[553].RecordId));
        Assert.Equal((LineFate.Kept, "cedaw-c-kaz-rq-6/13(f)/1"), (lines[499].Fate, lines[499].RecordId));
        Assert.Equal(2, Doc.Paragraphs.Count(p => p.Number == "13 (e)"));
    }

    [Fact]
    public void Masthead_images_and_recycling_mark_are_dropped_and_nothing_is_rejoined()
    {
        var dropped = Doc.Lines.Where(l => l.Fate == LineFate.Dropped && l.Reason != DropReasons.Blank)
            .GroupBy(l => l.Reason!)
            .ToDictionary(g => g.Key, g => g.Select(l => l.Line).ToArray());
        Assert.Equal([1, 2, 3, 4, 9, 10, 13], dropped[DropReasons.Masthead]);
        Assert.Equal([754, 759, 764], dropped[DropReasons.Image]);
        Assert.Equal([765], dropped[DropReasons.PrintFurniture]);
        Assert.Equal(3, dropped.Count);
        Assert.DoesNotContain(Doc.Lines, l => l.Fate == LineFate.Joined);
        Assert.DoesNotContain(Doc.Diagnostics, d => d.Severity == "warning");
    }
}
