using System.Globalization;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Themes;

/// <summary>Assigns vocabulary themes to a text (a paragraph, a recommendation, an indicator's subject or quote).
/// Evidence, strongest first:
/// <list type="bullet">
/// <item>a goal named by number ("Sustainable Development Goal 16", "SDG 5", "ЦУР ООН №16"): 0.95; by its official
/// name in a text that speaks of the goals ("Quality education"): 0.9;</item>
/// <item>a heading, recommendation group or question group whose title names the theme: 0.9 for the innermost
/// heading and the group, 0.85 for outer headings;</item>
/// <item>terms in the text itself: 0.5 for one distinct strong term, 0.7 for two, 0.8 for three or more, a weak
/// term adding half (a whole one when repeated); weak terms alone give 0.5 only when they occur three times, else
/// 0.3;</item>
/// <item>a goal that a stated theme serves (women's rights → goal 5): half the theme's confidence, so always below
/// <see cref="EvidenceThreshold"/>: the text did not say it.</item>
/// </list>
/// Output is ordered by confidence, then id, so equal input gives equal output.</summary>
public sealed partial class ThemeTagger
{
    /// <summary>Tags at or above this are stated by the text or its headings; below it they are hints.</summary>
    public const double EvidenceThreshold = 0.5;

    public const double GoalNumberConfidence = 0.95;
    public const double GoalNameConfidence = 0.9;
    public const double InnermostHeadingConfidence = 0.9;
    public const double OuterHeadingConfidence = 0.85;
    public const double ViaThemeFactor = 0.5;

    private const string EqualityThemeId = "theme/equality-non-discrimination";

    private readonly ThemeVocabulary _vocabulary;
    private readonly Dictionary<string, Regex[]> _exceptions;

    public ThemeTagger()
        : this(ThemeVocabulary.Default)
    {
    }

    public ThemeTagger(ThemeVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _exceptions = vocabulary.Themes.ToDictionary(
            t => t.Id,
            t => t.Exceptions.Select(ThemeTerm.Compile).ToArray(),
            StringComparer.Ordinal);
    }

    public ThemeVocabulary Vocabulary => _vocabulary;

    public IReadOnlyList<ThemeTag> Tag(string text, ThemeContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        context ??= ThemeContext.None;
        var evidence = new Evidence();

        for (var i = 0; i < context.Headings.Count; i++)
        {
            var confidence = i == context.Headings.Count - 1 ? InnermostHeadingConfidence : OuterHeadingConfidence;
            AddTitleEvidence(evidence, context.Headings[i], confidence, "heading");
        }

        if (!string.IsNullOrWhiteSpace(context.Group))
        {
            AddTitleEvidence(evidence, context.Group, InnermostHeadingConfidence, "group");
        }

        var normalized = ThemeText.Normalize(text);
        var goalSpans = AddGoalEvidence(evidence, normalized);

        // A sentence that names a goal describes the goal ("Goal 16, which provides for access to justice"): its
        // words are evidence for the goal, not statements on the themes they would otherwise indicate.
        AddTermEvidence(evidence, MaskSentences(normalized, goalSpans));

        // Only stated themes lead to goals, so a hint never breeds a hint.
        foreach (var (themeId, confidence) in evidence.Stated(EvidenceThreshold).ToArray())
        {
            var theme = _vocabulary[themeId];
            foreach (var goalId in theme.RelatedGoalIds)
            {
                evidence.Add(goalId, Math.Round(confidence * ViaThemeFactor, 2), $"via theme {theme.Name}");
            }
        }

        return evidence.ToTags();
    }

    private void AddTitleEvidence(Evidence evidence, string title, double confidence, string rule)
    {
        var normalized = ThemeText.Normalize(title);
        var reason = $"{rule}: '{title.Trim()}'";
        foreach (var theme in _vocabulary.HumanRightsThemes)
        {
            // In a title every term counts, weak ones too: a heading that says "Employment" names its topic.
            if (FindMatches(theme, normalized).Count > 0)
            {
                evidence.Add(theme.Id, confidence, reason);
            }
        }

        foreach (var mention in GoalMentions.Find(normalized))
        {
            evidence.Add(GoalDefinitions.Id(mention.Goal), confidence, reason);
        }
    }

    /// <summary>Goals named by number, or by name in a text about the goals; returns where they are named.</summary>
    private List<(int Start, int Length)> AddGoalEvidence(Evidence evidence, string normalized)
    {
        var spans = new List<(int Start, int Length)>();
        foreach (var (goal, mention, index, length) in GoalMentions.Find(normalized))
        {
            evidence.Add(GoalDefinitions.Id(goal), GoalNumberConfidence, $"mention: '{mention}'");
            spans.Add((index, length));
        }

        if (!GoalMentions.SpeaksOfGoals(normalized))
        {
            return spans;
        }

        foreach (var goal in _vocabulary.Goals)
        {
            var names = FindMatches(goal, normalized);
            if (names.Count > 0)
            {
                evidence.Add(goal.Id, GoalNameConfidence, $"goal name: '{names[0].Surface}'");
                spans.AddRange(names.Select(n => (n.Start, n.Length)));
            }
        }

        return spans;
    }

    private void AddTermEvidence(Evidence evidence, string normalized)
    {
        var matches = _vocabulary.HumanRightsThemes.ToDictionary(t => t.Id, t => FindMatches(t, normalized), StringComparer.Ordinal);
        var strongSpans = matches
            .SelectMany(kv => kv.Value.Where(m => m.Term.Weight == TermWeight.Strong).Select(m => (ThemeId: kv.Key, m.Start, m.Length)))
            .ToArray();
        var groundsLists = GroundsList().Matches(normalized).Select(m => (Start: m.Index, m.Length)).ToArray();
        foreach (var theme in _vocabulary.HumanRightsThemes)
        {
            // A weak word inside another theme's defining phrase belongs to that phrase: "detention" in "places of
            // detention" is about conditions of detention, not about arrest.
            var own = matches[theme.Id]
                .Where(m => m.Term.Weight == TermWeight.Strong || !strongSpans.Any(s =>
                    s.ThemeId != theme.Id && s.Length > m.Length && Contains(s.Start, s.Length, m.Start, m.Length)))
                .Select(m =>
                {
                    // "discrimination on the grounds of disability, sexual orientation ..." lists protected grounds:
                    // a statement on non-discrimination, and only a hint about each group it names.
                    var inGroundsList = theme.Id != EqualityThemeId
                        && groundsLists.Any(g => Contains(g.Start, g.Length, m.Start, m.Length));
                    return inGroundsList ? m with { Weight = TermWeight.Weak } : m;
                })
                .ToList();
            if (own.Count > 0)
            {
                var hits = Group(own);
                evidence.Add(theme.Id, BodyConfidence(hits), "terms: " + Describe(hits));
            }
        }
    }

    /// <summary>The theme's term matches in a normalised text, in text order. Where two terms of the theme overlap
    /// the longer one wins ("freedom of association" is not also "association"), and a match inside an exception
    /// phrase does not count ("tortured logic").</summary>
    private List<TermMatch> FindMatches(Theme theme, string normalized)
    {
        var candidates = new List<TermMatch>();
        foreach (var term in theme.Terms)
        {
            foreach (var match in term.Matches(normalized))
            {
                candidates.Add(new TermMatch(term, term.Weight, match.Index, match.Length, match.Value));
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var excluded = _exceptions[theme.Id]
            .SelectMany(r => r.Matches(normalized))
            .Select(m => (m.Index, m.Length))
            .ToArray();
        var accepted = new List<TermMatch>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Length).ThenBy(c => c.Start))
        {
            if (!excluded.Any(e => Overlaps(e.Index, e.Length, candidate.Start, candidate.Length))
                && !accepted.Any(a => Overlaps(a.Start, a.Length, candidate.Start, candidate.Length)))
            {
                accepted.Add(candidate);
            }
        }

        return accepted.OrderBy(a => a.Start).ToList();
    }

    /// <summary>One entry per term in order of first occurrence; a term is strong if any of its matches counted
    /// as strong.</summary>
    private static List<TermHits> Group(IEnumerable<TermMatch> matches) => matches
        .GroupBy(m => m.Term)
        .Select(g => new TermHits(
            g.Any(m => m.Weight == TermWeight.Strong) ? TermWeight.Strong : TermWeight.Weak,
            g.Count(),
            g.Min(m => m.Start),
            g.MinBy(m => m.Start)!.Surface))
        .OrderBy(h => h.FirstStart)
        .ToList();

    /// <summary>Distinct strong terms set the level (one 0.5, two 0.7, three or more 0.8); a weak term adds half, or a
    /// whole one when repeated. Without a strong term weak words are evidence only when they recur three times: a
    /// single "children" or "court" is too often incidental.</summary>
    private static double BodyConfidence(IReadOnlyList<TermHits> hits)
    {
        if (hits.All(h => h.Weight == TermWeight.Weak))
        {
            return hits.Sum(h => h.Count) >= 3 ? 0.5 : 0.3;
        }

        var units = hits.Sum(h => h.Weight == TermWeight.Strong || h.Count > 1 ? 1.0 : 0.5);
        return units switch
        {
            >= 3 => 0.8,
            >= 2 => 0.7,
            _ => 0.5,
        };
    }

    private static string Describe(IEnumerable<TermHits> hits) => string.Join(", ", hits.Select(h =>
        h.Count > 1 ? $"{h.Surface} ×{h.Count.ToString(CultureInfo.InvariantCulture)}" : h.Surface));

    /// <summary>Blanks out the sentences that contain any of the spans, keeping every other character in place.</summary>
    private static string MaskSentences(string text, IReadOnlyCollection<(int Start, int Length)> spans)
    {
        if (spans.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        var sentenceStart = 0;
        foreach (var boundary in SentenceBoundary().Matches(text).Cast<Match?>().Append(null))
        {
            var sentenceEnd = boundary?.Index ?? text.Length;
            if (spans.Any(s => Overlaps(s.Start, s.Length, sentenceStart, sentenceEnd - sentenceStart)))
            {
                Array.Fill(chars, ' ', sentenceStart, sentenceEnd - sentenceStart);
            }

            sentenceStart = boundary is null ? text.Length : boundary.Index + boundary.Length;
        }

        return new string(chars);
    }

    private static bool Overlaps(int startA, int lengthA, int startB, int lengthB) =>
        startA < startB + lengthB && startB < startA + lengthA;

    private static bool Contains(int outerStart, int outerLength, int innerStart, int innerLength) =>
        outerStart <= innerStart && innerStart + innerLength <= outerStart + outerLength;

    /// <summary>From "on the grounds of" (or "on the basis of", "regardless of", "по признаку" …) to the end of the
    /// clause.</summary>
    [GeneratedRegex(@"(?<!\w)(?:(?:on\s+)?(?:the\s+)?grounds?\s+of|on\s+the\s+basis\s+of|based\s+on|regardless\s+of|irrespective\s+of|по\s+признак\w*|" +
        @"по\s+мотивам|независимо\s+от)\s[^.;:()]{1,250}", RegexOptions.CultureInvariant)]
    private static partial Regex GroundsList();

    [GeneratedRegex(@"(?<=[.!?;])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBoundary();

    private sealed record TermMatch(ThemeTerm Term, TermWeight Weight, int Start, int Length, string Surface);

    private sealed record TermHits(TermWeight Weight, int Count, int FirstStart, string Surface);

    /// <summary>Per theme the highest confidence any rule gave and every rule's reason, in the order found.</summary>
    private sealed class Evidence
    {
        private readonly Dictionary<string, (double Confidence, List<string> Reasons)> _byTheme = new(StringComparer.Ordinal);

        public void Add(string themeId, double confidence, string reason)
        {
            if (!_byTheme.TryGetValue(themeId, out var entry))
            {
                _byTheme[themeId] = (confidence, [reason]);
                return;
            }

            if (!entry.Reasons.Contains(reason))
            {
                entry.Reasons.Add(reason);
            }

            _byTheme[themeId] = (Math.Max(entry.Confidence, confidence), entry.Reasons);
        }

        public IEnumerable<(string ThemeId, double Confidence)> Stated(double threshold) =>
            _byTheme.Where(kv => kv.Value.Confidence >= threshold).Select(kv => (kv.Key, kv.Value.Confidence));

        public IReadOnlyList<ThemeTag> ToTags() => _byTheme
            .Select(kv => new ThemeTag(kv.Key, kv.Value.Confidence, string.Join("; ", kv.Value.Reasons)))
            .OrderByDescending(t => t.Confidence)
            .ThenBy(t => t.ThemeId, StringComparer.Ordinal)
            .ToArray();
    }
}
