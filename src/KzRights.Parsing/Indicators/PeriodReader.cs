using System.Globalization;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Indicators;

/// <summary>How a calendar expression is used in its sentence; only <see cref="Statement"/> and
/// <see cref="Deadline"/> periods are periods of numbers.</summary>
internal enum PeriodUse
{
    /// <summary>"in 2023", "since 2016", "between 2020 and 2024", "as at 1 January 2024".</summary>
    Statement,

    /// <summary>"by 2030", "by the end of 2025": the date a target is to be reached.</summary>
    Deadline,

    /// <summary>"a law of 7 February 2022", "Decree … of 8 December 2023", "dated July 13, 2022".</summary>
    Citation,

    /// <summary>"than in 2022", "compared to 2020".</summary>
    Comparison,

    /// <summary>"Plan … for 2023–2025", "framework up to 2030", "до 2030 года": the horizon of a plan.</summary>
    Plan,

    /// <summary>A year inside a name or title: "Sendai Framework 2015–2030", "the 2020 reform", "resolution 1325 (2000)".</summary>
    Name,

    /// <summary>A day and month without a year ("on 8 March"): not a period, but its numbers are not indicators.</summary>
    Unanchored,
}

/// <summary>A calendar expression of the text. <see cref="Start"/> includes its preposition ("In 2023").</summary>
internal sealed record PeriodMention(int Start, int End, IndicatorPeriod? Period, PeriodUse Use)
{
    public bool IsUsable => Period is not null && Use is PeriodUse.Statement or PeriodUse.Deadline;
}

/// <summary>Finds calendar expressions (years, dates, months, ranges, halves, open and closed periods) in
/// English and Russian text and says how each is used.</summary>
internal static partial class PeriodReader
{
    private const string EnglishMonths = "January|February|March|April|May|June|July|August|September|October|November|December";

    private const string RussianMonths
        = @"(?i:январ\p{L}*|феврал\p{L}*|март\p{L}*|апрел\p{L}*|ма[йя]|июн\p{L}*|июл\p{L}*|август\p{L}*|сентябр\p{L}*|октябр\p{L}*|ноябр\p{L}*|декабр\p{L}*)";

    private static readonly string[] PlanNouns =
    [
        "plan", "plans", "programme", "programmes", "program", "framework", "strategy", "concept", "road map",
        "roadmap", "agenda", "project", "policy", "map", "initiative", "план", "программ", "концепц", "стратег",
    ];

    public static IReadOnlyList<PeriodMention> Read(string text)
    {
        var cores = ReadCores(text);
        var mentions = new List<PeriodMention>();
        for (var i = 0; i < cores.Count; i++)
        {
            var core = cores[i];

            // "between 2020 and 2024", "from 2020 to July 2025", "the years 2022 and 2023": two cores, one period.
            if (i + 1 < cores.Count && core.Period is not null && cores[i + 1].Period is not null
                && JoinRange(text, core, cores[i + 1]) is { } joined)
            {
                mentions.Add(Classify(text, joined.Start, joined.End, joined.Period, joined.Label, joined.IsRange, ownPreposition: true));
                i++;
                continue;
            }

            mentions.Add(core.Period is null
                ? new PeriodMention(core.Start, core.End, null, PeriodUse.Unanchored)
                : Classify(text, core.Start, core.End, core.Period, core.Label, core.IsRange));
        }

        return mentions;
    }

    private sealed record Core(int Start, int End, IndicatorPeriod? Period, string Label, bool IsRange, bool IsYearOnly, int Year);

    private sealed record Joined(int Start, int End, IndicatorPeriod Period, string Label, bool IsRange);

    private static List<Core> ReadCores(string text)
    {
        var cores = new List<Core>();
        foreach (Match m in CorePattern().Matches(text))
        {
            var core = ToCore(m);
            if (core is not null)
            {
                cores.Add(core);
            }
        }

        return cores;
    }

    private static Core? ToCore(Match m)
    {
        var g = m.Groups;
        if (g["ry1"].Success)
        {
            var y1 = Int(g["ry1"].Value);
            var y2 = Int(g["ry2"].Value);
            if (!IsYear(y1) || !IsYear(y2) || y2 < y1)
            {
                return null;
            }

            return new Core(m.Index, m.Index + m.Length, new IndicatorPeriod($"{y1}–{y2}", YearStart(y1), YearEnd(y2)), $"{y1}–{y2}", true, false, y2);
        }

        if (g["mon"].Success)
        {
            var month = Month(g["mon"].Value);
            if (month is null)
            {
                return null;
            }

            var year = g["y"].Success ? Int(g["y"].Value) : (int?)null;
            if (year is not null && !IsYear(year.Value))
            {
                return null;
            }

            var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month.Value);
            if (!g["d1"].Success)
            {
                if (year is null)
                {
                    return null;
                }

                var first = new DateOnly(year.Value, month.Value, 1);
                var label = $"{monthName} {year}";
                return new Core(
                    m.Index,
                    m.Index + m.Length,
                    new IndicatorPeriod(label, first, first.AddMonths(1).AddDays(-1)),
                    label,
                    false,
                    false,
                    year.Value);
            }

            var d1 = Int(g["d1"].Value);
            var d2 = g["d2"].Success ? Int(g["d2"].Value) : d1;
            if (d1 is < 1 or > 31 || d2 is < 1 or > 31)
            {
                return null;
            }

            if (year is null)
            {
                return new Core(m.Index, m.Index + m.Length, null, string.Empty, false, false, 0);
            }

            var days = DateTime.DaysInMonth(year.Value, month.Value);
            var startDate = new DateOnly(year.Value, month.Value, Math.Min(d1, days));
            var endDate = new DateOnly(year.Value, month.Value, Math.Min(d2, days));
            var dateLabel = d1 == d2 ? $"{d1} {monthName} {year}" : $"{d1}–{d2} {monthName} {year}";
            return new Core(m.Index, m.Index + m.Length, new IndicatorPeriod(dateLabel, startDate, endDate), dateLabel, d1 != d2, false, year.Value);
        }

        var y = Int(g["y0"].Value);
        if (!IsYear(y))
        {
            return null;
        }

        var yearLabel = y.ToString(CultureInfo.InvariantCulture);
        return new Core(m.Index, m.Index + m.Length, new IndicatorPeriod(yearLabel, YearStart(y), YearEnd(y)), yearLabel, false, true, y);
    }

    private static Joined? JoinRange(string text, Core first, Core second)
    {
        var between = text[first.End..second.Start];
        var before = Before(text, first.Start, 40);
        var halfMatch = BetweenHalfPattern().Match(between);
        if (halfMatch.Success && second.IsYearOnly && BetweenWord().IsMatch(before))
        {
            var end = halfMatch.Groups["which"].Value.Equals("first", StringComparison.OrdinalIgnoreCase)
                ? new DateOnly(second.Year, 6, 30) : YearEnd(second.Year);
            var start = first.Period!.Start;
            var label = $"{first.Label} to {halfMatch.Groups["which"].Value.ToLowerInvariant()} half of {second.Year}";
            return new Joined(StartOfWord(before, first.Start, BetweenWord()), second.End, new IndicatorPeriod(label, start, end), label, true);
        }

        var isAnd = AndPattern().IsMatch(between) && (BetweenWord().IsMatch(before) || TheYearsWord().IsMatch(before));
        var isTo = ToPattern().IsMatch(between) && FromWord().IsMatch(before);
        if (!isAnd && !isTo)
        {
            return null;
        }

        var labelRange = $"{first.Label}–{second.Label}";
        var startWord = isTo ? StartOfWord(before, first.Start, FromWord()) : BetweenWord().IsMatch(before)
            ? StartOfWord(before, first.Start, BetweenWord()) : StartOfWord(before, first.Start, TheYearsWord());
        return new Joined(startWord, second.End, new IndicatorPeriod(labelRange, first.Period!.Start, second.Period!.End), labelRange, true);
    }

    private static int StartOfWord(string before, int coreStart, Regex word)
    {
        var m = word.Match(before);
        return m.Success ? coreStart - before.Length + m.Index : coreStart;
    }

    /// <summary>Reads the words before a calendar expression (and the expression's own modifiers) to say how it
    /// is used and what period it states.</summary>
    private static PeriodMention Classify(string text, int start, int end, IndicatorPeriod period, string label, bool isRange, bool ownPreposition = false)
    {
        var before = Before(text, start, 60);

        // Modifiers that change the period itself: halves, first months, beginning and end of a year.
        var half = HalfPrefix().Match(before);
        if (half.Success && period.Start is { } hs && !isRange)
        {
            var first = half.Groups["which"].Value.Equals("first", StringComparison.OrdinalIgnoreCase);
            var y = hs.Year;
            var halfLabel = $"{(first ? "first" : "second")} half of {y}";
            period = new IndicatorPeriod(halfLabel, first ? YearStart(y) : new DateOnly(y, 7, 1), first ? new DateOnly(y, 6, 30) : YearEnd(y));
            start -= half.Length;
            before = Before(text, start, 60);
        }

        var months = MonthsOfPrefix().Match(before);
        if (months.Success && period.Start is { } ms && !isRange)
        {
            var n = NumberWords.Cardinal(months.Groups["n"].Value) ?? Int(months.Groups["n"].Value);
            if (n is >= 1 and <= 12)
            {
                var monthsLabel = $"first {n} months of {ms.Year}";
                period = new IndicatorPeriod(monthsLabel, YearStart(ms.Year), new DateOnly(ms.Year, n, 1).AddMonths(1).AddDays(-1));
                start -= months.Length;
                before = Before(text, start, 60);
            }
        }

        var boundary = BoundaryPrefix().Match(before);
        var atBeginning = false;
        var atEnd = false;
        if (boundary.Success && period.End is { } be)
        {
            atBeginning = boundary.Groups["which"].Value.Equals("beginning", StringComparison.OrdinalIgnoreCase);
            atEnd = !atBeginning;
            start -= boundary.Length;
            before = Before(text, start, 60);
            if (atEnd)
            {
                period = new IndicatorPeriod($"end of {label}", be, be);
            }
            else
            {
                period = new IndicatorPeriod($"beginning of {label}", period.Start, period.Start);
            }
        }

        var prefix = PrefixPattern().Match(before);
        var word = prefix.Success ? prefix.Groups["p"].Value.ToLowerInvariant() : string.Empty;
        var prefixStart = prefix.Success ? start - before.Length + prefix.Index : start;
        var core = period;

        (PeriodUse Use, IndicatorPeriod Period) result = word switch
        {
            "since" or "as from" or "starting from" or "starting in" or "beginning in" or "beginning from" or "with effect from" or "effective from"
                or "starting" or "beginning" or "с" =>
                (PeriodUse.Statement, new IndicatorPeriod($"since {Strip(core.Label)}", core.Start, null)),
            "from" => (PeriodUse.Statement, new IndicatorPeriod($"since {Strip(core.Label)}", core.Start, null)),
            "as at" or "as of" => (PeriodUse.Statement, new IndicatorPeriod($"as at {core.Label}",
                atEnd ? core.End : core.Start, core.End)),
            "at" when atEnd => (PeriodUse.Statement, core),
            "by" => (PeriodUse.Deadline, new IndicatorPeriod($"by {core.Label}", null, core.End)),
            "until" or "till" or "up to" or "до" => (PeriodUse.Plan, core),
            "of" or "dated" or "от" => (PeriodUse.Citation, core),
            "than" or "than in" or "compared with" or "compared to" or "as against" or "against" => (PeriodUse.Comparison, core),
            "" => (ownPreposition || IsSentenceStart(text, start) || RussianYearWord().IsMatch(text[start..end]) ? PeriodUse.Statement : PeriodUse.Name, core),
            _ => (PeriodUse.Statement, core),
        };

        if (atBeginning && word is "since" or "from" or "с")
        {
            result = (PeriodUse.Statement, new IndicatorPeriod($"since {core.Label}", core.Start, null));
        }

        if (result.Use == PeriodUse.Statement && word is "for" or "for the period" or "covering the period" && IsPlanContext(text, prefixStart))
        {
            result = (PeriodUse.Plan, core);
        }

        if (word == "covering the period")
        {
            result = (PeriodUse.Plan, core);
        }

        if (word.Length == 0 && result.Use == PeriodUse.Name && text.Length > end && IsPlanContext(text, start))
        {
            result = (PeriodUse.Plan, core);
        }

        // "amendments, adopted in 2020, to the Act …": an aside dating the noun before it, not the sentence's numbers.
        if (result.Use == PeriodUse.Statement && DatingAsideBefore().IsMatch(Before(text, prefix.Success ? prefixStart : start, 40))
            && AsideEnd().IsMatch(text[end..]))
        {
            result = (PeriodUse.Citation, core);
        }

        return new PeriodMention(prefix.Success ? prefixStart : start, end, result.Period, result.Use);
    }

    [GeneratedRegex(@",\s*(?:adopted|approved|signed|ratified|enacted|amended|passed)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DatingAsideBefore();

    [GeneratedRegex(@"^\s*,")]
    private static partial Regex AsideEnd();

    private static string Strip(string label) =>
        label.StartsWith("beginning of ", StringComparison.Ordinal) ? label["beginning of ".Length..] : label;

    private static bool IsPlanContext(string text, int position)
    {
        var before = Before(text, position, 80).ToLowerInvariant();
        var words = WordSplit().Split(before).Where(w => w.Length > 0).TakeLast(7).ToArray();
        return words.Any(w => PlanNouns.Any(p => w.StartsWith(p, StringComparison.Ordinal)))
            || before.TrimEnd().EndsWith('(') && words.Length > 0 && PlanNouns.Any(p => words[^1].StartsWith(p, StringComparison.Ordinal));
    }

    private static bool IsSentenceStart(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '«' or '('))
        {
            i--;
        }

        return i < 0 || text[i] is '.' or ';' or ':' or '!' or '?';
    }

    private static string Before(string text, int position, int length)
    {
        var from = Math.Max(0, position - length);
        return text[from..position];
    }

    private static bool IsYear(int y) => y is >= 1900 and <= 2100;

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DateOnly YearStart(int y) => new(y, 1, 1);

    private static DateOnly YearEnd(int y) => new(y, 12, 31);

    private static int? Month(string name)
    {
        var lower = name.ToLowerInvariant();
        string[] english = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        var index = Array.IndexOf(english, lower);
        if (index >= 0)
        {
            return index + 1;
        }

        string[] russian = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];
        for (var i = russian.Length - 1; i >= 0; i--)
        {
            if (lower.StartsWith(russian[i], StringComparison.Ordinal) && (i != 4 || lower is "май" or "мая"))
            {
                return i + 1;
            }
        }

        return null;
    }

    // Order matters: day-month-year before month-year before year ranges before single years.
    [GeneratedRegex(
        @"(?<![\d/.,])(?:" +
        @"(?<d1>\d{1,2})(?:\s*(?:and|и|–|-|—)\s*(?<d2>\d{1,2}))?\s+(?<mon>" + EnglishMonths + "|" + RussianMonths + @")(?:\s+(?<y>\d{4})(?:\s*(?:года|" +
            @"г\.))?)?(?![\p{L}\d])" +
        @"|(?<mon>" + EnglishMonths + @")\s+(?<d1>\d{1,2})(?!\d)(?:\s*[–-]\s*(?<d2>\d{1,2}))?(?:,?\s*(?<y>\d{4})(?![\d/]))?" +
        @"|(?<mon>" + EnglishMonths + "|" + RussianMonths + @")\s+(?<y>\d{4})(?![\d/])(?:\s*года)?" +
        @"|(?<ry1>\d{4})\s*[–—-]\s*(?<ry2>\d{4})(?![\d/])(?:\s*(?:годах|годов|годы|гг\.?))?" +
        @"|(?<y0>\d{4})(?![\d/]|[.,]\d)(?:\s*(?:году|года|год|г\.))?" +
        @")")]
    private static partial Regex CorePattern();

    [GeneratedRegex(@"^\s*(?:and|to|и|по|–|-)\s+(?:the\s+)?(?<which>first|second)\s+half\s+of\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BetweenHalfPattern();

    [GeneratedRegex(@"^\s*(?:and|и)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AndPattern();

    [GeneratedRegex(@"^\s*(?:to|по|до)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ToPattern();

    [GeneratedRegex(@"\b(?:between|между)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BetweenWord();

    [GeneratedRegex(@"\bthe\s+years\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TheYearsWord();

    [GeneratedRegex(@"(?:\b(?:from)|(?<![\p{L}])[сС])\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FromWord();

    [GeneratedRegex(@"\b(?:the\s+)?(?<which>first|second)\s+half\s+of\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex HalfPrefix();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<n>\d{1,2}|\p{L}+)\s+months\s+of\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthsOfPrefix();

    [GeneratedRegex(@"\bthe\s+(?<which>beginning|end|start)\s+of\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPrefix();

    // The preposition right before a calendar expression; "the period" and "the" are transparent.
    [GeneratedRegex(
        @"(?<![\p{L}])(?<p>since|as from|starting from|starting in|beginning in|beginning from|with effect from|" +
            @"effective from|starting|beginning|from|as at|as of|at|by|until|till|up to|of|dated|than in|than|compared " +
            @"with|compared to|as against|against|in the period|over the period|for the period|during the period|covering the " +
                @"period|in|during|for|on|over|within|through|throughout|с|в период|в|на|за|до|от|к)\s+(?:the\s+)?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex WordSplit();

    // "2021–2025 годов", "2023 года": the Russian word for "year" marks a calendar period even without a preposition.
    [GeneratedRegex(@"(?:году|года|годах|годов|годы|гг\.?)$")]
    private static partial Regex RussianYearWord();
}
