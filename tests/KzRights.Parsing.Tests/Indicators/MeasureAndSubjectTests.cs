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
}
