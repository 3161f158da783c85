namespace KzRights.Parsing.Indicators;

/// <summary>Cardinal and ordinal number words of English and Russian. "One" is deliberately absent: in this
/// corpus it is far more often a pronoun ("one of the", "one-stop shop") than a count.</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> EnglishUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> EnglishTens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    };

    // Units 1–9 that may follow a ten ("twenty-one"); "one" is fine there.
    private static readonly Dictionary<string, int> CompoundUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9,
    };

    private static readonly Dictionary<string, int> EnglishOrdinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6,
        ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
        ["thirteenth"] = 13, ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17,
        ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40,
        ["fiftieth"] = 50, ["sixtieth"] = 60, ["seventieth"] = 70, ["eightieth"] = 80, ["ninetieth"] = 90,
    };

    // Russian cardinals 2–10 in all the case forms a count can take ("в трех Планах", "двух лет").
    private static readonly Dictionary<string, int> Russian = new(StringComparer.OrdinalIgnoreCase)
    {
        ["два"] = 2, ["две"] = 2, ["двух"] = 2, ["двум"] = 2, ["двумя"] = 2,
        ["три"] = 3, ["трех"] = 3, ["трёх"] = 3, ["трем"] = 3, ["трём"] = 3, ["тремя"] = 3,
        ["четыре"] = 4, ["четырех"] = 4, ["четырёх"] = 4, ["четырем"] = 4, ["четырьмя"] = 4,
        ["пять"] = 5, ["пяти"] = 5, ["пятью"] = 5, ["шесть"] = 6, ["шести"] = 6, ["семь"] = 7, ["семи"] = 7,
        ["восемь"] = 8, ["восьми"] = 8, ["девять"] = 9, ["девяти"] = 9, ["десять"] = 10, ["десяти"] = 10,
    };

    /// <summary>The value of a cardinal word or hyphenated compound ("twelve", "twenty-nine", "трех").</summary>
    public static int? Cardinal(string word)
    {
        if (EnglishUnits.TryGetValue(word, out var unit) || Russian.TryGetValue(word, out unit))
        {
            return unit;
        }

        if (EnglishTens.TryGetValue(word, out var ten))
        {
            return ten;
        }

        var dash = word.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && EnglishTens.TryGetValue(word[..dash], out ten) && CompoundUnits.TryGetValue(word[(dash + 1)..], out unit))
        {
            return ten + unit;
        }

        return null;
    }

    /// <summary>The value of an ordinal word or compound ("sixty-sixth", "second").</summary>
    public static int? Ordinal(string word)
    {
        if (EnglishOrdinals.TryGetValue(word, out var value))
        {
            return value;
        }

        var dash = word.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && EnglishTens.TryGetValue(word[..dash], out var ten) && EnglishOrdinals.TryGetValue(word[(dash + 1)..], out var unit) && unit < 10)
        {
            return ten + unit;
        }

        return null;
    }
}
