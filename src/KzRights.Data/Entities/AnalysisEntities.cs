namespace KzRights.Data.Entities;

/// <summary>An entry of the controlled theme vocabulary (human-rights themes and the 17 SDGs).</summary>
public sealed class ThemeEntity : IOrdinalRow
{
    public required string Id { get; set; }
    public int Ordinal { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public int? GoalNumber { get; set; }
}

/// <summary>A theme assigned to a paragraph, recommendation or indicator, with why (rule and terms) and how sure.</summary>
public sealed class ThemeTagEntity
{
    public required string TargetType { get; set; }
    public required string TargetId { get; set; }
    public required string ThemeId { get; set; }
    public double Confidence { get; set; }
    public required string Reason { get; set; }
}

/// <summary>A number stated in a paragraph (or one of its lettered sub-items), typed and traceable: <see cref="Quote"/>
/// is the text at <see cref="Start"/>/<see cref="Length"/> of the paragraph's (or sub-item's) text.</summary>
public sealed class IndicatorEntity : IServedRow
{
    public required string Id { get; set; }
    public required string SortKey { get; set; }
    public required string DocumentId { get; set; }
    public required string ParagraphId { get; set; }
    public string? SubItemId { get; set; }
    public required string Language { get; set; }
    public decimal Value { get; set; }
    public decimal? ValueUpper { get; set; }
    public required string Unit { get; set; }
    public string? Scale { get; set; }
    public required string Qualifier { get; set; }
    public string? PeriodLabel { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public required string Subject { get; set; }
    public required string Kind { get; set; }

    /// <summary>The key of the controlled measure vocabulary, or null when no measure fits.</summary>
    public string? Measure { get; set; }

    /// <summary>Populations as JSON for reading; <see cref="PopulationKey"/> (<c>|women|children|</c>) for filtering.</summary>
    public required string PopulationJson { get; set; }
    public required string PopulationKey { get; set; }
    public string? Role { get; set; }
    public int? TargetYear { get; set; }
    public required string Quote { get; set; }
    public int Start { get; set; }
    public int Length { get; set; }
    public required string Rule { get; set; }
    public string? FactId { get; set; }
    public string? SeriesKey { get; set; }
    public string? TranslationId { get; set; }

    /// <summary>Subject and quote in lower case: portable case-insensitive matching for the q and subject filters.</summary>
    public required string SearchText { get; set; }
}

public sealed class QuotaEntity : IKeysetRow
{
    public required string Id { get; set; }
    public required string SortKey { get; set; }
    public required string DocumentId { get; set; }
    public required string ParagraphId { get; set; }
    public decimal? Percent { get; set; }
    public decimal? PercentUpper { get; set; }
    public required string AppliesToJson { get; set; }
    public required string WhereJson { get; set; }
    public int? SinceYear { get; set; }
    public string? IndicatorId { get; set; }
    public required string Quote { get; set; }
    public int Start { get; set; }
    public int Length { get; set; }
    public required string Rule { get; set; }
}

public sealed class SeriesEntity : IKeysetRow
{
    public required string Key { get; set; }
    public required string SortKey { get; set; }
    public required string DocumentId { get; set; }
    public required string ParagraphId { get; set; }
    public required string Subject { get; set; }
    public required string Unit { get; set; }
    public required string Kind { get; set; }
    public List<SeriesPointEntity> Points { get; set; } = [];
}

public sealed class SeriesPointEntity
{
    public required string SeriesKey { get; set; }
    public int Ordinal { get; set; }
    public required string PeriodLabel { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public decimal Value { get; set; }
    public string? Scale { get; set; }
    public required string IndicatorId { get; set; }
}

/// <summary>One fact stated by several indicators (its attestations are the indicators whose FactId is this id).</summary>
public sealed class FactEntity : IKeysetRow
{
    public required string Id { get; set; }
    public required string SortKey { get; set; }
    public required string Measure { get; set; }
    public required string Subject { get; set; }
    public required string Kind { get; set; }
    public required string Unit { get; set; }
    public string? PeriodLabel { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public required string PopulationJson { get; set; }
    public bool Conflict { get; set; }
    public string? ConflictScope { get; set; }
    public string? ConflictReason { get; set; }
    public int AttestationCount { get; set; }
    public int DocumentCount { get; set; }
}

/// <summary>A named law, treaty, plan, institution or event (<see cref="Kind"/>), with the attributes its mentions
/// state and the disagreements between them (JSON, read whole).</summary>
public sealed class NamedEntity : IKeysetRow
{
    public required string Id { get; set; }
    public required string SortKey { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public required string AttributesJson { get; set; }
    public required string DisagreementsJson { get; set; }
    public int MentionCount { get; set; }
    public int DocumentCount { get; set; }

    /// <summary>Name and the quotes of every mention in lower case, for the q filter.</summary>
    public required string SearchText { get; set; }
    public List<EntityMentionEntity> Mentions { get; set; } = [];
}

/// <summary>One mention of a <see cref="NamedEntity"/>: <see cref="Quote"/> is the text at
/// <see cref="Start"/>/<see cref="Length"/> of the paragraph's (or sub-item's) text.</summary>
public sealed class EntityMentionEntity : IKeysetRow
{
    public required string Id { get; set; }
    public required string SortKey { get; set; }
    public required string EntityId { get; set; }
    public required string Kind { get; set; }
    public required string DocumentId { get; set; }
    public required string ParagraphId { get; set; }
    public string? SubItemId { get; set; }
    public required string Language { get; set; }
    public required string Quote { get; set; }
    public int Start { get; set; }
    public int Length { get; set; }
    public required string AttributesJson { get; set; }
    public required string Rule { get; set; }
}
