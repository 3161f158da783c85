using System.Text.RegularExpressions;

namespace KzRights.Parsing.Indicators;

/// <summary>Subjects as noun phrases: the read-off subject is cut at the first verb (a subject is never "has been
/// lowered"), stripped of leading prepositions, pronouns and conjunctions, and, where nothing of it is left, taken
/// from the clause's own subject ("The term of pre-trial detention has been reduced from 72 to 48 hours" → "term of
/// pre-trial detention"). A share stated for a group ("Women account for 55.8 per cent of civil servants") names
/// both ("women among civil servants"). Russian subjects are brought to their dictionary form
/// (<see cref="RussianLemmas"/>). Finally each number gets its <see cref="MeasureVocabulary"/> key.</summary>
internal sealed partial class ParagraphAnalysis
{
    private void RefineSubjects()
    {
        foreach (var c in _candidates)
        {
            var subject = _language == "ru" ? RussianSubject(c) : EnglishSubject(c);
            c.Subject = subject;
        }

        foreach (var c in _candidates)
        {
            var clause = ClauseOf(c.Number.Start);
            c.Measure = MeasureVocabulary.Classify(c.Subject, Slice(clause.Start, clause.End), c.Unit!, c.Kind);
        }
    }

    private string EnglishSubject(Candidate c)
    {
        var subject = NounPhraseOf(c.Subject);
        if (WeakSubject().IsMatch(subject))
        {
            subject = ClauseNounPhrase(c);
        }

        // "… has increased to 36.5 per cent; by 2030 this figure should rise to 40 per cent": the figure is the
        // previous number's measure.
        if (subject.Length == 0 && Anaphoric().IsMatch(Slice(ClauseOf(c.Number.Start).Start, c.QuoteStart))
            && _candidates.LastOrDefault(d => d.Number.Start < c.Number.Start && d.Unit == c.Unit) is { Subject.Length: > 0 } previous)
        {
            subject = previous.Subject;
        }

        if (c.Unit == IndicatorUnit.Percent && c.Kind != IndicatorKind.Quota && ClauseSubject(c) is { Length: > 0 } group)
        {
            var who = NounPhraseOf(group).ToLowerInvariant();
            if (who.Length > 0 && subject.Length > 0 && !subject.Contains(who, StringComparison.OrdinalIgnoreCase) && IsPopulationWord().IsMatch(who))
            {
                return $"{who} among {subject}";
            }
        }

        return subject;
    }

    /// <summary>The part of a read-off subject before its first verb, without leading function words.</summary>
    private static string NounPhraseOf(string subject)
    {
        var s = subject;
        var verb = VerbToken().Match(s);
        if (verb.Success)
        {
            s = s[..verb.Index];
        }

        s = LeadingFunctionWords().Replace(LeadingPeriod().Replace(s.Trim(), string.Empty), string.Empty)
            .Trim().Trim(',', '.', ';', ':', '(', ')', '–', '-', ' ');
        return WhitespaceRun().Replace(s, " ");
    }

    /// <summary>The clause's grammatical subject before the number: the clause start without an opening adverbial
    /// ("In 2023,", "Since 1 January 2023,", "According to …,"), up to the first verb.</summary>
    private string ClauseNounPhrase(Candidate c)
    {
        var clause = ClauseOf(c.Number.Start);
        var text = Slice(clause.Start, c.QuoteStart);
        var comma = OpeningAdverbial().Match(text);
        if (comma.Success)
        {
            text = text[comma.Length..];
        }

        var verb = VerbToken().Match(text);
        if (!verb.Success)
        {
            return string.Empty;
        }

        // "The threshold for … in the Mazhilis, the lower house of Parliament, has been lowered": without the apposition.
        var phrase = NounPhraseOf(Apposition().Replace(text[..verb.Index], string.Empty));
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 10 && !WeakSubject().IsMatch(phrase) && !phrase.Any(ch => ch is ',' or ':' or '"' or '“' or '«')
            ? phrase
            : string.Empty;
    }

    private string RussianSubject(Candidate c)
    {
        var subject = c.Subject;
        var verb = RussianVerbToken().Match(subject);
        if (verb.Success && verb.Index > 0)
        {
            subject = subject[..verb.Index].Trim();
        }

        return RussianLemmas.Lemmatize(subject);
    }

    [GeneratedRegex(@"\b(?:has|have|had|been|is|are|was|were|will|would|may|might|can|could|should|must|shall|planned|plans|completed|demonstrating|marks|" +
        @"provides|represents|stood|ranks|amounted|amounts|make|makes|made|accounts?|constitutes?|comprises?|received|reached|increased|decreased|reduced|" +
            @"lowered|raised|rose|risen|fell|fallen|grew|grown|took|take|held|led|operate|operates|operated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VerbToken();

    [GeneratedRegex(@",\s*the\s+[^,]{3,60},\s*$")]
    private static partial Regex Apposition();

    [GeneratedRegex(@"^(?:(?:by|in|since|until|as\s+of)\s+)?(?:the\s+end\s+of\s+)?\d{4}\s*,?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPeriod();

    [GeneratedRegex(@"\b(?:this|that|the)\s+(?:figure|indicator|number|share|rate)\s+(?:\p{L}+\s+){1,4}$|\bit\s+\p{L}+\s+(?:to|at|by)\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Anaphoric();

    [GeneratedRegex(
        @"^(?:(?:and|or|but|of|in|on|at|to|for|by|with|from|as|which|that|who|i\s+e|e\s+g|the|a|an|its|their|this|these|those|such|it|they|there|here)\b\s*)+",
        RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFunctionWords();

    /// <summary>Subjects that name nothing measured: pronouns, the country, "figure", single function words.</summary>
    [GeneratedRegex(@"^(?:it|they|this|that|these|those|figure|that\s+figure|this\s+figure|which|one|kazakhstan|in\s+kazakhstan|the\s+country|country|i\s+e|" +
        @"sum|percentages|gap|increasing|completed|demonstrating|)$", RegexOptions.IgnoreCase)]
    private static partial Regex WeakSubject();

    [GeneratedRegex(@"^\W*(?:(?:in|on|at|by|since|from|as\s+(?:at|of)|during|over|under|according\s+to|thanks\s+to|as\s+a\s+result\s+of|moreover|furthermore|" +
        @"in\s+addition|at\s+the\s+same\s+time|today|currently|so\s+far|to\s+date)\b[^,]{0,80},\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningAdverbial();

    [GeneratedRegex(
        @"^(?:women|woman|men|girls|young\s+people|persons\s+with\s+disabilities|people\s+with\s+disabilities|rural\s+women|female\s+\p{L}+)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex IsPopulationWord();

    [GeneratedRegex(
        @"\s(?:был[аои]?|являются|является|составил[аио]?|составляет|составляют|обязаны|подаёт|подает|увеличил[аио]?с[ья]|снизил[аио]?с[ья])\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex RussianVerbToken();
}
