using KzRights.Parsing.Indicators;

namespace KzRights.Parsing.Tests.Indicators;

public sealed class FactLinkerTests
{
    private static IReadOnlyList<Indicator> Extract(string document, string text, string language = "en") =>
        new IndicatorExtractor().Extract(new ParagraphText(document, $"{document}/1", language, text));

    private static IReadOnlyList<Fact> Link(params IReadOnlyList<Indicator>[] documents) =>
        new FactLinker().Link(documents.SelectMany(d => d));

    [Fact]
    public void The_same_measure_for_the_same_year_in_two_documents_is_one_fact_and_disagreeing_values_are_a_conflict()
    {
        var fact = Assert.Single(Link(
            Extract("upr", "The participants in the national preventive mechanisms conducted 507 preventive visits in 2021."),
            Extract("review", "In 2021, NPM participants carried out 461 scheduled preventive visits.")));
        Assert.Equal(("fact/preventive-visits/count/count/2021", "preventive-visits/count", 2), (fact.Id, fact.Measure, fact.Attestations.Count));
        Assert.Equal(["review/1/i1", "upr/1/i1"], fact.Attestations.Select(a => a.IndicatorId));
        Assert.True(fact.Conflict);
        Assert.Equal(FactConflictScope.AcrossDocuments, fact.ConflictScope);
        Assert.Equal("statements of 2 documents disagree; values differ: 461 (review/1/i1), 507 (upr/1/i1)", fact.ConflictReason);
    }

    [Fact]
    public void The_same_quota_stated_alike_is_one_fact_without_conflict()
    {
        var fact = Assert.Single(Link(
            Extract("upr", "In 2020, a mandatory 30 per cent quota for women and young persons in electoral party lists was introduced by law."),
            Extract(
                "cedaw",
                "A 30 per cent quota for women, young people and persons with disabilities on party lists has been introduced, and compliance is monitored."),
            Extract(
                "reply",
                "На законодательном уровне введена обязательная квота в 30% для женщин, молодежи и лиц с инвалидностью в избирательных партийных списках.",
                "ru")));
        Assert.Equal(("fact/quota/majilis-party-lists/quota", 3, false), (fact.Id, fact.Attestations.Count, fact.Conflict));
        Assert.Null(fact.ConflictReason);
        Assert.Null(fact.Period);
    }

    [Fact]
    public void A_quota_dated_differently_is_a_conflict_of_years()
    {
        var fact = Assert.Single(Link(
            Extract("a", "In 2020, a mandatory 30 per cent quota for women in electoral party lists was introduced by law."),
            Extract("b", "In 2021, a mandatory 30 per cent quota for women in electoral party lists was introduced by law.")));
        Assert.True(fact.Conflict);
        Assert.Equal("statements of 2 documents disagree; years differ: 2020 (a/1/i1), 2021 (b/1/i1)", fact.ConflictReason);
    }

    [Fact]
    public void Disagreeing_statements_of_one_document_are_a_conflict_within_that_document()
    {
        var fact = Assert.Single(new FactLinker().Link(
            Extract("cedaw", "Across the country, 30 crisis centres offer special social services.")
                .Concat(new IndicatorExtractor().Extract(new ParagraphText("cedaw", "cedaw/2", "en", "There are 27 crisis centres in the country.")))));
        Assert.True(fact.Conflict);
        Assert.Equal(FactConflictScope.WithinDocument, fact.ConflictScope);
        Assert.StartsWith("statements of one document (cedaw) disagree; values differ", fact.ConflictReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_measures_are_never_one_fact_even_with_the_same_words() =>
        Assert.Empty(Link(
            Extract("a", "Women account for 39.1 per cent of managers."),
            Extract("b", "Women account for 53 per cent of judges.")));

    [Fact]
    public void Undated_statements_are_stated_as_at_their_document_year_so_reports_of_different_years_are_different_facts()
    {
        var years = new Dictionary<string, int> { ["review"] = 2022, ["cedaw"] = 2025 };
        var statements = Extract("review", "There are 36 crisis centres in the country.").Concat(
            Extract("cedaw", "There are 27 crisis centres in the country."));
        Assert.Empty(new FactLinker().Link(statements, years));
        Assert.Single(new FactLinker().Link(statements));
    }

    [Fact]
    public void Different_years_are_different_facts()
    {
        Assert.Empty(Link(
            Extract("a", "The participants in the national preventive mechanisms conducted 507 preventive visits in 2021."),
            Extract("b", "The participants in the national preventive mechanisms conducted 568 preventive visits in 2022.")));
    }

    [Fact]
    public void Different_populations_are_different_facts()
    {
        Assert.Empty(Link(
            Extract("a", "A 30 per cent quota for women in party lists has been introduced."),
            Extract("b", "A 30 per cent quota for persons with disabilities in party lists has been introduced.")));
    }

    [Fact]
    public void Numbers_without_a_measure_are_not_linked_however_alike_they_look()
    {
        Assert.Empty(Link(
            Extract("a", "More than 300 people have become mentors."),
            Extract("b", "About 2,000 people took part in the consultations.")));
    }

    [Fact]
    public void A_count_with_a_specific_subject_links_across_documents_whatever_the_spelling()
    {
        var fact = Assert.Single(Link(
            Extract("upr", "Across the country, 50 crisis centres offer special social services to victims of domestic violence."),
            Extract(
                "review",
                "In order to provide comprehensive assistance to victims of domestic violence, 49 crisis centers operate in all regions of the country.")));
        Assert.Equal("fact/crisis-centres/count/count/undated", fact.Id);
        Assert.True(fact.Conflict);
    }

    [Fact]
    public void Numbers_of_one_paragraph_are_never_one_fact() =>
        Assert.Empty(Link(Extract("a", "There are 10 juvenile adaptation centres. Later there were 12 juvenile adaptation centres.")));
}
