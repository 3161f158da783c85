using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Golden;

/// <summary>Reply to AL KAZ 4/2025 (000_c9659776c30b7ab2.txt); expected values read off the source file.</summary>
[Collection(CorpusCollection.Name)]
public sealed class CommunicationReplyTests(CorpusFixture fixture)
{
    private const string Slug = "al-kaz-4-2025-reply";
    private const string Ru = Slug + "/ru";
    private const string En = Slug + "/en";

    private ParsedDocument Doc => fixture.Document(Slug);

    private IEnumerable<Paragraph> ParagraphsOf(string partTitle) => Doc.Paragraphs.Where(p => p.SectionPath[0] == partTitle);

    [Fact]
    public void The_document_has_four_parts_and_five_subheadings_in_each_language()
    {
        Assert.Equal(
            [
                (Slug + "/note-verbale", 1, "part", null, "Note verbale", "en", null, 5),
                (Slug + "/letter-of-the-minister-of-foreign-affairs", 1, "part", null, "Letter of the Minister of Foreign Affairs", "en", null, 33),
                (Ru, 1, "part", "ru", "Reply (Russian original)", "ru", null, 72),
                (Ru + "/kasatelno-pravozashchitnoi-deiatelnosti", 2, "heading", null, "Касательно правозащитной деятельности", "ru", Ru, 85),
                (Ru + "/kasatelno-registratsii-obshchestvennogo-fonda", 2, "heading", null, "Касательно регистрации Общественного фонда " +
                    "«Феминита»", "ru", Ru, 107),
                (Ru + "/sobytiia-2021-2025-godov", 2, "heading", null, "События 2021–2025 годов", "ru", Ru, 127),
                (Ru + "/kasatelno-gendernogo-ravenstva", 2, "heading", null, "Касательно гендерного равенства", "ru", Ru, 145),
                (Ru + "/kasatelno-realizatsii-prava-na-svobodu-mirnykh", 2, "heading", null,
                    "Касательно реализации права на свободу мирных собраний в РК", "ru", Ru, 175),
                (En, 1, "part", "en", "Reply (English translation)", "en", null, 211),
                (En + "/human-rights-advocacy", 2, "heading", null, "Human rights advocacy", "en", En, 227),
                (En + "/registration-of-feminita-foundation", 2, "heading", null, "Registration of Feminita Foundation", "en", En, 247),
                (En + "/the-events-during-the-period-2021-2025", 2, "heading", null, "The events during the period 2021–2025", "en", En, 265),
                (En + "/gender-equality", 2, "heading", null, "Gender Equality", "en", En, 283),
                (En + "/enjoyment-of-the-right-to-freedom-of-peaceful", 2, "heading", null, "Enjoyment of the right to freedom of peaceful assembly in " +
                    "Kazakhstan", "en", En, 312),
            ],
            Doc.Sections.Select(s => (s.Id, s.Level, s.Kind, s.Number, s.Title, s.Language, s.ParentId, s.Line)));
        Assert.Equal(Enumerable.Range(1, 14), Doc.Sections.Select(s => s.Ordinal));
    }

    [Fact]
    public void Paragraph_counts_per_part_include_letterheads_addresses_dates_and_signatures()
    {
        Assert.Equal(
            [("Note verbale", 9), ("Letter of the Minister of Foreign Affairs", 16), ("Reply (Russian original)", 58), ("Reply (English translation)", 60)],
            Doc.Paragraphs.GroupBy(p => p.SectionPath[0]).Select(g => (g.Key, g.Count())));
        Assert.Equal(
            [
                "№ 30-31/276", "Geneva, November 24, 2025", "United Nations Office of the High Commissioner for Human Rights",
                "Special Procedures Division", "Geneva",
            ],
            ParagraphsOf("Note verbale").Where(p => p.StartLine is 12 or 20 or 24 or 27 or 29).Select(p => p.Text));
        Assert.Equal(
            ["Astana", "21 / 11/2025", "Special Rapporteur Gina ROMERO, Special Rapporteur Mary LAWLOR, Independent Expert Graeme REID,", "Yermek KOSHERBAYEV"],
            ParagraphsOf("Letter of the Minister of Foreign Affairs").Where(p => p.StartLine is 39 or 41 or 44 or 58).Select(p => p.Text));
        Assert.Equal(
            [6, 9, 8, 7, 12, 16],
            Doc.Sections.Where(s => s.Language == "ru").Select(s => Doc.Paragraphs.Count(p => p.SectionId == s.Id)));
        Assert.Equal(
            [8, 9, 8, 7, 12, 16],
            Doc.Sections.Where(s => s.Language == "en" && s.Id.StartsWith(En, StringComparison.Ordinal))
                .Select(s => Doc.Paragraphs.Count(p => p.SectionId == s.Id)));
    }

    [Fact]
    public void Letterheads_are_kept_in_their_own_language_without_bold_markers()
    {
        Assert.Equal(
            ("MISSION PERMANENTE DE LA RÉPUBLIQUE DU KAZAKHSTAN AUPRÈS DE L'OFFICE DES NATIONS UNIES ET DES AUTRES ORGANISATIONS INTERNATIONALES AYANT LEUR " +
                "SIÈGE A GENÈVE", "fr", 5, 10),
            Describe(fixture.Paragraph(Slug, Slug + "/note-verbale/1")));
        Assert.Equal(
            ("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ СЫРТҚЫ ІСТЕР МИНИСТРІ", "kk", 33, 34),
            Describe(fixture.Paragraph(Slug, Slug + "/letter-of-the-minister-of-foreign-affairs/1")));
        Assert.Equal(
            ("MINISTER OF FOREIGN AFFAIRS REPUBLIC OF KAZAKHSTAN", "en", 36, 37),
            Describe(fixture.Paragraph(Slug, Slug + "/letter-of-the-minister-of-foreign-affairs/2")));
        Assert.Equal(["fr", "kk"], Doc.Paragraphs.Where(p => p.Language is not ("en" or "ru")).Select(p => p.Language));
        Assert.All(ParagraphsOf("Reply (Russian original)"), p => Assert.Equal("ru", p.Language));
        Assert.All(ParagraphsOf("Reply (English translation)"), p => Assert.Equal("en", p.Language));

        static (string, string, int, int) Describe(Paragraph p) => (p.Text, p.Language, p.StartLine, p.EndLine);
    }

    [Fact]
    public void Russian_paragraphs_split_by_page_breaks_are_rejoined()
    {
        Assert.Equal(
            "В соответствии с Конституцией и национальным законодательством, в стране созданы все необходимые условия для обеспечения деятельности " +
                "общественных организаций, в том числе для некоммерческих организаций (НКО), занимающихся правозащитной деятельностью согласно их уставным " +
                    "целям и задачам.",
            fixture.Paragraph(Slug, Ru + "/kasatelno-pravozashchitnoi-deiatelnosti/5").Text);
        Assert.Equal(
            "В этом ключе, отмечаем, что законодательство Казахстана, регулирующее вопросы регистрации некоммерческих организаций, определяет одной из " +
                "возможных целей их создания защиту прав, законных интересов граждан, предусмотренных национальным законодательством и положениями " +
                    "международных договоров ООН по правам человека, участницей которых является Республика Казахстан.",
            fixture.Paragraph(Slug, Ru + "/kasatelno-registratsii-obshchestvennogo-fonda/6").Text);
        Assert.Equal(
            "Октябрь 2024 года («лесбийский курултай») – в период проведения частного мероприятия в г. Алматы между участницами и другими гражданами " +
                "произошёл конфликт. Сотрудниками полиции обеспечен общественный порядок, пресечены противоправные действия, всего в отделение полиции " +
                    "доставлено 8 человек. Все были опрошены, после чего отпущены. По заявлению организаторов проведена проверка, фактов насилия или " +
                        "превышения полномочий со стороны полиции не установлено.",
            fixture.Paragraph(Slug, Ru + "/sobytiia-2021-2025-godov/5").Text);
        Assert.Equal(
            "Казахстан является участником ключевых международных договоров в области прав человека, включая Всеобщую декларацию прав человека, " +
                "Международный пакт о гражданских и политических правах, Конвенцию МОТ 1948 года о свободе ассоциации и защите права на организацию.",
            fixture.Paragraph(Slug, Ru + "/kasatelno-realizatsii-prava-na-svobodu-mirnykh/2").Text);
    }

    [Fact]
    public void The_english_paragraph_split_by_a_page_break_is_rejoined()
    {
        var paragraph = fixture.Paragraph(Slug, En + "/the-events-during-the-period-2021-2025/3");
        Assert.Equal(
            "No evidence of violence or intimidation has been found. The complaints filed by Gulzada Serzhan and Zhanar Sekerbaeva with the procuratorial " +
                "authorities and the police in 2021 were investigated in accordance with the established procedure. The investigation revealed no grounds " +
                    "for the initiation of criminal proceedings. The decisions not to initiate criminal proceedings were challenged, and the prosecutorial " +
                        "authorities found that the actions of the police were lawful.",
            paragraph.Text);
        Assert.Equal((271, 273), (paragraph.StartLine, paragraph.EndLine));
    }

    [Fact]
    public void Continuation_lines_are_joined_and_only_blank_lines_are_dropped()
    {
        var joined = Doc.Lines.Where(l => l.Fate == LineFate.Joined).ToDictionary(l => l.Line, l => l.RecordId);
        Assert.Equal(Ru + "/kasatelno-pravozashchitnoi-deiatelnosti/5", joined[97]);
        Assert.Equal(Ru + "/kasatelno-registratsii-obshchestvennogo-fonda/6", joined[121]);
        Assert.Equal(Ru + "/sobytiia-2021-2025-godov/5", joined[139]);
        Assert.Equal(Ru + "/kasatelno-realizatsii-prava-na-svobodu-mirnykh/2", joined[181]);
        Assert.Equal(En + "/the-events-during-the-period-2021-2025/3", joined[273]);
        Assert.Equal(Ru + "/1", joined[73]);
        Assert.Equal(16, joined.Count);
        Assert.All(Doc.Lines.Where(l => l.Fate == LineFate.Dropped), l => Assert.Equal(DropReasons.Blank, l.Reason));
    }

    [Fact]
    public void The_numbered_measures_are_sub_items_of_the_paragraph_announcing_them()
    {
        var russian = fixture.Paragraph(Slug, Ru + "/kasatelno-gendernogo-ravenstva/12");
        Assert.Equal(
            "В рамках Плана действий по правам человека и верховенства закона, утвержденного Указом Президента РК от 8 декабря 2023 года № 409, в 2024 году:",
            russian.Text);
        Assert.Equal(
            [
                (Ru + "/kasatelno-gendernogo-ravenstva/12(1)", "1", "Во всех регионах страны учреждены должности внештатных советников акима по вопросам " +
                    "гендерного равенства из числа гражданского общества, экспертов и бизнес-сообщества.", 171),
                (Ru + "/kasatelno-gendernogo-ravenstva/12(2)", "2", "Постановлением Правительства РК от 18 сентября 2024 года № 759 принят «План действий " +
                    "Правительства Республики Казахстан по обеспечению продвижения равных прав и возможностей мужчин и женщин».", 173),
            ],
            russian.SubItems.Select(s => (s.Id, s.Label, s.Text, s.Line)));
        var english = fixture.Paragraph(Slug, En + "/gender-equality/12");
        Assert.Equal((307, 310), (english.StartLine, english.EndLine));
        Assert.Equal(
            [
                ("1", "Positions for independent advisers to the heads of local authorities (akims) on gender equality from civil society and the expert and " +
                    "business communities were established in all regions."),
                ("2", "The Government's plan of action for the advancement of equal rights and equal opportunities for men and women was approved pursuant " +
                    "to Government Decision No. 759 of 18 September 2024."),
            ],
            english.SubItems.Select(s => (s.Label, s.Text)));
        Assert.Equal(4, Doc.Paragraphs.Sum(p => p.SubItems.Count));
    }

    [Fact]
    public void The_titles_open_each_reply_and_the_translators_lines_are_kept()
    {
        Assert.Equal("Ответ Республики Казахстан на совместное сообщение AL KAZ 4/2025 от 25.09.2025 г.", fixture.Paragraph(Slug, Ru + "/1").Text);
        Assert.Equal(
            ["Translated from Russian", "Reply of Kazakhstan to the joint communication from the special procedures of the Human Rights Council of 25 " +
                "September 2025", "Ref.: AL KAZ 4/2025"],
            [fixture.Paragraph(Slug, En + "/1").Text, fixture.Paragraph(Slug, En + "/2").Text, fixture.Paragraph(Slug, En + "/3").Text]);
        Assert.Equal([211, 215], Doc.Diagnostics.Where(d => d.Message.Contains("furniture", StringComparison.Ordinal)).Select(d => d.Line));
    }

    [Fact]
    public void Every_russian_section_is_paired_with_its_english_translation_in_order()
    {
        Assert.Equal(
            [
                (Ru, En),
                (Ru + "/kasatelno-pravozashchitnoi-deiatelnosti", En + "/human-rights-advocacy"),
                (Ru + "/kasatelno-registratsii-obshchestvennogo-fonda", En + "/registration-of-feminita-foundation"),
                (Ru + "/sobytiia-2021-2025-godov", En + "/the-events-during-the-period-2021-2025"),
                (Ru + "/kasatelno-gendernogo-ravenstva", En + "/gender-equality"),
                (Ru + "/kasatelno-realizatsii-prava-na-svobodu-mirnykh", En + "/enjoyment-of-the-right-to-freedom-of-peaceful"),
            ],
            Doc.Translations.Where(t => t.Kind == "section").Select(t => (t.SourceId, t.TargetId)));
        Assert.All(Doc.Translations, t => Assert.Equal(("ru", "en"), (t.SourceLanguage, t.TargetLanguage)));
    }

    [Fact]
    public void Paragraphs_are_paired_in_every_section_because_the_counts_agree_after_rejoining()
    {
        var pairs = Doc.Translations.Where(t => t.Kind == "paragraph").ToArray();
        Assert.Equal(58, pairs.Length);
        Assert.Equal((Ru + "/1", En + "/2"), (pairs[0].SourceId, pairs[0].TargetId));
        Assert.Equal((Ru + "/2", En + "/4"), (pairs[1].SourceId, pairs[1].TargetId));
        Assert.Contains(pairs, t => t.SourceId == Ru + "/sobytiia-2021-2025-godov/5" && t.TargetId == En + "/the-events-during-the-period-2021-2025/5");
        Assert.Contains(pairs, t => t.SourceId == Ru + "/kasatelno-realizatsii-prava-na-svobodu-mirnykh/16"
            && t.TargetId == En + "/enjoyment-of-the-right-to-freedom-of-peaceful/16");
        var sectionsPairedByParagraph = pairs.Select(t => Doc.Paragraphs.Single(p => p.Id == t.SourceId).SectionId).Distinct();
        Assert.Equal(Doc.Sections.Where(s => s.Language == "ru").Select(s => s.Id), sectionsPairedByParagraph);
        Assert.DoesNotContain(Doc.Diagnostics, d => d.Severity == "warning");
    }

    [Fact]
    public void Every_reply_paragraph_in_both_languages_responds_to_the_communication()
    {
        var communication = Assert.Single(Doc.Recommendations);
        Assert.Equal(
            ("sp/al-kaz-4-2025", "special-procedures", "AL KAZ 4/2025", null, null, null, null),
            (communication.Id, communication.Mechanism, communication.Locator, communication.Text, communication.SourceDocumentId, communication
                .ParagraphId, communication.Theme));
        Assert.Equal(118, Doc.ResponseLinks.Count);
        Assert.Equal(
            ParagraphsOf("Reply (Russian original)").Concat(ParagraphsOf("Reply (English translation)")).Select(p => p.Id),
            Doc.ResponseLinks.Select(l => l.ParagraphId));
        Assert.All(Doc.ResponseLinks, l => Assert.Equal(("sp/al-kaz-4-2025", "responds-to"), (l.RecommendationId, l.Relation)));
        Assert.Equal(
            [("reply to AL KAZ 4/2025 (Russian original)", 58), ("reply to AL KAZ 4/2025 (English translation)", 60)],
            Doc.ResponseLinks.GroupBy(l => l.Evidence).Select(g => (g.Key, g.Count())));
    }
}
