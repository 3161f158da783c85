using KzRights.Parsing.Corpus;
using KzRights.Parsing.Model;

namespace KzRights.Parsing.Tests.Golden;

/// <summary>Ids come from the data, so an edit to one paragraph changes that paragraph's record and nothing else.</summary>
[Collection(CorpusCollection.Name)]
public sealed class ChangedSourceTests(CorpusFixture fixture)
{
    [Fact]
    public void Editing_one_paragraph_changes_only_that_paragraphs_record()
    {
        const string slug = "ccpr-c-kaz-co-3";
        var original = fixture.Document(slug);
        var text = fixture.SourceText(slug);
        const string before = "The Committee welcomes the steps taken by the State Party to improve conditions of detention";
        Assert.Contains(before, text, StringComparison.Ordinal);
        var edited = CorpusParser.Parse(
            original.Metadata,
            text.Replace(before, before.Replace("welcomes", "notes", StringComparison.Ordinal), StringComparison.Ordinal));

        Assert.Equal(original.Sections, edited.Sections);
        Assert.Equal(original.Paragraphs.Select(p => p.Id), edited.Paragraphs.Select(p => p.Id));
        var changed = original.Paragraphs.Zip(edited.Paragraphs).Where(pair => !Same(pair.First, pair.Second)).Select(pair => pair.First.Id).ToList();
        Assert.Equal(["ccpr-c-kaz-co-3/35"], changed);
        Assert.Equal(original.Recommendations.Select(r => r.Id), edited.Recommendations.Select(r => r.Id));
        Assert.Equal(original.ResponseLinks, edited.ResponseLinks);
    }

    // Records hold lists, which compare by reference: compare their serialised form instead.
    private static bool Same(Paragraph a, Paragraph b) =>
        System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);
}
