using KzRights.Parsing.Corpus;

namespace KzRights.Parsing.Tests;

public sealed class SyntheticCorpusTests
{
    [Fact]
    public void A_synthetic_corpus_parses_with_copies_under_new_slugs_and_symbols_that_keep_each_layout()
    {
        var source = CorpusParser.LocateCorpusDirectory();
        var output = Directory.CreateTempSubdirectory("kzrights-synth-").FullName;
        try
        {
            var original = CorpusParser.ParseDirectory(source);
            var perRound = original.Documents.Sum(d => d.Paragraphs.Count);
            var summary = SyntheticCorpus.Write(source, output, perRound + 1);

            Assert.Equal(2, summary.Copies);
            var synthetic = CorpusParser.ParseDirectory(output);
            Assert.Equal(summary.Paragraphs, synthetic.Documents.Sum(d => d.Paragraphs.Count));
            Assert.True(summary.Paragraphs > perRound);
            Assert.Empty(CorpusManifest.FindMismatches(output));
            foreach (var copy in synthetic.Documents)
            {
                var of = original.Documents.Single(d => copy.Id.StartsWith(d.Id + "-s", StringComparison.Ordinal));
                Assert.Equal(of.Metadata.Layout, copy.Metadata.Layout);
                Assert.Equal(of.Paragraphs.Count, copy.Paragraphs.Count);
                Assert.True(of.Metadata.Symbol is null || copy.Metadata.Symbol != of.Metadata.Symbol);
            }

            Assert.Equal(synthetic.Documents.Count, synthetic.Documents.Select(d => d.Metadata.Symbol ?? d.Id).Distinct().Count());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Each_copy_states_and_answers_recommendations_of_its_own_so_none_gathers_the_responses_of_every_copy()
    {
        var source = CorpusParser.LocateCorpusDirectory();
        var output = Directory.CreateTempSubdirectory("kzrights-synth-").FullName;
        try
        {
            var original = CorpusParser.ParseDirectory(source);
            var summary = SyntheticCorpus.Write(source, output, original.Documents.Sum(d => d.Paragraphs.Count) * 3);

            Assert.Equal(3, summary.Copies);
            var synthetic = CorpusParser.ParseDirectory(output);
            Assert.Equal(original.Recommendations.Count * 3, synthetic.Recommendations.Count);
            Assert.Equal(original.ResponseLinks.Count * 3, synthetic.ResponseLinks.Count);
            Assert.Equal(
                original.ResponseLinks.CountBy(l => l.RecommendationId).Max(c => c.Value),
                synthetic.ResponseLinks.CountBy(l => l.RecommendationId).Max(c => c.Value));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [InlineData("CCPR/C/KAZ/CO/3", 5, "CCPR/C/KAZ.S5/CO/50003")]
    [InlineData("CEDAW/C/KAZ/RQ/6", 963, "CEDAW/C/KAZ.S963/RQ/9630006")]
    [InlineData("A/HRC/WG.6/48/KAZ/1", 2, "A/HRC/WG.6/48/KAZ.S2/1")]
    [InlineData("AL KAZ 4/2025", 3, "AL KAZ 3004/2025")]
    public void A_copy_symbol_moves_the_reporting_cycle_and_the_country_segment(string symbol, int copy, string expected) =>
        Assert.Equal(expected, SyntheticCorpus.CopySymbol(symbol, copy));

    [Fact]
    public void A_copy_of_a_upr_national_report_reports_in_a_cycle_of_its_own() =>
        Assert.Equal(
            "National report: Kazakhstan (20004th UPR cycle)",
            SyntheticCorpus.CopyTitle("National report: Kazakhstan (4th UPR cycle)", 2));
}
