using System.Text.RegularExpressions;
using KzRights.Parsing.Analysis;

namespace KzRights.Parsing.Tests.Analysis;

/// <summary>The analysis stage on the real parsed corpus (the evaluation sets measure accuracy; these check integrity).</summary>
[Collection(CorpusCollection.Name)]
public sealed partial class CorpusAnalysisTests(CorpusFixture fixture)
{
    private CorpusAnalysis Analysis => _analysis ??= CorpusAnalyzer.Analyze(fixture.Corpus);

    private CorpusAnalysis? _analysis;

    [Fact]
    public void Every_indicator_quote_occurs_at_its_offsets_in_its_paragraph_or_sub_item()
    {
        var texts = fixture.Corpus.Documents.SelectMany(d => d.Paragraphs)
            .SelectMany(p => p.SubItems.Select(s => (s.Id, s.Text)).Prepend((p.Id, p.Text)))
            .ToDictionary(x => x.Id, x => x.Text, StringComparer.Ordinal);
        Assert.True(Analysis.Indicators.Count > 500, $"only {Analysis.Indicators.Count} indicators");
        foreach (var located in Analysis.Indicators)
        {
            var i = located.Indicator;
            var text = texts[i.ParagraphId];
            Assert.True(i.Start >= 0 && i.Start + i.Length <= text.Length, i.Id);
            Assert.Equal(i.Quote, text.Substring(i.Start, i.Length));
            Assert.Equal(located.SubItemId ?? located.OwnerParagraphId, i.ParagraphId);
        }
    }

    [Fact]
    public void Indicator_quota_series_and_fact_ids_are_unique_url_safe_and_refer_to_real_indicators()
    {
        var indicatorIds = Analysis.Indicators.Select(i => i.Indicator.Id).ToList();
        Assert.Equal(indicatorIds.Count, indicatorIds.Distinct(StringComparer.Ordinal).Count());
        var known = indicatorIds.ToHashSet(StringComparer.Ordinal);
        var ids = indicatorIds
            .Concat(Analysis.Quotas.Select(q => q.Id))
            .Concat(Analysis.Series.Select(s => s.Key))
            .Concat(Analysis.Facts.Select(f => f.Id))
            .ToList();
        Assert.All(ids, id => Assert.Matches(UrlSafeId(), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Analysis.Quotas.Where(q => q.IndicatorId is not null), q => Assert.Contains(q.IndicatorId!, known));
        Assert.All(Analysis.Series.SelectMany(s => s.Points), p => Assert.Contains(p.IndicatorId, known));
        Assert.All(Analysis.Facts.SelectMany(f => f.Attestations), a => Assert.Contains(a.IndicatorId, known));
        Assert.All(
            Analysis.Series,
            s => Assert.Equal(s.Points.OrderBy(p => p.Period.Start ?? p.Period.End).Select(p => p.IndicatorId), s.Points.Select(p => p.IndicatorId)));
    }

    [Fact]
    public void The_thirty_per_cent_quota_is_one_fact_attested_by_several_documents()
    {
        var quotaFacts = Analysis.Facts.Where(f => f.Kind == "quota" && f.Attestations.Any(a => a.Value == 30m)).ToList();
        Assert.NotEmpty(quotaFacts);
        Assert.Contains(quotaFacts, f => f.Attestations.Select(a => a.DocumentId).Distinct().Count() >= 2);
        Assert.Contains(Analysis.Facts, f => f.Conflict && !string.IsNullOrEmpty(f.ConflictReason));
    }

    [Fact]
    public void Russian_figures_of_the_communication_reply_are_paired_with_their_english_counterparts()
    {
        Assert.NotEmpty(Analysis.IndicatorTranslations);
        var byId = Analysis.Indicators.ToDictionary(i => i.Indicator.Id, i => i.Indicator, StringComparer.Ordinal);
        Assert.All(Analysis.IndicatorTranslations, t =>
        {
            Assert.Equal("ru", byId[t.RussianId].Language);
            Assert.Equal("en", byId[t.EnglishId].Language);
            Assert.Equal(byId[t.RussianId].Value, byId[t.EnglishId].Value);
        });
        Assert.Contains(Analysis.IndicatorTranslations, t => byId[t.RussianId].Value == 400m && byId[t.RussianId].Qualifier == "more-than");
    }

    [Fact]
    public void Quota_statements_without_a_number_are_kept()
    {
        Assert.Contains(Analysis.Quotas, q => q.Percent is null);
        Assert.Contains(Analysis.Quotas, q => q.Percent == 30m);
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9\-.()/]*$")]
    private static partial Regex UrlSafeId();
}
