using System.Text.RegularExpressions;

namespace KzRights.Parsing.Indicators;

/// <summary>Kind (quota, target, or by unit), target year, subject and population of each number.</summary>
internal sealed partial class ParagraphAnalysis
{
    private void AssignKinds()
    {
        foreach (var c in _candidates)
        {
            c.Kind = KindByUnit(c.Unit!);
            if (RatePer().IsMatch(After(c.QuoteEnd, 30)))
            {
                // "157 convicts per 100,000 population" is a rate, not a count.
                c.Kind = IndicatorKind.Statistic;
                continue;
            }

            if (c.Role == IndicatorRole.Before)
            {
                continue;
            }

            if (c.Unit == IndicatorUnit.Percent && IsQuota(c))
            {
                c.Kind = IndicatorKind.Quota;
            }
            else if (IsTarget(c))
            {
                c.Kind = IndicatorKind.Target;
                c.TargetYear = c.Period?.End?.Year;
            }
        }
    }

    private static string KindByUnit(string unit) => unit switch
    {
        IndicatorUnit.Points or IndicatorUnit.Rank => IndicatorKind.Index,
        _ when IndicatorUnit.IsMoney(unit) => IndicatorKind.Money,
        _ when IndicatorUnit.IsCountable(unit) => IndicatorKind.Count,
        _ => IndicatorKind.Statistic,
    };

    /// <summary>"30 per cent quota", "квота в 30%", "a quota under which 15 per cent … were reserved for",
    /// "1 per cent of places … must be awarded to", "no less than 30 per cent of the candidates on party lists".</summary>
    private bool IsQuota(Candidate c)
    {
        if (QuotaRightAfter().IsMatch(After(c.ValueEnd, 30)) || QuotaRightBefore().IsMatch(Before(c.QuoteStart, 45)))
        {
            return true;
        }

        var segment = SegmentAfter(c);
        return QuotaReservation().IsMatch(segment)
            || c.Qualifier == IndicatorQualifier.AtLeast && PartyLists().IsMatch(segment);
    }

    /// <summary>The rest of the number's clause up to the next top-level comma or semicolon.</summary>
    private string SegmentAfter(Candidate c)
    {
        var end = c.InParentheses ? CloseOf(c.ParenOpen) : _sentences[c.Sentence].End;
        var text = c.InParentheses ? Slice(c.ValueEnd, end) : TopLevel(c.ValueEnd, end);
        var stop = text.IndexOfAny([',', ';']);
        return stop < 0 ? text : text[..stop];
    }

    private bool IsTarget(Candidate c)
    {
        if (c.Host is { Kind: IndicatorKind.Target } host && host.Unit == c.Unit)
        {
            return true;
        }

        var sentence = _sentences[c.Sentence];
        var before = Slice(sentence.Start, c.QuoteStart);
        if (c.Role != IndicatorRole.After && (ChangeTo().IsMatch(before) || BeingChangedTo().IsMatch(before)))
        {
            return true;
        }

        // "According to the road map …, at least 12.5 per cent of medical workers are given training annually":
        // a norm set by a plan.
        if (PlanNorm().IsMatch(Slice(ClauseOf(c.Number.Start).Start, c.QuoteStart)))
        {
            return true;
        }

        var cue = TargetCue().Matches(before).LastOrDefault();
        var anti = AntiCue().Matches(before).LastOrDefault();
        if (cue is not null && (anti is null || anti.Index < cue.Index))
        {
            return true;
        }

        return anti is null && FutureAfter().IsMatch(SegmentAfter(c));
    }

    private void AssignSubjects()
    {
        foreach (var c in _candidates)
        {
            c.Subject = c.BaseSubject = Tidy(SubjectOf(c));
        }

        // "the objectives have been expanded from 16 to 34 activities": the before value counts what the after value
        // names, not the clause's subject.
        foreach (var c in _candidates.Where(c => c.Role == IndicatorRole.Before && c.NounPhrase.Length == 0
            && c.Partner is { NounPhrase.Length: > 0, BaseSubject.Length: > 0 } && c.Partner.Unit == c.Unit))
        {
            c.SubjectSource = c.Partner;
        }

        AssignRespectively();

        // Numbers that share another number's subject take it once that one is known ("507 preventive visits in
        // 2021, 568 in 2022 and 461 in 2023"); chains resolve in a few passes.
        for (var pass = 0; pass < 4; pass++)
        {
            foreach (var c in _candidates.Where(c => c.SubjectSource is { BaseSubject.Length: > 0 }))
            {
                c.BaseSubject = c.SubjectSource!.BaseSubject;
                c.Subject = c.BaseSubject + Qualification(c);
            }
        }

        foreach (var c in _candidates)
        {
            // A quota is for the groups its sentence names ("for women, young people and persons with disabilities").
            c.Population = c.Kind == IndicatorKind.Quota
                ? QuotaVocabulary.AppliesTo(Slice(_sentences[c.Sentence].Start, _sentences[c.Sentence].End))
                : PopulationOf(c);
        }
    }

    /// <summary>"The total number of lawyers and legal advisers is 6,206 and 15,278, respectively": the n-th number is about the
    /// n-th thing of the list before the verb.</summary>
    private void AssignRespectively()
    {
        foreach (var last in _candidates.Where(c => RespectivelyAfter().IsMatch(After(c.QuoteEnd, 20))).ToList())
        {
            var group = _candidates.Where(c => c.Sentence == last.Sentence && c.Number.Start <= last.Number.Start && c.Unit == last.Unit)
                .OrderBy(c => c.Number.Start).ToList();
            var first = group.FirstOrDefault();
            if (first is null)
            {
                continue;
            }

            var list = RespectiveList().Match(Slice(ClauseOf(first.Number.Start).Start, first.QuoteStart));
            var items = list.Success ? ListSeparator().Split(NumberOfPrefix().Replace(list.Groups["list"].Value, string.Empty)) : [];
            if (items.Length < 2 || items.Length > group.Count)
            {
                continue;
            }

            group = group.TakeLast(items.Length).ToList();
            foreach (var (c, item) in group.Zip(items))
            {
                c.Subject = c.BaseSubject = Tidy(item);
                c.SubjectSource = null;
            }
        }
    }

    private string SubjectOf(Candidate c)
    {
        if (c.Kind == IndicatorKind.Quota)
        {
            var where = QuotaVocabulary.Where(Slice(_sentences[c.Sentence].Start, _sentences[c.Sentence].End));
            return where.Count > 0 ? $"quota in {where[0]}" : "quota";
        }

        if (c.Unit == IndicatorUnit.Percent)
        {
            // "1,104 women procurators (22 per cent of operational staff)": the group the number before names, among the whole.
            if (c.PercentOf is { Length: > 0 } whole && c.InParentheses && c.Host is { NounPhrase.Length: > 0 } counted
                && IndicatorUnit.IsCountable(counted.Unit!) && Slice(counted.QuoteEnd, c.ParenOpen).Trim().Length == 0)
            {
                return $"{counted.NounPhrase} among {WithOfPhrase(whole, c.ValueEnd)}";
            }

            if (c.PercentOf is { Length: > 0 } of)
            {
                return WithOfPhrase(of, c.ValueEnd);
            }

            // "90.1 percent for susceptible cases and 78.6 percent for resistant ones": a percentage coordinated with the
            // one before it measures the same thing.
            var coordinated = _candidates.LastOrDefault(d => d.Sentence == c.Sentence && d.Number.Start < c.Number.Start && d.Unit == IndicatorUnit.Percent);
            if (coordinated is not null && coordinated.ParenOpen == c.ParenOpen && CoordinatedPercent().IsMatch(Slice(coordinated.QuoteEnd, c.QuoteStart)))
            {
                c.SubjectSource = coordinated;
                return string.Empty;
            }

            // "reduce greenhouse gases by 15 percent": what is changed.
            var changedBy = ChangeObjectBy().Match(Slice(ClauseOf(c.Number.Start).Start, c.QuoteStart));
            if (changedBy.Success)
            {
                return changedBy.Groups["x"].Value;
            }

            // "of which 6,903 or 88.1 per cent are State schools": the predicate names what the share is of.
            var predicate = PredicateNoun().Match(After(c.QuoteEnd, 60));
            if (predicate.Success && !UnitLexicon.IsStopWord(predicate.Groups["x"].Value.Split(' ')[0]))
            {
                return predicate.Groups["x"].Value;
            }


            // "88.8 per cent of respondents in 2023 (compared with 90.2 per cent in 2020, …)": the same measure.
            var previous = _candidates.LastOrDefault(d => d.Sentence == c.Sentence && d.Number.Start < c.Number.Start && d.Unit == IndicatorUnit.Percent);
            if (previous is not null && c.LocalPeriod is not null && previous.LocalPeriod is not null)
            {
                c.SubjectSource = previous;
                return string.Empty;
            }

            // "4.4 million (48.1 per cent)": the share of the number it follows.
            if (c.InParentheses && c.Host is { } host && IndicatorUnit.IsCountable(host.Unit!) && Slice(host.QuoteEnd, c.ParenOpen).Trim().Length == 0)
            {
                c.SubjectSource = host;
                return string.Empty;
            }

            var increased = ChangedTo().Match(Slice(_sentences[c.Sentence].Start, c.QuoteStart));
            if (increased.Success)
            {
                return increased.Groups["x"].Value;
            }

            var clause = ClauseOf(c.Number.Start);
            // "The share of crimes in the family sphere out of the total number of registered offences is 1.2 percent": the share
            // is of the crimes; the total after "out of" is the whole.
            var shares = ShareOf().Matches(Slice(clause.Start, c.QuoteStart));
            var share = shares.LastOrDefault(m => !TotalBefore().IsMatch(Slice(clause.Start, clause.Start + m.Index))) ?? shares.LastOrDefault();
            if (share is not null)
            {
                var start = clause.Start + share.Index + share.Length;
                var verb = CopulaBefore().Match(Slice(start, c.QuoteStart));
                var shareOf = OutOfTotal().Replace(verb.Success ? Slice(start, start + verb.Index) : ReadNounPhrase(start).Text, string.Empty);
                if (shareOf.Trim().Length > 0)
                {
                    return shareOf;
                }
            }

            // "The effectiveness of tuberculosis treatment … amounted to 90.1 percent": the clause's subject.
            if (AmountVerbBefore().IsMatch(Before(c.QuoteStart, 30)) && ClauseNounPhrase(c) is { Length: > 0 } clauseSubject
                && !clauseSubject.Any(ch => ch is ':' or '"' or '“' or '«'))
            {
                return ShareWords().Replace(clauseSubject, string.Empty);
            }

            return PrecedingWords(c);
        }

        if (IndicatorUnit.IsCountable(c.Unit!) && c.NounPhrase.Length > 0)
        {
            var participle = ParticipleAfter().Match(After(c.QuoteEnd, 40));
            var phrase = WithOfPhrase(c.NounPhrase, c.QuoteEnd);
            return participle.Success ? $"{participle.Groups["p"].Value} {phrase}" : phrase;
        }

        // "They work in natural sciences (3,625), engineering and technology (2,625)": a bare bracketed count names
        // the category the words before the bracket give.
        if (c.InParentheses && c.NounPhrase.Length == 0 && c.UnitRule?.Contains("counted-share", StringComparison.Ordinal) != true
            && BracketedCategory(c) is { Length: > 0 } category)
        {
            c.SubjectSource = null;
            return category;
        }

        if (c.SubjectSource is not null)
        {
            return string.Empty;
        }

        if (c.InheritedSubject is { Length: > 0 } inherited)
        {
            return inherited;
        }

        // "an increase of 0.8 points in the national average score (56.1 points in 2023 compared with 55.3 points in 2022)":
        // the score the points are of, and the bracketed values are points of the same score (an index by name: below).
        if (c.Unit == IndicatorUnit.Points)
        {
            if (c.InParentheses && c.Host is { Unit: IndicatorUnit.Points } scoreHost)
            {
                c.SubjectSource = scoreHost;
                return string.Empty;
            }

            if (PointsInScore().Match(After(c.QuoteEnd, 80)) is { Success: true } score)
            {
                return score.Groups["x"].Value;
            }
        }

        if (c.Unit is IndicatorUnit.Rank or IndicatorUnit.Points
            && IndexName().Match(Slice(_sentences[c.Sentence].Start, _sentences[c.Sentence].End)) is { Success: true } index)
        {
            var name = LeadingPreposition().Replace(index.Value, string.Empty);
            return $"{(c.Unit == IndicatorUnit.Rank ? "rank" : "score")} in the {name}";
        }

        // "12,000 unjustified administrative fines amounting to 2.2 billion tenge": the thing that amounts to it.
        var amounting = AmountingTo().Match(Before(c.QuoteStart, 80));
        if (amounting.Success)
        {
            return amounting.Groups["x"].Value;
        }

        var after = WhatAfter().Match(After(c.QuoteEnd, 80));
        if (after.Success)
        {
            return after.Groups["x"].Value;
        }

        return PrecedingWords(c);
    }

    /// <summary>The words between the last separator (punctuation or a preposition) and a bracket holding nothing but
    /// the number; empty when a number, a year or another count stands there.</summary>
    private string BracketedCategory(Candidate c)
    {
        var close = CloseOf(c.ParenOpen);
        if (Slice(c.ParenOpen + 1, c.Number.Start).Trim().Length > 0 || Slice(c.Number.End, close).Trim().Length > 0)
        {
            return string.Empty;
        }

        var clause = ClauseOf(c.ParenOpen);
        var before = Slice(clause.Start, c.ParenOpen);
        var m = CategoryBeforeBracket().Match(before);
        var category = m.Success ? m.Groups["x"].Value.Trim() : string.Empty;
        var words = category.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = c.ParenOpen - before.Length + (m.Success ? m.Groups["x"].Index : 0);
        return words.Length is >= 1 and <= 5 && !category.Any(char.IsDigit) && !words.All(UnitLexicon.IsStopWord)
            && !_candidates.Any(d => d != c && d.QuoteEnd > start && d.QuoteStart < c.ParenOpen) ? category : string.Empty;
    }

    /// <summary>What sets a number that shares another's subject apart: "17 in the public sector" → " in the
    /// public sector" (a period such as "568 in 2022" is not a qualification).</summary>
    private string Qualification(Candidate c)
    {
        if (c.Unit == IndicatorUnit.Percent || c.NounPhrase.Length > 0)
        {
            return string.Empty;
        }

        var m = PlaceQualifier().Match(After(c.ValueEnd, 60));
        if (!m.Success || _periods.Any(p => p.Start < c.ValueEnd + m.Length && p.End > c.ValueEnd)
            || _numbers.Any(n => n.Start >= c.ValueEnd && n.Start < c.ValueEnd + m.Length))
        {
            return string.Empty;
        }

        return " " + m.Value.Trim();
    }

    /// <summary>Adds an "of …" complement of up to three words ("meetings of the Platform").</summary>
    private string WithOfPhrase(string phrase, int from)
    {
        var at = _text.IndexOf(phrase, from, StringComparison.Ordinal);
        if (at < 0)
        {
            return phrase;
        }

        var end = at + phrase.Length;
        var of = OfComplement().Match(After(end, 60));
        if (!of.Success || _periods.Any(p => p.Start < end + of.Length && p.End > end) || _numbers.Any(n => n.Start >= end && n.Start < end + of.Length))
        {
            return phrase;
        }

        return phrase + of.Value;
    }

    /// <summary>The words of the clause just before the number, without qualifiers and verbs.</summary>
    private string PrecedingWords(Candidate c)
    {
        var clause = ClauseOf(c.Number.Start);
        var from = _candidates.Where(d => d != c && d.QuoteEnd <= c.QuoteStart && d.QuoteEnd > clause.Start).Select(d => d.QuoteEnd)
            .DefaultIfEmpty(clause.Start)
            .Max();
        var text = Slice(from, c.QuoteStart);
        var changed = ChangedBy().Match(text);
        if (changed.Success)
        {
            return changed.Groups["x"].Value;
        }

        var cut = text.LastIndexOfAny([',', '(', '–', '—', ':']);
        if (cut >= 0 && text.Length - cut > 3)
        {
            text = text[(cut + 1)..];
        }

        var words = AnyWord().Matches(text).Select(m => m.Value).ToList();
        while (words.Count > 0 && (UnitLexicon.IsStopWord(words[^1]) || TrailingVerb().IsMatch(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words.TakeLast(6));
    }

    private static string Tidy(string subject)
    {
        var s = WhitespaceRun().Replace(subject, " ").Trim().Trim(',', '.', ';', ':', '(', ')', '–', '-', ' ');
        s = LeadingDeterminer().Replace(s, string.Empty);
        if (s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) && CommonFirstWord().IsMatch(s))
        {
            s = char.ToLowerInvariant(s[0]) + s[1..];
        }

        return s;
    }

    private IReadOnlyList<string> PopulationOf(Candidate c)
    {
        var text = string.Join(' ', c.Subject, c.NounPhrase, c.PercentOf ?? string.Empty, ClauseSubject(c)).ToLowerInvariant();
        var found = new List<(int At, string Population)>();
        foreach (var (pattern, population) in PopulationPatterns)
        {
            var m = pattern.Match(text);
            if (m.Success && found.All(f => f.Population != population))
            {
                found.Add((m.Index, population));
            }
        }

        return [.. found.OrderBy(f => f.At).Select(f => f.Population)];
    }

    /// <summary>"Women account for 12.5 per cent of …": the clause's subject before the number.</summary>
    private string ClauseSubject(Candidate c)
    {
        if (c.Unit != IndicatorUnit.Percent)
        {
            return string.Empty;
        }

        var clause = ClauseOf(c.Number.Start);
        var m = ShareVerb().Match(Slice(clause.Start, c.QuoteStart));
        return m.Success ? m.Groups["s"].Value : string.Empty;
    }

    private static readonly (Regex Pattern, string Population)[] PopulationPatterns =
    [
        (new Regex(@"\b(?:women|woman|female|girls?\b|mothers|servicewomen|женщин\p{L}*)", RegexOptions.Compiled), IndicatorPopulation.Women),
        (new Regex(@"\bgirls?\b", RegexOptions.Compiled), IndicatorPopulation.Girls),
        (new Regex(@"(?<![\p{L}])(?:men|male|boys|мужчин\p{L}*)\b", RegexOptions.Compiled), IndicatorPopulation.Men),
        (new Regex(
            @"\b(?:children|child|minors?|juvenile|schoolchildren|adolescents|orphans|дет\p{L}*|несовершеннолетн\p{L}*)",
            RegexOptions.Compiled), IndicatorPopulation.Children),
        (new Regex(@"\b(?:young\s+(?:people|persons|women)|youth|молод\p{L}*)", RegexOptions.Compiled), IndicatorPopulation.YoungPeople),
        (new Regex(@"(?:disabilit\p{L}*|disabled|инвалидност\p{L}*)", RegexOptions.Compiled), IndicatorPopulation.PersonsWithDisabilities),
        (new Regex(@"\b(?:older\s+persons|elderly|pensioners)", RegexOptions.Compiled), IndicatorPopulation.OlderPersons),
        (new Regex(@"\bmigrants?\b", RegexOptions.Compiled), IndicatorPopulation.Migrants),
        (new Regex(@"\brefugees?\b", RegexOptions.Compiled), IndicatorPopulation.Refugees),
        (new Regex(@"\bstateless", RegexOptions.Compiled), IndicatorPopulation.StatelessPersons),
        (new Regex(@"\brural\b", RegexOptions.Compiled), IndicatorPopulation.RuralPopulation),
    ];

    [GeneratedRegex(@"^\s+per\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex RatePer();

    [GeneratedRegex(@"^\s*(?:[\p{L}-]+\s+)?(?:quota|квот)", RegexOptions.IgnoreCase)]
    private static partial Regex QuotaRightAfter();

    [GeneratedRegex(@"(?:quota|квот\p{L}*)[\p{P}]*(?:\s+[\p{L}\p{P}]+){0,3}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex QuotaRightBefore();

    [GeneratedRegex(@"(?:reserved\s+for|must\s+be\s+reserved|must\s+be\s+awarded|are\s+reserved|were\s+reserved|квот)", RegexOptions.IgnoreCase)]
    private static partial Regex QuotaReservation();

    [GeneratedRegex(@"\bparty\s+lists\b|партийн\p{L}*\s+списк", RegexOptions.IgnoreCase)]
    private static partial Regex PartyLists();

    [GeneratedRegex(@"\b(?:reduction|increase|increasing|reducing|raising|lowering|bringing|raise|reduce|lower|bring|rise|decrease|" +
        @"decreasing)\b(?:(?!\bfrom\b)[^.;]){0,120}\bto\s+(?:the\s+)?$|(?:увеличени|повышени|снижени|сокращени|увеличить|повысить|снизить|сократить|" +
            @"довести)\p{L}*(?:(?!\sс\s)[^.;]){0,160}\sдо\s*$")]
    private static partial Regex ChangeTo();

    [GeneratedRegex(@"\bbeing\s+(?:\p{L}+\s+)?(?:increased|reduced|raised|lowered|brought)\s+(?:up\s+)?to\s+$")]
    private static partial Regex BeingChangedTo();

    // "will be able to", "will have the right to": what becomes possible, not a value to be reached.
    [GeneratedRegex(@"\b(?:(?:will|would)(?!\s+(?:be\s+able|have\s+the\s+(?:right|opportunity|possibility)))|" +
        @"should(?!\s+(?:also\s+)?be\s+(?:noted|mentioned|emphasi[sz]ed|stressed|recalled|underlined))|shall|plans?\s+to|planned|" +
        @"there\s+are\s+plans|aims?\s+to|aimed\s+at|goals?|targets?|expected|envisaged|intends?\s+to|to\s+achieve|будет|будут|планируется|планирует|" +
            @"цел[ьи]\p{L}*)\b")]
    private static partial Regex TargetCue();

    [GeneratedRegex(
        @"^\W*(?:according\s+to|under)\s+the\s+(?:[\p{L}-]+\s+){0,3}(?:road\s*map|plan|strategy|framework|programme|concept)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex PlanNorm();

    [GeneratedRegex(@"\b(?:already|currently|at\s+present|today|now|уже|в\s+настоящее\s+время)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AntiCue();

    [GeneratedRegex(
        @"\b(?:will|would|should|shall|is\s+planned|are\s+planned|is\s+expected|are\s+expected|is\s+to\s+be|are\s+to\s+be|будет|будут|планируется)\b")]
    private static partial Regex FutureAfter();

    [GeneratedRegex(@"\s+(?:is|was|are|were|has|have|had|reached|stood|amounted|accounts?|made|makes|make)\b[\s\S]*$", RegexOptions.IgnoreCase)]
    private static partial Regex CopulaBefore();

    /// <summary>"1,000 NGOs are registered" → "registered NGOs": a participle that classifies what is counted; not one that only
    /// says it exists or takes part ("a working group with 45 members was established", "521 employees are employed").</summary>
    [GeneratedRegex(@"^\s+(?:are|were|was|is|have\s+been|has\s+been|had\s+been)\s+(?!(?:established|created|formed|opened|founded|organi[sz]ed|involved|" +
        @"employed|included|located|based|covered|provided|held|conducted|carried|implemented|launched|built|engaged|placed)\b)(?<p>\p{L}+ed)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ParticipleAfter();

    [GeneratedRegex(@"^\s+in\s+(?:the\s+|its\s+)?(?<x>(?:[\p{L}’'-]+\s+){0,4}(?:score|rating|ranking))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointsInScore();

    [GeneratedRegex(@"\b(?:out\s+)?of\s+the\s+total\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex TotalBefore();

    [GeneratedRegex(@"\s+(?:out\s+)?of\s+the\s+total\b[\s\S]*$", RegexOptions.IgnoreCase)]
    private static partial Regex OutOfTotal();

    [GeneratedRegex(@"(?:\b(?:total\s+)?numbers?\s+of\s+(?:the\s+)?)?(?<list>[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,4}(?:,\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,4})*" +
        @",?\s+and\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,4})\s+(?:is|are|was|were|amounted\s+to|stood\s+at|reached)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex RespectiveList();

    [GeneratedRegex(@"^(?:the\s+)?(?:total\s+)?numbers?\s+of\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex NumberOfPrefix();

    [GeneratedRegex(@"^\W*,?\s*respectively\b", RegexOptions.IgnoreCase)]
    private static partial Regex RespectivelyAfter();

    [GeneratedRegex(@",\s+|,?\s+and\s+")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^\s*(?:'|’)?\s*(?:in|of|for|on)\s+(?<x>(?:the\s+)?[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,5})", RegexOptions.IgnoreCase)]
    private static partial Regex WhatAfter();

    [GeneratedRegex(@"^\s+(?:of|to|for|against)\s+(?:the\s+)?(?!(?:be|have|ensure|provide|take|make|the)\b)(?:[\p{L}’'-]+)(?:\s+(?!(?:and|or|in|on|at|to|for|" +
        @"from|with|by|which|who|that|is|are|was|were|have|has|had|be|been)\b)[\p{L}’'-]+){0,2}", RegexOptions.IgnoreCase)]
    private static partial Regex OfComplement();

    [GeneratedRegex(
        @"^\s+(?:in|under|on|at)\s+(?:the\s+)?(?!\d)[\p{L}’'-]+(?:\s+(?!(?:and|or|which|who|that|is|are|was|were|have|has|had|in)\b)[\p{L}’'-]+){0,4}",
        RegexOptions.IgnoreCase)]
    private static partial Regex PlaceQualifier();

    [GeneratedRegex(@"(?<x>[\p{L}’'\s-]{4,80}?)\s+(?:has|have|had)\s+(?:been\s+)?(?:decreased|increased|reduced|lowered|risen|fallen|grown|dropped|" +
        @"declined)\s+by\s+(?:almost\s+|about\s+|nearly\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangedBy();

    [GeneratedRegex(@"\b(?:reduce|increase|cut|lower|raise|decrease|reducing|increasing|cutting|lowering|raising|decreasing)\s+(?:the\s+)?" +
        @"(?<x>[\p{L}’'\s-]{3,80}?)\s+by\s+(?:almost\s+|about\s+|nearly\s+|some\s+|approximately\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeObjectBy();

    [GeneratedRegex(@"^(?:the\s+)?(?:share|number|proportion|percentage|level)\s+of\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex ShareWords();

    [GeneratedRegex(@"(?:[,;:(]|\)\s*(?:and|or)?|\b(?:in|on|at|among|for|from|including|such\s+as)\b)\s*(?<x>[^,;:()]{2,80}?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CategoryBeforeBracket();

    [GeneratedRegex(@"^\s*(?:for|among|in)\s+[^,;()]{1,60}?\s*,?\s+and\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex CoordinatedPercent();

    [GeneratedRegex(@"^\s+(?:are|were)\s+(?<x>(?:[\p{L}’'-]+\s+){0,3}[\p{L}’'-]+)(?=\s*[.;,]|\s*$)")]
    private static partial Regex PredicateNoun();

    [GeneratedRegex(@"\b(?:amount(?:ed|s)?\s+to|total(?:l)?ed|stood\s+at|reached|was|were|is|are)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AmountVerbBefore();

    [GeneratedRegex(
        @"(?<![\p{L}’'-])(?<x>[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,3})\s+(?:amounting\s+to|totall?ing|worth)\s+(?:some\s+|about\s+|over\s+|more\s+than\s+)?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex AmountingTo();

    [GeneratedRegex(@"\b(?:increase|raise|reduce|lower|bring|increasing|raising|reducing|lowering|bringing)\s+(?:the\s+level\s+of\s+|the\s+share\s+of\s+|" +
        @"the\s+proportion\s+of\s+)?(?<x>[\p{L}’'\s-]{3,80}?)\s+to\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangedTo();

    [GeneratedRegex(@"(?:\p{Lu}[\p{L}’'-]*\s+(?:(?:of|on|for|the)\s+)*)+Index\b(?:\s+(?:of|for)\s+(?:\p{Lu}[\p{L}’'-]*\s*)+)?")]
    private static partial Regex IndexName();

    [GeneratedRegex(@"^(?:(?:In|On|At|By|For|From)\s+)?(?:the\s+)?")]
    private static partial Regex LeadingPreposition();

    [GeneratedRegex(@"^(?:the|a|an|its|their|his|her|these|those|such|this)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingDeterminer();

    [GeneratedRegex(@"^(?:Women|Men|Children|Persons|People|Citizens|Residents|Representation|Judges|Girls|Victims|Deputies|Members|Staff)\b")]
    private static partial Regex CommonFirstWord();

    [GeneratedRegex(
        @"^(?:is|was|are|were|be|been|has|have|had|reached|account|accounts|constitute|comprise|make|made|head|hold|held|received|receive)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex TrailingVerb();

    [GeneratedRegex(
        @"(?<s>[\p{L}\s’'-]{3,60}?)\s+(?:already\s+)?(?:account(?:s|ed)?\s+for|constitute[sd]?|comprise[sd]?|make\s+up|made\s+up|head|hold|received)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ShareVerb();
}
