using System.Globalization;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Themes;

/// <summary>Finds goals named by number: "Sustainable Development Goal 16", "SDG 5", "SDGs 5 and 16",
/// "ЦУР ООН №16", "цели устойчивого развития № 4", and "Goal 3" in a text that speaks of the goals.
/// Works on text normalised by <see cref="ThemeText.Normalize"/>.</summary>
internal static partial class GoalMentions
{
    public static bool SpeaksOfGoals(string normalizedText) => GoalContextPattern().IsMatch(normalizedText);

    /// <summary>Each goal number mentioned (1–17) with the phrase that names it and where that phrase stands, in
    /// order of appearance.</summary>
    public static IEnumerable<(int Goal, string Mention, int Index, int Length)> Find(string normalizedText)
    {
        var matches = ExplicitPattern().Matches(normalizedText).AsEnumerable();
        if (SpeaksOfGoals(normalizedText))
        {
            matches = matches.Concat(BareGoalPattern().Matches(normalizedText)).OrderBy(m => m.Index);
        }

        var seen = new HashSet<int>();
        foreach (var match in matches)
        {
            foreach (Capture capture in match.Groups["n"].Captures)
            {
                var goal = int.Parse(capture.Value, NumberStyles.None, CultureInfo.InvariantCulture);
                if (goal is >= 1 and <= 17 && seen.Add(goal))
                {
                    yield return (goal, match.Value.Trim(), match.Index, match.Length);
                }
            }
        }
    }

    // A list continues with "and" ("SDGs 5 and 16") or with commas that lead to one ("Goals 1, 3 and 4"), so a
    // count after a goal ("Goal 16, 5 of which ...") is not read as another goal.
    private const string Numbers =
        @"(?:no\.?\s*|№\s*|#\s*|number\s+)?(?<n>\d{1,2})(?!\d)" +
        @"(?:\s*,\s*(?:№\s*)?(?<n>\d{1,2})(?=\s*(?:,|&|\s(?:and|и)\s)\s*(?:№\s*)?\d))*" +
        @"(?:(?:\s+(?:and|и)\s+|\s*&\s*)(?:№\s*)?(?<n>\d{1,2})(?!\d))?";

    [GeneratedRegex(
        @"(?<!\w)(?:sustainable\s+development\s+goals?|sdgs?|цур(?:\s+оон)?|цел\w*\s+устойчивого\s+развития(?:\s+оон)?)[\s\-]*" + Numbers,
        RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitPattern();

    // "Goal 4" alone could be any plan's goal; it names an SDG only in a text that mentions the SDGs.
    [GeneratedRegex(@"(?<!\w)(?:goals?|цел[ьиейя]\w*)\s+" + Numbers, RegexOptions.CultureInvariant)]
    private static partial Regex BareGoalPattern();

    [GeneratedRegex(
        @"sustainable\s+development\s+goal|(?<!\w)sdgs?(?!\w)|(?<!\w)цур(?!\w)|целей\s+устойчивого\s+развития|цели\s+устойчивого\s+развития|2030\s+agenda",
        RegexOptions.CultureInvariant)]
    private static partial Regex GoalContextPattern();
}
