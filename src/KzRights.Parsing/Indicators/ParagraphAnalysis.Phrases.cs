using System.Text.RegularExpressions;

namespace KzRights.Parsing.Indicators;

/// <summary>Reads each number's phrase: the qualifier before it, a range or a change ("from … to …"), the
/// scale and percent words after it, and the noun it counts.</summary>
internal sealed partial class ParagraphAnalysis
{
    private void BuildCandidates()
    {
        var consumed = new HashSet<NumberToken>();
        var byToken = new Dictionary<NumberToken, Candidate>();
        var pairs = new List<(Candidate Before, NumberToken After)>();
        var live = _numbers.Where(n => !_excluded.Contains(n)).ToList();
        for (var i = 0; i < live.Count; i++)
        {
            var n = live[i];
            if (consumed.Contains(n))
            {
                continue;
            }

            var c = new Candidate(n, SentenceIndexOf(n.Start)) { ParenOpen = _parenOpen[n.Start] };
            ReadQualifier(c);
            var position = ReadValueSuffix(c, n.End);
            var next = i + 1 < live.Count ? live[i + 1] : null;
            if (next is not null && ReadRangeOrChange(c, position, next) is { } connection)
            {
                if (connection == RangeKind.Range)
                {
                    consumed.Add(next);
                    c.UpperNumber = next;
                    c.ValueUpper = next.Value;
                    c.ValueRule = "range";
                    position = ReadValueSuffix(c, next.End);
                }
                else
                {
                    pairs.Add((c, next));
                }
            }

            position = ReadOrMore(c, position);
            c.ValueEnd = position;
            ReadUnit(c, position);
            _candidates.Add(c);
            byToken[n] = c;
        }

        foreach (var (before, afterToken) in pairs)
        {
            if (byToken.TryGetValue(afterToken, out var after))
            {
                before.Role = IndicatorRole.Before;
                after.Role = IndicatorRole.After;
                before.Partner = after;
                after.Partner = before;
                before.ValueRule = after.ValueRule = "change";
                if (before.Unit is null && after.Unit is not null)
                {
                    before.Unit = after.Unit;
                    before.UnitRule = "unit-of-change-partner";
                    before.Scale ??= after.Scale;
                }
                else if (after.Unit is null && before.Unit is not null)
                {
                    after.Unit = before.Unit;
                    after.UnitRule = "unit-of-change-partner";
                }
            }
        }
    }

    private enum RangeKind
    {
        Range,
        Change,
    }

    private void ReadQualifier(Candidate c)
    {
        var before = Before(c.Number.Start, 40);
        var q = QualifierBefore().Match(before);
        if (q.Success)
        {
            var word = WhitespaceRun().Replace(q.Groups["q"].Value.ToLowerInvariant(), " ");
            var qualifier = word switch
            {
                "more than" or "over" or "above" or "exceeding" or "in excess of" or ">" or "более" or "свыше" or "больше" => IndicatorQualifier.MoreThan,
                "at least" or "no less than" or "not less than" or "no fewer than" or "not fewer tha" +
                    "n" or "a minimum of" or "≥" or "не менее" or "не меньше" => IndicatorQualifier.AtLeast,
                "up to" or "limited to" or "capped at" or "no more than" or "not more tha" +
                    "n" or "a maximum of" or "maximum of" or "within" or "≤" or "не более" or "не больше" or "в течение" => IndicatorQualifier.UpTo,
                "до" => RussianToIsAChange(c.Number.Start) ? IndicatorQualifier.Exact : IndicatorQualifier.UpTo,
                "less than" or "fewer than" or "below" or "<" or "менее" or "меньше" => IndicatorQualifier.LessThan,
                _ => IndicatorQualifier.About,
            };
            c.Qualifier = qualifier;
            if (qualifier != IndicatorQualifier.Exact)
            {
                c.QuoteStart = c.Number.Start - before.Length + q.Index;
            }
        }

        var between = BetweenBefore().Match(Before(c.QuoteStart, 12));
        if (between.Success)
        {
            c.QuoteStart -= between.Length;
        }
    }

    /// <summary>Russian "до" after a word of change ("увеличение … до 30%") means "to", not "up to".</summary>
    private bool RussianToIsAChange(int position)
    {
        var clause = ClauseOf(position);
        return RussianChangeWord().IsMatch(Slice(clause.Start, position));
    }

    /// <summary>Scale and percent words right after a value; returns the position after them.</summary>
    private int ReadValueSuffix(Candidate c, int position)
    {
        var rest = After(position, 40);
        var scale = ScaleAfter().Match(rest);
        if (scale.Success)
        {
            var w = scale.Groups["s"].Value.ToLowerInvariant();
            c.Scale = w.StartsWith("th", StringComparison.Ordinal) || w.StartsWith("тыс", StringComparison.Ordinal) ? IndicatorScale.Thousand
                : w.StartsWith("mi", StringComparison.Ordinal) || w.StartsWith("мил", StringComparison.Ordinal) || w.StartsWith("млн", StringComparison.Ordinal)
                    ? IndicatorScale.Million
                    : IndicatorScale.Billion;
            position += scale.Length;
            rest = After(position, 40);
        }

        var percent = PercentAfter().Match(rest);
        if (percent.Success)
        {
            c.Unit = IndicatorUnit.Percent;
            c.UnitRule = "percent";
            position += percent.Length;
        }

        return position;
    }

    private RangeKind? ReadRangeOrChange(Candidate c, int position, NumberToken next)
    {
        var connector = Slice(position, next.Start);
        var sentence = SentenceOf(c.Number.Start);
        if (next.Start >= sentence.End)
        {
            return null;
        }

        var before = Before(c.QuoteStart, 12);
        var fromBefore = FromBefore().IsMatch(before);
        if (HyphenConnector().IsMatch(connector) && next.Form == c.Number.Form && !c.Number.IsOrdinal)
        {
            return RangeKind.Range;
        }

        if (ToConnector().IsMatch(connector))
        {
            if (fromBefore && ChangeWord().IsMatch(Slice(sentence.Start, c.QuoteStart)))
            {
                return RangeKind.Change;
            }

            return c.Number.IsOrdinal || next.IsOrdinal ? RangeKind.Change : RangeKind.Range;
        }

        if (AndConnector().IsMatch(connector) && BetweenBefore().IsMatch(Before(c.Number.Start, 12)))
        {
            return RangeKind.Range;
        }

        return null;
    }

    private int ReadOrMore(Candidate c, int position)
    {
        var m = OrMoreAfter().Match(After(position, 20));
        if (!m.Success)
        {
            return position;
        }

        c.Qualifier = IndicatorQualifier.AtLeast;
        return position + m.Length;
    }

    /// <summary>Finds the unit: percent and scale words were read already; otherwise ranks, multipliers,
    /// money and the head noun of the phrase after the number.</summary>
    private void ReadUnit(Candidate c, int position)
    {
        c.QuoteEnd = Math.Max(c.QuoteEnd, position);
        if (c.Unit == IndicatorUnit.Percent)
        {
            var of = PercentOfAfter().Match(After(position, 20));
            if (of.Success)
            {
                var phrase = ReadNounPhrase(position + of.Length);
                c.PercentOf = phrase.Text;
                c.PercentOfUnit = phrase.Unit;
            }

            return;
        }

        if (c.Number.Form == NumberForm.Fold)
        {
            c.Unit = IndicatorUnit.Times;
            c.UnitRule = "fold";
            return;
        }

        if (c.Number.IsOrdinal)
        {
            c.Unit = IndicatorUnit.Rank;
            c.UnitRule = "rank";
            c.IsRankOrdinal = true;
            var place = PlaceAfter().Match(After(position, 20));
            if (place.Success)
            {
                c.QuoteEnd = position + place.Length;
            }

            return;
        }

        var times = TimesAfter().Match(After(position, 60));
        if (times.Success)
        {
            c.Unit = times.Groups["mci"].Success ? IndicatorUnit.Mci : IndicatorUnit.Times;
            c.UnitRule = "times";

            // "organizations visited institutions 250 times": how often something happened, not a multiplier. A
            // multiplier compares ("3 times more", "seven times the minimum wage") or follows a word of change.
            if (!times.Groups["mci"].Success && _language == "en" && OccurrencesEnd().IsMatch(After(position + times.Length, 40))
                && !ChangeWordBefore().IsMatch(Slice(ClauseOf(c.Number.Start).Start, c.QuoteStart)))
            {
                c.Unit = IndicatorUnit.Events;
                c.UnitRule = "times-occurrences";
            }

            c.QuoteEnd = position + (times.Groups["mci"].Success ? times.Length : times.Groups["t"].Index + times.Groups["t"].Length);
            return;
        }

        if (ScoreOfBefore().IsMatch(Before(c.QuoteStart, 20)))
        {
            c.Unit = IndicatorUnit.Points;
            c.UnitRule = "score";
            return;
        }

        var np = ReadNounPhrase(position);
        c.NounPhrase = np.Text;
        if (np.Unit is not null)
        {
            c.Unit = np.Unit;
            c.UnitRule = "noun:" + np.Head;
            c.QuoteEnd = np.HeadEnd;
        }
    }

    private readonly record struct NounPhrase(string Text, string? Unit, string? Head, int HeadEnd, int End);

    /// <summary>Reads the words after a number up to the head of the noun phrase: the last word of the first run
    /// of counted nouns ("court decisions", "women judges", "crisis centres"), stopping at a preposition,
    /// conjunction, verb or punctuation. An unknown plural noun counts as <see cref="IndicatorUnit.Units"/>.</summary>
    private NounPhrase ReadNounPhrase(int position)
    {
        var list = AdjectiveListThenHead().Match(After(position, 120));
        if (list.Success && UnitLexicon.UnitOf(list.Groups["head"].Value, _language) is { } listUnit
            && list.Groups["item"].Captures.Concat([list.Groups["last"]])
                .All(i => UnitLexicon.UnitOf(i.Value.TrimEnd(',', ' '), _language) is null && !UnitLexicon.IsStopWord(i.Value.TrimEnd(',', ' '))))
        {
            var headEnd0 = position + list.Groups["head"].Index + list.Groups["head"].Length;
            return new NounPhrase(Slice(position, headEnd0).Trim(), listUnit, list.Groups["head"].Value, headEnd0, headEnd0);
        }

        // "232 regional information and explanatory groups", "6,000 quasi-public and private sector entities":
        // modifiers joined by "and"/"or" before the counted noun.
        var pair = CoordinatedModifiers().Match(After(position, 120));
        if (pair.Success)
        {
            var modifiers = pair.Groups["mods"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var tail = pair.Groups["tail"].Captures.Select(t => t.Value.Trim()).ToList();
            var headAt = tail.FindIndex(w => UnitLexicon.UnitOf(w, _language) is not null);
            if (headAt >= 0 && modifiers.Concat(tail.Take(headAt)).All(w => UnitLexicon.UnitOf(w, _language) is null && !UnitLexicon.IsStopWord(w)))
            {
                var headCapture = pair.Groups["tail"].Captures[headAt];
                var headEndPair = position + headCapture.Index + headCapture.Value.TrimEnd().Length;
                return new NounPhrase(Slice(position, headEndPair).Trim(), UnitLexicon.UnitOf(tail[headAt], _language), tail[headAt], headEndPair, headEndPair);
            }
        }

        var words = new List<(string Word, int Start, int End)>();
        var i = position;
        while (words.Count < 8 && i < _text.Length)
        {
            while (i < _text.Length && _text[i] == ' ')
            {
                i++;
            }

            if (i >= _text.Length)
            {
                break;
            }

            if (_text[i] == '(' && words.Count > 0)
            {
                // "eight United Nations (UN) human rights conventions": a short aside inside the phrase.
                var close = _text.IndexOf(')', i);
                if (close > 0 && close - i < 20 && !_text.AsSpan(i, close - i).ContainsAny("0123456789"))
                {
                    i = close + 1;
                    continue;
                }

                break;
            }

            var m = WordAt().Match(_text, i);
            if (!m.Success || m.Index != i)
            {
                break;
            }

            words.Add((m.Value, m.Index, m.Index + m.Length));
            i = m.Index + m.Length;
        }

        string? unit = null;
        string? head = null;
        var headEnd = position;
        var end = position;
        for (var w = 0; w < words.Count; w++)
        {
            var phrase = UnitLexicon.PhraseUnitOf([.. words.Skip(w).Select(x => x.Word)]);
            if (phrase is { } p)
            {
                unit = p.Unit;
                head = string.Join(' ', words.Skip(w).Take(p.Words).Select(x => x.Word));
                headEnd = words[w + p.Words - 1].End;
                end = headEnd;
                break;
            }

            var word = words[w].Word;
            if (UnitLexicon.IsStopWord(word) || word is "one" or "ones")
            {
                break;
            }

            var u = UnitLexicon.UnitOf(word, _language);
            if (u is not null)
            {
                unit = u;
                head = word;
                headEnd = words[w].End;
                end = headEnd;
                continue;
            }

            if (unit is not null)
            {
                // "deputy administrative heads": one unknown word may stand between two counted nouns.
                if (w + 1 < words.Count && !UnitLexicon.IsStopWord(word) && !UnitLexicon.IsStopWord(words[w + 1].Word)
                    && UnitLexicon.UnitOf(words[w + 1].Word, _language) is { } nextUnit
                    && (nextUnit == unit || NominalModifiers.Contains(word)))
                {
                    continue;
                }

                break;
            }

            end = words[w].End;
        }

        if (unit is null)
        {
            var chunk = words.TakeWhile(x => !UnitLexicon.IsStopWord(x.Word) && x.Word is not ("one" or "ones")).ToList();
            if (chunk.Count > 0 && chunk.Count <= 4 && LooksLikePluralNoun(chunk[^1].Word))
            {
                unit = IndicatorUnit.Units;
                head = chunk[^1].Word;
                headEnd = chunk[^1].End;
                end = headEnd;
            }
        }

        var text = unit is null ? string.Empty : Slice(position, headEnd).Trim();
        return new NounPhrase(text, unit, head, headEnd, end);
    }

    // Nouns used as modifiers between two counted nouns: "family support centres", "women's rehabilitation centres".
    private static readonly HashSet<string> NominalModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "support", "assistance", "service", "services", "protection", "resource", "rehabilitation", "adaptation",
        "counselling", "counseling", "care", "health", "development", "crisis", "training", "welfare",
    };

    private bool LooksLikePluralNoun(string word) =>
        _language == "en" && word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
        && !word.EndsWith("ous", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal)
        && !word.EndsWith("us", StringComparison.Ordinal) && char.IsLower(word[0]);

    [GeneratedRegex(@"(?<![\p{L}])(?<q>more\s+than|over|above|exceeding|in\s+excess\s+of|at\s+least|no\s+less\s+than|not\s+less\s+than|no\s+fewer\s+than|" +
        @"not\s+fewer\s+than|a\s+minimum\s+of|up\s+to|limited\s+to|capped\s+at|" +
        @"no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|maximum\s+of|within|less\s+than|fewer\s+than|below|" +
            @"about|approximately|approx\.|around|some|almost|nearly|roughly|close\s+to|≤|≥|более|свыше|больше|не\s+менее|не\s+меньше|не\s+более|не\s+больше|" +
                @"до|в\s+течение|менее|меньше|около|порядка|примерно|почти|приблизительно)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex QualifierBefore();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"(?<![\p{L}])(?:between|между)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex BetweenBefore();

    [GeneratedRegex(@"(?<![\p{L}])(?:from|с|от)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex FromBefore();

    [GeneratedRegex(@"^\s*[–—-]\s*$")]
    private static partial Regex HyphenConnector();

    [GeneratedRegex(@"^\s+(?:to|до|по)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex ToConnector();

    [GeneratedRegex(@"^\s+(?:and|и)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex AndConnector();

    [GeneratedRegex(@"\b(?:increas\p{L}*|ris(?:e|en|es|ing)|rose|rais\p{L}*|grow\p{L}*|grew|reduc\p{L}*|decreas\p{L}*|declin\p{L}*|drop\p{L}*|fell|" +
        @"fall\p{L}*|lower\p{L}*|halved|doubled|cut|extend\p{L}*|expand\p{L}*|chang\p{L}*|improv\p{L}*|shorten\p{L}*|lengthen\p{L}*|увелич\p{L}*|сокра\p{L}*|" +
            @"сниж\p{L}*|сниз\p{L}*|повы\p{L}*|уменьш\p{L}*|рост\p{L}*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeWord();

    [GeneratedRegex(@"(?:увелич|повы|сниж|сниз|сокра|довест|доведен|уменьш)\p{L}*", RegexOptions.IgnoreCase)]
    private static partial Regex RussianChangeWord();

    [GeneratedRegex(@"^\s*(?<s>thousand|million|billion|тыс\.?|тысяч\p{L}*|млн\.?|миллион\p{L}*|млрд\.?|миллиард\p{L}*)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex ScaleAfter();

    [GeneratedRegex(@"^\s*(?:%(?:\s*percent\b)?|per\s?cent\b|percent\b|per(?=\s+of\b)|процент\p{L}*)", RegexOptions.IgnoreCase)]
    private static partial Regex PercentAfter();

    [GeneratedRegex(@"^\s*or\s+more\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrMoreAfter();

    [GeneratedRegex(@"^\s+of\s+(?:all\s+(?:the\s+)?|the\s+total\s+number\s+of\s+|the\s+|its\s+|their\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex PercentOfAfter();

    [GeneratedRegex(@"^\s*(?:place|position)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceAfter();

    [GeneratedRegex(@"^\s+(?<mods>(?:[\p{Ll}-]+\s+){1,3})(?:and|or)\s+(?<tail>[\p{Ll}-]+(?:\s+|(?=[,.;:)]|$))){1,3}")]
    private static partial Regex CoordinatedModifiers();

    /// <summary>What may follow "N times" when it counts occurrences: the end of the clause, a period or a frequency.</summary>
    [GeneratedRegex(
        @"^\s*(?:$|[.;,)]|(?:in|during|over|since|a|per|each|every|between)\s+(?:the\s+)?(?:\d{4}|year|month|week|period|reporting))",
        RegexOptions.IgnoreCase)]
    private static partial Regex OccurrencesEnd();

    [GeneratedRegex(@"\b(?:increas|decreas|reduc|grow|grew|grown|ris|rose|fell|fall|drop|declin|multipl|exceed|higher|lower|more|less|larger|smaller|" +
        @"greater|doubl|tripl)\p{L}*", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeWordBefore();

    [GeneratedRegex(@"^\s*(?<t>times|раза?)(?![\p{L}])(?<mci>\s+the\s+monthly\s+calculation\s+index)?", RegexOptions.IgnoreCase)]
    private static partial Regex TimesAfter();

    [GeneratedRegex(@"\bscore\s+of\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex ScoreOfBefore();

    [GeneratedRegex(@"\G[\p{L}][\p{L}’'\-]*")]
    private static partial Regex WordAt();

    [GeneratedRegex(@"[\p{L}][\p{L}’'\-]*")]
    private static partial Regex AnyWord();

    // "253 existing local, regional, and national councils": adjectives in a list before the head noun.
    [GeneratedRegex(@"^\s+(?:[\p{Ll}-]+\s+)?(?<item>[\p{Ll}-]+,\s+){1,4}(?:and|or)\s+(?<last>[\p{Ll}-]+)\s+(?<head>[\p{L}-]+)")]
    private static partial Regex AdjectiveListThenHead();
}
