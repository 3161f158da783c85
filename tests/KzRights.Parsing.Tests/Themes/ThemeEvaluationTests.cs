using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KzRights.Parsing.Themes;
using Xunit.Abstractions;

namespace KzRights.Parsing.Tests.Themes;

/// <summary>Measures the tagger against themes assigned by hand to corpus paragraphs
/// (<c>theme-evaluation.json</c>, annotated before the tagger was written). Only tags at or above
/// <see cref="ThemeTagger.EvidenceThreshold"/> count as the tagger's answer.</summary>
public sealed class ThemeEvaluationTests(ITestOutputHelper output)
{
    private const double RequiredPrecision = 0.85;
    private const double RequiredRecall = 0.75;

    private static readonly Lazy<EvaluationSet> Set = new(Load);

    [Fact]
    public void The_evaluation_set_has_at_least_forty_texts_from_every_corpus_file()
    {
        var items = Set.Value.Items;
        Assert.True(items.Count >= 40, $"only {items.Count} texts");
        var files = items.Select(i => i.Source.Split(':')[0]).Distinct().Order().ToArray();
        Assert.Equal(
            ["000_c9659776c30b7ab2.txt", "001_5cd7b546b29bd0cc.txt", "002_47c78e3d6287c7bb.txt", "003_c424e8bb2dd39d70.txt", "004_c3f5dcd4d1516eb7.txt"],
            files);
    }

    [Fact]
    public void Every_expected_theme_is_in_the_vocabulary()
    {
        var unknown = Set.Value.Items.SelectMany(i => i.Expected).Where(id => ThemeVocabulary.Default.Find(id) is null).ToArray();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Tags_with_evidence_reach_the_required_precision_and_recall_on_the_whole_set() =>
        AssertQuality(Set.Value.Items, "all texts");

    [Fact]
    public void Tags_with_evidence_reach_the_required_precision_and_recall_on_the_systematic_sample() =>
        AssertQuality(Set.Value.Items.Where(i => i.Selection == "systematic").ToArray(), "systematic sample");

    private void AssertQuality(IReadOnlyList<EvaluationItem> items, string label)
    {
        var tagger = new ThemeTagger();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var item in items)
        {
            var context = new ThemeContext(item.Heading is null ? [] : [item.Heading]);
            var tags = tagger.Tag(item.Text, context);
            var found = tags.Where(t => t.Confidence >= ThemeTagger.EvidenceThreshold).Select(t => t.ThemeId).ToHashSet();
            var expected = item.Expected.ToHashSet();
            var extra = found.Except(expected).Order().ToArray();
            var missed = expected.Except(found).Order().ToArray();
            truePositives += found.Intersect(expected).Count();
            falsePositives += extra.Length;
            falseNegatives += missed.Length;
            if (extra.Length + missed.Length > 0)
            {
                output.WriteLine($"{item.Source}: extra [{string.Join(", ", extra.Select(e => Describe(tags, e)))}] missed [{string.Join(", ", missed)}]");
            }
        }

        var precision = Ratio(truePositives, truePositives + falsePositives);
        var recall = Ratio(truePositives, truePositives + falseNegatives);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {items.Count} texts, {truePositives + falseNegatives} expected tags, {truePositives + falsePositives} tags >= " +
                $"{ThemeTagger.EvidenceThreshold}; " +
            $"precision {precision:P1} ({truePositives}/{truePositives + falsePositives}), recall {recall:P1} " +
                $"({truePositives}/{truePositives + falseNegatives})"));
        Assert.True(precision >= RequiredPrecision, string.Create(CultureInfo.InvariantCulture, $"precision {precision:P1} on {label}"));
        Assert.True(recall >= RequiredRecall, string.Create(CultureInfo.InvariantCulture, $"recall {recall:P1} on {label}"));
    }

    private static string Describe(IEnumerable<ThemeTag> tags, string id)
    {
        var tag = tags.Single(t => t.ThemeId == id);
        return string.Create(CultureInfo.InvariantCulture, $"{id} {tag.Confidence} ({tag.Reason})");
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1 : (double)numerator / denominator;

    private static EvaluationSet Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "KzRights.Parsing.Tests", "Themes", "theme-evaluation.json");
            if (File.Exists(path))
            {
                return JsonSerializer.Deserialize<EvaluationSet>(File.ReadAllText(path), JsonOptions)
                    ?? throw new InvalidDataException($"{path} is empty");
            }
        }

        throw new FileNotFoundException($"theme-evaluation.json not found above {AppContext.BaseDirectory}");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record EvaluationSet(
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("items")] IReadOnlyList<EvaluationItem> Items);

    private sealed record EvaluationItem(string Source, string Selection, string? Heading, string Text, IReadOnlyList<string> Expected);
}
