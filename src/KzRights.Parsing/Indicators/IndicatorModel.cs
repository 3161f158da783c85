namespace KzRights.Parsing.Indicators;

/// <summary>One paragraph as the extractors see it: the clean text (emphasis, bookmarks and footnote markers
/// removed) of a parsed paragraph.</summary>
public sealed record ParagraphText(string DocumentId, string ParagraphId, string Language, string Text);

/// <summary>The calendar period a number is stated for. <see cref="Start"/> alone is an open period ("since
/// 2016"), <see cref="End"/> alone a deadline ("by 2030"), equal dates a point in time ("as at 1 January 2024").</summary>
public sealed record IndicatorPeriod(string Label, DateOnly? Start, DateOnly? End);

/// <summary>A quantitative statement of a paragraph. Every value is traceable: <see cref="Quote"/> is
/// <c>text.Substring(Start, Length)</c> of the paragraph text. Definitions of every field are in
/// <c>src/KzRights.Parsing/Indicators/README.md</c>.</summary>
public sealed record Indicator(
    string Id,
    string DocumentId,
    string ParagraphId,
    string Language,
    decimal Value,
    decimal? ValueUpper,
    string Unit,
    string? Scale,
    string Qualifier,
    IndicatorPeriod? Period,
    string Subject,
    string Kind,
    string? Measure,
    IReadOnlyList<string> Population,
    string? Role,
    int? TargetYear,
    string Quote,
    int Start,
    int Length,
    string Rule);

/// <summary>A statement that a quota exists: who it is for, where it applies, since when, and its share when the
/// text gives one (<see cref="Percent"/> is null otherwise).</summary>
public sealed record Quota(
    string Id,
    string DocumentId,
    string ParagraphId,
    decimal? Percent,
    decimal? PercentUpper,
    IReadOnlyList<string> AppliesTo,
    IReadOnlyList<string> Where,
    int? SinceYear,
    string? IndicatorId,
    string Quote,
    int Start,
    int Length,
    string Rule);

public sealed record SeriesPoint(IndicatorPeriod Period, decimal Value, string? Scale, string IndicatorId);

/// <summary>One measure of one paragraph over several periods, points in calendar order.</summary>
public sealed record Series(
    string Key,
    string DocumentId,
    string ParagraphId,
    string Subject,
    string Unit,
    string Kind,
    IReadOnlyList<SeriesPoint> Points);

/// <summary>One indicator that states a <see cref="Fact"/>.</summary>
public sealed record FactAttestation(
    string IndicatorId,
    string DocumentId,
    decimal Value,
    decimal? ValueUpper,
    string Unit,
    string? Scale,
    string Qualifier,
    IndicatorPeriod? Period,
    int? Year);

/// <summary>The same fact (one <see cref="Measure"/>, period and population) stated by several paragraphs.
/// <see cref="Conflict"/> is true when the attestations disagree in value, year or unit; <see cref="ConflictScope"/>
/// (<see cref="FactConflictScope"/>) says whether they come from different documents or one, and
/// <see cref="ConflictReason"/> says how they disagree.</summary>
public sealed record Fact(
    string Id,
    string Measure,
    string Subject,
    string Kind,
    string Unit,
    IndicatorPeriod? Period,
    IReadOnlyList<string> Population,
    IReadOnlyList<FactAttestation> Attestations,
    bool Conflict,
    string? ConflictScope,
    string? ConflictReason);

/// <summary>Where the disagreeing statements of a conflicting <see cref="Fact"/> come from.</summary>
public static class FactConflictScope
{
    public const string AcrossDocuments = "across-documents";
    public const string WithinDocument = "within-document";
}

/// <summary>An indicator of a Russian paragraph and the one of its English translation that states the same
/// number. <see cref="MatchedOn"/> names what agreed (value, unit, period).</summary>
public sealed record IndicatorPair(Indicator Russian, Indicator English, string MatchedOn);

public sealed record IndicatorTranslationMatch(
    IReadOnlyList<IndicatorPair> Pairs,
    IReadOnlyList<Indicator> UnmatchedRussian,
    IReadOnlyList<Indicator> UnmatchedEnglish);
