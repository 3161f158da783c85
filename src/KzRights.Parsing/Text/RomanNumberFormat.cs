using System.Text;

namespace KzRights.Parsing.Text;

/// <summary>Canonical roman numerals (I–MMMCMXCIX), in either case. Parsing accepts only the canonical spelling, so
/// "IIII" or "VX" are rejected instead of being read as a number the document never printed.</summary>
public static class RomanNumberFormat
{
    private static readonly (int Value, string Symbol)[] Symbols =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    /// <summary>The upper-case numeral of <paramref name="value"/> (1–3999).</summary>
    public static string ToRoman(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 3999);
        var sb = new StringBuilder();
        foreach (var (symbolValue, symbol) in Symbols)
        {
            while (value >= symbolValue)
            {
                sb.Append(symbol);
                value -= symbolValue;
            }
        }

        return sb.ToString();
    }

    /// <summary>Reads a canonical numeral written all in upper case or all in lower case.</summary>
    public static bool TryParse(string text, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 15 || !(text.All(char.IsUpper) || text.All(char.IsLower)))
        {
            return false;
        }

        var upper = text.ToUpperInvariant();
        var position = 0;
        var total = 0;
        foreach (var (symbolValue, symbol) in Symbols)
        {
            while (string.CompareOrdinal(upper, position, symbol, 0, symbol.Length) == 0 && position + symbol.Length <= upper.Length)
            {
                total += symbolValue;
                position += symbol.Length;
            }
        }

        if (position != upper.Length || total is < 1 or > 3999 || ToRoman(total) != upper)
        {
            return false;
        }

        value = total;
        return true;
    }
}
