using System.Text.RegularExpressions;

namespace KzRights.Parsing.Indicators;

/// <summary>Numbers that are not quantities: references, names, helplines, list numbers, ordinals, ages that
/// qualify a population, relative periods and rate denominators.</summary>
internal sealed partial class ParagraphAnalysis
{
    private void MarkExclusions()
    {
        ExcludeReferenceChains();
        ExcludeBareIntegerLists();
        ExcludeAgeRanges();
        foreach (var n in _numbers)
        {
            if (_excluded.Contains(n))
            {
                continue;
            }

            if (IsListNumbering(n) || IsName(n) || IsHelpline(n) || IsNonRankOrdinal(n) || IsAgeQualifier(n)
                || IsRelativePeriod(n) || IsRateDenominator(n))
            {
                _excluded.Add(n);
            }
        }
    }

    private void Exclude(int start, int end)
    {
        foreach (var n in _numbers)
        {
            if (n.Start >= start && n.Start < end)
            {
                _excluded.Add(n);
            }
        }
    }

    /// <summary>"article 145", "arts. 2, 19 and 25", "paragraphs 12 (…), 34 (…) and 52 (…)", "resolutions 1325
    /// (2000), 1820 (2008)", "No. 853", "№ 63", "п. 2 ст. 29", "Recommendations 139.30–139.43", "Goal 5".</summary>
    private void ExcludeReferenceChains()
    {
        foreach (Match keyword in ReferenceKeyword().Matches(_text))
        {
            var position = keyword.Index + keyword.Length;
            var chainStart = position;
            while (true)
            {
                var number = ChainNumber().Match(_text, position);
                var element = number.Success ? number : ChainSubdivision().Match(_text, position);
                if (!element.Success || position == chainStart && !number.Success)
                {
                    break;
                }

                position = element.Index + element.Length;
                var more = false;
                while (true)
                {
                    var sub = ChainSubdivision().Match(_text, position);
                    if (sub.Success)
                    {
                        position = sub.Index + sub.Length;
                        continue;
                    }

                    var description = ChainDescription().Match(_text, position);
                    if (description.Success)
                    {
                        var after = position + description.Length;
                        if (ChainSeparator().Match(_text, after) is { Success: true } s && ChainNumber().Match(_text, after + s.Length).Success)
                        {
                            position = after;
                        }
                    }

                    break;
                }

                var separator = ChainSeparator().Match(_text, position);
                if (separator.Success && (ChainNumber().Match(_text, position + separator.Length).Success
                    || ChainSubdivision().Match(_text, position + separator.Length - 1).Success))
                {
                    position += separator.Length;
                    more = true;
                }

                if (!more)
                {
                    break;
                }
            }

            Exclude(chainStart, position);
        }
    }

    /// <summary>"(126, 131, 145, 389 and 110)": a parenthesised list of bare integers is a list of references.</summary>
    private void ExcludeBareIntegerLists()
    {
        foreach (Match m in BareIntegerList().Matches(_text))
        {
            Exclude(m.Index, m.Index + m.Length);
        }
    }

    /// <summary>"aged 30–39 (98,677), 40–49 (76,292) and 21–29 (54,603)": the age ranges of a breakdown by age.</summary>
    private void ExcludeAgeRanges()
    {
        foreach (Match m in AgedList().Matches(_text))
        {
            foreach (Capture range in m.Groups["range"].Captures)
            {
                Exclude(range.Index, range.Index + range.Length);
            }
        }
    }

    private bool IsListNumbering(NumberToken n)
    {
        var before = _text[..n.Start];
        if (before.Trim().Trim('-', '•', '–').Trim().Length > 0)
        {
            return false;
        }

        var after = After(n.End, 6);
        return after.Length == 0 || ListMarkerAfter().IsMatch(after);
    }

    /// <summary>"Goal 16", "Human Rights 75 global initiative": digits right after a capitalised word inside a
    /// sentence belong to a name.</summary>
    private bool IsName(NumberToken n)
    {
        if (n.IsWord)
        {
            return false;
        }

        var m = CapitalisedWordBefore().Match(Before(n.Start, 40));
        if (!m.Success)
        {
            return false;
        }

        var word = m.Groups["w"].Value;
        if (NotNameWords.Contains(word) || UnitLexicon.UnitOf(word, _language) is not null)
        {
            return false;
        }

        var wordStart = n.Start - (m.Length);
        var sentence = SentenceOf(n.Start);
        var lead = Slice(sentence.Start, wordStart).Trim().Trim('"', '“', '«', '(');
        return lead.Length > 0;
    }

    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Some", "About", "Over", "Approximately", "Nearly", "Almost", "Around", "In", "On", "By", "Between",
        "Since", "From", "During", "Of", "Under", "Among", "Within", "Only", "All", "Another", "Currently",
        "Today", "Thus", "Also", "Additionally", "Moreover", "Overall", "Total", "Exactly", "Roughly",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Более", "Около", "Свыше", "До", "Всего", "Из", "В",
    };

    private bool IsHelpline(NumberToken n) =>
        HelplineBefore().IsMatch(Before(n.Start, 40)) || HelplineAfter().IsMatch(After(n.End, 40))
        || QuotedNumber().IsMatch(Slice(Math.Max(0, n.Start - 1), Math.Min(_text.Length, n.End + 1)));

    private bool IsNonRankOrdinal(NumberToken n)
    {
        if (!n.IsOrdinal)
        {
            return false;
        }

        return !(RankBefore().IsMatch(Before(n.Start, 30)) || RankAfter().IsMatch(After(n.End, 40)));
    }

    private bool IsAgeQualifier(NumberToken n)
    {
        var before = Before(n.Start, 40);
        var after = After(n.End, 30);
        if (AgeBefore().IsMatch(before) || AgeAfter().IsMatch(after))
        {
            return true;
        }

        // "persons aged 18 to 29 years": the upper end of an excluded age range.
        var range = AgeRangeUpperBefore().Match(before);
        return range.Success;
    }

    /// <summary>Relative periods: `over the past three years`, `five years ago`, and (labelling convention, 2026-12-02) how long
    /// something has existed or gone on: `20 years since …`, `has been active for more than 10 years`, `has been implementing the
    /// framework for eight years` — a `for` span in a clause of `has/have been`, unless the clause is about a sentence, term or
    /// ban (`has been sentenced to imprisonment for 10 years` states a duration).</summary>
    private bool IsRelativePeriod(NumberToken n) =>
        (RelativeBefore().IsMatch(Before(n.Start, 40)) && DurationAfter().IsMatch(After(n.End, 30)))
        || AgoAfter().IsMatch(After(n.End, 30))
        || (OngoingForBefore().IsMatch(Before(n.Start, 40)) && DurationAfter().IsMatch(After(n.End, 30)) && IsOngoingClause(Before(n.Start, 200)));

    private static bool IsOngoingClause(string before)
    {
        var clause = before[(before.LastIndexOfAny(['.', ';']) + 1)..];
        return OngoingVerb().IsMatch(clause) && !SentenceOrTerm().IsMatch(clause);
    }

    private bool IsRateDenominator(NumberToken n) => PerBefore().IsMatch(Before(n.Start, 10));

    [GeneratedRegex(@"(?<![\p{L}])(?:articles?|arts?\.|paragraphs?|paras?\.|para|rules?|sections?|chapters?|parts?|subparagraphs?|clauses?|No\.|Nos\.|" +
        @"resolutions?|[Rr]ecommendations?|[Gg]oals?|SDGs?|ЦУР|стат(?:ья|ьи|ьей|ье|ей|ьям)|ст\.|пункт(?:а|у|ом|ы|ов)?|пп\.|п\.|подпункт\p{L}*|част(?:ь|и|ью)|" +
            @"ч\.|№)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceKeyword();

    [GeneratedRegex(@"\G\s*\d+(?:\.\d+)?(?:\s*[-–—]\s*\d+(?:\.\d+)?)?\)?")]
    private static partial Regex ChainNumber();

    [GeneratedRegex(@"\G\s*\((?:\d{1,4}|[a-z]|[ivx]+)\)")]
    private static partial Regex ChainSubdivision();

    [GeneratedRegex(@"\G\s*\([^()]{1,120}\)")]
    private static partial Regex ChainDescription();

    [GeneratedRegex(@"\G\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|и|или|to)\s+|\s*[–—-]\s*)")]
    private static partial Regex ChainSeparator();

    [GeneratedRegex(@"\(\s*\d+(?:(?:,\s+|\s+and\s+|\s+и\s+)\d+)+\s*\)")]
    private static partial Regex BareIntegerList();

    [GeneratedRegex(@"\baged\s+(?<range>\d+\s*[–-]\s*\d+)(?:\s*\([\d,.\s]+\)\s*(?:,|and)\s*(?<range>\d+\s*[–-]\s*\d+))*", RegexOptions.IgnoreCase)]
    private static partial Regex AgedList();

    [GeneratedRegex(@"^(?:\.\s|\)\s|\s*\((?:\p{L}|[ivx]+)\)(?:\s+and\s+\(\p{L}\))?\s*$|\s*$)")]
    private static partial Regex ListMarkerAfter();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<w>\p{Lu}[\p{L}’']*)\s$")]
    private static partial Regex CapitalisedWordBefore();

    [GeneratedRegex(
        @"(?:helplines?|hotlines?|phone(?:\s+number)?|telephone(?:\s+number)?|call\s+cent(?:re|er))\s*(?:[–—-]\s*|\(\s*|number\s+)?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex HelplineBefore();

    [GeneratedRegex(@"^\s*(?:(?:and|or|,)\s*\d+\s*)?(?:unified\s+)?(?:helplines?|hotlines?|call\s+cent(?:re|er)s?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HelplineAfter();

    [GeneratedRegex(@"^[""“«]\d+[""”»]$")]
    private static partial Regex QuotedNumber();

    [GeneratedRegex(@"(?:\brank(?:s|ed|ing)?|\btaking|\btook|\bmoved\s+to|\bfrom)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex RankBefore();

    [GeneratedRegex(@"^\s*(?:place|position)\b|^\s*(?:to\s+\d+(?:st|nd|rd|th)\s+place)|^\s*out\s+of\b|^\s*among\b", RegexOptions.IgnoreCase)]
    private static partial Regex RankAfter();

    [GeneratedRegex(
        @"(?:\baged|\bages?\s+of|\bunder(?:\s+the)?(?:\s+age(?:\s+of)?)?|\bover\s+the\s+age\s+of|\bup\s+to\s+the\s+age\s+of)\s+$",
        RegexOptions.IgnoreCase)]
    private static partial Regex AgeBefore();

    [GeneratedRegex(@"^\s*(?:[–-]\s*\d+\s*)?(?:years?\s+of\s+age|years?\s+old\b|year[- ]olds?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AgeAfter();

    [GeneratedRegex(@"(?:\baged|\bages?\s+of)\s+\d+\s*(?:to|–|-)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AgeRangeUpperBefore();

    [GeneratedRegex(@"(?:\bpast|\bprevious|\blast|\bnext|\bevery|\beach|\bin|\bin\s+the|\bduring|\bduring\s+the|\bover\s+a\s+period\s+of|\bfor\s+the\s+past|" +
        @"\bfor\s+the\s+last)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeBefore();

    [GeneratedRegex(@"^\s+(?:and\s+a\s+half\s+)?(?:years?|months?|days?|weeks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationAfter();

    [GeneratedRegex(@"^\s+(?:years?|months?|days?|weeks?)\s+(?:ago|since)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AgoAfter();

    [GeneratedRegex(@"\bfor\s+(?:(?:more|less)\s+than\s+|over\s+|about\s+|almost\s+|nearly\s+|some\s+|at\s+least\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OngoingForBefore();

    [GeneratedRegex(@"\b(?:has|have)\s+been\b", RegexOptions.IgnoreCase)]
    private static partial Regex OngoingVerb();

    [GeneratedRegex(
        @"\b(?:sentenc\p{L}*|imprison\p{L}*|prison|terms?|detention|arrest|ban\p{L}*|deprivation|suspended|disqualif\p{L}*)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SentenceOrTerm();

    [GeneratedRegex(@"\bper\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex PerBefore();
}
