using System.Globalization;
using System.Text.RegularExpressions;
using KzRights.Parsing.Indicators;

namespace KzRights.Parsing.Entities;

/// <summary>What a mention's sentence states about the entity: the date nearest the mention (within the sentence)
/// under the key its verb gives (<c>ratified</c>, <c>accession</c>, <c>signed</c>, <c>inForce</c>, <c>approved</c>,
/// <c>adopted</c>, <c>amended</c>, <c>since</c>, else <c>date</c>), and for plans the period their name or the
/// words after it print ("2023–2025", "up to 2030" → <c>period</c> = <c>–2030</c>). Values are as precise as
/// printed: <c>2024-04-15</c>, <c>2020-06</c>, <c>2022</c>.</summary>
internal static partial class EntityAttributes
{
    private const int Reach = 140;

    public static IReadOnlyDictionary<string, string> Read(string text, IReadOnlyList<TextSpan> sentences, int start, int end, string kind)
    {
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var sentence = sentences.FirstOrDefault(s => start >= s.Start && start < s.End);
        if (sentence.Length == 0)
        {
            sentence = new TextSpan(0, text.Length);
        }

        if (kind == EntityKind.Plan)
        {
            var plan = PlanPeriodInName().Match(text[start..end]);
            if (!plan.Success)
            {
                plan = PlanPeriod().Match(text[end..Math.Min(text.Length, end + 40)]);
            }

            if (plan.Success)
            {
                attributes["period"] = plan.Groups["from"].Success
                    ? $"{plan.Groups["from"].Value}–{plan.Groups["to"].Value}"
                    : "–" + plan.Groups["to"].Value;
            }
        }

        var sentenceText = text[sentence.Start..sentence.End];
        var dates = PeriodReader.Read(sentenceText)
            .Where(p => p.Period is not null && p.Use is not PeriodUse.Plan and not PeriodUse.Unanchored)
            .Select(p => (Start: p.Start + sentence.Start, End: p.End + sentence.Start, p.Period, p.Use))
            .Where(p => p.End <= start || p.Start >= end)
            .Select(p => (p.Start, p.End, p.Period, p.Use, Distance: p.End <= start ? start - p.End : p.Start - end))
            .Where(p => p.Distance <= (kind == EntityKind.Institution ? 20 : Reach))
            .OrderBy(p => p.Distance)
            .ToList();
        if (dates.Count == 0 || kind == EntityKind.Institution && !SinceWord().IsMatch(text[dates[0].Start..dates[0].End]))
        {
            return attributes;
        }

        var date = dates[0];
        var value = Format(date.Period!);
        if (value is null)
        {
            return attributes;
        }

        var from = Math.Min(date.Start, start);
        var to = Math.Min(sentence.End, Math.Max(date.End, end) + 60);
        var window = text[from..to];
        var key = SinceWord().IsMatch(text[date.Start..date.End]) ? "since"
            : date.Use == PeriodUse.Citation && date.Start >= end && DateOfTheLaw().IsMatch(text[end..date.Start]) ? "adopted"
            : Cue(window);
        attributes[key] = value;
        return attributes;
    }

    private static string Cue(string window)
    {
        foreach (var (pattern, key) in Cues)
        {
            if (pattern.IsMatch(window))
            {
                return key;
            }
        }

        return "date";
    }

    private static readonly (Regex Pattern, string Key)[] Cues =
    [
        (new Regex(@"ratif|ратифиц", RegexOptions.IgnoreCase | RegexOptions.Compiled), "ratified"),
        (new Regex(@"accession|acceded|became\s+a\s+party|присоедин", RegexOptions.IgnoreCase | RegexOptions.Compiled), "accession"),
        (new Regex(
            @"entered\s+into\s+force|came\s+into\s+(?:force|effect)|in\s+(?:force|effect)|вступил",
            RegexOptions.IgnoreCase | RegexOptions.Compiled), "inForce"),
        (new Regex(@"\bsign(?:ed|ing)\b|подписа", RegexOptions.IgnoreCase | RegexOptions.Compiled), "signed"),
        (new Regex(@"\bapprov|утвержд", RegexOptions.IgnoreCase | RegexOptions.Compiled), "approved"),
        (new Regex(@"\b(?:adopted|adoption|passed|enacted)\b|принят", RegexOptions.IgnoreCase | RegexOptions.Compiled), "adopted"),
        (new Regex(@"\bamend|изменени|поправк", RegexOptions.IgnoreCase | RegexOptions.Compiled), "amended"),
    ];

    /// <summary>A period as precisely as it was printed: a day, a month, a year or a range of years.</summary>
    public static string? Format(IndicatorPeriod period)
    {
        var (s, e) = (period.Start, period.End);
        if (s is { } a && e is { } b)
        {
            if (a == b)
            {
                return a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            if (a.Year == b.Year && a.Month == 1 && a.Day == 1 && b.Month == 12 && b.Day == 31)
            {
                return a.Year.ToString(CultureInfo.InvariantCulture);
            }

            if (a.Year == b.Year && a.Month == b.Month && a.Day == 1 && b.Day == DateTime.DaysInMonth(b.Year, b.Month))
            {
                return a.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            }

            return a.Year == b.Year ? a.Year.ToString(CultureInfo.InvariantCulture) : $"{a.Year}–{b.Year}";
        }

        if (s is { } only)
        {
            // "since 2022" opens on 1 January; "since 1 January 2023" names the day.
            return only.Month == 1 && only.Day == 1 && !DayPrinted().IsMatch(period.Label)
                ? only.Year.ToString(CultureInfo.InvariantCulture)
                : only.Day == 1 && !DayPrinted().IsMatch(period.Label)
                    ? only.ToString("yyyy-MM", CultureInfo.InvariantCulture)
                    : only.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return e?.Year.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\s*(?:for\s+(?:the\s+(?:period|years)\s+)?|на\s+)?(?<from>\d{4})\s*[-–]\s*(?<to>\d{4})|^\s*(?:for\s+the\s+period\s+)?(?:up\s+to|until|" +
        @"till|до)\s+(?<to>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex PlanPeriod();

    [GeneratedRegex(@"(?<from>\d{4})\s*[-–]\s*(?<to>\d{4})|(?:up\s+to|until|till|до)\s+(?<to>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex PlanPeriodInName();

    /// <summary>A date printed right after a name, past its number in brackets ("Law on Communication (Law No. 200-V)
    /// of 23 April 2014", "Закон от 15 апреля 2024 года"), is the day the act was adopted.</summary>
    [GeneratedRegex(@"^\s*(?:\([^()]{1,40}\)\s*)?,?\s*$")]
    private static partial Regex DateOfTheLaw();

    [GeneratedRegex(@"\b(?:since|с)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SinceWord();

    [GeneratedRegex(@"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:January|February|March|April|" +
        @"May|June|July|August|September|October|November|December)\s+\d{1,2}\b|\d{1,2}\s+\p{L}+\s+\d{4}|\d{2}\.\d{2}\.\d{4}")]
    private static partial Regex DayPrinted();
}
