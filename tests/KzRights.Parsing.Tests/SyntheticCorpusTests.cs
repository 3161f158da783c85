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
}
