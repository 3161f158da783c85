using KzRights.Parsing.Indicators;

namespace KzRights.Parsing.Tests.Indicators;

public sealed class SeriesBuilderTests
{
    private static IReadOnlyList<Series> Build(string text)
    {
        var indicators = new IndicatorExtractor().Extract(new ParagraphText("doc", "doc/132", "en", text));
        return new SeriesBuilder().Build(indicators);
    }

    [Fact]
    public void One_measure_for_several_years_is_a_series_in_calendar_order()
    {
        var series = Assert.Single(Build("The participants in the national preventive mechanisms conducted 507 preventive visits in 2021, 568 in 2022 and " +
            "461 in 2023. As a result of the preventive visits, more than 10,000 recommendations were drafted and transmitted."));
        Assert.Equal(
            ("doc/132/preventive-visit", "preventive visits", IndicatorUnit.Events, IndicatorKind.Count),
            (series.Key, series.Subject, series.Unit, series.Kind));
        Assert.Equal([(2021, 507m, "doc/132/i1"), (2022, 568m, "doc/132/i2"), (2023, 461m, "doc/132/i3")],
            series.Points.Select(p => (p.Period.Start!.Value.Year, p.Value, p.IndicatorId)));
    }

    [Fact]
    public void A_parenthesised_list_after_the_number_of_something_is_a_series()
    {
        var series = Assert.Single(Build("The previous five years has been marked by a decrease of 10 per cent each year, on average, in the number of " +
            "torture cases recorded (790 in 2019, 689 in 2020, 632 in 2021, 815 in 2022 and 426 in 2023), with the exception of 2022 owing to the January " +
                "events."));
        Assert.Equal(IndicatorUnit.Cases, series.Unit);
        Assert.Equal([790m, 689m, 632m, 815m, 426m], series.Points.Select(p => p.Value));
    }

    [Fact]
    public void Points_printed_out_of_order_are_sorted_by_period()
    {
        var series = Assert.Single(Build("According to the results of a survey conducted, State policy on religion was supported by 88.8 per cent of " +
            "respondents in 2023 (compared with 90.2 per cent in 2020, 88.0 per cent in 2021 and 88.2 per cent in 2022)."));
        Assert.Equal([(2020, 90.2m), (2021, 88.0m), (2022, 88.2m), (2023, 88.8m)], series.Points.Select(p => (p.Period.Start!.Value.Year, p.Value)));
    }

    [Fact]
    public void A_half_year_closes_the_series()
    {
        var series = Assert.Single(Build("A total of 991 marriages for which the minimum age was lowered were registered in 2020, compared with 919 in 2021, " +
            "938 in 2022, 770 in 2023 and 347 in the first half of 2024."));
        Assert.Equal("first half of 2024", series.Points[^1].Period.Label);
        Assert.Equal(5, series.Points.Count);
    }

    [Fact]
    public void Different_measures_or_a_single_period_are_not_series()
    {
        Assert.Empty(Build("In 2023, 514 criminal cases were registered. In 2023, 2,204 notifications were received."));
        Assert.Empty(Build("Since 2023, 14 provincial boarding schools have been operating in 13 regions."));
    }
}
