using System.Text.Json;

namespace KzRights.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class IndicatorEndpointTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Every_indicator_quote_is_at_its_offsets_in_the_served_paragraph_text(string provider)
    {
        var client = api.Client(provider);
        var indicators = await client.GetAllPagesAsync("/v1/indicators?document=ccpr-c-kaz-co-3", 200);
        Assert.NotEmpty(indicators);
        var paragraphs = (await client.GetAllPagesAsync("/v1/paragraphs?document=ccpr-c-kaz-co-3", 500))
            .SelectMany(p => p.GetProperty("subItems").EnumerateArray()
                .Select(s => (Id: s.GetProperty("id").GetString()!, Text: s.GetProperty("text").GetString()!))
                .Prepend((Id: p.GetProperty("id").GetString()!, Text: p.GetProperty("text").GetString()!)))
            .ToDictionary(x => x.Id, x => x.Text);
        foreach (var i in indicators)
        {
            var source = i.GetProperty("subItemId").GetString() ?? i.GetProperty("paragraphId").GetString()!;
            var text = paragraphs[source];
            Assert.Equal(i.GetProperty("quote").GetString(), text.Substring(i.GetProperty("start").GetInt32(), i.GetProperty("length").GetInt32()));
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Indicator_filters_combine_and_each_result_satisfies_them(string provider)
    {
        var client = api.Client(provider);
        var all = (await client.GetJsonAsync("/v1/indicators?limit=1")).GetProperty("total").GetInt32();
        var percent = await client.GetAllPagesAsync("/v1/indicators?unit=percent&population=women", 500);
        Assert.True(percent.Count is > 0 && percent.Count < all);
        Assert.All(percent, i =>
        {
            Assert.Equal("percent", i.GetProperty("unit").GetString());
            Assert.Contains("women", i.GetProperty("population").EnumerateArray().Select(p => p.GetString()));
        });

        var inPeriod = await client.GetAllPagesAsync("/v1/indicators?from=2022&to=2023&kind=count", 500);
        Assert.NotEmpty(inPeriod);
        Assert.All(inPeriod, i =>
        {
            Assert.Equal("count", i.GetProperty("kind").GetString());
            var period = i.GetProperty("period");
            var start = period.GetProperty("start").GetString() ?? period.GetProperty("end").GetString()!;
            var end = period.GetProperty("end").GetString() ?? start;
            Assert.True(string.CompareOrdinal(end, "2022-01-01") >= 0 && string.CompareOrdinal(start, "2023-12-31") <= 0, $"{start}..{end}");
        });

        var quotas = await client.GetAllPagesAsync("/v1/indicators?q=quota", 500);
        Assert.All(quotas, i => Assert.Contains(
            "quota",
            (i.GetProperty("subject").GetString() + " " + i.GetProperty("quote").GetString()).ToLowerInvariant(),
            StringComparison.Ordinal));

        var themed = await client.GetAllPagesAsync("/v1/indicators?theme=theme/womens-rights", 500);
        Assert.All(themed, i => Assert.Contains(i.GetProperty("themes").EnumerateArray(), t => t.GetProperty("themeId").GetString() == "theme/womens-rights"));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task An_indicator_leads_to_its_fact_and_the_facts_other_attestations(string provider)
    {
        var client = api.Client(provider);
        var facts = await client.GetAllPagesAsync("/v1/facts", 100);
        Assert.NotEmpty(facts);
        var fact = facts.First(f => f.GetProperty("attestations").GetArrayLength() >= 2);
        var attestation = fact.GetProperty("attestations")[0];
        var indicator = await client.GetJsonAsync("/v1/indicators/" + attestation.GetProperty("id").GetString());
        Assert.Equal(fact.GetProperty("id").GetString(), indicator.GetProperty("factId").GetString());
        var again = await client.GetJsonAsync("/v1/facts/" + fact.GetProperty("id").GetString());
        Assert.Equal(fact.GetRawText(), again.GetRawText());

        var conflicting = await client.GetAllPagesAsync("/v1/facts?conflicting=true", 100);
        Assert.NotEmpty(conflicting);
        Assert.All(conflicting, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("conflictReason").GetString())));
        var agreeing = await client.GetAllPagesAsync("/v1/facts?conflicting=false", 100);
        Assert.Equal(facts.Count, conflicting.Count + agreeing.Count);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Series_points_are_ordered_by_period_and_name_their_indicators(string provider)
    {
        var client = api.Client(provider);
        var series = await client.GetAllPagesAsync("/v1/series", 100);
        Assert.NotEmpty(series);
        foreach (var s in series)
        {
            var points = s.GetProperty("points").EnumerateArray().ToList();
            Assert.True(points.Count >= 2);
            var starts = points.Select(p => p.GetProperty("period").GetProperty("start").GetString() ?? p.GetProperty("period").GetProperty("end").GetString())
                .ToList();
            Assert.Equal(starts.OrderBy(x => x, StringComparer.Ordinal), starts);
        }

        var one = await client.GetJsonAsync("/v1/series/" + series[0].GetProperty("key").GetString());
        var indicator = await client.GetJsonAsync("/v1/indicators/" + one.GetProperty("points")[0].GetProperty("indicatorId").GetString());
        Assert.Equal(one.GetProperty("key").GetString(), indicator.GetProperty("seriesKey").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Paragraphs_and_recommendations_embed_their_indicators_and_quotas_include_unnumbered_ones(string provider)
    {
        var client = api.Client(provider);
        var withNumbers = (await client.GetAllPagesAsync("/v1/paragraphs?document=a-hrc-wg-6-48-kaz-1", 500))
            .First(p => p.GetProperty("indicators").GetArrayLength() > 0);
        var embedded = withNumbers.GetProperty("indicators")[0];
        var full = await client.GetJsonAsync("/v1/indicators/" + embedded.GetProperty("id").GetString());
        Assert.Equal(withNumbers.GetProperty("id").GetString(), full.GetProperty("paragraphId").GetString());

        var recommendations = await client.GetAllPagesAsync("/v1/recommendations?mechanism=upr", 500);
        Assert.Contains(recommendations, r => r.GetProperty("indicators").GetArrayLength() > 0);

        var quotas = await client.GetAllPagesAsync("/v1/quotas", 100);
        Assert.Contains(quotas, q => q.GetProperty("percent").ValueKind == JsonValueKind.Null);
        Assert.Contains(quotas, q => q.GetProperty("percent").ValueKind == JsonValueKind.Number && q.GetProperty("percent").GetDecimal() == 30m);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_russian_figure_links_to_its_english_counterpart(string provider)
    {
        var client = api.Client(provider);
        var russian = (await client.GetAllPagesAsync("/v1/indicators?document=al-kaz-4-2025-reply", 500))
            .First(i => i.GetProperty("language").GetString() == "ru" && i.GetProperty("translationId").ValueKind == JsonValueKind.String);
        var english = await client.GetJsonAsync("/v1/indicators/" + russian.GetProperty("translationId").GetString());
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Equal(russian.GetProperty("value").GetDecimal(), english.GetProperty("value").GetDecimal());
        Assert.Equal(russian.GetProperty("id").GetString(), english.GetProperty("translationId").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Bad_indicator_queries_answer_400_naming_the_parameter(string provider)
    {
        var client = api.Client(provider);
        foreach (var (url, parameter) in new[]
        {
            ("/v1/indicators?kind=guess", "kind"), ("/v1/indicators?unit=furlongs", "unit"), ("/v1/indicators?population=aliens", "population"),
            ("/v1/indicators?from=20x3", "from"), ("/v1/indicators?from=2024&to=2020", "from"), ("/v1/indicators?theme=theme/none", "theme"),
            ("/v1/indicators?document=nope", "document"), ("/v1/facts?conflicting=maybe", "conflicting"), ("/v1/series?limit=0", "limit"),
            ("/v1/quotas?doc=x", "doc"),
        })
        {
            var problem = await client.GetJsonAsync(url, 400);
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), url);
        }

        await client.GetJsonAsync("/v1/indicators/ccpr-c-kaz-co-3/20/i999", 404);
        await client.GetJsonAsync("/v1/facts/fact/none", 404);
        await client.GetJsonAsync("/v1/series/none", 404);
    }
}
