using System.Globalization;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Text;

/// <summary>Expands a printed list of dotted recommendation numbers, as UPR documents cite them
/// (<c>139.1, 139.6–139.18, 139.28 and 139.72</c>), into every number it names, in printed order.</summary>
public static partial class DottedRecommendationList
{
    private const int MaxRangeLength = 500;

    /// <summary>Returns false with a reason (and no numbers) when any part of the list is not a number or a range
    /// of numbers, so that a caller can report the source line instead of guessing.</summary>
    public static bool TryExpand(string printedList, out IReadOnlyList<string> numbers, out string error)
    {
        numbers = [];
        var expanded = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in SeparatorPattern().Split(printedList.Trim()))
        {
            var match = ItemPattern().Match(item);
            if (!match.Success)
            {
                error = item.Length == 0 ? "empty item in the list" : $"'{item}' is neither a number such as 139.30 nor a range such as 139.30–139.43";
                return false;
            }

            var prefix = match.Groups["prefix"].Value;
            var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
            var last = first;
            if (match.Groups["last"].Success)
            {
                if (match.Groups["endPrefix"].Value != prefix)
                {
                    error = $"range '{item}' spans two recommendation paragraphs ({prefix} and {match.Groups["endPrefix"].Value})";
                    return false;
                }

                last = int.Parse(match.Groups["last"].Value, CultureInfo.InvariantCulture);
                if (last <= first)
                {
                    error = $"range '{item}' ends at or below its start";
                    return false;
                }

                // No UPR report has this many recommendations; such a range is a misprint, not a citation.
                if (last - first >= MaxRangeLength)
                {
                    error = $"range '{item}' names more than {MaxRangeLength.ToString(CultureInfo.InvariantCulture)} recommendations";
                    return false;
                }
            }

            for (var n = first; n <= last; n++)
            {
                var number = $"{prefix}.{n.ToString(CultureInfo.InvariantCulture)}";
                if (!seen.Add(number))
                {
                    error = $"{number} is named twice";
                    return false;
                }

                expanded.Add(number);
            }
        }

        numbers = expanded;
        error = string.Empty;
        return true;
    }

    // Items are separated by commas, "and", or both (", and").
    [GeneratedRegex(@"\s*,\s*(?:and\s+)?|\s+and\s+")]
    private static partial Regex SeparatorPattern();

    // Hyphen, en dash and em dash all occur as range marks in UN documents; leading zeros would make a printed
    // number differ from its expanded form, so they are not accepted.
    [GeneratedRegex(@"^(?<prefix>[1-9][0-9]{0,5})\.(?<first>[1-9][0-9]{0,5})(?:\s*[-–—]\s*(?<endPrefix>[1-9][0-9]{0,5})\.(?<last>[1-9][0-9]{0,5}))?$")]
    private static partial Regex ItemPattern();
}
