using System.Globalization;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Indicators;

/// <summary>Attaches to each number the period its sentence states for it (README, "Period").</summary>
internal sealed partial class ParagraphAnalysis
{
    private void AssignPeriods()
    {
        foreach (var c in _candidates)
        {
            c.LocalPeriod = FollowingPeriod(c);
        }

        // "to 26.8 per cent and 14.2 per cent, respectively, by 2030": coordinated numbers share the period.
        for (var i = _candidates.Count - 2; i >= 0; i--)
        {
            var c = _candidates[i];
            var next = _candidates[i + 1];
            if (c.LocalPeriod is null && next.LocalPeriod is not null && next.Sentence == c.Sentence
                && CoordinatedValues().IsMatch(Slice(c.QuoteEnd, next.QuoteStart)))
            {
                c.LocalPeriod = next.LocalPeriod;
            }
        }

        var usedLocally = _candidates.Where(c => c.LocalPeriod is not null).Select(c => c.LocalPeriod!).ToHashSet();
        foreach (var c in _candidates)
        {
            if (c.PeriodResolved)
            {
                continue;
            }

            var (period, rule) = FindPeriod(c, usedLocally);
            SetPeriod(c, period, rule);
        }
    }

    private void SetPeriod(Candidate c, IndicatorPeriod? period, string? rule)
    {
        c.PeriodResolved = true;
        if (c.Role == IndicatorRole.Before && c.LocalPeriod is null)
        {
            // Decided together with the "after" value of the change.
            return;
        }

        c.Period = period;
        c.PeriodRule = period is null ? null : rule;
        if (c.Role != IndicatorRole.After || c.Partner is not { } before || before.LocalPeriod is not null)
        {
            return;
        }

        // "Between 2020 and 2021 … from 251 to 132": the first year for the old value, the last for the new one;
        // with a single period only the new value is dated.
        if (c.LocalPeriod is null && period is { Start: { } s, End: { } e } && s.Year != e.Year)
        {
            c.Period = YearPeriod(e.Year);
            before.Period = YearPeriod(s.Year);
            before.PeriodRule = c.PeriodRule = rule + "-split";
        }
        else
        {
            before.Period = null;
        }
    }

    private static IndicatorPeriod YearPeriod(int year) =>
        new(year.ToString(CultureInfo.InvariantCulture), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    private (IndicatorPeriod? Period, string? Rule) FindPeriod(Candidate c, HashSet<PeriodMention> usedLocally)
    {
        if (c.LocalPeriod is { } local)
        {
            return (local.Period, "after-number");
        }

        if (c.InParentheses)
        {
            var beforeParen = _periods.FirstOrDefault(p => p.Period is not null && p.Use is not (PeriodUse.Name or PeriodUse.Plan or PeriodUse.Citation)
                && p.End <= c.ParenOpen && Slice(p.End, c.ParenOpen).Trim().Length == 0);
            if (beforeParen is not null)
            {
                return (beforeParen.Period, "before-parenthesis");
            }

            if (c.Host is { PeriodResolved: true } host && (host.Period is not null || host.Role != IndicatorRole.Before))
            {
                return (host.Period, "of-the-number-broken-down");
            }
        }

        if (PrecedingPeriod(c) is { } preceding)
        {
            return (preceding.Period, "before-number");
        }

        if (!c.InParentheses && c.Host is { PeriodResolved: true } whole && c.Role == IndicatorRole.Part)
        {
            return (whole.Period, "of-the-whole");
        }

        var segmentStart = c.InParentheses ? c.ParenOpen : ClauseOf(c.Number.Start).Start;
        if (Previously().IsMatch(Slice(segmentStart, c.QuoteStart)))
        {
            return (null, null);
        }

        if (OpeningPeriod(ClauseOf(c.Number.Start)) is { } opening)
        {
            return (opening.Period, "sentence-opening");
        }

        if (OnlyPeriodOfClause(c, usedLocally) is { } only)
        {
            return (only.Period, "only-period-of-clause");
        }

        // "In 2024, over 10,500 specialists were trained; …; and programmes were launched in 14 universities": a
        // period opening the sentence covers the clauses after its semicolons that state no period of their own.
        var ownClause = ClauseOf(c.Number.Start);
        if (!c.InParentheses && ownClause.Start > _sentences[c.Sentence].Start
            && !_periods.Any(p => p.Start >= ownClause.Start && p.End <= ownClause.End && p.Period is not null)
            && OpeningPeriod(ClauseOf(_sentences[c.Sentence].Start)) is { } sentenceOpening)
        {
            return (sentenceOpening.Period, "sentence-opening-across-semicolons");
        }

        // "Since then, more than 15 experts have visited": open from the period the previous sentence opens with.
        if (c.Sentence > 0 && SinceThen().IsMatch(Slice(_sentences[c.Sentence].Start, c.QuoteStart))
            && OpeningPeriod(ClauseOf(_sentences[c.Sentence - 1].Start)) is { Period.Start: { } from } then)
        {
            return (new IndicatorPeriod($"since {then.Period!.Label}", from, null), "since-then");
        }

        if (c.Sentence > 0
            && BackReference().IsMatch(Slice(_sentences[c.Sentence].Start, Math.Min(_sentences[c.Sentence].End, _sentences[c.Sentence].Start + 30))))
        {
            var previous = _sentences[c.Sentence - 1];
            var opening2 = OpeningPeriod(ClauseOf(Math.Max(previous.Start, previous.End - 1)));
            opening2 ??= OpeningPeriod(new TextSpan(previous.Start, previous.End));
            if (opening2 is not null)
            {
                return (opening2.Period, "previous-sentence");
            }
        }

        return (null, null);
    }

    /// <summary>The period expression right after a number's phrase in the same clause ("507 preventive visits
    /// in 2021", "4,656 people (…) in 2024"), stopping at punctuation, at another number and at a comparison.</summary>
    private PeriodMention? FollowingPeriod(Candidate c)
    {
        var from = Math.Max(c.QuoteEnd, c.ValueEnd);
        var limit = c.InParentheses ? CloseOf(c.ParenOpen) : _sentences[c.Sentence].End;
        foreach (var m in _periods.Where(p => p.Start >= from && p.Start < limit && _parenOpen[p.Start] == c.ParenOpen).OrderBy(p => p.Start))
        {
            var between = RespectivelyAside().Replace(c.InParentheses ? Slice(from, m.Start) : TopLevel(from, m.Start), " ");
            if (between.IndexOfAny([',', ';', ':', '–', '—']) >= 0 || WordCount(between) > 15)
            {
                return null;
            }

            var other = _candidates.Any(d => d != c && d != c.Partner && d.Number.Start >= from && d.Number.Start < m.Start
                && (c.InParentheses || !d.InParentheses || d.ParenOpen < from));
            if (other || m.Period is null)
            {
                return null;
            }

            return m.IsUsable ? m : null;
        }

        return null;
    }

    /// <summary>A period that ends just before the number ("in the first half of 2024, 113,673 citizens").</summary>
    private PeriodMention? PrecedingPeriod(Candidate c)
    {
        var clause = ClauseOf(c.Number.Start);
        var m = _periods.LastOrDefault(p => p.End <= c.QuoteStart && p.Start >= clause.Start && p.IsUsable);
        if (m is null)
        {
            return null;
        }

        var between = TopLevel(m.End, c.QuoteStart);
        var other = _candidates.Any(d => d != c && d.Number.Start >= m.End && d.Number.Start < c.QuoteStart && !d.InParentheses);
        return !other && WordCount(between) <= 4 && !between.Contains(';', StringComparison.Ordinal) ? m : null;
    }

    /// <summary>The period that opens a clause ("In 2023, …", "Thus, since the beginning of 2022, …").</summary>
    private PeriodMention? OpeningPeriod(TextSpan clause)
    {
        var m = _periods.FirstOrDefault(p => p.Start >= clause.Start && p.Start < clause.End);
        if (m is null || !m.IsUsable)
        {
            return null;
        }

        return DiscourseOnly().IsMatch(Slice(clause.Start, m.Start)) ? m : null;
    }

    /// <summary>The only usable period of the number's clause that no other number claims.</summary>
    private PeriodMention? OnlyPeriodOfClause(Candidate c, HashSet<PeriodMention> usedLocally)
    {
        var clause = ClauseOf(c.Number.Start);
        var start = clause.Start;
        var end = clause.End;
        foreach (Match split in ClauseSplit().Matches(Slice(clause.Start, clause.End)))
        {
            var at = clause.Start + split.Index;
            if (_parenOpen[at] >= 0)
            {
                continue;
            }

            if (at < c.Number.Start)
            {
                start = at;
            }
            else
            {
                end = Math.Min(end, at);
                break;
            }
        }

        var usable = _periods.Where(p => p.Start >= start && p.End <= end && p.IsUsable && !usedLocally.Contains(p)).ToList();
        return usable.Count == 1 ? usable[0] : null;
    }

    private static int WordCount(string s) => AnyWord().Matches(s).Count;

    [GeneratedRegex(@"^\s*(?:%|per\s?cent|percent)?\s*(?:,\s*)?(?:and|or|и)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CoordinatedValues();

    [GeneratedRegex(@",?\s*respectively\s*,?", RegexOptions.IgnoreCase)]
    private static partial Regex RespectivelyAside();

    [GeneratedRegex(@"\b(?:previously|formerly|earlier|ранее|прежде)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Previously();

    [GeneratedRegex(@"^[\s,""“«(]*(?:(?:thus|moreover|furthermore|in\s+addition|additionally|at\s+the\s+same\s+time|however|also|so\s+far|therefore|" +
        @"as\s+a\s+result|meanwhile|accordingly|overall|in\s+general|in\s+particular|in\s+total|in\s+kazakhstan|as\s+noted\s+above|in\s+turn|кроме\s+того|" +
            @"таким\s+образом|при\s+этом|в\s+целом|также)[\s,]*)*$", RegexOptions.IgnoreCase)]
    private static partial Regex DiscourseOnly();

    [GeneratedRegex(@"^\W*(?:since\s+then|since\s+that\s+(?:time|year|date)|с\s+тех\s+пор)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SinceThen();

    [GeneratedRegex(@",\s+(?:and|but|while|whereas|и|а|но)\s", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseSplit();
}
