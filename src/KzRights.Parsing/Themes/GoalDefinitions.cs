using System.Globalization;

namespace KzRights.Parsing.Themes;

/// <summary>The 17 Sustainable Development Goals with their official short names. A goal's terms are its names as
/// documents quote them; they only count in a text that speaks of the goals at all (see <see cref="ThemeTagger"/>),
/// because "gender equality" or "quality education" alone are ordinary phrases.</summary>
internal static class GoalDefinitions
{
    public static IReadOnlyList<Theme> All { get; } =
    [
        Goal(1, "No poverty", "no poverty", "end poverty", "poverty eradication"),
        Goal(2, "Zero hunger", "zero hunger", "end hunger"),
        Goal(3, "Good health and well-being", "good health and well-being", "healthy lives"),
        Goal(4, "Quality education", "quality education"),
        Goal(5, "Gender equality", "gender equality"),
        Goal(6, "Clean water and sanitation", "clean water and sanitation", "water and sanitation"),
        Goal(7, "Affordable and clean energy", "affordable and clean energy"),
        Goal(8, "Decent work and economic growth", "decent work and economic growth", "decent work"),
        Goal(9, "Industry, innovation and infrastructure", "industry, innovation and infrastructure"),
        Goal(10, "Reduced inequalities", "reduced inequalities", "reduce inequality"),
        Goal(11, "Sustainable cities and communities", "sustainable cities and communities"),
        Goal(12, "Responsible consumption and production", "responsible consumption and production"),
        Goal(13, "Climate action", "climate action"),
        Goal(14, "Life below water", "life below water"),
        Goal(15, "Life on land", "life on land"),
        Goal(16, "Peace, justice and strong institutions", "peace, justice and strong institutions"),
        Goal(17, "Partnerships for the goals", "partnerships for the goals"),
    ];

    public static string Id(int number) => "sdg/" + number.ToString(CultureInfo.InvariantCulture);

    private static Theme Goal(int number, string name, params string[] names) => new(
        Id(number),
        name,
        ThemeKind.SustainableDevelopmentGoal,
        names.Select(n => new ThemeTerm(n, TermWeight.Strong)).ToArray(),
        [],
        [],
        number);
}
