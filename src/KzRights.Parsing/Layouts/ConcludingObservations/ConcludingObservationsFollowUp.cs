using System.Globalization;
using System.Text.RegularExpressions;
using KzRights.Parsing.Model;

namespace KzRights.Parsing.Layouts;

/// <summary>The paragraph that asks for information on the implementation of named recommendations by a date
/// (under rule 75 of the Committee's rules of procedure): its deadline and the paragraphs it names, with the theme
/// printed in brackets after each number, if any.</summary>
internal sealed partial record ConcludingObservationsFollowUp(Paragraph Paragraph, DateOnly Deadline, string Phrase, IReadOnlyDictionary<int, string?> Numbers)
{
    public static ConcludingObservationsFollowUp? Read(DocumentBuilder builder)
    {
        var candidates = builder.Paragraphs.Where(p => FollowUpWording().IsMatch(p.Text)).ToArray();
        if (candidates.Length == 0)
        {
            builder.Info(1, "no paragraph asks for follow-up information on named recommendations");
            return null;
        }

        if (candidates.Length > 1)
        {
            throw builder.Source.Error(candidates[1].StartLine, $"a second follow-up request (the first is paragraph {candidates[0].Number})");
        }

        var paragraph = candidates[0];
        var deadline = FollowUpDeadlinePattern().Match(paragraph.Text);
        if (!deadline.Success
            || !DateOnly.TryParseExact(deadline.Groups["date"].Value, "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw builder.Source.Error(
                paragraph.StartLine,
                "the follow-up request names no deadline of the form 'by 18 July 2028, information on the implementation of the recommendations'");
        }

        var list = FollowUpListPattern().Match(paragraph.Text);
        var bare = list.Success ? Parenthetical().Replace(list.Groups["list"].Value, string.Empty) : string.Empty;
        if (!NumberListPattern().IsMatch(bare))
        {
            throw builder.Source
                .Error(paragraph.StartLine, "the follow-up request names no list of paragraphs of the form 'in paragraphs 12 (…), 34 (…) and 52 (…) above'");
        }

        var themes = NumberWithTheme().Matches(list.Groups["list"].Value)
            .ToDictionary(m => int.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture), m => m.Groups["theme"].Value);
        var numbers = new SortedDictionary<int, string?>();
        foreach (Match m in Number().Matches(bare))
        {
            var number = int.Parse(m.Value, CultureInfo.InvariantCulture);
            if (!numbers.TryAdd(number, themes.GetValueOrDefault(number)))
            {
                throw builder.Source.Error(paragraph.StartLine, $"the follow-up request names paragraph {number} twice");
            }
        }

        return new ConcludingObservationsFollowUp(paragraph, date, deadline.Groups["phrase"].Value, numbers);
    }

    [GeneratedRegex(@"\binformation on the implementation of the recommendations\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUpWording();

    [GeneratedRegex(
        @"(?<phrase>(?:requested to provide,?\s+)?by (?<date>\d{1,2} \p{Lu}\p{Ll}+ \d{4}),?\s+information on the implementation of the recommendations)")]
    private static partial Regex FollowUpDeadlinePattern();

    [GeneratedRegex(@"\brecommendations made by the Committee in paragraphs? (?<list>.+?) above\b")]
    private static partial Regex FollowUpListPattern();

    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^\d+(?:(?:\s*,\s*|\s*,?\s+and\s+)\d+)*$")]
    private static partial Regex NumberListPattern();

    [GeneratedRegex(@"(?<number>\d+)\s*\((?<theme>[^()]*)\)")]
    private static partial Regex NumberWithTheme();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
