using KzRights.Parsing.Corpus;
using KzRights.Parsing.Indicators;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Indicators;

/// <summary>Every indicator is traceable: its quote is exactly the text at its offsets.</summary>
public sealed class IndicatorQuoteTests
{
    private readonly IndicatorExtractor _extractor = new();

    [Fact]
    public void Every_quote_is_the_substring_at_its_offsets_in_the_evaluation_paragraphs()
    {
        foreach (var paragraph in EvaluationSet.Paragraphs.Concat(EvaluationSet.Holdout))
        {
            AssertQuotesHold(paragraph.AsInput());
        }
    }

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var document in CorpusManifest.Load(CorpusParser.LocateCorpusDirectory()).Documents)
        {
            data.Add(document.Slug);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_quote_is_the_substring_at_its_offsets_on_every_line_of_the_corpus(string slug)
    {
        var lines = CorpusLines.Of(slug);
        Assert.NotEmpty(lines);
        var indicators = 0;
        foreach (var line in lines)
        {
            indicators += AssertQuotesHold(line);
        }

        Assert.True(indicators > 0, $"no indicator found in {slug}");
    }

    private int AssertQuotesHold(ParagraphText paragraph)
    {
        var indicators = _extractor.Extract(paragraph);
        foreach (var indicator in indicators)
        {
            Assert.True(indicator.Start >= 0 && indicator.Length > 0 && indicator.Start + indicator.Length <= paragraph.Text.Length,
                $"{indicator.Id}: offsets {indicator.Start}+{indicator.Length} outside the text");
            Assert.Equal(indicator.Quote, paragraph.Text.Substring(indicator.Start, indicator.Length));
            Assert.Contains(indicator.Unit, IndicatorUnit.All);
            Assert.Contains(indicator.Kind, IndicatorKind.All);
            Assert.Contains(indicator.Qualifier, IndicatorQualifier.All);
            Assert.True(indicator.Scale is null || IndicatorScale.All.Contains(indicator.Scale));
        }

        Assert.Equal(indicators.Select((_, i) => $"{paragraph.ParagraphId}/i{i + 1}"), indicators.Select(i => i.Id));
        Assert.Equal(indicators.OrderBy(i => i.Start).Select(i => i.Id), indicators.Select(i => i.Id));
        return indicators.Count;
    }
}

/// <summary>Each non-blank line of a corpus file, cleaned like a paragraph's text, as extractor input.</summary>
internal static class CorpusLines
{
    public static IReadOnlyList<ParagraphText> Of(string slug)
    {
        var directory = CorpusParser.LocateCorpusDirectory();
        var document = CorpusManifest.Load(directory).Documents.Single(d => d.Slug == slug);
        var lines = File.ReadAllLines(Path.Combine(directory, document.SourceFile));
        var result = new List<ParagraphText>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var text = TextCleaner.ExtractFootnoteMarkers(TextCleaner.Clean(lines[i])).Text;
            if (text.Length == 0)
            {
                continue;
            }

            var language = text.Any(c => c is >= 'А' and <= 'я') ? "ru" : "en";
            result.Add(new ParagraphText(slug, $"{slug}/line-{i + 1}", language, text));
        }

        return result;
    }
}
