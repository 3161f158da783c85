using System.Text.RegularExpressions;

namespace KzRights.Parsing.Indicators;

/// <summary>Gives a bare number ("568 in 2022", "(28)", "from 20,000 to 5,000") the unit of what it counts, and
/// marks breakdowns (part/whole).</summary>
internal sealed partial class ParagraphAnalysis
{
    private void ResolveUnits()
    {
        for (var pass = 0; pass < 3; pass++)
        {
            var changed = false;
            foreach (var c in _candidates.Where(c => c.Unit is null))
            {
                if (InheritUnit(c) is { } found)
                {
                    c.Unit = found.Unit;
                    c.UnitRule = "unit-of-" + found.Rule;
                    c.InheritedSubject ??= found.Subject;
                    c.SubjectSource ??= found.Source;
                    changed = true;
                    if (c.Partner is { Unit: null } partner)
                    {
                        partner.Unit = found.Unit;
                        partner.UnitRule = "unit-of-change-partner";
                        partner.InheritedSubject ??= found.Subject;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }
    }

    private (string Unit, string Rule, string? Subject, Candidate? Source)? InheritUnit(Candidate c)
    {
        var sentence = _sentences[c.Sentence];

        // "(e-Otinish, Qamqor and 102)": a bare number listed among names is a name too.
        if (c.InParentheses && CapitalisedWord().IsMatch(Slice(c.ParenOpen + 1, CloseOf(c.ParenOpen))))
        {
            return null;
        }

        // "14 of the 27 recommendations", "11 out of 88", "37 points out of 100".
        if (BreakdownPartner(c) is { Unit: not null } partner && partner.Unit != IndicatorUnit.Percent)
        {
            return (partner.Unit, "breakdown", partner.NounPhrase, partner);
        }

        // "5 or, in some cases, 10 business days", "33 Olympic summer and 11 Olympic winter sports".
        var next = _candidates.FirstOrDefault(d => d.Number.Start > c.ValueEnd && d.Sentence == c.Sentence);
        if (next is { Unit: not null } && next.Unit != IndicatorUnit.Percent && ForwardCoordination().IsMatch(Slice(c.ValueEnd, next.QuoteStart)))
        {
            return (next.Unit, "coordinated-number", next.NounPhrase, next);
        }

        // "46.7 per cent of Supreme Court judges (28)", "The share of female leaders is 39.3 per cent (9,212 …)".
        if (c.InParentheses && PercentBefore(c.ParenOpen) is { } percent && PercentSubjectUnit(percent) is { } percentUnit)
        {
            return (percentUnit.Unit, "counted-share", percentUnit.Text, null);
        }

        var number = NumberOfPhrase(sentence.Start, c.QuoteStart);
        var preceding = _candidates.LastOrDefault(d => d.Sentence == c.Sentence && d.Number.Start < c.Number.Start
            && d.Unit is not null && d.Unit is not (IndicatorUnit.Percent or IndicatorUnit.Times));

        // The nearest of "the number of X" and a preceding counted number wins.
        if (number is { } np && (preceding is null || np.End > preceding.QuoteEnd))
        {
            return (np.Unit!, "number-of", np.Text, null);
        }

        if (preceding is not null)
        {
            return (preceding.Unit!, "preceding-number", preceding.NounPhrase, preceding);
        }

        if (PrecedingCountedNoun(sentence.Start, c.QuoteStart) is { } noun)
        {
            return (noun.Unit, "preceding-noun", noun.Word, null);
        }

        // "Of that total, 3.4 million …": the previous sentence says what is counted; so it does for bracketed counts
        // of a sentence about "They" ("They work in natural sciences (3,625), medicine (1,207) …").
        if (c.Sentence > 0 && (BackReference().IsMatch(Slice(sentence.Start, Math.Min(sentence.End, sentence.Start + 30)))
            || c.InParentheses && PronounSubject().IsMatch(Slice(sentence.Start, Math.Min(sentence.End, sentence.Start + 12)))
            || AnaphoricNumber().IsMatch(Slice(sentence.Start, c.QuoteStart))))
        {
            var previous = _sentences[c.Sentence - 1];
            if (NumberOfPhrase(previous.Start, previous.End) is { } pn)
            {
                return (pn.Unit!, "number-of-previous-sentence", pn.Text, null);
            }

            var prior = _candidates.LastOrDefault(d => d.Sentence == c.Sentence - 1 && d.Unit is not null
                && d.Unit is not (IndicatorUnit.Percent or IndicatorUnit.Times));
            if (prior is not null)
            {
                return (prior.Unit!, "previous-sentence-number", prior.NounPhrase, prior);
            }
        }

        return null;
    }

    private Candidate? BreakdownPartner(Candidate c)
    {
        var next = _candidates.FirstOrDefault(d => d.Number.Start > c.ValueEnd);
        if (next is not null && OutOfConnector().IsMatch(Slice(c.ValueEnd, next.Number.Start)))
        {
            return next;
        }

        var previous = _candidates.LastOrDefault(d => d.ValueEnd <= c.Number.Start);
        if (previous is not null && OutOfConnector().IsMatch(Slice(previous.ValueEnd, c.Number.Start)))
        {
            return previous;
        }

        return null;
    }

    /// <summary>The percentage right before a parenthesis, e.g. "46.7 per cent of Supreme Court judges (".</summary>
    private Candidate? PercentBefore(int parenOpen)
    {
        var sentence = SentenceOf(parenOpen);
        var percent = _candidates.LastOrDefault(
            d => d.Unit == IndicatorUnit.Percent && d.QuoteEnd <= parenOpen && d.Number.Start >= sentence.Start && !d.InParentheses);
        if (percent is null)
        {
            return null;
        }

        // Nothing but the percentage's own phrase may stand between it and the parenthesis.
        var gap = Slice(percent.QuoteEnd, parenOpen);
        return gap.Contains(',', StringComparison.Ordinal) && percent.PercentOf is null ? null : percent;
    }

    private (string Unit, string Text)? PercentSubjectUnit(Candidate percent)
    {
        if (percent.PercentOfUnit is not null && percent.PercentOf is not null)
        {
            return (percent.PercentOfUnit, percent.PercentOf);
        }

        var clause = ClauseOf(percent.Number.Start);
        var share = ShareOf().Matches(Slice(clause.Start, percent.QuoteStart)).LastOrDefault();
        if (share is not null)
        {
            var np = ReadNounPhrase(clause.Start + share.Index + share.Length);
            if (np.Unit is not null && np.Unit != IndicatorUnit.Percent)
            {
                return (np.Unit, np.Text);
            }
        }

        // "In the provincial courts, 45.4 per cent of judges are women (204)" is covered by PercentOf; "women
        // deputies (19.6 per cent)" never reaches here. Fall back to the nearest counted noun before the number.
        return PrecedingCountedNoun(clause.Start, percent.QuoteStart) is { } noun ? (noun.Unit, noun.Word) : null;
    }

    private NounPhrase? NumberOfPhrase(int from, int to)
    {
        var matches = NumberOf().Matches(Slice(from, to));
        if (matches.Count == 0)
        {
            return null;
        }

        var m = matches[^1];
        var np = ReadNounPhrase(from + m.Index + m.Length);
        return np.Unit is null || np.Unit == IndicatorUnit.Percent ? null : np;
    }

    /// <summary>The nearest counted noun before a position, preferring a head noun over the object of an "of"
    /// ("alleged violations of the constitutional rights of citizens" counts violations).</summary>
    private (string Unit, string Word)? PrecedingCountedNoun(int from, int to)
    {
        var words = AnyWord().Matches(Slice(from, to)).Cast<Match>().ToList();
        (string Unit, string Word)? nearest = null;
        for (var i = words.Count - 1; i >= 0; i--)
        {
            var word = words[i].Value;
            var unit = UnitLexicon.UnitOf(word, _language);
            if (unit is null || unit is IndicatorUnit.Percent or IndicatorUnit.Rank or IndicatorUnit.Times
                || IndicatorUnit.IsDuration(unit) || InsidePeriod(from + words[i].Index))
            {
                continue;
            }

            var afterOf = i > 0 && words[i - 1].Value.Equals("of", StringComparison.OrdinalIgnoreCase)
                || i > 1 && words[i - 1].Value.Equals("the", StringComparison.OrdinalIgnoreCase)
                    && words[i - 2].Value.Equals("of", StringComparison.OrdinalIgnoreCase);
            nearest ??= (unit, word);
            if (!afterOf)
            {
                return (unit, word);
            }
        }

        return nearest;
    }

    private bool InsidePeriod(int position) => _periods.Any(p => position >= p.Start && position < p.End);

    private void AssignRoles()
    {
        // "ranks 99th out of 223 countries", "102nd place among 180 countries": the number of ranks.
        foreach (var c in _candidates.Where(c => c.IsRankOrdinal))
        {
            var d = _candidates.FirstOrDefault(d => d.Number.Start > c.Number.Start);
            if (d is not null && d.Sentence == c.Sentence && RankDenominator().IsMatch(Slice(c.QuoteEnd, d.QuoteStart)))
            {
                d.Unit = IndicatorUnit.Rank;
                d.UnitRule = "rank-denominator";
                d.Role = IndicatorRole.Whole;
                c.Role ??= IndicatorRole.Part;
            }
        }

        foreach (var c in _candidates)
        {
            if (c.InParentheses)
            {
                c.Host = _candidates.LastOrDefault(d => d.Sentence == c.Sentence && !d.InParentheses && d.Number.Start < c.ParenOpen);

                // "a group of at least three citizens (reduced from 10)": the bracket gives the old value of the number before it.
                if (c.Role is null && c.Host is { Role: null, Partner: null } changed && OldValueAside().IsMatch(Slice(c.ParenOpen, c.QuoteStart)))
                {
                    (c.Role, changed.Role, c.Partner, changed.Partner) = (IndicatorRole.Before, IndicatorRole.After, changed, c);
                }
            }

            if (c.Role is not null)
            {
                continue;
            }

            // "50 crisis centres …: 17 in the public sector and 33 under contract": the items after a colon.
            if (c.SubjectSource is { } source && source.Number.Start < c.Number.Start
                && Slice(source.QuoteEnd, c.QuoteStart).Contains(':', StringComparison.Ordinal))
            {
                c.Role = IndicatorRole.Part;
                source.Role ??= IndicatorRole.Whole;
                continue;
            }

            var next = _candidates.FirstOrDefault(d => d.Number.Start > c.ValueEnd);
            if (next is not null && next.Role is null && OutOfConnector().IsMatch(Slice(c.ValueEnd, next.Number.Start)))
            {
                c.Role = IndicatorRole.Part;
                next.Role = IndicatorRole.Whole;
                continue;
            }

            var whole = _candidates.LastOrDefault(d => d != c && d.Sentence == c.Sentence && d.Number.Start < c.Number.Start
                && (c.Unit == IndicatorUnit.Percent || d.Unit != IndicatorUnit.Percent));
            if (whole is not null && (OfWhichBefore().IsMatch(Before(c.QuoteStart, 20)) || OfWhichAfter().IsMatch(After(c.ValueEnd, 20))))
            {
                c.Role = IndicatorRole.Part;
                c.Host ??= whole;
                whole.Role ??= IndicatorRole.Whole;
            }
        }
    }

    [GeneratedRegex(@"^(?:\s+[\p{L}-]+){0,3}\s*,?\s*(?:or|and|или|и)(?:\s*,[^,]{1,30},)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardCoordination();

    [GeneratedRegex(@"^\W*(?:They|These|Those|Они|Из\s+них)\b")]
    private static partial Regex PronounSubject();

    [GeneratedRegex(@"^\(\s*(?:(?:reduced|lowered|down|raised|increased|up)\s+from|previously|formerly)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OldValueAside();

    [GeneratedRegex(@"(?<![\p{L}-])\p{Lu}\p{L}+")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"^\s*(?:place\s+|position\s+)?(?:out\s+of|among)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex RankDenominator();

    [GeneratedRegex(@"^\s+(?:out\s+of|of\s+the|из)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex OutOfConnector();

    [GeneratedRegex(@"\b(?:total\s+)?number\s+of\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex NumberOf();

    [GeneratedRegex(@"\b(?:share|proportion|percentage|number|level|rate)\s+of\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex ShareOf();

    [GeneratedRegex(@"^\W*(?:of\s+(?:that|this)\s+(?:total|number)|of\s+these|of\s+them|among\s+them|of\s+whom|of\s+which)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BackReference();

    [GeneratedRegex(@"\b(?:their|its|this|that)\s+(?:number|figure)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnaphoricNumber();

    [GeneratedRegex(@"\bof\s+(?:which|whom|them)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex OfWhichBefore();

    [GeneratedRegex(@"^\s+of\s+(?:which|whom|them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OfWhichAfter();
}
