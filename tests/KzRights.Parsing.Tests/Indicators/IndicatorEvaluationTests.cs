using System.Globalization;
using System.Text;
using KzRights.Parsing.Indicators;
using Xunit.Abstractions;

namespace KzRights.Parsing.Tests.Indicators;

/// <summary>The acceptance bar: precision and recall of <see cref="IndicatorExtractor"/> on the hand-labelled
/// evaluation set.</summary>
public sealed class IndicatorEvaluationTests(ITestOutputHelper output)
{
    private const double MinimumPrecision = 0.95;
    private const double MinimumRecall = 0.90;

    [Fact]
    public void Extractor_reaches_95_per_cent_precision_and_90_per_cent_recall_on_the_evaluation_set()
    {
        var extractor = new IndicatorExtractor();
        int expectedCount = 0, extractedCount = 0, matched = 0, subjectMatched = 0;
        var report = new StringBuilder();
        foreach (var paragraph in EvaluationSet.Paragraphs)
        {
            var actual = extractor.Extract(paragraph.AsInput()).ToList();
            expectedCount += paragraph.Expected.Count;
            extractedCount += actual.Count;
            var unmatchedActual = new List<Indicator>(actual);
            var missed = new List<ExpectedIndicator>();
            foreach (var expected in paragraph.Expected)
            {
                var hit = unmatchedActual.FirstOrDefault(expected.Matches);
                if (hit is null)
                {
                    missed.Add(expected);
                    continue;
                }

                unmatchedActual.Remove(hit);
                matched++;
                if (expected.SubjectMatches(hit.Subject))
                {
                    subjectMatched++;
                }
            }

            foreach (var m in missed)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"MISSED  {paragraph.Id} «{m.Printed}» {Describe(m.Value, m.ValueUpper, m.Unit, m.Scale, m.Qualifier, m.Kind, m.Period)}");
            }

            foreach (var a in unmatchedActual)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"SPURIOUS {paragraph.Id} «{a.Quote}» {Describe(a.Value, a.ValueUpper, a.Unit, a.Scale, a.Qualifier, a.Kind, a.Period)} rule={a.Rule}");
            }
        }

        var precision = extractedCount == 0 ? 0 : (double)matched / extractedCount;
        var recall = expectedCount == 0 ? 0 : (double)matched / expectedCount;
        var subjectRate = matched == 0 ? 0 : (double)subjectMatched / matched;
        var documents = EvaluationSet.Paragraphs.GroupBy(p => p.DocumentSlug).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sample: {EvaluationSet.Paragraphs.Count} paragraphs ({string.Join(", ", documents)}), " +
            $"{EvaluationSet.Paragraphs.Count(p => p.Language == "ru")} Russian, {EvaluationSet.Paragraphs.Count(p => p.Expected.Count == 0)} without indicators"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"expected {expectedCount}, extracted {extractedCount}, matched {matched}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"precision {precision:P1}, recall {recall:P1}, subject match rate {subjectRate:P1} ({subjectMatched}/{matched})"));
        output.WriteLine(report.ToString());

        Assert.True(precision >= MinimumPrecision, $"precision {precision:P1} is below {MinimumPrecision:P0}");
        Assert.True(recall >= MinimumRecall, $"recall {recall:P1} is below {MinimumRecall:P0}");
    }

    [Fact]
    public void Evaluation_set_covers_every_document_with_at_least_forty_paragraphs()
    {
        var paragraphs = EvaluationSet.Paragraphs;
        Assert.True(paragraphs.Count >= 40);
        Assert.Equal(5, paragraphs.Select(p => p.DocumentSlug).Distinct().Count());
        Assert.Contains(paragraphs, p => p.Language == "ru");
        Assert.Contains(paragraphs, p => p.Expected.Count == 0);
        Assert.All(paragraphs.SelectMany(p => p.Expected, (p, e) => (p, e)), x => Assert.Contains(x.e.Printed, x.p.Text, StringComparison.Ordinal));
    }

    private static string Describe(decimal value, decimal? upper, string unit, string? scale, string qualifier, string kind, IndicatorPeriod? period) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{value}{(upper is null ? string.Empty : "–" + upper)} {unit}{(scale is null ? string.Empty : " ×" + scale)} {qualifier} {kind} period={period?.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}..{period?.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}");
}
