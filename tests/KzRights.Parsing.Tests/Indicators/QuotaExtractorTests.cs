using KzRights.Parsing.Indicators;

namespace KzRights.Parsing.Tests.Indicators;

public sealed class QuotaExtractorTests
{
    private static IReadOnlyList<Quota> Extract(string text, string language = "en") =>
        new QuotaExtractor().Extract(new ParagraphText("doc", "doc/7", language, text));

    [Fact]
    public void A_quota_share_gives_its_percentage_who_it_is_for_and_where_it_applies()
    {
        const string text = "At the legislative level, a mandatory 30% quota for women, young people and persons with disabilities has been introduced in " +
            "party electoral lists and in the allocation of parliamentary seats.";
        var quota = Assert.Single(Extract(text));
        Assert.Equal(30m, quota.Percent);
        Assert.Equal([IndicatorPopulation.Women, IndicatorPopulation.YoungPeople, IndicatorPopulation.PersonsWithDisabilities], quota.AppliesTo);
        Assert.Equal([QuotaVocabulary.PartyLists, QuotaVocabulary.ParliamentarySeats], quota.Where);
        Assert.Equal(("doc/7/q1", "doc/7/i1", "quota-share"), (quota.Id, quota.IndicatorId!, quota.Rule));
        Assert.Equal(text, text.Substring(quota.Start, quota.Length));
        Assert.Equal(quota.Quote, text.Substring(quota.Start, quota.Length));
    }

    [Fact]
    public void The_russian_wording_gives_the_same_quota()
    {
        var quota = Assert.Single(Extract("На законодательном уровне введена обязательная квота в 30% для женщин, молодежи и лиц с инвалидностью в " +
            "избирательных партийных списках, а также при распределении депутатских мандатов.", "ru"));
        Assert.Equal(30m, quota.Percent);
        Assert.Equal([IndicatorPopulation.Women, IndicatorPopulation.YoungPeople, IndicatorPopulation.PersonsWithDisabilities], quota.AppliesTo);
        Assert.Equal([QuotaVocabulary.PartyLists, QuotaVocabulary.ParliamentarySeats], quota.Where);
    }

    [Fact]
    public void A_quota_without_a_number_is_still_a_quota_with_its_starting_year()
    {
        var quota = Assert.Single(Extract("Pursuant to amendments to the law, since 1 January 2023, persons with disabilities have been included among " +
            "groups for whom a quota of seats in the Majilis has been established."));
        Assert.Null(quota.Percent);
        Assert.Equal([IndicatorPopulation.PersonsWithDisabilities], quota.AppliesTo);
        Assert.Equal([QuotaVocabulary.ParliamentarySeats], quota.Where);
        Assert.Equal((2023, "quota-mention"), (quota.SinceYear!.Value, quota.Rule));
    }

    [Theory]
    [InlineData(
        "A quota for foreign specialists is established and allocated annually.",
        IndicatorPopulation.ForeignSpecialists,
        QuotaVocabulary.LabourMigration)]
    [InlineData(
        "The national technical and vocational higher education system has a quota for rural women.",
        IndicatorPopulation.RuralPopulation,
        QuotaVocabulary.EducationPlaces)]
    public void Quotas_without_numbers_name_who_and_where(string text, string who, string where)
    {
        var quota = Assert.Single(Extract(text));
        Assert.Null(quota.Percent);
        Assert.Contains(who, quota.AppliesTo);
        Assert.Equal([where], quota.Where);
    }

    [Fact]
    public void A_job_quota_keeps_its_range()
    {
        var quota = Assert.Single(Extract(
            "The local authorities have established a 2 to 4 per cent job quota for persons with disabilities to provide them with employment opportunities."));
        Assert.Equal((2m, 4m), (quota.Percent!.Value, quota.PercentUpper!.Value));
        Assert.Equal([QuotaVocabulary.Jobs], quota.Where);
    }

    [Fact]
    public void Seats_reserved_by_an_act_are_a_quota_dated_by_the_act()
    {
        var quota = Assert.Single(Extract("An Act stipulating that 30 per cent of parliamentary seats must be reserved for persons with disabilities, women " +
            "and young people was signed on 7 February 2022."));
        Assert.Equal((30m, 2022), (quota.Percent!.Value, quota.SinceYear!.Value));
        Assert.Equal([QuotaVocabulary.ParliamentarySeats], quota.Where);
    }

    [Fact]
    public void A_quota_introduced_in_a_year_is_dated_by_that_year()
    {
        var quota = Assert.Single(
            Extract("In 2020, a mandatory 30 per cent quota for women and young persons in electoral party lists was introduced by law."));
        Assert.Equal((30m, 2020), (quota.Percent!.Value, quota.SinceYear!.Value));
        Assert.Equal([IndicatorPopulation.Women, IndicatorPopulation.YoungPeople], quota.AppliesTo);
    }

    [Fact]
    public void A_sentence_with_two_quota_shares_gives_two_quotas()
    {
        var quotas = Extract("The updated framework up to 2030 provides for a 30 per cent quota for the participation of women in governance. A 30 per cent " +
            "quota has been introduced for women, young people and persons with disabilities in parliament, political parties and boards of directors.");
        Assert.Equal(["doc/7/q1", "doc/7/q2"], quotas.Select(q => q.Id));
        Assert.Equal([QuotaVocabulary.Governance], quotas[0].Where);
        Assert.Equal([QuotaVocabulary.ParliamentarySeats, QuotaVocabulary.PoliticalParties, QuotaVocabulary.CompanyBoards], quotas[1].Where);
    }

    [Theory]
    [InlineData("Compliance with quotas is monitored by the Central Election Commission.")]
    [InlineData("As at the end of 2023, 8,200 persons with disabilities are employed under the quota system.")]
    [InlineData("The share of women in the civil service is 55.9 percent.")]
    public void Sentences_that_only_refer_to_quotas_are_not_quota_statements(string text) => Assert.Empty(Extract(text));
}
