namespace KzRights.Parsing.Themes;

public enum ThemeKind
{
    /// <summary>A human-rights theme named after OHCHR's Universal Human Rights Index where one fits.</summary>
    HumanRights,

    /// <summary>One of the 17 Sustainable Development Goals.</summary>
    SustainableDevelopmentGoal,
}

/// <summary>How much a single matching term says about a theme.</summary>
public enum TermWeight
{
    /// <summary>A defining phrase ("domestic violence", "death penalty"): one distinct strong term is evidence.</summary>
    Strong,

    /// <summary>A topical word that is often incidental ("women", "court", "employment"): it needs repeating or
    /// company before the body of a text counts as evidence, but in a heading it names the topic.</summary>
    Weak,
}

/// <summary>An entry of the controlled vocabulary.</summary>
/// <param name="Id">Stable slug: <c>theme/womens-rights</c>, <c>sdg/16</c>.</param>
/// <param name="Name">Display name, UHRI's wording where it has one; a goal's official short name.</param>
/// <param name="Kind">Human-rights theme or goal.</param>
/// <param name="Terms">Phrases that indicate the theme in a text or heading.</param>
/// <param name="Exceptions">Phrases inside which a term match does not count ("tortured logic").</param>
/// <param name="RelatedGoalIds">Goals a text on this theme serves (<c>sdg/5</c> for women's rights); used for
/// low-confidence "via theme" goal tags.</param>
/// <param name="GoalNumber">1–17 for goals, null for human-rights themes.</param>
public sealed record Theme(
    string Id,
    string Name,
    ThemeKind Kind,
    IReadOnlyList<ThemeTerm> Terms,
    IReadOnlyList<string> Exceptions,
    IReadOnlyList<string> RelatedGoalIds,
    int? GoalNumber);

/// <summary>A theme assigned to a text, with the evidence that produced it.</summary>
/// <param name="ThemeId">Id of a <see cref="Theme"/> of the vocabulary.</param>
/// <param name="Confidence">0..1; <see cref="ThemeTagger.EvidenceThreshold"/> separates stated evidence from hints.</param>
/// <param name="Reason">Which rule fired on what, e.g. <c>heading: 'Gender equality'</c> or
/// <c>terms: domestic violence ×2, crisis centres</c>; several rules are joined with <c>"; "</c>.</param>
public sealed record ThemeTag(string ThemeId, double Confidence, string Reason);

/// <summary>What surrounds a text in its document. Headings name the topic the author filed the text under, so
/// they are stronger evidence than words in the text itself.</summary>
/// <param name="Headings">Section titles from outermost to innermost (a paragraph's SectionPath).</param>
/// <param name="Group">The UPR recommendation group or list-of-issues question group the text answers.</param>
public sealed record ThemeContext(IReadOnlyList<string> Headings, string? Group = null)
{
    public static ThemeContext None { get; } = new([]);
}
