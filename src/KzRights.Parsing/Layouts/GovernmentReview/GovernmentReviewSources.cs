using System.Text.RegularExpressions;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>Reads the closing list of sources: entries marked i, ii, iii, … with the lower-case roman marker glued
/// to the text (<c>xixInformation portal…</c>), sometimes wrapped over further lines (<c>Affairs</c>, a URL).</summary>
internal static partial class GovernmentReviewSources
{
    /// <summary>Splits a glued marker off the start of <paramref name="text"/>, given the numeral the sequence
    /// expects next. The expected numeral decides where the marker ends, so <c>xixInformation</c> with xix expected
    /// reads as "xix" + "Information" even though "I" is a roman digit too. Returns null when the text starts with
    /// no marker (it continues the entry above); throws <see cref="FormatException"/> when it starts with another
    /// numeral than the expected one (a gap or a repeat).</summary>
    public static (string Marker, string Text)? SplitMarker(string text, int expected)
    {
        var expectedNumeral = Numeral(expected);
        var body = text;
        var wrapped = SuperscriptWrapper().Match(text);
        if (wrapped.Success)
        {
            // "^v" / "^{xi}": the converter's notation for a superscript marker.
            body = wrapped.Groups["numeral"].Value + text[wrapped.Length..];
        }

        if (body.StartsWith(expectedNumeral, StringComparison.Ordinal))
        {
            var rest = body[expectedNumeral.Length..];
            var longerRun = LeadingRomanRun().Match(body).Value;
            if (longerRun.Length > expectedNumeral.Length && RomanNumeralValue.Parse(longerRun.ToUpperInvariant()) is { } longer && longer != expected
                && !StartsWithLowerCaseWord(body[longerRun.Length..]))
            {
                throw new FormatException($"source marker '{longerRun}' where '{expectedNumeral}' is expected");
            }

            return (expectedNumeral, rest.Trim());
        }

        var run = LeadingRomanRun().Match(body).Value;
        var afterRun = body[run.Length..];
        if (run.Length > 0 && (wrapped.Success || !StartsWithLowerCaseWord(afterRun)) && RomanNumeralValue.Parse(run.ToUpperInvariant()) is not null)
        {
            throw new FormatException($"source marker '{run}' where '{expectedNumeral}' is expected");
        }

        return null;
    }

    /// <summary>Parses lines <paramref name="first"/>..<paramref name="last"/> into references, accounting for
    /// every line. A marker printed as "*" in the place of the expected numeral is read as that numeral (with a
    /// warning) only when the entry after it carries the numeral after that; otherwise the list has a gap.</summary>
    public static void Parse(DocumentBuilder builder, int first, int last)
    {
        var source = builder.Source;
        var textLines = Enumerable.Range(first, Math.Max(0, last - first + 1))
            .Where(l => !string.IsNullOrWhiteSpace(source.Line(l)))
            .ToList();
        var expected = 1;
        (string Marker, int Line, List<string> Parts)? current = null;

        void Close()
        {
            if (current is { } entry)
            {
                var text = TextCleaner.NormalizeWhitespace(string.Join(' ', entry.Parts)).TrimEnd(';').TrimEnd();
                builder.References.Add(new SourceReference(
                    StableId.Reference(builder.Slug, entry.Marker), builder.Slug, entry.Marker, text, FirstUrl(text), entry.Line));
            }
        }

        for (var i = 0; i < textLines.Count; i++)
        {
            var line = textLines[i];
            var text = TextCleaner.Clean(source.Line(line));
            (string Marker, string Text)? split;
            try
            {
                split = SplitMarker(text, expected);
            }
            catch (FormatException e)
            {
                throw source.Error(line, e.Message + " (the sources must run i, ii, iii, … without gaps)");
            }

            if (split is null && text.StartsWith('*'))
            {
                if (!StartsWithNumeral(source, textLines, i + 1, expected + 1))
                {
                    throw source.Error(line, $"'*' where source marker '{Numeral(expected)}' is expected, and the next entry is not '{Numeral(expected + 1)}'");
                }

                builder.Warning(line, $"source marker printed as '*' in the place of '{Numeral(expected)}' (the next entry is '{Numeral(expected + 1)}'): " +
                    $"read as '{Numeral(expected)}'");
                split = (Numeral(expected), text[1..].Trim());
            }

            if (split is { } entry)
            {
                Close();
                current = (entry.Marker, line, [entry.Text]);
                builder.Ledger.Keep(line, StableId.Reference(builder.Slug, entry.Marker));
                expected++;
            }
            else if (current is { } open)
            {
                open.Parts.Add(text);
                builder.Ledger.Join(line, StableId.Reference(builder.Slug, open.Marker));
            }
            else
            {
                throw source.Error(line, $"source text before the first marker 'i': \"{text}\"");
            }
        }

        Close();
        if (current is null)
        {
            throw source.Error(first, "the list of sources is empty");
        }
    }

    /// <summary>The first http(s) URL in the text, without the list punctuation after it.</summary>
    public static string? FirstUrl(string text)
    {
        var match = UrlPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var url = match.Value.TrimEnd(';', ',', '.');
        if (url.EndsWith(')') && !url.Contains('(', StringComparison.Ordinal))
        {
            url = url.TrimEnd(')').TrimEnd(';', ',', '.');
        }

        return url;
    }

    private static string Numeral(int value) => RomanNumeralValue.Format(value).ToLowerInvariant();

    private static bool StartsWithNumeral(SourceDocument source, List<int> textLines, int index, int numeral)
    {
        if (index >= textLines.Count)
        {
            return false;
        }

        try
        {
            return SplitMarker(TextCleaner.Clean(source.Line(textLines[index])), numeral) is not null;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // "information…" after a run of roman letters means the run was the start of a word, not a marker.
    private static bool StartsWithLowerCaseWord(string rest) => rest.Length > 0 && char.IsLower(rest[0]);

    [GeneratedRegex(@"^\^\{?(?<numeral>[ivxlc]+)\}?")]
    private static partial Regex SuperscriptWrapper();

    [GeneratedRegex(@"^[ivxlc]+")]
    private static partial Regex LeadingRomanRun();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();
}
