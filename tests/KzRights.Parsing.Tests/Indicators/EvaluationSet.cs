using System.Globalization;
using System.Text.Json;
using KzRights.Parsing.Indicators;

namespace KzRights.Parsing.Tests.Indicators;

/// <summary>The hand-labelled paragraphs of <c>evaluation-set.json</c>.</summary>
internal static class EvaluationSet
{
    private static readonly Lazy<IReadOnlyList<EvaluationParagraph>> Evaluation = new(() => Load("evaluation-set.json"));
    private static readonly Lazy<IReadOnlyList<EvaluationParagraph>> HeldOut = new(() => Load("holdout-set.json"));

    /// <summary>The acceptance set.</summary>
    public static IReadOnlyList<EvaluationParagraph> Paragraphs => Evaluation.Value;

    /// <summary>Paragraphs labelled before the extractor ever ran on them.</summary>
    public static IReadOnlyList<EvaluationParagraph> Holdout => HeldOut.Value;

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KzRightsApi.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root (KzRightsApi.sln) not found");
    }

    private static IReadOnlyList<EvaluationParagraph> Load(string fileName) =>
        LoadFile(Path.Combine(RepositoryRoot(), "tests", "KzRights.Parsing.Tests", "Indicators", fileName));

    /// <summary>A hand-labelled file of this shape (the held-out sample of issue 12 too).</summary>
    public static IReadOnlyList<EvaluationParagraph> LoadFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var paragraphs = new List<EvaluationParagraph>();
        foreach (var p in document.RootElement.GetProperty("paragraphs").EnumerateArray())
        {
            var expected = p.GetProperty("expected").EnumerateArray().Select(e => new ExpectedIndicator(
                e.GetProperty("printed").GetString()!,
                e.GetProperty("value").GetDecimal(),
                e.GetProperty("valueUpper").ValueKind == JsonValueKind.Null ? null : e.GetProperty("valueUpper").GetDecimal(),
                e.GetProperty("unit").GetString()!,
                e.GetProperty("scale").GetString(),
                e.GetProperty("qualifier").GetString()!,
                ReadPeriod(e.GetProperty("period")),
                e.GetProperty("subject").GetString()!,
                e.GetProperty("kind").GetString()!)).ToList();
            paragraphs.Add(new EvaluationParagraph(
                p.GetProperty("id").GetString()!,
                p.GetProperty("documentSlug").GetString()!,
                p.GetProperty("language").GetString()!,
                p.GetProperty("selection").GetString()!,
                p.GetProperty("text").GetString()!,
                expected));
        }

        return paragraphs;
    }

    private static IndicatorPeriod? ReadPeriod(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return new IndicatorPeriod(e.GetProperty("label").GetString()!, Date(e.GetProperty("start")), Date(e.GetProperty("end")));
    }

    private static DateOnly? Date(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? null : DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed record EvaluationParagraph(
    string Id,
    string DocumentSlug,
    string Language,
    string Selection,
    string Text,
    IReadOnlyList<ExpectedIndicator> Expected)
{
    public ParagraphText AsInput() => new(DocumentSlug, Id, Language, Text);
}

internal sealed record ExpectedIndicator(
    string Printed,
    decimal Value,
    decimal? ValueUpper,
    string Unit,
    string? Scale,
    string Qualifier,
    IndicatorPeriod? Period,
    string Subject,
    string Kind)
{
    /// <summary>The acceptance match: every field but the subject (and the period's label) agrees.</summary>
    public bool Matches(Indicator actual) =>
        Value == actual.Value && ValueUpper == actual.ValueUpper && Unit == actual.Unit && Scale == actual.Scale
        && Qualifier == actual.Qualifier && Kind == actual.Kind
        && Period?.Start == actual.Period?.Start && Period?.End == actual.Period?.End;

    /// <summary>Subjects agree when the content words of one contain the other's, or half of them are shared.</summary>
    public bool SubjectMatches(string actual)
    {
        var expected = ContentWords(Subject);
        var got = ContentWords(actual);
        if (expected.Count == 0 || got.Count == 0)
        {
            return false;
        }

        var shared = expected.Intersect(got).Count();
        return shared == got.Count || shared == expected.Count || shared * 2 >= expected.Union(got).Count();
    }

    private static HashSet<string> ContentWords(string s) =>
        s.ToLowerInvariant().Split([' ', ',', '’', '\'', '-', '–', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && w is not ("the" or "and" or "for" or "with" or "from" or "into"))
            .Select(w => w.TrimEnd('s')).ToHashSet();
}
