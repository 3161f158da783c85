namespace KzRights.Parsing.Themes;

/// <summary>The controlled vocabulary: human-rights themes (ids <c>theme/…</c>) and the 17 Sustainable
/// Development Goals (ids <c>sdg/1</c> … <c>sdg/17</c>). Ids are stable: a renamed theme keeps its id.</summary>
public sealed class ThemeVocabulary
{
    private readonly Dictionary<string, Theme> _byId;

    public ThemeVocabulary(IEnumerable<Theme> themes)
    {
        Themes = themes.ToArray();
        _byId = new Dictionary<string, Theme>(StringComparer.Ordinal);
        foreach (var theme in Themes)
        {
            if (!_byId.TryAdd(theme.Id, theme))
            {
                throw new ArgumentException($"duplicate theme id {theme.Id}", nameof(themes));
            }
        }

        foreach (var goalId in Themes.SelectMany(t => t.RelatedGoalIds))
        {
            if (!_byId.TryGetValue(goalId, out var goal) || goal.Kind != ThemeKind.SustainableDevelopmentGoal)
            {
                throw new ArgumentException($"related goal {goalId} is not a goal of the vocabulary", nameof(themes));
            }
        }
    }

    public static ThemeVocabulary Default { get; } =
        new(HumanRightsThemeDefinitions.All.Concat(GoalDefinitions.All));

    /// <summary>Human-rights themes first, then goals 1–17, in a fixed order.</summary>
    public IReadOnlyList<Theme> Themes { get; }

    public IEnumerable<Theme> HumanRightsThemes => Themes.Where(t => t.Kind == ThemeKind.HumanRights);

    public IEnumerable<Theme> Goals => Themes.Where(t => t.Kind == ThemeKind.SustainableDevelopmentGoal);

    public Theme? Find(string id) => _byId.GetValueOrDefault(id);

    public Theme this[string id] => _byId.TryGetValue(id, out var theme)
        ? theme
        : throw new KeyNotFoundException($"no theme {id}");
}
