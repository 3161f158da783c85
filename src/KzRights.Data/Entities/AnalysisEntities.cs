namespace KzRights.Data.Entities;

/// <summary>An entry of the controlled theme vocabulary (human-rights themes and the 17 SDGs).</summary>
public sealed class ThemeEntity
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
