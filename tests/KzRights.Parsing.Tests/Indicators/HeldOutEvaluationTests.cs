using System.Globalization;
using System.Text;
using System.Text.Json;
using KzRights.Parsing.Entities;
using KzRights.Parsing.Indicators;
using Xunit.Abstractions;

namespace KzRights.Parsing.Tests.Indicators;

/// <summary>The samples of issue 12, labelled by hand. <c>heldout-2026-12-01.json</c> was labelled before the subject,
/// measure and entity rules existed and scored once as a held-out set (2026-12-01; figures in
/// src/KzRights.Parsing/Indicators/README.md); since 2026-12-02 it is a development set: the rules were generalised
/// from its error classes, so its figures are no longer held-out figures. The floors below are its figures after
/// that work, kept so that a later change cannot make them worse unnoticed. <c>heldout-2026-12-02.json</c> was
/// labelled before the 2026-12-02 rules ran on it: only its shape is tested here; it is scored once, on purpose,
/// never by default, so nobody tunes on its figures. <c>heldout-2026-12-02b.json</c> (smaller: few unused units are left) was
/// labelled later that day under the one labelling convention, before the rules' output for its units was looked at, and scored
/// once the same way (figures in src/KzRights.Parsing/Indicators/README.md).</summary>
[Collection(CorpusCollection.Name)]
public sealed class HeldOutEvaluationTests(CorpusFixture corpus, ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<HeldOutUnit>> Sample = new(() => Load(FirstSample));

    private const string FirstSample = "heldout-2026-12-01.json";

    private static readonly string[] LabelledFiles =
        ["evaluation-set.json", "holdout-set.json", FirstSample, "heldout-2026-12-02.json", "heldout-2026-12-02b.json"];

    /// <summary>The issue asks for at least 150 indicators and 60 entity mentions; heldout-2026-12-02b is smaller (66 and 47) because
    /// too few units no earlier sample used remain, and says so in its description and in the README.</summary>
    [Theory]
    [InlineData(FirstSample, 150, 60)]
    [InlineData("heldout-2026-12-02.json", 150, 60)]
    [InlineData("heldout-2026-12-02b.json", 66, 47)]
    public void The_sample_has_its_indicators_and_entity_mentions_across_all_five_documents(string fileName, int indicators, int mentions)
    {
        var units = Load(fileName);
        Assert.True(units.Sum(u => u.Paragraph.Expected.Count) >= indicators);
        Assert.True(units.Sum(u => u.Entities?.Count ?? 0) >= mentions);
        Assert.Equal(5, units.Select(u => u.Paragraph.DocumentSlug).Distinct().Count());
        Assert.Equal(5, units.Where(u => u.Entities is { Count: > 0 }).Select(u => u.Paragraph.DocumentSlug).Distinct().Count());
        Assert.All(
            units.SelectMany(u => u.Paragraph.Expected, (u, e) => (u, e)),
            x => Assert.Contains(x.e.Printed, x.u.Paragraph.Text, StringComparison.Ordinal));
        Assert.All(
            units.SelectMany(u => u.Entities ?? [], (u, e) => (u, e)),
            x => Assert.Equal(x.e.Quote, x.u.Paragraph.Text.Substring(x.e.Start, x.e.Length)));
        // No unit equals, contains or is contained in a unit of another labelled file: a sample is unseen text.
        var others = LabelledFiles.Where(f => f != fileName).SelectMany(f => EvaluationSet.LoadFile(PathOf(f))).Select(p => p.Text).ToList();
        Assert.DoesNotContain(units, u => others.Any(o => o.Contains(u.Paragraph.Text, StringComparison.Ordinal)
            || u.Paragraph.Text.Contains(o, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(FirstSample)]
    [InlineData("heldout-2026-12-02.json")]
    [InlineData("heldout-2026-12-02b.json")]
    public void Every_unit_of_the_sample_is_a_paragraph_or_sub_item_of_the_parsed_corpus_with_the_same_text(string fileName)
    {
        var records = corpus.Corpus.Documents.SelectMany(d => d.Paragraphs)
            .SelectMany(p => p.SubItems.Select(s => (s.Id, p.DocumentId, p.Language, s.Text)).Prepend((p.Id, p.DocumentId, p.Language, p.Text)))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        Assert.All(Load(fileName), u =>
        {
            Assert.True(records.TryGetValue(u.Paragraph.Id, out var record), $"{u.Paragraph.Id} is not a record of the corpus");
            Assert.Equal((record.DocumentId, record.Language, record.Text), (u.Paragraph.DocumentSlug, u.Paragraph.Language, u.Paragraph.Text));
        });
    }

    [Fact]
    public void Indicators_on_the_held_out_sample_stay_at_or_above_their_first_measured_figures()
    {
        var score = ScoreIndicators(Sample.Value);
        output.WriteLine(score.Report);
        // Held out (2026-12-01): precision 91.9 %, recall 87.6 %, subject 78.2 %. As a development set (2026-12-02), relabelled to the one
        // labelling convention (195 indicators): the floors.
        Assert.True(score.Precision >= 190.0 / 191 && score.Recall >= 190.0 / 195 && score.Subject >= 175.0 / 190, score.Report);
    }

    [Fact]
    public void Entity_mentions_on_the_held_out_sample_stay_at_or_above_their_first_measured_figures()
    {
        var score = ScoreEntities(Sample.Value);
        output.WriteLine(score.Report);
        // Held out (2026-12-01): found 70.6 %, precision 83.7 %. As a development set (2026-12-02), relabelled to the one labelling
        // convention (every unit labelled, 137 mentions): the floors.
        Assert.True(score.Found >= 135.0 / 137 && score.Precision >= 135.0 / 135, score.Report);
    }

    private sealed record IndicatorScore(double Precision, double Recall, double Subject, double Measure, string Report);

    private sealed record EntityScore(double Found, double Precision, double KindFound, string Report);

    private static IndicatorScore ScoreIndicators(IReadOnlyList<HeldOutUnit> units)
    {
        var extractor = new IndicatorExtractor();
        int expected = 0, extracted = 0, matched = 0, subjects = 0, measures = 0;
        var details = new StringBuilder();
        foreach (var unit in units)
        {
            var p = unit.Paragraph;
            var actual = extractor.Extract(p.AsInput()).ToList();
            expected += p.Expected.Count;
            extracted += actual.Count;
            foreach (var (e, measure) in p.Expected.Zip(unit.Measures))
            {
                var hit = actual.FirstOrDefault(e.Matches);
                if (hit is null)
                {
                    details.AppendLine(CultureInfo.InvariantCulture, $"MISSED   {p.Id} «{e.Printed}»");
                    continue;
                }

                actual.Remove(hit);
                matched++;
                subjects += e.SubjectMatches(hit.Subject) ? 1 : 0;
                measures += hit.Measure == measure ? 1 : 0;
                if (!e.SubjectMatches(hit.Subject))
                {
                    details.AppendLine(CultureInfo.InvariantCulture, $"subject  {p.Id} «{hit.Quote}» expected “{e.Subject}”, got “{hit.Subject}”");
                }
            }

            foreach (var a in actual)
            {
                details.AppendLine(CultureInfo.InvariantCulture, $"SPURIOUS {p.Id} «{a.Quote}» {a.Value} {a.Unit} {a.Kind} rule={a.Rule}");
            }
        }

        var precision = extracted == 0 ? 1 : (double)matched / extracted;
        var recall = expected == 0 ? 1 : (double)matched / expected;
        var subject = matched == 0 ? 0 : (double)subjects / matched;
        var measureRate = matched == 0 ? 0 : (double)measures / matched;
        var report = string.Create(CultureInfo.InvariantCulture,
            $"indicators: expected {expected}, extracted {extracted}, matched {matched}; precision {precision:P1}, recall {recall:P1}, subject {subject:P1} " +
                $"({subjects}/{matched}), measure key equal {measureRate:P1} ({measures}/{matched})\n{details}");
        return new IndicatorScore(precision, recall, subject, measureRate, report);
    }

    private static EntityScore ScoreEntities(IReadOnlyList<HeldOutUnit> units)
    {
        var extractor = new EntityExtractor();
        int expected = 0, extracted = 0, found = 0, kindFound = 0, correct = 0;
        var details = new StringBuilder();
        foreach (var unit in units.Where(u => u.Entities is not null))
        {
            var actual = extractor.Extract(unit.Paragraph.AsInput());
            expected += unit.Entities!.Count;
            extracted += actual.Count;
            foreach (var e in unit.Entities)
            {
                var hit = actual.FirstOrDefault(a => a.EntityId == e.Id && Overlaps(a, e));
                found += hit is null ? 0 : 1;
                kindFound += actual.Any(a => a.Kind == e.Kind && Overlaps(a, e)) ? 1 : 0;
                if (hit is null)
                {
                    var near = actual.FirstOrDefault(a => Overlaps(a, e));
                    details.AppendLine(
                        CultureInfo.InvariantCulture,
                        $"MISSED   {unit.Paragraph.Id} «{e.Quote}» {e.Id}{(near is null ? string.Empty : $" (found as {near.EntityId})")}");
                }
            }

            foreach (var a in actual)
            {
                if (unit.Entities.Any(e => e.Id == a.EntityId && Overlaps(a, e)))
                {
                    correct++;
                }
                else
                {
                    details.AppendLine(CultureInfo.InvariantCulture, $"SPURIOUS {unit.Paragraph.Id} «{a.Quote}» {a.EntityId}");
                }
            }
        }

        var foundRate = expected == 0 ? 1 : (double)found / expected;
        var precision = extracted == 0 ? 1 : (double)correct / extracted;
        var kindRate = expected == 0 ? 1 : (double)kindFound / expected;
        var report = string.Create(CultureInfo.InvariantCulture,
            $"entity mentions: expected {expected}, extracted {extracted}; found (same id, overlapping quote) {foundRate:P1} ({found}/{expected}), precision " +
                $"{precision:P1} ({correct}/{extracted}), found with the right kind {kindRate:P1} ({kindFound}/{expected})\n{details}");
        return new EntityScore(foundRate, precision, kindRate, report);
    }

    private static bool Overlaps(EntityMention a, LabelledMention e) => a.Start < e.Start + e.Length && e.Start < a.Start + a.Length;

    private sealed record LabelledMention(string Quote, int Start, int Length, string Kind, string Id);

    private sealed record HeldOutUnit(EvaluationParagraph Paragraph, IReadOnlyList<string?> Measures, IReadOnlyList<LabelledMention>? Entities);

    private static string PathOf(string fileName) => Path.Combine(EvaluationSet.RepositoryRoot(), "tests", "KzRights.Parsing.Tests", "Indicators", fileName);

    private static IReadOnlyList<HeldOutUnit> Load(string fileName)
    {
        var path = PathOf(fileName);
        var paragraphs = EvaluationSet.LoadFile(path);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("paragraphs").EnumerateArray().Zip(paragraphs, (json, paragraph) => new HeldOutUnit(
            paragraph,
            json.GetProperty("expected").EnumerateArray().Select(e => e.GetProperty("measure").GetString()).ToList(),
            json.GetProperty("entities").ValueKind == JsonValueKind.Null
                ? null
                : json.GetProperty("entities").EnumerateArray().Select(e => new LabelledMention(
                    e.GetProperty("quote").GetString()!, e.GetProperty("start").GetInt32(), e.GetProperty("length").GetInt32(),
                    e.GetProperty("kind").GetString()!, e.GetProperty("id").GetString()!)).ToList())).ToList();
    }
}
