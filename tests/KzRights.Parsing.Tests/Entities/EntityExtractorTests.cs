using KzRights.Parsing.Entities;
using KzRights.Parsing.Indicators;

namespace KzRights.Parsing.Tests.Entities;

public sealed class EntityExtractorTests
{
    private static IReadOnlyList<EntityMention> Extract(string text, string document = "doc", string language = "en") =>
        new EntityExtractor().Extract(new ParagraphText(document, $"{document}/1", language, text));

    [Fact]
    public void A_law_named_differently_in_two_documents_has_one_normalized_id()
    {
        var a = Assert.Single(Extract("The Committee welcomes the Law on Women's Rights and Child Safety."));
        var b = Assert.Single(Extract("The Women’s Rights and Child Safety Act increased penalties for violence."));
        Assert.Equal("law/2024-04-15-womens-rights-and-child-safety", a.EntityId);
        Assert.Equal(a.EntityId, b.EntityId);
        Assert.Equal(EntityKind.Law, a.Kind);
    }

    [Fact]
    public void Every_mention_quote_is_the_text_at_its_offsets()
    {
        const string text = "On 24 June 2022, the Second Optional Protocol to the International Covenant on Civil and Political Rights entered into force "
            + "and the Human Rights Commissioner welcomed it; the Criminal Code was amended.";
        var mentions = Extract(text);
        Assert.Equal(["treaty/iccpr-op2", "institution/human-rights-commissioner", "law/criminal-code"], mentions.Select(m => m.EntityId));
        Assert.All(mentions, m => Assert.Equal(m.Quote, text.Substring(m.Start, m.Length)));
        Assert.Equal(["doc/1/e1", "doc/1/e2", "doc/1/e3"], mentions.Select(m => m.Id));
    }

    [Fact]
    public void The_longest_name_wins_so_a_covenant_inside_a_protocol_name_is_not_a_second_mention() =>
        Assert.Equal(
            "treaty/iccpr-op2",
            Assert.Single(Extract("Kazakhstan signed the Second Optional Protocol to the International Covenant on Civil and Political Rights.")).EntityId);

    [Fact]
    public void A_mention_states_the_date_its_verb_names()
    {
        var adopted = Assert.Single(Extract("The Act on the Procedure for Organizing and Holding Peaceful Assemblies was adopted on 25 May 2020."));
        Assert.Equal("2020-05-25", adopted.Attributes["adopted"]);
        var force = Assert.Single(Extract("On 24 June 2022, the Second Optional Protocol entered into force for Kazakhstan."));
        Assert.Equal("2022-06-24", force.Attributes["inForce"]);
        var since = Assert.Single(
            Extract("Since 2022, legislative amendments have included persons with disabilities among the quota categories for the Mazhilis."));
        Assert.Equal(("event/majilis-quota-persons-with-disabilities", "2022"), (since.EntityId, since.Attributes["since"]));
    }

    [Fact]
    public void A_plan_states_the_period_its_name_gives() =>
        Assert.Equal("2022–2026", Assert.Single(Extract("The Anti-Corruption Policy Concept for 2022-2026 was approved.")).Attributes["period"]);

    [Fact]
    public void Persons_with_disabilities_are_a_quota_event_only_in_a_sentence_about_the_parliamentary_quota()
    {
        Assert.Empty(Extract("Persons with disabilities receive free legal aid."));
        Assert.Equal("event/majilis-quota-persons-with-disabilities",
            Assert.Single(Extract("A 30 per cent quota for women, young people and persons with disabilities applies to seats in the Majilis.")).EntityId);
    }

    [Fact]
    public void Named_laws_outside_the_vocabulary_get_an_id_from_their_name()
    {
        var mentions = Extract("The Citizenship Act and the Law on Combating Human Trafficking were amended; the Health Code too.");
        Assert.Equal(["law/citizenship", "law/combating-human-trafficking", "law/health-code"], mentions.Select(m => m.EntityId));
        Assert.All(mentions, m => Assert.Equal("generic-law-name", m.Rule));
    }

    [Fact]
    public void Russian_names_map_to_the_same_ids_as_english_ones()
    {
        var ru = Extract(
            "В рамках Плана дальнейших мер в области прав человека и верховенства закона Уполномоченный по правам человека создал рабочую группу.",
            language: "ru");
        Assert.Equal(["plan/further-measures-human-rights-rule-of-law", "institution/human-rights-commissioner"], ru.Select(m => m.EntityId));
    }

    [Fact]
    public void Mentions_of_one_event_with_different_dates_are_a_disagreement_with_both_quotes()
    {
        var a = Extract("Since 1 January 2023, persons with disabilities have been among the groups with a quota of seats in the Majilis.", "upr");
        var b = Extract("Since 2022, legislative amendments have included persons with disabilities among the quota categories for the Mazhilis.", "review");
        var entity = Assert.Single(new EntityLinker().Link(a.Concat(b)));
        var disagreement = Assert.Single(entity.Disagreements);
        Assert.Equal(
            ("date", "2023-01-01", "2022", true),
            (disagreement.Attribute, disagreement.FirstValue, disagreement.SecondValue, disagreement.AcrossDocuments));
        Assert.Equal(a[0].Quote, disagreement.FirstQuote);
        Assert.Equal(b[0].Quote, disagreement.SecondQuote);
    }

    [Fact]
    public void A_year_and_a_day_of_that_year_agree()
    {
        var a = Extract("The Act on the Procedure for Organizing and Holding Peaceful Assemblies was adopted on 25 May 2020.", "a");
        var b = Extract("The Act on the Procedure for Organizing and Holding Peaceful Assemblies was adopted in 2020.", "b");
        Assert.Empty(Assert.Single(new EntityLinker().Link(a.Concat(b))).Disagreements);
    }

    [Fact]
    public void A_law_named_after_an_institution_is_the_law_and_not_the_institution()
    {
        var mentions = Extract("On 5 November 2022, the Constitutional Court Act and the Supreme Court Act were adopted.");
        Assert.Equal(["law/2022-11-05-constitutional-court", "law/2022-11-05-supreme-court"], mentions.Select(m => m.EntityId));
        Assert.All(mentions, m => Assert.Equal(EntityKind.Law, m.Kind));
    }

    [Fact]
    public void A_law_found_by_its_name_carries_the_day_its_sentence_says_it_was_adopted()
    {
        Assert.Equal("law/2021-03-12-volunteer-activity", Assert.Single(Extract("On 12 March 2021, the Volunteer Activity Act was adopted.")).EntityId);
        Assert.Equal(
            "law/1997-07-14-notaries",
            Assert.Single(Extract("The Law on Notaries (Law No. 155-II) of 14 July 1997 regulates the fees of notaries.")).EntityId);
        Assert.Equal("law/volunteer-activity", Assert.Single(Extract("The Volunteer Activity Act was amended in 2021.")).EntityId);
    }

    [Fact]
    public void Undated_mentions_of_a_law_take_the_id_of_the_mention_of_their_document_that_states_its_day()
    {
        var mentions = Extract("The Volunteer Activity Act was amended in 2023.", "a")
            .Concat(Extract("On 12 March 2021, the Volunteer Activity Act was adopted.", "a"))
            .Concat(Extract("The Volunteer Activity Act applies.", "b"));
        Assert.Equal(
            ["law/2021-03-12-volunteer-activity", "law/2021-03-12-volunteer-activity", "law/volunteer-activity"],
            EntityLinker.UnifyDatedLawIds(mentions.ToList()).Select(m => m.EntityId));
    }

    [Fact]
    public void A_possessive_in_a_law_name_is_dropped_from_its_id() =>
        Assert.Equal("law/auditors-activity", Assert.Single(Extract("The Auditor’s Activity Act sets the rules.")).EntityId);

    [Fact]
    public void Two_laws_joined_by_and_are_two_mentions()
    {
        var mentions = Extract("Amendments to the Constitutional Law on Elections and the Public Councils Act were made in 2023.");
        Assert.Equal(["law/elections", "law/public-councils"], mentions.Select(m => m.EntityId));
    }

    [Fact]
    public void A_name_ending_in_law_is_a_law_only_when_it_ends_in_a_noun()
    {
        Assert.Equal("law/state-audit", Assert.Single(Extract("The State Audit Law entered into force.")).EntityId);
        Assert.Empty(Extract("Training covered International Humanitarian Law and the Draft Constitutional Law."));
    }

    [Fact]
    public void An_ilo_convention_cited_by_its_number_is_a_treaty_with_that_number() =>
        Assert.Equal(
            ["treaty/ilo-c156", "treaty/ilo-c190"],
            Extract("Ratification of ILO Convention No. 156 is under study; the Violence and Harassment Convention, 2019 (No. 190) is next.")
                .Select(m => m.EntityId));

    [Fact]
    public void A_plan_named_with_its_years_is_a_plan_and_both_word_orders_give_one_id()
    {
        var a = Assert.Single(Extract("The Youth Policy Concept 2023–2029 was approved."));
        var b = Assert.Single(Extract("The Concept of Youth Policy for 2023-2029 was approved."));
        Assert.Equal(("plan/youth-policy-concept-2023-2029", EntityKind.Plan), (a.EntityId, a.Kind));
        Assert.Equal(a.EntityId, b.EntityId);
        Assert.Equal("2023–2029", b.Attributes["period"]);
    }

    [Fact]
    public void A_code_article_named_in_brackets_that_was_decriminalized_or_introduced_is_an_event_beside_the_code()
    {
        var mentions = Extract(
            "In 2021, article 131 of the Criminal Code (Insult) was decriminalized and article 109-1 of the Criminal Code (Battery) was introduced.");
        Assert.Equal(
            ["event/insult-decriminalization", "law/criminal-code", "event/battery-criminalization", "law/criminal-code"],
            mentions.Select(m => m.EntityId));
        Assert.Equal("2021", mentions[0].Attributes["date"]);
    }

    [Fact]
    public void A_thing_that_was_abolished_is_a_dated_event_named_by_its_last_words()
    {
        var mention = Assert.Single(Extract("On 1 July 2021, the system of exit visas was abolished for citizens."));
        Assert.Equal(("event/exit-visas-abolition", "exit visas was abolished"), (mention.EntityId, mention.Quote));
        Assert.Empty(Extract("The requirement was abolished."));
    }

    [Fact]
    public void The_death_penalty_and_defamation_are_the_same_events_however_the_change_is_worded()
    {
        Assert.Equal("event/death-penalty-abolition", Extract("In 2021, the Constitution was amended to abolish the death penalty.")[^1].EntityId);
        Assert.Equal(
            "event/defamation-decriminalization", Assert.Single(Extract("The 2020 law reclassifying defamation as an administrative offence.")).EntityId);
    }

    [Fact]
    public void A_russian_name_in_another_case_is_the_same_plan() =>
        Assert.Equal(
            "plan/human-rights-and-rule-of-law-action-plan",
            Assert.Single(Extract("Согласно Плану действий по правам человека и верховенству закона проведены встречи.", language: "ru")).EntityId);

    [Fact]
    public void A_bare_ombudsman_is_a_back_reference_and_other_ombudsmen_are_not_the_human_rights_commissioner()
    {
        Assert.Empty(Extract("The mechanism is led by the Ombudsperson; the Business Ombudsman and the Banking Ombudsman met the Ombudsman."));
        Assert.Empty(Extract("Kazakhstan invited the United Nations High Commissioner for Human Rights."));
        Assert.Equal(
            ["institution/childrens-rights-ombudsman", "institution/human-rights-commissioner"],
            Extract("The Ombudsman for Children’s Rights and the Human Rights Ombudsman issued a joint report.").Select(m => m.EntityId));
    }

    [Fact]
    public void The_paris_agreement_is_a_treaty_and_the_kazakh_name_of_the_national_kurultai_is_the_same_institution()
    {
        Assert.Equal("treaty/paris-agreement", Assert.Single(Extract("As a party to the Paris Agreement on Climate Change, Kazakhstan acts.")).EntityId);
        Assert.Equal(
            ["institution/national-kurultai", "institution/national-kurultai"],
            Extract("The President established the \"Ulttyk Kuryltay\" (National Kurultai).").Select(m => m.EntityId));
    }

    [Fact]
    public void A_referendum_on_amendments_to_the_constitution_is_the_referendum_event_and_a_mention_of_the_constitution() =>
        Assert.Equal(
            ["event/2022-06-05-constitutional-referendum", "law/constitution"],
            Extract("On June 5, 2022, Kazakhstan held a referendum on necessary amendments to the Constitution.").Select(m => m.EntityId));

    [Fact]
    public void Persons_with_disabilities_in_the_quota_on_party_lists_are_the_majilis_quota_event() =>
        Assert.Equal(
            "event/majilis-quota-persons-with-disabilities",
            Assert.Single(Extract("A 30 per cent quota for women, young people and persons with disabilities on party lists has been introduced.")).EntityId);

    [Fact]
    public void A_law_titled_by_a_list_of_subjects_is_named_to_the_last_one() =>
        Assert.Equal(
            "Act on the Protection of the Rights of the Child, Education, Information and Information Technology",
            Assert.Single(Extract("The Act on the Protection of the Rights of the Child, Education, Information and Information Technology introduces "
                + "the concept of bullying.")).Quote);

    [Fact]
    public void A_thing_introduced_or_transferred_in_a_dated_sentence_is_an_event_named_by_the_clause_subject()
    {
        var mention = Assert.Single(Extract("Since January 1, 2021, a three-tier model of criminal procedure has been introduced in Kazakhstan."));
        Assert.Equal(
            ("event/three-tier-model-of-criminal-procedure-introduction", "three-tier model of criminal procedure has been introduced"),
            (mention.EntityId, mention.Quote));
        Assert.Equal(
            "event/responsibility-for-probation-transfer",
            Assert.Single(Extract("In 2023, responsibility for probation was transferred to the Ministry of Justice.")).EntityId);
        Assert.Empty(Extract("A three-tier model of criminal procedure has been introduced."));
        Assert.Empty(Extract("In 2021, amendments were introduced to the Code."));
        Assert.Empty(Extract("From September 1, 2023, the accounting of pets will be introduced."));
    }
}
