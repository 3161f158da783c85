using KzRights.Parsing.Themes;

namespace KzRights.Parsing.Tests.Themes;

public sealed class ThemeTaggerRuleTests
{
    private static readonly ThemeTagger Tagger = new();

    private static ThemeTag? TagOf(string id, string text, ThemeContext? context = null) =>
        Tagger.Tag(text, context).SingleOrDefault(t => t.ThemeId == id);

    private static ThemeContext Headings(params string[] titles) => new(titles);

    // --- headings and groups -------------------------------------------------------------------------------------

    [Fact]
    public void A_heading_that_names_a_theme_tags_the_text_under_it_with_0_9()
    {
        var tag = TagOf("theme/womens-rights", "In 2022, the Framework was brought up to date.", Headings("Gender Equality"));
        Assert.Equal(new ThemeTag("theme/womens-rights", 0.9, "heading: 'Gender Equality'"), tag);
    }

    [Fact]
    public void Outer_headings_count_a_little_less_than_the_innermost_one()
    {
        var context = Headings("Persons with disabilities", "Recommendations 139.164–139.169");
        Assert.Equal(0.85, TagOf("theme/persons-with-disabilities", "212. In October 2023, a council was established.", context)?.Confidence);
    }

    [Fact]
    public void A_recommendation_group_or_question_group_counts_like_the_innermost_heading()
    {
        var tag = TagOf("theme/corruption", "285. Penalties have been increased.", new ThemeContext([], "Combating corruption"));
        Assert.Equal(new ThemeTag("theme/corruption", 0.9, "group: 'Combating corruption'"), tag);
    }

    [Theory]
    [InlineData("Касательно гендерного равенства", "theme/womens-rights")]
    [InlineData("Касательно правозащитной деятельности", "theme/human-rights-defenders")]
    [InlineData("Касательно реализации права на свободу мирных собраний в РК", "theme/freedom-of-assembly")]
    public void Russian_headings_are_strong_signals(string heading, string themeId) =>
        Assert.Equal(0.9, TagOf(themeId, "В 2022 году Концепция актуализирована.", Headings(heading))?.Confidence);

    [Fact]
    public void A_weak_word_names_the_topic_in_a_heading_but_is_only_a_hint_in_the_body()
    {
        Assert.Equal(0.9, TagOf("theme/right-to-work", "Leave is paid for 3 years.", Headings("Employment"))?.Confidence);
        Assert.Equal(0.3, TagOf("theme/right-to-work", "Employment programmes were expanded.")?.Confidence);
    }

    [Fact]
    public void A_heading_without_a_theme_adds_nothing()
    {
        Assert.Empty(Tagger.Tag("Kazakhstan reaffirms its commitment.", Headings("II. General information", "Recommendations 139.23, 139.29")));
    }

    // --- terms in the text ---------------------------------------------------------------------------------------

    [Fact]
    public void One_two_and_three_distinct_strong_terms_give_0_5_0_7_and_0_8()
    {
        Assert.Equal(0.5, TagOf("theme/domestic-violence", "The Act on domestic violence was amended.")?.Confidence);
        Assert.Equal(0.7, TagOf("theme/domestic-violence", "Domestic violence cases now lead to protection orders.")?.Confidence);
        Assert.Equal(0.8, TagOf("theme/domestic-violence",
            "Domestic violence cases lead to protection orders; violence in the family is prosecuted.")?.Confidence);
    }

    [Fact]
    public void The_reason_names_each_matched_term_with_its_count()
    {
        var tag = TagOf("theme/domestic-violence",
            "Victims of domestic violence were placed in crisis centres. Domestic violence fell by a third.");
        Assert.Equal("terms: domestic violence ×2, crisis centres", tag?.Reason);
    }

    [Fact]
    public void Weak_words_without_a_strong_term_are_evidence_only_when_they_recur_three_times()
    {
        Assert.Equal(0.3, TagOf("theme/administration-of-justice", "The court dismissed the claim.")?.Confidence);
        Assert.Equal(0.5, TagOf("theme/administration-of-justice",
            "The court dismissed the claim; other courts and judges agreed.")?.Confidence);
    }

    [Fact]
    public void A_longer_term_of_the_same_theme_absorbs_a_shorter_one()
    {
        var tag = TagOf("theme/freedom-of-association", "The freedom of association of NGOs and every association is respected.");
        Assert.Equal("terms: freedom of association, ngos, association", tag?.Reason);
    }

    [Fact]
    public void A_weak_word_inside_another_themes_defining_phrase_belongs_to_that_phrase()
    {
        var tags = Tagger.Tag("Conditions in places of detention have improved.");
        Assert.Contains(tags, t => t.ThemeId == "theme/conditions-of-detention");
        Assert.DoesNotContain(tags, t => t.ThemeId == "theme/liberty-and-security");
    }

    [Fact]
    public void Groups_listed_as_grounds_of_discrimination_are_hints_and_the_text_is_about_non_discrimination()
    {
        const string text = "The State Party should prohibit discrimination on the grounds of disability, sexual orientation and gender identity.";
        Assert.True(TagOf("theme/equality-non-discrimination", text)?.Confidence >= ThemeTagger.EvidenceThreshold);
        Assert.True(TagOf("theme/sexual-orientation-gender-identity", text)?.Confidence < ThemeTagger.EvidenceThreshold);
        Assert.True(TagOf("theme/persons-with-disabilities", text)?.Confidence < ThemeTagger.EvidenceThreshold);
        Assert.Equal(0.7, TagOf("theme/sexual-orientation-gender-identity",
            "Hate speech targets persons because of their sexual orientation or gender identity.")?.Confidence);
    }

    [Theory]
    [InlineData("Закон «О профилактике бытового насилия» усилил защиту.", "theme/domestic-violence")]
    [InlineData("Меры по предотвращению насилия в семье расширены.", "theme/domestic-violence")]
    [InlineData("Возможное принятие Закона «О признании и защите правозащитников».", "theme/human-rights-defenders")]
    [InlineData("Свобода мирных собраний закреплена в статье 32 Конституции.", "theme/freedom-of-assembly")]
    [InlineData("Руководящие принципы по свободе объединений.", "theme/freedom-of-association")]
    [InlineData("В 2021 году отменена смертная казнь.", "theme/death-penalty")]
    [InlineData("Содействие в защите прав женщин ЛБТИК сообщества.", "theme/sexual-orientation-gender-identity")]
    [InlineData("Запрет пыток закреплён в Конституции.", "theme/torture")]
    [InlineData("Запрет насилия и дискриминации по любым иным обстоятельствам.", "theme/equality-non-discrimination")]
    [InlineData("Усилена ответственность за коррупционные преступления.", "theme/corruption")]
    [InlineData("Определение статуса лиц без гражданства.", "theme/statelessness")]
    [InlineData("Обеспечение деятельности некоммерческих организаций и их регистрации некоммерческих организаций.", "theme/freedom-of-association")]
    public void Russian_terms_are_recognised_in_their_inflected_forms(string text, string themeId) =>
        Assert.True(TagOf(themeId, text)?.Confidence >= ThemeTagger.EvidenceThreshold, $"{themeId} not found in: {text}");

    [Fact]
    public void Yo_and_ye_are_the_same_letter_for_russian_terms() =>
        Assert.Equal(0.5, TagOf("theme/rights-of-the-child", "Защита прав ребёнка усилена.")?.Confidence);

    // --- false-positive guards -----------------------------------------------------------------------------------

    [Theory]
    [InlineData("The penalty for late filing was increased.", "theme/death-penalty")]
    [InlineData("Penalties for economic offences were reduced.", "theme/death-penalty")]
    [InlineData("The committee rejected such tortured logic.", "theme/torture")]
    [InlineData("The project was run in association with UNDP.", "theme/freedom-of-association")]
    [InlineData("The national association of lawyers held a congress.", "theme/freedom-of-association")]
    [InlineData("Drug trafficking offences were prosecuted.", "theme/trafficking-in-persons")]
    [InlineData("Limits are allowed only to protect public order, public health and the rights of others.", "theme/right-to-health")]
    [InlineData("Video surveillance systems were installed in schools.", "theme/right-to-privacy")]
    [InlineData("The State Party should continue its efforts.", "theme/international-instruments")]
    [InlineData("The General Assembly adopted the resolution.", "theme/freedom-of-assembly")]
    [InlineData("The Assembly of the People of Kazakhstan met in Astana.", "theme/freedom-of-assembly")]
    [InlineData("The Office of the High Commissioner for Human Rights was informed.", "theme/national-human-rights-institution")]
    [InlineData("The grape harvest was good.", "theme/gender-based-violence")]
    [InlineData("The Ministry of Health issued rules on birth certificates.", "theme/right-to-health")]
    [InlineData("Article 47 of the Marriage and Family Code applies.", "theme/marriage-and-family")]
    [InlineData("A favourable environment for investment is being created.", "theme/environment")]
    public void Ambiguous_words_do_not_tag_the_theme(string text, string themeId) =>
        Assert.Null(TagOf(themeId, text));

    [Theory]
    [InlineData("He was tortured in custody.", "theme/torture")]
    [InlineData("The association was registered and now works with other NGOs.", "theme/freedom-of-association")]
    [InlineData("Public associations may be registered by three citizens.", "theme/freedom-of-association")]
    [InlineData("Trafficking in persons and forced labour are crimes.", "theme/trafficking-in-persons")]
    [InlineData("Peaceful assemblies require a notification.", "theme/freedom-of-assembly")]
    [InlineData("The Commissioner for Human Rights visited the region.", "theme/national-human-rights-institution")]
    [InlineData("Safeguards prevent the misuse of surveillance powers.", "theme/right-to-privacy")]
    [InlineData("The death penalty was abolished in 2021.", "theme/death-penalty")]
    public void The_guarded_words_still_tag_the_theme_in_their_proper_sense(string text, string themeId) =>
        Assert.True(TagOf(themeId, text)?.Confidence >= ThemeTagger.EvidenceThreshold, $"{themeId} not found in: {text}");

    // --- Sustainable Development Goals ---------------------------------------------------------------------------

    [Theory]
    [InlineData("These actions implement Sustainable Development Goal 16.", "sdg/16", "sustainable development goal 16")]
    [InlineData("SDG 5 is a national priority.", "sdg/5", "sdg 5")]
    [InlineData("Indicators for SDG-13 are monitored.", "sdg/13", "sdg-13")]
    [InlineData("Эти действия стали важной частью реализации ЦУР ООН №16.", "sdg/16", "цур оон №16")]
    [InlineData("В рамках цели устойчивого развития № 4 расширен доступ.", "sdg/4", "цели устойчивого развития № 4")]
    [InlineData("The SDGs were prioritized, including Goal 1 (End poverty in all its forms).", "sdg/1", "goal 1")]
    [InlineData("Kazakhstan joined the SDGs, and Goal 5—\"Ensuring gender equality\"—is integrated.", "sdg/5", "goal 5")]
    public void A_goal_named_by_number_is_tagged_with_0_95(string text, string goalId, string mention)
    {
        var tag = TagOf(goalId, text);
        Assert.Equal(0.95, tag?.Confidence);
        Assert.StartsWith($"mention: '{mention}'", tag?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_goal_numbers_tags_each_goal()
    {
        var goals = Tagger.Tag("Progress on SDGs 5 and 16 and on Goals 1, 3 and 4 was reviewed.")
            .Where(t => t.Confidence == ThemeTagger.GoalNumberConfidence).Select(t => t.ThemeId).Order(StringComparer.Ordinal);
        Assert.Equal(["sdg/1", "sdg/16", "sdg/3", "sdg/4", "sdg/5"], goals);
    }

    [Fact]
    public void A_count_after_a_goal_number_is_not_another_goal()
    {
        var goals = Tagger.Tag("Sustainable Development Goal 16, 5 of whose indicators are urgent, is monitored.")
            .Where(t => t.ThemeId.StartsWith("sdg/", StringComparison.Ordinal)).Select(t => t.ThemeId);
        Assert.Equal(["sdg/16"], goals);
    }

    [Fact]
    public void Goal_with_a_number_in_a_text_that_does_not_speak_of_the_sdgs_is_not_an_sdg() =>
        Assert.DoesNotContain(Tagger.Tag("Goal 4 of the national plan is to build 200 schools."), t => t.ThemeId == "sdg/4");

    [Fact]
    public void A_goal_named_by_its_official_name_counts_only_in_a_text_about_the_goals()
    {
        var tag = TagOf("sdg/4", "Priority SDGs include \"Quality education\" and \"Clean water and sanitation\".");
        Assert.Equal(new ThemeTag("sdg/4", 0.9, "goal name: 'quality education'"), tag);
        Assert.NotNull(TagOf("sdg/6", "Priority SDGs include \"Quality education\" and \"Clean water and sanitation\"."));
        Assert.Null(TagOf("sdg/4", "Schools must provide quality education."));
    }

    [Fact]
    public void Words_in_a_sentence_that_names_a_goal_describe_the_goal_not_a_theme()
    {
        const string goalSentence = "Sustainable Development Goal 16 provides for access to justice for all.";
        Assert.Null(TagOf("theme/administration-of-justice", goalSentence));
        Assert.Equal(0.5, TagOf("theme/administration-of-justice", goalSentence + " Legal aid was expanded.")?.Confidence);
    }

    [Fact]
    public void A_stated_theme_suggests_its_goals_below_the_evidence_threshold()
    {
        var tag = TagOf("sdg/5", "In 2022, the Framework was brought up to date.", Headings("Gender equality"));
        Assert.Equal(new ThemeTag("sdg/5", 0.45, "via theme Women's rights"), tag);
        Assert.True(tag!.Confidence < ThemeTagger.EvidenceThreshold);
    }

    [Fact]
    public void A_hint_does_not_suggest_goals()
    {
        Assert.Equal(0.3, TagOf("theme/right-to-health", "The patients were discharged.")?.Confidence);
        Assert.Null(TagOf("sdg/3", "The patients were discharged."));
    }

    [Fact]
    public void A_goal_named_and_served_by_a_theme_keeps_the_higher_confidence_and_both_reasons()
    {
        var tag = TagOf("sdg/16", "Corruption cases fell, which serves SDG 16.");
        Assert.Equal(0.95, tag?.Confidence);
        Assert.Equal("mention: 'sdg 16'", tag?.Reason);
        var both = TagOf("sdg/16", "SDG 16 is a priority. Corruption cases fell.");
        Assert.Equal("mention: 'sdg 16'; via theme Corruption", both?.Reason);
    }

    // --- output ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Tags_are_ordered_by_confidence_then_id_and_repeatable()
    {
        const string text = "Torture, trafficking in persons and corruption were discussed; domestic violence and protection orders too.";
        var first = Tagger.Tag(text, Headings("Combating corruption"));
        var second = new ThemeTagger().Tag(text, Headings("Combating corruption"));
        Assert.Equal(first, second);
        Assert.Equal(
            ["theme/corruption", "theme/domestic-violence", "theme/torture", "theme/trafficking-in-persons"],
            first.Where(t => t.Confidence >= ThemeTagger.EvidenceThreshold).Select(t => t.ThemeId));
        Assert.Equal(first.OrderByDescending(t => t.Confidence).ThenBy(t => t.ThemeId, StringComparer.Ordinal), first);
    }

    [Fact]
    public void A_text_without_themes_gets_no_tags() =>
        Assert.Empty(Tagger.Tag("The Permanent Mission avails itself of this opportunity to renew the assurances of its highest consideration."));
}
