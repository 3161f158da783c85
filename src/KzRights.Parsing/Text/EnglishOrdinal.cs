using System.Globalization;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Text;

/// <summary>Reads an English ordinal as UN mastheads print session numbers: in words ("Ninety-third",
/// "One hundred and fifth", "Hundredth", "Two hundred and twenty-first") or in figures ("105th"). Hand-written
/// because no package on our mirror parses ordinal words (Humanizer only writes them); the vocabulary is closed.</summary>
public static partial class EnglishOrdinal
{
    private static readonly Dictionary<string, int> Cardinals = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["thousand"] = 1000,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13,
        ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18,
        ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50,
        ["sixtieth"] = 60, ["seventieth"] = 70, ["eightieth"] = 80, ["ninetieth"] = 90, ["hundredth"] = 100,
        ["thousandth"] = 1000,
    };

    /// <summary>The number of an ordinal such as "One hundred and fifth" (105); false for anything else, including
    /// a cardinal ("One hundred") or words in an impossible order ("fifth hundred").</summary>
    public static bool TryParse(string text, out int value)
    {
        value = 0;
        var figures = FiguresPattern().Match(text.Trim());
        if (figures.Success)
        {
            return int.TryParse(figures.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
        }

        var words = text.Trim().ToLowerInvariant().Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w != "and").ToArray();
        if (words.Length == 0 || !Ordinals.TryGetValue(words[^1], out var last))
        {
            return false;
        }

        int total = 0, group = 0, previous = int.MaxValue;
        foreach (var (word, i) in words.Select((w, i) => (w, i)))
        {
            var number = i == words.Length - 1 ? last : Cardinals.GetValueOrDefault(word);
            if (number == 0)
            {
                return false;
            }

            if (number == 1000)
            {
                total += Math.Max(group, 1) * 1000;
                group = 0;
                previous = int.MaxValue;
            }
            else if (number == 100)
            {
                if (group >= 100)
                {
                    return false;
                }

                group = Math.Max(group, 1) * 100;
                previous = int.MaxValue;
            }
            else
            {
                // Below a hundred the words fall: "ninety third", never "third ninety" or "twenty thirty".
                if (number >= previous || (previous < 20 && previous != int.MaxValue))
                {
                    return false;
                }

                group += number;
                previous = number;
            }
        }

        value = total + group;
        return value > 0;
    }

    [GeneratedRegex(@"^(?<number>[1-9][0-9]{0,3})(?:st|nd|rd|th)$")]
    private static partial Regex FiguresPattern();
}
