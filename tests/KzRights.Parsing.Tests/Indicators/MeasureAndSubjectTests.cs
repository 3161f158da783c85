using KzRights.Parsing.Indicators;

namespace KzRights.Parsing.Tests.Indicators;

public sealed class MeasureAndSubjectTests
{
    private static Indicator One(string text, string language = "en") =>
        Assert.Single(new IndicatorExtractor().Extract(new ParagraphText("doc", "doc/1", language, text)));

    [Theory]
    [InlineData("Women account for 53 per cent of judges.", "women-share/judges")]
    [InlineData("The share of women among judges was 45.4 per cent.", "women-share/judges")]
    [InlineData("Across the country, 50 crisis centres offer special social services.", "crisis-centres/count")]
    [InlineData("A 30 per cent quota for women and young people on party lists has been introduced.", "quota/majilis-party-lists")]
    [InlineData("Kazakhstan ranked 102nd in the Transparency International Corruption Perception Index.", "corruption-perception-index/rank")]
    public void The_same_measure_gets_the_same_key_however_it_is_worded(string text, string measure) =>
        Assert.Equal(measure, One(text).Measure);

    [Fact]
    public void A_russian_statement_of_an_english_measure_gets_the_english_key() =>
        Assert.Equal("quota/majilis-party-lists",
            One("На законодательном уровне введена обязательная квота в 30% для женщин и молодежи в избирательных партийных списках.", "ru").Measure);

    [Fact]
    public void A_number_no_measure_fits_has_none() =>
        Assert.Null(One("The review counted 21,200 words.").Measure);

    [Fact]
    public void A_share_stated_for_a_group_names_the_group_and_the_body() =>
        Assert.Equal("women among deputy ministers", One("Women account for 12.5 per cent of deputy ministers.").Subject);

    [Fact]
    public void A_subject_is_never_a_verb_fragment()
    {
        var subject = One("The threshold for parties to enter the lower house of Parliament has been lowered to 5 per cent.").Subject;
        Assert.DoesNotContain("has been", subject, StringComparison.Ordinal);
        Assert.DoesNotContain("lowered", subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("встреч", "встреча")]
    [InlineData("мирных собраний", "мирное собрание")]
    [InlineData("Планах", "план")]
    [InlineData("доля женщин в руководящих органах", "доля женщин в руководящих органах")]
    [InlineData("мероприятий", "мероприятие")]
    public void Russian_subjects_are_brought_to_their_dictionary_form(string printed, string lemma) =>
        Assert.Equal(lemma, RussianLemmas.Lemmatize(printed));

    private static IReadOnlyList<string> Subjects(string text) =>
        new IndicatorExtractor().Extract(new ParagraphText("doc", "doc/1", "en", text)).Select(i => i.Subject).ToList();

    [Theory]
    [InlineData("On 21 June, a working group with 45 members was established.", "members")]
    [InlineData("To date, 521 employees are employed in the project.", "employees")]
    [InlineData("There are 3,900 religious associations registered; 1,000 NGOs are registered.", "registered NGOs")]
    public void A_participle_after_a_count_names_it_only_where_it_classifies_what_is_counted(string text, string subject) =>
        Assert.Equal(subject, Subjects(text)[^1]);

    [Fact]
    public void Numbers_given_respectively_are_about_the_things_listed_in_the_same_order() =>
        Assert.Equal(["lawyers", "legal advisers"], Subjects("The total number of lawyers and legal advisers is 6,206 and 15,278, respectively."));

    [Fact]
    public void The_before_value_of_a_change_counts_what_the_after_value_names() =>
        Assert.Equal(["activities", "activities"], Subjects("In the second plan, the objectives have been expanded from 16 to 34 activities."));

    [Fact]
    public void Points_are_of_the_score_they_are_in_and_bracketed_points_of_the_same_score() =>
        Assert.Equal(
            ["national average score", "national average score", "national average score"],
            Subjects("There was an increase of 0.8 points in the national average score (56.1 points in 2023 compared with 55.3 points in 2022)."));

    [Fact]
    public void A_share_out_of_a_total_is_the_share_of_what_comes_before_the_total() =>
        Assert.Equal(
            "crimes in the sphere of family relations",
            One("The share of crimes in the sphere of family relations out of the total number of registered criminal offenses is 1.2 percent.").Subject);
}
