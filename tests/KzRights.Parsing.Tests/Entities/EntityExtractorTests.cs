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
}
