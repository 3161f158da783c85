using System.Globalization;
using System.Text;
using KzRights.Parsing.Indicators;
using Xunit.Abstractions;

namespace KzRights.Parsing.Tests.Indicators;

/// <summary>The acceptance bar: precision and recall of <see cref="IndicatorExtractor"/> on the hand-labelled
/// evaluation set, and the same figures on the held-out set.</summary>
public sealed class IndicatorEvaluationTests(ITestOutputHelper output)
{
    private const double MinimumPrecision = 0.95;
    private const double MinimumRecall = 0.90;

    [Fact]
    public void Extractor_reaches_95_per_cent_precision_and_90_per_cent_recall_on_the_evaluation_set()
    {
        var score = Score(EvaluationSet.Paragraphs);
        output.WriteLine(score.Report);
        Assert.True(score.Precision >= MinimumPrecision, $"precision {score.Precision:P1} is below {MinimumPrecision:P0}");
        Assert.True(score.Recall >= MinimumRecall, $"recall {score.Recall:P1} is below {MinimumRecall:P0}");
    }

    [Fact]
    public void Extractor_reaches_the_same_bar_on_paragraphs_held_out_while_writing_the_rules()
    {
        var score = Score(EvaluationSet.Holdout);
        output.WriteLine(score.Report);
        Assert.True(score.Precision >= MinimumPrecision, $"precision {score.Precision:P1} is below {MinimumPrecision:P0}");
        Assert.True(score.Recall >= MinimumRecall, $"recall {score.Recall:P1} is below {MinimumRecall:P0}");
    }

    [Fact]
    public void Evaluation_set_covers_every_document_with_at_least_forty_paragraphs()
    {
        var paragraphs = EvaluationSet.Paragraphs;
        Assert.True(paragraphs.Count >= 40);
        Assert.Equal(5, paragraphs.Select(p => p.DocumentSlug).Distinct().Count());
        Assert.Contains(paragraphs, p => p.Language == "ru");
        Assert.Contains(paragraphs, p => p.Expected.Count == 0);
        Assert.All(paragraphs.Concat(EvaluationSet.Holdout).SelectMany(p => p.Expected, (p, e) => (p, e)),
            x => Assert.Contains(x.e.Printed, x.p.Text, StringComparison.Ordinal));
        Assert.Empty(paragraphs.Select(p => p.Id).Intersect(EvaluationSet.Holdout.Select(p => p.Id)));
    }

    private sealed record EvaluationScore(double Precision, double Recall, string Report);

    private static EvaluationScore Score(IReadOnlyList<EvaluationParagraph> paragraphs)
    {
        var extractor = new IndicatorExtractor();
        int expectedCount = 0, extractedCount = 0, matched = 0, subjectMatched = 0;
        var details = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            var actual = extractor.Extract(paragraph.AsInput()).ToList();
            expectedCount += paragraph.Expected.Count;
            extractedCount += actual.Count;
            var unmatchedActual = new List<Indicator>(actual);
            foreach (var expected in paragraph.Expected)
            {
                var hit = unmatchedActual.FirstOrDefault(expected.Matches);
                if (hit is null)
                {
                    details.AppendLine(CultureInfo.InvariantCulture,
                        $"MISSED   {paragraph.Id} «{expected.Printed}» " +
                        $"{Describe(expected.Value, expected.ValueUpper, expected.Unit, expected.Scale, expected.Qualifier, expected.Kind, expected.Period)}");
                    continue;
                }

                unmatchedActual.Remove(hit);
                matched++;
                if (expected.SubjectMatches(hit.Subject))
                {
                    subjectMatched++;
                }
                else
                {
                    details.AppendLine(
                        CultureInfo.InvariantCulture,
                        $"subject  {paragraph.Id} «{hit.Quote}» expected “{expected.Subject}”, got “{hit.Subject}”");
                }
            }

            foreach (var a in unmatchedActual)
            {
                details.AppendLine(CultureInfo.InvariantCulture,
                    $"SPURIOUS {paragraph.Id} «{a.Quote}» {Describe(a.Value, a.ValueUpper, a.Unit, a.Scale, a.Qualifier, a.Kind, a.Period)} rule={a.Rule}");
            }
        }

        var precision = extractedCount == 0 ? 1 : (double)matched / extractedCount;
        var recall = expectedCount == 0 ? 1 : (double)matched / expectedCount;
        var subjectRate = matched == 0 ? 0 : (double)subjectMatched / matched;
        var documents = paragraphs.GroupBy(p => p.DocumentSlug).Select(g => $"{g.Key}: {g.Count()}");
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"sample: {paragraphs.Count} paragraphs ({string.Join(", ", documents)}), {paragraphs.Count(p => p.Language == "ru")} Russian, " +
                $"{paragraphs.Count(p => p.Expected.Count == 0)} without indicators");
        report.AppendLine(CultureInfo.InvariantCulture, $"expected {expectedCount}, extracted {extractedCount}, matched {matched}");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"precision {precision:P1}, recall {recall:P1}, subject match rate {subjectRate:P1} ({subjectMatched}/{matched})");
        report.Append(details);
        return new EvaluationScore(precision, recall, report.ToString());
    }

    private static string Describe(decimal value, decimal? upper, string unit, string? scale, string qualifier, string kind, IndicatorPeriod? period) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{value}{(upper is null ? string.Empty : "–" + upper)} {unit}{(scale is null ? string.Empty : " ×" + scale)} {qualifier} {kind} " +
                $"period={period?.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}.." +
                    $"{period?.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}");
}
