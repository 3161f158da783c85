using System.Text;

namespace KzRights.Parsing.Text;

/// <summary>The value of a printed roman numeral, so that chapter numbering can be checked for gaps and repeats.</summary>
public static class RomanNumeralValue
{
    /// <summary>The value of a well-formed numeral (I to MMMCMXCIX), or null for anything else (e.g. "IIII", "VX").</summary>
    public static int? Parse(string numeral)
    {
        if (numeral.Length == 0)
        {
            return null;
        }

        var total = 0;
        for (var i = 0; i < numeral.Length; i++)
        {
            var value = Digit(numeral[i]);
            if (value == 0)
            {
                return null;
            }

            var next = i + 1 < numeral.Length ? Digit(numeral[i + 1]) : 0;
            total += next > value ? -value : value;
        }

        // Round-tripping rejects non-canonical spellings that the additive rule above would still accept.
        return total is > 0 and < 4000 && Format(total) == numeral ? total : null;
    }

    public static string Format(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 3999);
        ReadOnlySpan<(int Value, string Numeral)> table =
        [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ];
        var result = new StringBuilder();
        foreach (var (unit, numeral) in table)
        {
            while (value >= unit)
            {
                result.Append(numeral);
                value -= unit;
            }
        }

        return result.ToString();
    }

    private static int Digit(char c) => c switch
    {
        'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, 'D' => 500, 'M' => 1000,
        _ => 0,
    };
}
