using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Golden;

/// <summary>CCPR/C/KAZ/CO/3 (data/corpus/004_c3f5dcd4d1516eb7.txt); every expected value is read off the source.</summary>
[Collection(CorpusCollection.Name)]
public sealed class ConcludingObservationsParserTests(CorpusFixture fixture)
{
    private const string Slug = "ccpr-c-kaz-co-3";

    private ParsedDocument Document => fixture.Document(Slug);

    private Paragraph Paragraph(int number) => fixture.Paragraph(Slug, $"{Slug}/{number}");

    [Fact]
    public void The_document_has_59_paragraphs_numbered_1_to_59_in_order()
    {
        var expected = Enumerable.Range(1, 59).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected, Document.Paragraphs.Select(p => p.Number));
        Assert.Equal(expected, Document.Paragraphs.Select(p => p.RawNumber));
        Assert.Equal(expected.Select(n => $"{Slug}/{n}"), Document.Paragraphs.Select(p => p.Id));
        Assert.Equal(Enumerable.Range(1, 59), Document.Paragraphs.Select(p => p.Ordinal));
        Assert.All(Document.Paragraphs, p => Assert.Equal("en", p.Language));
    }

    [Fact]
    public void Lettered_chapters_are_level_one_sections()
    {
        var chapters = Document.Sections.Where(s => s.Kind == "chapter").ToArray();
        Assert.Equal(
            [
                ("A", "Introduction", 18, $"{Slug}/a"),
                ("B", "Positive aspects", 22, $"{Slug}/b"),
                ("C", "Principal matters of concern and recommendations", 48, $"{Slug}/c"),
                ("D", "Dissemination and follow-up", 326, $"{Slug}/d"),
            ],
            chapters.Select(c => (c.Number!, c.Title, c.Line, c.Id)));
        Assert.All(chapters, c => Assert.Equal((1, (string?)null), (c.Level, c.ParentId)));
    }

    [Fact]
    public void Thematic_headings_are_level_two_sections_under_chapter_C()
    {
        var headings = Document.Sections.Where(s => s.Kind == "heading").ToArray();
        Assert.Equal(
            [
                "Constitutional and legal framework within which the Covenant is implemented",
                "National human rights institution",
                "Anti-corruption measures",
                "Anti-discrimination legal framework",
                "Discrimination on the grounds of sexual orientation and gender identity",
                "Inter-ethnic violence",
                "Combating extremism and terrorism",
                "Gender equality",
                "Violence against women and girls",
                "Voluntary termination of pregnancy and sexual and reproductive rights",
                "Excessive use of force by law enforcement officers",
                "Fight against impunity for past human rights violations",
                "Liberty and security of person",
                "Prohibition of torture and other cruel, inhuman or degrading treatment",
                "Treatment of persons deprived of their liberty",
                "Elimination of slavery, servitude and trafficking in persons",
                "Treatment of aliens, including migrants, refugees, asylum-seekers and stateless persons",
                "Access to justice, independence of lawyers and the judiciary, and right to a fair trial",
                "Freedom of conscience and religious belief",
                "Right to privacy and freedom of expression",
                "Freedom of peaceful assembly",
                "Freedom of association",
                "Rights of the child",
            ],
            headings.Select(h => h.Title));
        Assert.All(headings, h => Assert.Equal((2, $"{Slug}/c", (string?)null), (h.Level, h.ParentId, h.Number)));
        Assert.Equal($"{Slug}/c/national-human-rights-institution", headings[1].Id);
        Assert.Equal(56, headings[1].Line);
        Assert.Equal(Enumerable.Range(1, 27), Document.Sections.Select(s => s.Ordinal));
    }

    [Fact]
    public void Paragraphs_sit_in_their_innermost_section()
    {
        Assert.Equal(((string?)null, Array.Empty<string>()), (Paragraph(1).SectionId, Paragraph(1).SectionPath.ToArray()));
        Assert.Equal($"{Slug}/a", Paragraph(2).SectionId);
        Assert.Equal($"{Slug}/b", Paragraph(4).SectionId);
        Assert.Equal($"{Slug}/c/gender-equality", Paragraph(20).SectionId);
        Assert.Equal(["Principal matters of concern and recommendations", "Gender equality"], Paragraph(20).SectionPath);
        Assert.Equal(["Dissemination and follow-up"], Paragraph(58).SectionPath);
    }

    [Fact]
    public void Paragraph_4_split_by_the_page_break_and_its_footnotes_is_rejoined()
    {
        var paragraph = Paragraph(4);
        Assert.Equal(
            "The Committee also welcomes the ratification of the Second Optional Protocol to the Covenant, aiming at the abolition of the death penalty, in " +
                "2022, of the Optional Protocol to the Convention on the Rights of the Child on a communications procedure, in 2024, and of the Optional " +
                    "Protocol to the Convention on the Rights of Persons with Disabilities, in 2023.",
            paragraph.Text);
        Assert.Equal((34, 46), (paragraph.StartLine, paragraph.EndLine));
        Assert.Equal(new LineAccount(46, LineFate.Joined, $"{Slug}/4", null), Document.Lines[45]);
    }

    [Fact]
    public void Paragraph_18_is_rejoined_after_its_own_footnote_and_loses_its_bold_markup()
    {
        Assert.Equal(
            "Reiterating its previous recommendations, and in accordance with its general comment No. 34 (2011) on the freedoms of opinion and expression, " +
                "the Committee urges the State Party to strengthen its efforts to bring its counter-terrorism and counter-extremism legislation and " +
                    "practices into full compliance with its obligations under the Covenant by, inter alia, considering amending the relevant legislative " +
                        "provisions to clarify and narrow the relevant legal rules in compliance with the principles of legal certainty and predictability, " +
                            "and ensure that the application of this legislation does not suppress protected conduct and speech. Furthermore, the State " +
                                "Party should remove people convicted of non-violent crimes, including those legitimately exercising the freedoms of " +
                                    "expression and association, from the list of persons and organizations associated with financing terrorism and extremism.",
            Paragraph(18).Text);
    }

    [Fact]
    public void Every_page_break_continuation_is_joined_to_the_record_it_continues()
    {
        var joined = Document.Lines.Where(l => l.Fate == LineFate.Joined).Select(l => (l.Line, l.RecordId!)).ToArray();
        Assert.Equal(
            [
                (46, $"{Slug}/4"), (68, $"{Slug}/9"), (114, $"{Slug}/18"), (164, $"{Slug}/26(b)"), (188, $"{Slug}/31"),
                (214, $"{Slug}/34(d)"), (258, $"{Slug}/43"), (280, $"{Slug}/49"), (302, $"{Slug}/53"), (330, $"{Slug}/57"),
            ],
            joined);
    }

    [Fact]
    public void A_sub_item_split_by_a_page_break_is_rejoined()
    {
        Assert.Equal(
            "Reviewing the amnesty decree applied to law enforcement officers allegedly involved in cases of deprivation of life during the events of " +
                "January 2022, conducting prompt, thorough and independent investigations into all deaths and injuries, including the circumstances " +
                    "surrounding the reported shoot to kill without warning order, and ensuring that perpetrators are brought to justice and that the " +
                        "penalties imposed are commensurate with the severity of the offence;",
            Paragraph(26).SubItems[1].Text);
        Assert.Equal(
            "Taking all measures necessary to prevent torture and other cruel, inhuman or degrading treatment or punishment, including by strengthening the " +
                "training provided to judges, prosecutors, law enforcement officers and health and forensic personnel on international human rights " +
                    "standards such as the Principles on Effective Interviewing for Investigations and Information-Gathering (the Méndez Principles).",
            Paragraph(34).SubItems[3].Text);
        Assert.Equal((202, 214), (Paragraph(34).StartLine, Paragraph(34).EndLine));
    }

    [Fact]
    public void Sub_items_are_counted_per_paragraph()
    {
        var counts = Document.Paragraphs.Where(p => p.SubItems.Count > 0).ToDictionary(p => p.Number!, p => p.SubItems.Count);
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["3"] = 7, ["10"] = 4, ["14"] = 4, ["20"] = 2, ["22"] = 5, ["24"] = 2, ["26"] = 5,
                ["32"] = 3, ["34"] = 4, ["36"] = 3, ["38"] = 4, ["50"] = 4, ["54"] = 3, ["56"] = 4,
            },
            counts);
    }

    [Fact]
    public void Paragraph_3_has_dashed_sub_items_a_to_g()
    {
        var paragraph = Paragraph(3);
        Assert.Equal("The Committee welcomes the adoption of the following legislative, policy and institutional measures:", paragraph.Text);
        Assert.Equal(
            [
                ("a", "The Law on Women's Rights and Child Safety, in 2024;", 26),
                ("b", "The Law on Combating Human Trafficking, in 2024;", 27),
                ("c", "The Constitutional Law on the Constitutional Court, in 2022;", 28),
                ("d", "The Constitutional Law on the Human Rights Commissioner, in 2022;", 29),
                ("e", "The law introducing amendments and addenda to certain legislative acts on the abolition of the death penalty, in 2021, and the " +
                    "subsequent abolition of the death penalty in the Constitution, in 2022;", 30),
                ("f", "The Decree on the approval of the Plan of Action to Ensure the Promotion of Equal Rights and Opportunities for Men and Women " +
                    "2024–2027, in 2024;", 31),
                ("g", "The Plan of Action on Human Rights and the Rule of Law, in 2023.", 32),
            ],
            paragraph.SubItems.Select(s => (s.Label, s.Text, s.Line)));
        Assert.Equal($"{Slug}/3(g)", paragraph.SubItems[6].Id);
    }

    [Fact]
    public void Paragraph_20_is_a_lead_in_with_two_bold_sub_items_stripped_of_markup()
    {
        var paragraph = Paragraph(20);
        Assert.Equal("The State Party should:", paragraph.Text);
        Assert.Equal(
            [
                ($"{Slug}/20(a)", "a", "Continue its efforts to ensure the effective implementation of gender quotas and related measures to increase the " +
                    "representation of women in decision-making positions in the public and private sectors;", 1),
                ($"{Slug}/20(b)", "b", "Address the structural factors contributing to the gender pay gap and ensure effective implementation of the " +
                    "principle of equal pay for work of equal value by, inter alia, strengthening strategies to counter stereotypes regarding the roles and " +
                        "responsibilities of women in the family and society at large through public awareness, education and training programmes.", 2),
            ],
            paragraph.SubItems.Select(s => (s.Id, s.Label, s.Text, s.Ordinal)));
    }

    [Fact]
    public void Paragraphs_13_37_and_53_keep_their_inline_lettered_points_in_the_text()
    {
        Assert.Empty(Paragraph(13).SubItems);
        Assert.Contains("reports of: (a) organizations of lesbian", Paragraph(13).Text, StringComparison.Ordinal);
        Assert.Empty(Paragraph(53).SubItems);
        Assert.Contains("State Revenue Committee of the Ministry of Finance, has negatively affected", Paragraph(53).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_footnote_is_attached_to_the_paragraph_carrying_its_marker_with_resolved_citations()
    {
        const string co2 = "CCPR/C/KAZ/CO/2";
        var notes = Document.Paragraphs.SelectMany(p => p.Footnotes)
            .Select(f => (f.Marker, f.ParagraphId, f.Line, f.Text, Citations: string.Join(
                " | ",
                f.Citations.Select(c => $"{c.Symbol} [{string.Join(",", c.Paragraphs)}]"))))
            .ToArray();
        Assert.Equal(
            [
                ("1", $"{Slug}/1", 38, "CCPR/C/KAZ/3.", "CCPR/C/KAZ/3 []"),
                ("2", $"{Slug}/1", 40, "See CCPR/C/SR.4226 and CCPR/C/SR.4227.", "CCPR/C/SR.4226 [] | CCPR/C/SR.4227 []"),
                ("3", $"{Slug}/2", 42, "CCPR/C/KAZ/QPR/3.", "CCPR/C/KAZ/QPR/3 []"),
                ("4", $"{Slug}/8", 66, "CCPR/C/KAZ/CO/2, para. 8.", $"{co2} [8]"),
                ("5", $"{Slug}/18", 112, "Ibid., para. 14.", $"{co2} [14]"),
                ("6", $"{Slug}/22", 140, "Ibid., para. 12.", $"{co2} [12]"),
                ("7", $"{Slug}/28", 186, "Ibid., para. 18.", $"{co2} [18]"),
                ("8", $"{Slug}/34", 212, "Ibid., paras. 22 and 24.", $"{co2} [22,24]"),
                ("9", $"{Slug}/42", 256, "Ibid., para. 38.", $"{co2} [38]"),
                ("10", $"{Slug}/46", 276, "Ibid., para. 46.", $"{co2} [46]"),
                ("11", $"{Slug}/48", 278, "Ibid., para. 48.", $"{co2} [48]"),
            ],
            notes);
        Assert.Equal($"{Slug}/footnote-10", Paragraph(46).Footnotes.Single().Id);
    }

    [Fact]
    public void Footnote_marker_offsets_point_just_after_the_marked_word()
    {
        var first = Paragraph(1);
        Assert.Equal([64, 99], first.Footnotes.Select(f => f.MarkerOffset));
        Assert.EndsWith("report of Kazakhstan", first.Text[..64], StringComparison.Ordinal);
        Assert.EndsWith("4226th and 4227th meetings,", first.Text[..99], StringComparison.Ordinal);
        Assert.EndsWith(
            "In line with the Committee's previous recommendations,",
            Paragraph(8).Text[..Paragraph(8).Footnotes[0].MarkerOffset],
            StringComparison.Ordinal);
        Assert.DoesNotContain(Document.Paragraphs, p => p.Text.Any(TextCleaner.IsSuperscriptDigit));
    }

    [Fact]
    public void The_masthead_and_the_starred_adoption_note_are_dropped()
    {
        var masthead = Document.Lines.Where(l => l.Reason == DropReasons.Masthead).Select(l => l.Line);
        Assert.Equal([5, 7, 8, 10, 12, 14, 36], masthead);
        Assert.DoesNotContain(Document.Diagnostics, d => d.Severity == "warning");
    }

    [Fact]
    public void Recommendations_are_exactly_the_paragraphs_that_ask_the_State_party_to_act()
    {
        int[] expected = [6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 57];
        Assert.Equal(expected.Select(n => $"ccpr-3/{n}"), Document.Recommendations.Select(r => r.Id));
        Assert.All(Document.Recommendations, r =>
        {
            Assert.Equal(("ccpr", Slug, $"{Slug}/{r.Locator}"), (r.Mechanism, r.SourceDocumentId, r.ParagraphId));
            Assert.Equal($"ccpr-3/{r.Locator}", r.Id);
        });
    }

    [Fact]
    public void Recommendation_20_carries_its_lead_in_and_sub_items_its_theme_and_no_prior_citation()
    {
        var recommendation = Document.Recommendations.Single(r => r.Id == "ccpr-3/20");
        Assert.Equal(
            "The State Party should: (a) Continue its efforts to ensure the effective implementation of gender quotas and related measures to increase the " +
                "representation of women in decision-making positions in the public and private sectors; (b) Address the structural factors contributing to " +
                    "the gender pay gap and ensure effective implementation of the principle of equal pay for work of equal value by, inter alia, " +
                        "strengthening strategies to counter stereotypes regarding the roles and responsibilities of women in the family and society at " +
                            "large through public awareness, education and training programmes.",
            recommendation.Text);
        Assert.Equal(
            ("20", "Gender equality", false, (DateOnly?)null),
            (recommendation.Locator, recommendation.Theme, recommendation.FollowUp, recommendation.FollowUpDeadline));
        Assert.Empty(recommendation.PriorRecommendations);
        Assert.Equal(
            [new ResponseLink("ccpr-3/20", $"{Slug}/20", "states", "paragraph 20")],
            Document.ResponseLinks.Where(l => l.RecommendationId == "ccpr-3/20"));
    }

    [Fact]
    public void Prior_recommendations_are_the_resolved_citations_of_earlier_concluding_observations()
    {
        var prior = Document.Recommendations.Where(r => r.PriorRecommendations.Count > 0)
            .ToDictionary(r => r.Locator, r => string.Join(" | ", r.PriorRecommendations.Select(c => $"{c.Symbol} [{string.Join(",", c.Paragraphs)}]")));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["8"] = "CCPR/C/KAZ/CO/2 [8]",
                ["18"] = "CCPR/C/KAZ/CO/2 [14]",
                ["22"] = "CCPR/C/KAZ/CO/2 [12]",
                ["28"] = "CCPR/C/KAZ/CO/2 [18]",
                ["34"] = "CCPR/C/KAZ/CO/2 [22,24]",
                ["42"] = "CCPR/C/KAZ/CO/2 [38]",
                ["46"] = "CCPR/C/KAZ/CO/2 [46]",
                ["48"] = "CCPR/C/KAZ/CO/2 [48]",
            },
            prior);
    }

    [Fact]
    public void Paragraph_58_selects_recommendations_12_34_and_52_for_follow_up_by_18_July_2028()
    {
        var followUp = Document.Recommendations.Where(r => r.FollowUp).ToArray();
        Assert.Equal(["12", "34", "52"], followUp.Select(r => r.Locator));
        Assert.All(followUp, r => Assert.Equal(new DateOnly(2028, 7, 18), r.FollowUpDeadline));
        Assert.All(Document.Recommendations.Where(r => !r.FollowUp), r => Assert.Null(r.FollowUpDeadline));
        Assert.Equal(
            ["Anti-discrimination legal framework", "Prohibition of torture and other cruel, inhuman or degrading treatment", "Freedom of peaceful assembly"],
            followUp.Select(r => r.Theme));
        var links = Document.ResponseLinks.Where(l => l.Relation == "follow-up").ToArray();
        Assert.Equal(["ccpr-3/12", "ccpr-3/34", "ccpr-3/52"], links.Select(l => l.RecommendationId));
        Assert.All(links, l =>
        {
            Assert.Equal($"{Slug}/58", l.ParagraphId);
            Assert.Equal("paragraph 58: \"requested to provide, by 18 July 2028, information on the implementation of the recommendations\"", l.Evidence);
        });
        Assert.Equal(27 + 3, Document.ResponseLinks.Count);
    }

    [Fact]
    public void The_dissemination_paragraph_is_a_recommendation_themed_by_its_chapter()
    {
        var recommendation = Document.Recommendations.Single(r => r.Locator == "57");
        Assert.Equal("Dissemination and follow-up", recommendation.Theme);
        Assert.EndsWith("are translated into the official language of the State Party.", recommendation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_fates_add_up()
    {
        var byFate = Document.Lines.GroupBy(l => (l.Fate, l.Reason)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(334, Document.Lines.Count);
        Assert.Equal(27 + 59 + 54 + 11, byFate[(LineFate.Kept, null)]);
        Assert.Equal(10, byFate[(LineFate.Joined, null)]);
        Assert.Equal(7, byFate[(LineFate.Dropped, DropReasons.Masthead)]);
        Assert.Equal(166, byFate[(LineFate.Dropped, DropReasons.Blank)]);
    }
}
