using System.Text.RegularExpressions;
using KzRights.Parsing.Corpus;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests.Golden;

/// <summary>Invariants every layout must keep, checked on the real corpus.</summary>
[Collection(CorpusCollection.Name)]
public sealed partial class WholeCorpusTests(CorpusFixture fixture)
{
    [Fact]
    public void Every_manifest_document_is_parsed_in_manifest_order()
    {
        var manifest = CorpusManifest.Load(fixture.Directory);
        Assert.Equal(manifest.Documents.Select(d => d.Slug), fixture.Corpus.Documents.Select(d => d.Id));
    }

    [Theory]
    [MemberData(nameof(CorpusFixture.Slugs), MemberType = typeof(CorpusFixture))]
    public void Every_source_line_is_accounted_for_exactly_once(string slug)
    {
        var doc = fixture.Document(slug);
        {
            var lineCount = new SourceDocument(doc.Metadata, fixture.SourceText(slug)).LineCount;
            Assert.Equal(Enumerable.Range(1, lineCount), doc.Lines.Select(l => l.Line));
            Assert.All(doc.Lines.Where(l => l.Fate == LineFate.Dropped), l => Assert.False(string.IsNullOrWhiteSpace(l.Reason)));
            Assert.All(doc.Lines.Where(l => l.Fate != LineFate.Dropped), l => Assert.False(string.IsNullOrWhiteSpace(l.RecordId)));
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFixture.Slugs), MemberType = typeof(CorpusFixture))]
    public void No_text_of_the_source_is_lost(string slug)
    {
        // Every kept or joined line's letters and digits (artefacts removed) must appear, in order, inside the
        // rendering of the record it was attributed to.
        var doc = fixture.Document(slug);
        {
            var rendered = RecordRenderings(doc);
            var source = new SourceDocument(doc.Metadata, fixture.SourceText(slug));
            foreach (var account in doc.Lines.Where(l => l.Fate != LineFate.Dropped))
            {
                var expected = TextCleaner.LettersAndDigits(TextCleaner.FoldCyrillicLookalikes(TextCleaner.StripBookmarks(source.Line(account.Line))));
                Assert.True(
                    rendered.TryGetValue(account.RecordId!, out var text),
                    $"{doc.Metadata.SourceFile}:{account.Line} attributed to unknown record {account.RecordId}");
                Assert.True(
                    text.Contains(expected, StringComparison.Ordinal),
                    $"{doc.Metadata.SourceFile}:{account.Line} text not found in {account.RecordId}: {source.Line(account.Line)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFixture.Slugs), MemberType = typeof(CorpusFixture))]
    public void Dropped_blank_lines_hold_no_text(string slug)
    {
        var doc = fixture.Document(slug);
        {
            var source = new SourceDocument(doc.Metadata, fixture.SourceText(slug));
            foreach (var account in doc.Lines.Where(l => l.Fate == LineFate.Dropped && l.Reason == DropReasons.Blank))
            {
                Assert.True(string.IsNullOrWhiteSpace(source.Line(account.Line)), $"{doc.Metadata.SourceFile}:{account.Line} dropped as blank but has text");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFixture.Slugs), MemberType = typeof(CorpusFixture))]
    public void Parsing_the_same_file_twice_gives_byte_identical_output(string slug)
    {
        var doc = fixture.Document(slug);
        var again = CorpusParser.ParseFile(fixture.Directory, doc.Metadata);
        Assert.Equal(CorpusJson.Serialize(doc), CorpusJson.Serialize(again));
    }

    [Theory]
    [MemberData(nameof(CorpusFixture.Slugs), MemberType = typeof(CorpusFixture))]
    public void Every_id_is_unique_and_safe_in_a_url_path(string slug)
    {
        var doc = fixture.Document(slug);
        var ids = AllIds(doc).Concat(doc.Recommendations.Select(r => r.Id).Distinct()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(UrlSafeId(), id));
        Assert.All(doc.Paragraphs.Select(p => p.Id).Concat(doc.Sections.Select(s => s.Id)), id => Assert.StartsWith(slug + "/", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Parsing_the_whole_corpus_twice_gives_byte_identical_output()
    {
        var again = CorpusParser.ParseDirectory(fixture.Directory);
        Assert.Equal(CorpusJson.Serialize(fixture.Corpus), CorpusJson.Serialize(again));
    }

    [Theory]
    [MemberData(nameof(CorpusFixture.Slugs), MemberType = typeof(CorpusFixture))]
    public void Paragraph_text_has_no_conversion_artefacts(string slug)
    {
        var texts = fixture.Document(slug).Paragraphs
            .SelectMany(p => p.SubItems.Select(s => (s.Id, s.Text)).Prepend((p.Id, p.Text)));
        foreach (var (id, text) in texts)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{id} is empty");
            Assert.DoesNotContain("**", text, StringComparison.Ordinal);
            Assert.DoesNotContain("[bookmark:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\t", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\S\.(png|jpe?g)\b", text);
            Assert.Equal(text.Trim(), text);
        }
    }

    [Fact]
    public void Every_response_link_points_at_a_known_recommendation_and_paragraph()
    {
        var paragraphs = fixture.Corpus.Documents.SelectMany(d => d.Paragraphs).Select(p => p.Id).ToHashSet();
        var recommendations = fixture.Corpus.Recommendations.Select(r => r.Id).ToHashSet();
        Assert.NotEmpty(fixture.Corpus.ResponseLinks);
        Assert.All(fixture.Corpus.ResponseLinks, l =>
        {
            Assert.Contains(l.RecommendationId, recommendations);
            Assert.Contains(l.ParagraphId, paragraphs);
            Assert.False(string.IsNullOrWhiteSpace(l.Evidence));
        });
    }

    internal static Dictionary<string, string> RecordRenderings(ParsedDocument doc)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in doc.Sections)
        {
            map[s.Id] = Letters($"{s.Number} {s.Title}");
        }

        foreach (var p in doc.Paragraphs)
        {
            map[p.Id] = Letters($"{p.RawNumber ?? p.Number} {p.Text}");
            foreach (var item in p.SubItems)
            {
                map[item.Id] = Letters($"({item.Label}) {item.Text}");
            }

            foreach (var note in p.Footnotes)
            {
                map[note.Id] = Letters(note.Text);
            }
        }

        foreach (var r in doc.References)
        {
            map[r.Id] = Letters($"{r.Marker} {r.Text}");
        }

        return map;
    }

    private static string Letters(string text) => TextCleaner.LettersAndDigits(TextCleaner.FoldCyrillicLookalikes(text));

    private static IEnumerable<string> AllIds(ParsedDocument doc) =>
        doc.Sections.Select(s => s.Id)
            .Concat(doc.Paragraphs.Select(p => p.Id))
            .Concat(doc.Paragraphs.SelectMany(p => p.SubItems).Select(s => s.Id))
            .Concat(doc.Paragraphs.SelectMany(p => p.Footnotes).Select(f => f.Id))
            .Concat(doc.References.Select(r => r.Id))
            .Append(doc.Id);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9\-.()/]*$")]
    private static partial Regex UrlSafeId();
}
