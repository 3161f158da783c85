using KzRights.Parsing.Indicators;

namespace KzRights.Parsing.Tests.Indicators;

/// <summary>One rule per test, on small inline texts (most taken from the corpus).</summary>
public sealed class IndicatorRuleTests
{
    private static IReadOnlyList<Indicator> Extract(string text, string language = "en") =>
        new IndicatorExtractor().Extract(new ParagraphText("doc", "doc/1", language, text));

    private static Indicator Single(string text, string language = "en") => Assert.Single(Extract(text, language));

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    // Number formats

    [Theory]
    [InlineData("More than 23,000 NGOs are registered in the country.", 23000)]
    [InlineData("Some 1,555,132 students attend rural schools.", 1555132)]
    [InlineData("The share of female leaders is 39.3 per cent.", 39.3)]
    [InlineData("In 2022, the number of crimes committed against minors decreased by 16,6 percent.", 16.6)]
    [InlineData("As of June 2022, the number of registered NGOs increased to 22 000.", 22000)]
    [InlineData("Twelve cases of torture have been considered by the courts.", 12)]
    [InlineData("Eighty-four persons have been recognized as victims.", 84)]
    [InlineData("Since September 2022, there has been a two-and-a-half-fold drop in the number of cases.", 2.5)]
    public void Values_are_read_as_printed(string text, decimal expected) => Assert.Equal(expected, Single(text).Value);

    [Fact]
    public void A_comma_before_one_or_two_digits_is_a_decimal_comma() =>
        Assert.Equal((1.3m, IndicatorUnit.Times), (Single("The number of illegal decisions was reduced by 1,3 times.")
            .Value, Single("The number of illegal decisions was reduced by 1,3 times.").Unit));

    [Fact]
    public void A_comma_in_russian_text_is_always_a_decimal_comma()
    {
        var indicator = Single("На эти цели выделено 1,500 млрд тенге.", "ru");
        Assert.Equal((1.5m, IndicatorUnit.Tenge, IndicatorScale.Billion), (indicator.Value, indicator.Unit, indicator.Scale));
    }

    [Fact]
    public void Russian_number_words_count_what_follows() =>
        Assert.Equal(
            (3m, IndicatorUnit.Documents),
            (Single("Результаты нашли отражение в трех Планах действий.", "ru").Value, Single("Результаты нашли отражение в трех Планах действий.", "ru")
                .Unit));

    [Theory]
    [InlineData("A mandatory 30% quota has been introduced.", "30%")]
    [InlineData("A mandatory 30 per cent quota has been introduced.", "30 per cent")]
    [InlineData("The amendments were supported by 77.18 percent of voters.", "77.18 percent")]
    [InlineData("In 2022, 92.9% percent of registered criminal cases were investigated in electronic form.", "92.9% percent")]
    [InlineData("введена обязательная квота в 30% для женщин", "30%")]
    public void Every_way_of_writing_a_percentage_gives_one_percent_indicator(string text, string quote)
    {
        var indicator = Single(text, text.Any(c => c is >= 'а' and <= 'я') ? "ru" : "en");
        Assert.Equal((IndicatorUnit.Percent, quote), (indicator.Unit, indicator.Quote));
    }

    // Units and kinds

    [Theory]
    [InlineData("Aid was received by 4,656 people.", IndicatorUnit.Persons, IndicatorKind.Count)]
    [InlineData("The system covers more than 13,000 enterprises.", IndicatorUnit.Organisations, IndicatorKind.Count)]
    [InlineData("Support is provided through 30 crisis centres across the country.", IndicatorUnit.Facilities, IndicatorKind.Count)]
    [InlineData("Between 2020 and the first half of 2025, 3,796 court decisions were handed down.", IndicatorUnit.Documents, IndicatorKind.Count)]
    [InlineData("The working group has held four meetings.", IndicatorUnit.Events, IndicatorKind.Count)]
    [InlineData("The report runs to 8 pages.", IndicatorUnit.Units, IndicatorKind.Count)]
    [InlineData("In 2023, 120 marriages were registered.", IndicatorUnit.Units, IndicatorKind.Count)]
    [InlineData("The project works with 12 partners.", IndicatorUnit.Units, IndicatorKind.Count)]
    [InlineData("There are 40 interrogation rooms with video recording.", IndicatorUnit.Units, IndicatorKind.Count)]
    [InlineData("The number of illegal decisions fell from 128 to 97.", IndicatorUnit.Documents, IndicatorKind.Count)]
    [InlineData("The action plan now consists of 34 measures.", IndicatorUnit.Measures, IndicatorKind.Count)]
    [InlineData("More than 100 normative legal acts have been adopted.", IndicatorUnit.Documents, IndicatorKind.Count)]
    [InlineData("During the project, 38,000 families have been interviewed.", IndicatorUnit.Families, IndicatorKind.Count)]
    [InlineData("There are 430 missionaries in the country.", IndicatorUnit.Persons, IndicatorKind.Count)]
    [InlineData("A sum of 45 billion tenge is allocated from the central budget.", IndicatorUnit.Tenge, IndicatorKind.Money)]
    [InlineData("This includes compensation of 30–50 monthly notional units.", IndicatorUnit.Mci, IndicatorKind.Money)]
    [InlineData("It is punishable by a fine equivalent to seven times the monthly calculation index.", IndicatorUnit.Mci, IndicatorKind.Money)]
    [InlineData("In 2023, Kazakhstan ranked sixty-sixth in the Sustainable Development Goals Index.", IndicatorUnit.Rank, IndicatorKind.Index)]
    [InlineData("Kazakhstan was given an index score of 71.6.", IndicatorUnit.Points, IndicatorKind.Index)]
    [InlineData("It establishes a penalty of up to 10 years’ imprisonment.", IndicatorUnit.Years, IndicatorKind.Statistic)]
    [InlineData("The organizer submits a notification within 20 working days.", IndicatorUnit.Days, IndicatorKind.Statistic)]
    [InlineData("In 2023, 514 cases were registered, which is three times less than before.", IndicatorUnit.Times, IndicatorKind.Statistic)]
    public void Units_come_from_the_counted_noun_and_kinds_from_the_unit(string text, string unit, string kind)
    {
        var indicator = Extract(text).Last();
        Assert.Equal((unit, kind), (indicator.Unit, indicator.Kind));
    }

    [Fact]
    public void A_rate_per_population_is_a_statistic_and_its_denominator_is_not_an_indicator()
    {
        var indicators = Extract("Kazakhstan ranks 99th out of 223 countries in prison population, with 157 convicts per 100,000 population.");
        Assert.Equal([99m, 223m, 157m], indicators.Select(i => i.Value));
        Assert.Equal([IndicatorUnit.Rank, IndicatorUnit.Rank, IndicatorUnit.Persons], indicators.Select(i => i.Unit));
        Assert.Equal([IndicatorRole.Part, IndicatorRole.Whole, null], indicators.Select(i => i.Role));
        Assert.Equal(IndicatorKind.Statistic, indicators[2].Kind);
    }

    // Qualifiers

    [Theory]
    [InlineData("Since 2013, more than 50 meetings have taken place.", IndicatorQualifier.MoreThan)]
    [InlineData("Over 800 women have been trained.", IndicatorQualifier.MoreThan)]
    [InlineData("This led to the renewal of about 60 per cent of the leadership.", IndicatorQualifier.About)]
    [InlineData("The Academy organized some 100 training events.", IndicatorQualifier.About)]
    [InlineData("Violations have decreased by almost 16 percent.", IndicatorQualifier.About)]
    [InlineData("At least 5,000 facilities should be adapted annually.", IndicatorQualifier.AtLeast)]
    [InlineData("Women must account for no less than 30 per cent of the candidates.", IndicatorQualifier.AtLeast)]
    [InlineData("The allowance is paid to large families with four or more minor children.", IndicatorQualifier.AtLeast)]
    [InlineData("It establishes a penalty of up to 10 years’ imprisonment.", IndicatorQualifier.UpTo)]
    [InlineData("Complaints are reviewed within five days.", IndicatorQualifier.UpTo)]
    [InlineData("Gender parity in wages (a gap ≤ 21 per cent).", IndicatorQualifier.UpTo)]
    [InlineData("They were detained briefly – for less than three hours.", IndicatorQualifier.LessThan)]
    [InlineData("Police took a total of eight people to the police station.", IndicatorQualifier.Exact)]
    public void English_qualifiers_are_read(string text, string qualifier) => Assert.Equal(qualifier, Single(text).Qualifier);

    [Theory]
    [InlineData("В 2021–2025 годах зарегистрировано более 400 мирных собраний.", IndicatorQualifier.MoreThan)]
    [InlineData("Список включал свыше 200 профессий.", IndicatorQualifier.MoreThan)]
    [InlineData("В марше участвовали около 300 человек.", IndicatorQualifier.About)]
    [InlineData("Квота составляет не менее 30%.", IndicatorQualifier.AtLeast)]
    [InlineData("Наказание в виде лишения свободы до 10 лет.", IndicatorQualifier.UpTo)]
    [InlineData("Органы обязаны рассмотреть уведомление в течение 3–5 рабочих дней.", IndicatorQualifier.UpTo)]
    [InlineData("Они были задержаны на непродолжительное время (менее 3 часов).", IndicatorQualifier.LessThan)]
    public void Russian_qualifiers_are_read(string text, string qualifier) => Assert.Equal(qualifier, Single(text, "ru").Qualifier);

    [Fact]
    public void Russian_do_after_a_word_of_change_means_to_and_makes_a_target()
    {
        var indicator = Single("Осуществляется поэтапное повышение доли женщин до 30% в руководящих органах компаний.", "ru");
        Assert.Equal((IndicatorQualifier.Exact, IndicatorKind.Target), (indicator.Qualifier, indicator.Kind));
    }

    // Ranges and changes

    [Theory]
    [InlineData("At the same time, between 70 and 80 per cent of torture cases are dropped.", 70, 80, "between 70 and 80 per cent")]
    [InlineData("Preferential lending is provided; 35–40 per cent of microcredit recipients are women.", 35, 40, "35–40 per cent")]
    [InlineData("The local authorities have established a 2 to 4 per cent job quota.", 2, 4, "2 to 4 per cent")]
    [InlineData("Participants were detained for periods of up to 15 to 20 days.", 15, 20, "up to 15 to 20 days")]
    public void Ranges_keep_their_upper_value(string text, decimal low, decimal high, string quote)
    {
        var indicator = Single(text);
        Assert.Equal((low, high, quote), (indicator.Value, indicator.ValueUpper!.Value, indicator.Quote));
    }

    [Fact]
    public void From_to_after_a_word_of_change_is_two_indicators_before_and_after()
    {
        var indicators = Extract("The registration period for all non-profit organizations has been reduced from 10 to 5 working days.");
        Assert.Equal([(10m, IndicatorRole.Before), (5m, IndicatorRole.After)], indicators.Select(i => (i.Value, i.Role!)));
        Assert.All(indicators, i => Assert.Equal(IndicatorUnit.Days, i.Unit));
    }

    [Fact]
    public void A_change_over_a_range_of_years_dates_the_old_value_by_the_first_year_and_the_new_by_the_last()
    {
        var indicators = Extract("Between 2020 and 2021, the number of illegal assemblies in the country was almost halved, from 251 to 132.");
        Assert.Equal([(251m, 2020), (132m, 2021)], indicators.Select(i => (i.Value, i.Period!.Start!.Value.Year)));
        Assert.All(indicators, i => Assert.Equal(IndicatorUnit.Events, i.Unit));
    }

    // Scale

    [Theory]
    [InlineData("The fines amounted to 2.2 billion tenge.", 2.2, IndicatorScale.Billion, IndicatorUnit.Tenge)]
    [InlineData("In 2023, the number of women in the working population was 4.4 million.", 4.4, IndicatorScale.Million, IndicatorUnit.Persons)]
    [InlineData("Over 1 million documents were submitted through the Judicial Cabinet service.", 1, IndicatorScale.Million, IndicatorUnit.Documents)]
    [InlineData("The involvement of more than a thousand citizens has been prevented.", 1, IndicatorScale.Thousand, IndicatorUnit.Persons)]
    public void Scale_words_are_kept_apart_from_the_value(string text, decimal value, string scale, string unit)
    {
        var indicator = Single(text);
        Assert.Equal((value, scale, unit), (indicator.Value, indicator.Scale!, indicator.Unit));
    }

    [Theory]
    [InlineData("Выделено 5 млн тенге.", IndicatorScale.Million)]
    [InlineData("Выделено 5 млрд тенге.", IndicatorScale.Billion)]
    [InlineData("Выделено 5 тыс. тенге.", IndicatorScale.Thousand)]
    public void Russian_scale_words_are_read(string text, string scale) => Assert.Equal(scale, Single(text, "ru").Scale);

    // Periods

    public static TheoryData<string, string, DateOnly?, DateOnly?> PeriodForms() => new()
    {
        { "In 2023, the criminal prosecution authorities registered 514 criminal cases.", "en", D(2023, 1, 1), D(2023, 12, 31) },
        { "Between 2021 and 2025, more than 400 peaceful assemblies were registered.", "en", D(2021, 1, 1), D(2025, 12, 31) },
        { "In the period from 2020 to 2023, 629,415 citizens were provided with legal assistance.", "en", D(2020, 1, 1), D(2023, 12, 31) },
        { "Over the period 2021–2022, more than 8,000 facilities underwent adaptation.", "en", D(2021, 1, 1), D(2022, 12, 31) },
        { "In the first half of 2024, 113,673 citizens were assisted.", "en", D(2024, 1, 1), D(2024, 6, 30) },
        { "Between 2020 and the first half of 2025, 3,796 court decisions were handed down.", "en", D(2020, 1, 1), D(2025, 6, 30) },
        { "From 2020 to July 2025, 342,463 crimes against women and girls were recorded.", "en", D(2020, 1, 1), D(2025, 7, 31) },
        { "Since 2016, 40 centres have been opened.", "en", D(2016, 1, 1), null },
        { "Since the beginning of 2022, alleged violations have decreased by almost 16 percent.", "en", D(2022, 1, 1), null },
        { "From July 1, 2021, 52 percent of decisions were made in favour of citizens.", "en", D(2021, 7, 1), null },
        { "As at 1 January 2024, 4,409 individuals had received special social services.", "en", D(2024, 1, 1), D(2024, 1, 1) },
        { "As at the end of 2023, 8,200 persons are employed under the quota system.", "en", D(2023, 12, 31), D(2023, 12, 31) },
        { "In October 2024, police took a total of eight people to the police station.", "en", D(2024, 10, 1), D(2024, 10, 31) },
        { "On 5 November 2023, heads of districts were elected in 45 territorial units.", "en", D(2023, 11, 5), D(2023, 11, 5) },
        { "In 7 months of 2022, 213 peaceful assemblies were organized in the country.", "en", D(2022, 1, 1), D(2022, 7, 31) },
        { "In the national budget for 2025, over 510 billion tenge have been allocated.", "en", D(2025, 1, 1), D(2025, 12, 31) },
        { "В 2023 году проведено 12 встреч.", "ru", D(2023, 1, 1), D(2023, 12, 31) },
        { "В 2021–2025 годах в г. Алматы зарегистрировано более 400 мирных собраний.", "ru", D(2021, 1, 1), D(2025, 12, 31) },
        { "С 2013 года проведены более 50 встреч.", "ru", D(2013, 1, 1), null },
        { "По итогам 2021–2025 годов зарегистрировано более 400 мирных собраний.", "ru", D(2021, 1, 1), D(2025, 12, 31) },
    };

    [Theory]
    [MemberData(nameof(PeriodForms))]
    public void Every_period_form_gives_its_calendar_dates(string text, string language, DateOnly? start, DateOnly? end)
    {
        var period = Single(text, language).Period;
        Assert.NotNull(period);
        Assert.Equal((start, end), (period.Start, period.End));
    }

    [Fact]
    public void Each_number_of_a_list_takes_the_year_printed_after_it()
    {
        var indicators = Extract(
            "The participants in the national preventive mechanisms conducted 507 preventive visits in 2021, 568 in 2022 and 461 in 2023.");
        Assert.Equal([(507m, 2021), (568m, 2022), (461m, 2023)], indicators.Select(i => (i.Value, i.Period!.Start!.Value.Year)));
        Assert.All(indicators, i => Assert.Equal((IndicatorUnit.Events, "preventive visits"), (i.Unit, i.Subject)));
    }

    [Fact]
    public void A_comparison_year_dates_the_number_in_brackets_after_it_but_not_the_comparison()
    {
        var indicators = Extract(
            "In 2023, the authorities registered 514 criminal cases against business entities, which is three times less than in 2022 (1,521).");
        Assert.Equal([(514m, 2023), (3m, 2023), (1521m, 2022)], indicators.Select(i => (i.Value, i.Period!.Start!.Value.Year)));
        Assert.Equal(IndicatorUnit.Cases, indicators[2].Unit);
    }

    [Fact]
    public void Dates_of_laws_and_plan_horizons_are_not_periods()
    {
        Assert.Null(Single("A law of 7 February 2022 established a 30 per cent quota for women.").Period);
        Assert.Null(Single("The updated framework up to 2030 provides for a 30 per cent quota for women.").Period);
        Assert.Null(Single("In 2021, the Labour Code abolished the list of jobs for women, which previously included more than 200 occupations.").Period);
    }

    [Fact]
    public void A_sentence_that_refers_back_takes_the_period_of_the_previous_sentence()
    {
        var indicators = Extract(
            "In 2023, the number of women in the working population was 4.4 million (48.1 per cent). Of that total, 3.4 million (77.7 per cent) were " +
                "employed.");
        Assert.All(indicators, i => Assert.Equal(2023, i.Period!.Start!.Value.Year));
        Assert.Equal([IndicatorUnit.Persons, IndicatorUnit.Percent, IndicatorUnit.Persons, IndicatorUnit.Percent], indicators.Select(i => i.Unit));
    }

    // Targets

    [Fact]
    public void A_value_to_be_reached_is_a_target_with_its_year()
    {
        var indicators = Extract(
            "The share of small and medium-sized enterprises has increased to 36.5 per cent; by 2030 this figure should rise to 40 per cent.");
        Assert.Equal([(IndicatorKind.Statistic, (int?)null), (IndicatorKind.Target, 2030)], indicators.Select(i => (i.Kind, i.TargetYear)));
        Assert.Equal(new DateOnly(2030, 12, 31), indicators[1].Period!.End);
        Assert.Null(indicators[1].Period!.Start);
    }

    [Theory]
    [InlineData("By 2025, it is planned to build 12 additional big rehabilitation centers.", IndicatorUnit.Facilities, 2025)]
    [InlineData("The strategic goal is to achieve 47 points by the end of 2025.", IndicatorUnit.Points, 2025)]
    [InlineData("Kazakhstan aims to reduce greenhouse gas emissions by 15 per cent of the 1990 level by 2030.", IndicatorUnit.Percent, 2030)]
    public void Targets_keep_their_target_year(string text, string unit, int year)
    {
        var indicator = Single(text);
        Assert.Equal((IndicatorKind.Target, unit, (int?)year), (indicator.Kind, indicator.Unit, indicator.TargetYear));
    }

    [Fact]
    public void A_current_value_next_to_a_plan_stays_a_statistic()
    {
        var indicators = Extract(
            "Women already comprise 33.3 per cent of the Centre’s executive bodies, with plans to increase that percentage to 26.8 per cent by 2030.");
        Assert.Equal([IndicatorKind.Statistic, IndicatorKind.Target], indicators.Select(i => i.Kind));
        Assert.Null(indicators[0].TargetYear);
    }

    // Breakdowns

    [Fact]
    public void Out_of_gives_a_part_and_a_whole_of_the_counted_noun()
    {
        var indicators = Extract("The share of female leaders is 39.3 per cent (9,212 out of 23,426).");
        Assert.Equal([(39.3m, (string?)null, IndicatorUnit.Percent), (9212m, IndicatorRole.Part, IndicatorUnit.Persons), (23426m, IndicatorRole
            .Whole, IndicatorUnit.Persons)],
            indicators.Select(i => (i.Value, i.Role, i.Unit)));
    }

    [Fact]
    public void A_count_in_brackets_after_a_share_counts_what_the_share_is_of()
    {
        var indicators = Extract(
            "Women account for 12.5 per cent of deputy ministers (11 out of 88) and 3.5 per cent of deputy administrative heads of provinces (3 out of 85).");
        Assert.Equal([12.5m, 11m, 88m, 3.5m, 3m, 85m], indicators.Select(i => i.Value));
        Assert.Equal(4, indicators.Count(i => i.Unit == IndicatorUnit.Persons));
        Assert.All(indicators, i => Assert.Contains(IndicatorPopulation.Women, indicators[0].Population));
    }

    [Fact]
    public void Of_which_makes_a_part_that_shares_the_period_of_its_whole()
    {
        var indicators = Extract(
            "In 2022, 2,228 notifications were received, of which 388 were approved; in 2023, there were 2,204 notifications, of which 242 were approved.");
        Assert.Equal(
            [(2228m, IndicatorRole.Whole, 2022), (388m, IndicatorRole.Part, 2022), (2204m, IndicatorRole.Whole, 2023), (242m, IndicatorRole.Part, 2023)],
            indicators.Select(i => (i.Value, i.Role!, i.Period!.Start!.Value.Year)));
        Assert.All(indicators, i => Assert.Equal(IndicatorUnit.Cases, i.Unit));
    }

    [Fact]
    public void N_of_the_M_is_a_breakdown()
    {
        var indicators = Extract(
            "More than 50 per cent of the recommendations were taken into account (14 of the 27 recommendations contained in the draft opinion).");
        Assert.Equal([(50m, (string?)null), (14m, IndicatorRole.Part), (27m, IndicatorRole.Whole)], indicators.Select(i => (i.Value, i.Role)));
        Assert.Equal(IndicatorUnit.Documents, indicators[1].Unit);
    }

    // Not indicators

    [Theory]
    [InlineData("On 8 December 2023, the plan was approved.")]
    [InlineData("In 2023, the country submitted its most recent periodic report.")]
    [InlineData("The court ruled under article 145 of the Criminal Code.")]
    [InlineData("The Committee regrets the lack of statistical data (arts. 2, 4, 7, 9, 14, 18 and 19).")]
    [InlineData("The plan was approved pursuant to Presidential Decree No. 853 of 1 April 2022.")]
    [InlineData("National report submitted pursuant to Human Rights Council resolutions 5/1 and 16/21.")]
    [InlineData("Recommendations 139.30–139.43")]
    [InlineData("In line with the Committee's previous recommendations (CCPR/C/KAZ/CO/2, para. 8), it acts.")]
    [InlineData("A unified government helpline – 111 – has been set up.")]
    [InlineData("Citizens can call the 1424 unified call centre.")]
    [InlineData("Ratification of ILO Convention No. 190 is included in the work plan.")]
    [InlineData("These actions are part of the implementation of Sustainable Development Goal 16.")]
    [InlineData("Goal 5 is integrated into strategic state programs.")]
    [InlineData("The Committee considered the report at its 4226th and 4227th meetings.")]
    [InlineData("Working Group on the Universal Periodic Review, 48th session")]
    [InlineData("1. Positions for independent advisers on gender equality were established in all regions.")]
    [InlineData("The COVID-19 pandemic has been a major challenge.")]
    [InlineData("Mobile teams and 24-hour call centres are available.")]
    [InlineData("A ban on forced disembarkation of children under 16 years of age has been introduced.")]
    [InlineData("Persons aged 18 to 29 years may be examined.")]
    [InlineData("The Congress has been held every three years in the country.")]
    [InlineData("The previous five years has been marked by reforms.")]
    [InlineData("September 2022 marks exactly 20 years since the founding of the institution.")]
    [InlineData("The club has been active for more than 10 years, hosting forums.")]
    [InlineData("Kazakhstan has been implementing the framework for eight years.")]
    [InlineData("Information is requested in paragraphs 12 (anti-discrimination legal framework), 34 (prohibition of torture) and 52 (freedom of peaceful " +
        "assembly) above.")]
    [InlineData("Anonymous channels and applications (e-Otinish, Qamqor and 102) are available.")]
    [InlineData("Economic violence is covered by several articles of the Criminal Code (126, 131, 145, 389 and 110).")]
    [InlineData("The “2-10-20” and “5-10-20” preferential mortgage schemes are also available.")]
    [InlineData("He joined the Human Rights 75 global initiative.")]
    [InlineData("Они задержаны в соответствии со статьей 789 КоАП РК.")]
    [InlineData("План утвержден Указом Президента РК от 8 декабря 2023 года № 409.")]
    [InlineData("Эти действия стали частью реализации ЦУР ООН №16.")]
    [InlineData("Проверка на соответствие Конституции пп. 2) и 3) части первой п. 1 статьи 11 Закона.")]
    public void References_dates_names_and_numbering_are_not_indicators(string text) =>
        Assert.Empty(Extract(text, text.Any(c => c is >= 'а' and <= 'я') ? "ru" : "en"));

    [Theory]
    [InlineData("The offender has been sentenced to imprisonment for 10 years.")]
    [InlineData("Workers receive the right to reside in Kazakhstan for 10 years.")]
    public void A_duration_set_by_a_sentence_or_a_rule_is_an_indicator_though_a_span_of_existence_is_not(string text) =>
        Assert.Equal((10m, IndicatorUnit.Years), (Single(text).Value, Single(text).Unit));

    // Traceability

    [Fact]
    public void Ids_follow_the_order_of_the_text_and_quotes_are_the_text_at_the_offsets()
    {
        const string text
            = "Across the country, 50 crisis centres offer special social services: 17 in the public sector and 33 under contract to the Government.";
        var indicators = Extract(text);
        Assert.Equal(["doc/1/i1", "doc/1/i2", "doc/1/i3"], indicators.Select(i => i.Id));
        Assert.All(indicators, i => Assert.Equal(i.Quote, text.Substring(i.Start, i.Length)));
        Assert.Equal("50 crisis centres", indicators[0].Quote);
        Assert.All(indicators, i => Assert.False(string.IsNullOrEmpty(i.Rule)));
        Assert.Equal(
            ["crisis centres", "crisis centres in the public sector", "crisis centres under contract to the Government"],
            indicators.Select(i => i.Subject));
    }

    // Rules added on 2026-12-02 from the error classes of the 2026-12-01 development set (sentences written for the tests).

    [Fact]
    public void Since_then_opens_the_period_at_the_date_the_previous_sentence_begins_with()
    {
        var indicator = Single("In 2015, the Government set up an expert council. Since then, more than 40 draft laws have been reviewed by it.");
        Assert.Equal((D(2015, 1, 1), (DateOnly?)null), (indicator.Period!.Start, indicator.Period.End));
    }

    [Fact]
    public void A_bracketed_old_value_after_a_word_of_change_is_the_before_value_and_takes_no_period()
    {
        var found = Extract("On 1 March 2024, the minimum number of founders of a party became 5,000 citizens (reduced from 20,000).");
        Assert.Equal(
            [(5000m, IndicatorRole.After, (DateOnly?)D(2024, 3, 1)), (20000m, IndicatorRole.Before, null)],
            found.Select(i => (i.Value, i.Role, i.Period?.Start)));
    }

    [Fact]
    public void A_comparison_in_brackets_is_not_a_change()
    {
        var found = Extract("The service was rated good by 71.5 per cent of users in 2024 (compared with 69.2 per cent in 2023).");
        Assert.All(found, i => Assert.Null(i.Role));
    }

    [Fact]
    public void A_year_in_an_aside_dating_an_amendment_is_not_the_period_of_the_sentence() =>
        Assert.Null(Single("Under amendments, adopted in 2021, to the Labour Code, employers must reserve at least 3 per cent of jobs.").Period);

    [Theory]
    [InlineData("Under the new programme, beginning in 2026, the number of grants has risen to 120 grants.")]
    [InlineData("Starting in 2026, the programme finances 120 grants.")]
    public void Beginning_in_a_year_opens_the_period_at_that_year(string text)
    {
        var indicator = Extract(text)[^1];
        Assert.Equal((D(2026, 1, 1), (DateOnly?)null), (indicator.Period!.Start, indicator.Period.End));
    }

    [Fact]
    public void A_period_opening_a_sentence_covers_its_clauses_after_semicolons()
    {
        var found = Extract("In 2023, 1,200 teachers were trained; manuals were printed; and new courses were opened in 35 colleges.");
        Assert.All(found, i => Assert.Equal(D(2023, 1, 1), i.Period!.Start));
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public void A_clause_after_a_semicolon_with_its_own_period_keeps_it()
    {
        var found = Extract("In 2023, 1,200 teachers were trained; in 2024, 35 colleges were opened.");
        Assert.Equal([D(2023, 1, 1), D(2024, 1, 1)], found.Select(i => i.Period!.Start!.Value));
    }

    [Theory]
    [InlineData("Police custody is limited to 48 hours.", 48)]
    [InlineData("The fee is capped at 10 per cent of the claim.", 10)]
    public void Limited_to_and_capped_at_are_upper_limits(string text, decimal value)
    {
        var indicator = Single(text);
        Assert.Equal((value, IndicatorQualifier.UpTo), (indicator.Value, indicator.Qualifier));
    }

    [Fact]
    public void What_will_become_possible_is_not_a_target() =>
        Assert.Equal(
            IndicatorKind.Statistic,
            Single("Voters will be able to initiate a recall by collecting the signatures of at least 5 per cent of the electorate.").Kind);

    [Theory]
    [InlineData("In 2023, inspectors visited the detention centres 140 times.", IndicatorUnit.Events, IndicatorKind.Count)]
    [InlineData("Monitoring groups went to psychiatric hospitals 35 times in 2022.", IndicatorUnit.Events, IndicatorKind.Count)]
    [InlineData("Fines were increased 3 times in 2022.", IndicatorUnit.Times, IndicatorKind.Statistic)]
    [InlineData("The allowance is set at four times the subsistence minimum.", IndicatorUnit.Times, IndicatorKind.Statistic)]
    [InlineData("Complaints were 2 times more frequent in rural areas.", IndicatorUnit.Times, IndicatorKind.Statistic)]
    public void N_times_counts_occurrences_unless_it_compares_or_follows_a_word_of_change(string text, string unit, string kind)
    {
        var indicator = Single(text);
        Assert.Equal((unit, kind), (indicator.Unit, indicator.Kind));
    }

    [Theory]
    [InlineData("There are 12 specialised and military courts in the country.", "12 specialised and military courts", IndicatorUnit.Facilities)]
    [InlineData("Over 900 small and medium-sized enterprises received grants.", "Over 900 small and medium-sized enterprises", IndicatorUnit.Organisations)]
    public void Modifiers_joined_by_and_before_the_counted_noun_belong_to_its_phrase(string text, string quote, string unit)
    {
        var indicator = Single(text);
        Assert.Equal((quote, unit), (indicator.Quote, indicator.Unit));
    }

    [Fact]
    public void Two_counted_nouns_joined_by_and_are_still_read_as_the_first()
    {
        var indicator = Extract("The commission heard 45 judges and prosecutors in 2023.")[0];
        Assert.Equal(IndicatorUnit.Persons, indicator.Unit);
    }

    [Fact]
    public void Bracketed_counts_of_a_sentence_about_they_count_what_the_previous_sentence_counted()
    {
        var found = Extract("The Bar has 5,600 members, including 2,100 women advocates. They practise in criminal defence (2,300) and in mediation (1,900).");
        Assert.Equal([IndicatorUnit.Persons, IndicatorUnit.Persons], found.Skip(2).Select(i => i.Unit));
    }

    // Subjects (2026-12-02)

    [Fact]
    public void A_bare_bracketed_count_is_about_the_category_written_before_the_bracket()
    {
        var found = Extract("The region has 8,000 teachers. They teach in primary schools (4,100) and in secondary schools (3,900).");
        Assert.Equal(["primary schools", "secondary schools"], found.Skip(1).Select(i => i.Subject));
    }

    [Fact]
    public void A_percentage_by_which_something_is_changed_is_about_that_thing() =>
        Assert.Equal("road deaths", Single("The programme aims to reduce road deaths by 20 per cent.").Subject);

    [Fact]
    public void A_share_whose_predicate_names_the_part_is_about_that_part() =>
        Assert.Equal("State shelters", Extract("There are 120 shelters, of which 96 or 80 per cent are State shelters.")[^1].Subject);

    [Fact]
    public void A_percentage_the_clause_subject_amounted_to_is_about_that_subject_and_so_is_the_one_coordinated_with_it()
    {
        var found = Extract(
            "The coverage of vaccination in the region is among the best and amounted to 92.5 percent for adults and 88.0 percent for children.");
        Assert.Equal(["coverage of vaccination in the region", "coverage of vaccination in the region"], found.Select(i => i.Subject));
    }

    [Fact]
    public void An_amount_of_money_is_about_the_things_amounting_to_it() =>
        Assert.Equal("administrative fines", Extract("The courts imposed 4,300 administrative fines amounting to 1.1 billion tenge.")[^1].Subject);

    [Fact]
    public void This_figure_is_the_measure_of_the_number_before_it()
    {
        var found = Extract("The share of women in the police has risen to 12 per cent; by 2030 this figure should reach 20 per cent.");
        Assert.Equal(found[0].Subject, found[1].Subject);
        Assert.Contains("women in the police", found[1].Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bracketed_share_of_a_whole_after_a_count_of_a_group_names_the_group_among_the_whole() =>
        Assert.Equal("women judges among judges", Extract("There are 2,300 women judges (41 per cent of all judges).")[^1].Subject);

    [Fact]
    public void The_clause_subject_is_read_without_an_apposition()
    {
        var found = Extract("The quorum for meetings of local councils, the main governing body, has been lowered from 50 percent to 30 percent.");
        Assert.All(found, i => Assert.Equal("quorum for meetings of local councils", i.Subject));
    }

    [Fact]
    public void A_percentage_of_all_of_something_is_about_that_thing() =>
        Assert.Contains("research grants", Single("In 2024, 35 percent of all research grants went to women.").Subject, StringComparison.Ordinal);
}
