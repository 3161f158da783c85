using System.Globalization;
using System.Text.RegularExpressions;
using KzRights.Parsing.Indicators;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Entities;

/// <summary>Finds the laws, treaties, plans, institutions and dated events a paragraph names, with the attributes
/// each mention's sentence states. Names of <see cref="EntityVocabulary"/> come first (the longest wins where two
/// overlap); named laws the vocabulary does not know are found by generic patterns ("the Citizenship Act", "the
/// Law on Combating Human Trafficking", "the Health Code") and get an id from their name. Rules:
/// <c>src/KzRights.Parsing/Entities/README.md</c>. Stateless and thread-safe.</summary>
public sealed partial class EntityExtractor
{
    public IReadOnlyList<EntityMention> Extract(ParagraphText paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var text = paragraph.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var sentences = SentenceSplitter.Split(text);
        var found = new List<(int Start, int End, string Id, string Kind, string Rule)>();
        foreach (var known in EntityVocabulary.All)
        {
            foreach (Match m in known.Names.Matches(text))
            {
                if (known.Sentence is { } condition && !condition.IsMatch(SentenceText(text, sentences, m.Index)))
                {
                    continue;
                }

                found.Add((m.Index, m.Index + m.Length, known.Id, known.Kind, "vocabulary"));
            }
        }

        var generic = GenericLaws(text).Select(g => (g.Start, g.End, g.Id, Kind: EntityKind.Law, Rule: "generic-law-name"))
            .Concat(GenericTreatiesAndPlans(text))
            .Concat(GenericEvents(text))
            .Concat(DatedChanges(text, sentences).Where(g => !found.Any(v => v.Kind == EntityKind.Event && g.Start < v.End && v.Start < g.End)))
            .ToList();
        var chosen = Choose(found, generic);

        var mentions = new List<EntityMention>();
        foreach (var c in chosen.OrderBy(c => c.Start))
        {
            var n = (mentions.Count + 1).ToString(CultureInfo.InvariantCulture);
            var attributes = EntityAttributes.Read(text, sentences, c.Start, c.End, c.Kind);
            var id = c.Rule == "generic-law-name" ? DatedLawId(c.Id, attributes) : c.Id;
            mentions.Add(new EntityMention($"{paragraph.ParagraphId}/e{n}", id, c.Kind, paragraph.DocumentId, paragraph.ParagraphId,
                paragraph.Language, text[c.Start..c.End], c.Start, c.End - c.Start, attributes, c.Rule));
        }

        return mentions;
    }

    /// <summary>Where two names overlap the longest wins, with two exceptions. A name the vocabulary knows as a law,
    /// treaty or plan beats a generic reading that overlaps it (the vocabulary knows where that name ends). An event
    /// is a statement about something and may contain a law's or institution's name ("Article 130 of the Criminal
    /// Code (Defamation) was decriminalized"), so events compete only with events.</summary>
    private static List<(int Start, int End, string Id, string Kind, string Rule)> Choose(
        List<(int Start, int End, string Id, string Kind, string Rule)> vocabulary,
        List<(int Start, int End, string Id, string Kind, string Rule)> generic)
    {
        var named = vocabulary.Where(v => v.Kind is EntityKind.Law or EntityKind.Treaty or EntityKind.Plan).ToList();
        var candidates = vocabulary.Concat(generic.Where(g => g.Kind == EntityKind.Event || named.All(v => g.End <= v.Start || g.Start >= v.End)));
        var chosen = new List<(int Start, int End, string Id, string Kind, string Rule)>();
        foreach (var f in candidates.OrderByDescending(f => f.End - f.Start).ThenBy(f => f.Rule == "vocabulary" ? 0 : 1).ThenBy(f => f.Start))
        {
            var isEvent = f.Kind == EntityKind.Event;
            if (chosen.Where(c => (c.Kind == EntityKind.Event) == isEvent).All(c => f.End <= c.Start || f.Start >= c.End))
            {
                chosen.Add(f);
            }
        }

        return chosen;
    }

    /// <summary>A generic law whose sentence states the day it was adopted carries that day in its id, as the
    /// vocabulary's laws do (<c>law/2022-11-02-amnesty</c>); <see cref="EntityLinker.UnifyDatedLawIds"/> gives its
    /// undated mentions in other paragraphs the same id.</summary>
    private static string DatedLawId(string id, IReadOnlyDictionary<string, string> attributes) =>
        attributes.TryGetValue("adopted", out var day) && FullDate().IsMatch(day) ? $"law/{day}-{id["law/".Length..]}" : id;


    private static string SentenceText(string text, IReadOnlyList<TextSpan> sentences, int position)
    {
        var s = sentences.FirstOrDefault(s => position >= s.Start && position < s.End);
        return s.Length == 0 ? text : text[s.Start..s.End];
    }

    /// <summary>Named laws outside the vocabulary: "X Act", "X Code" and "X Law" with X one to five capitalised words
    /// (and "of the": "Rights of the Child Act"), and "Law on X" / "Law "On X"" with X a capitalised title. Ids drop
    /// "Act"/"Law on" but keep "code"; a name whose slug is a vocabulary law's takes that law's id.</summary>
    private static IEnumerable<(int Start, int End, string Id)> GenericLaws(string text)
    {
        foreach (Match m in ActCodeOrLaw().Matches(text))
        {
            var name = m.Groups["name"].Value.Trim();
            var head = m.Groups["head"].Value;
            if (NotAName().IsMatch(name) || head == "Law" && !NamedLaw().IsMatch(name))
            {
                continue;
            }

            yield return (m.Groups["name"].Index, m.Index + m.Length, LawId(head == "Code" ? name + " code" : name));
        }

        foreach (Match m in LawOn().Matches(text))
        {
            var title = m.Groups["title"];
            var end = m.Index + m.Length;
            // "the Constitutional Act on Elections and the Political Parties Act" names two laws.
            var second = title.Value.EndsWith('"') ? Match.Empty : SecondLawInTitle().Match(title.Value);
            var name = second.Success ? title.Value[..second.Index] : title.Value;
            end = second.Success ? title.Index + second.Index : end;
            yield return (m.Index, end, LawId(name.Trim()));
        }
    }

    private static readonly Dictionary<string, string> VocabularyLawsBySlug = EntityVocabulary.All
        .Where(e => e.Kind == EntityKind.Law)
        .GroupBy(e => DatePrefix().Replace(e.Id["law/".Length..], string.Empty), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

    private static string LawId(string name)
    {
        var slug = Slug(name);
        return VocabularyLawsBySlug.GetValueOrDefault(slug) ?? "law/" + slug;
    }

    /// <summary>A slug of a name; a possessive apostrophe is dropped ("Procurator’s Office" → <c>procurators-office</c>),
    /// as in the vocabulary's ids.</summary>
    private static string Slug(string name) => StableId.Slug(Apostrophe().Replace(name, string.Empty), 70);

    /// <summary>Treaties and plans outside the vocabulary, by the form of their name: an ILO convention cited by its
    /// number ("Convention No. 189" → <c>treaty/ilo-c189</c>; only ILO conventions are numbered so), and a plan,
    /// programme, concept or strategy whose name carries its years ("Migration Policy Concept 2023–2027", "Concept of
    /// X for 2022-2026" → <c>plan/x-concept-2022-2026</c>; "program" is spelt "programme" in ids).</summary>
    private static IEnumerable<(int Start, int End, string Id, string Kind, string Rule)> GenericTreatiesAndPlans(string text)
    {
        foreach (Match m in IloConvention().Matches(text))
        {
            yield return (m.Index, m.Index + m.Length, "treaty/ilo-c" + m.Groups["number"].Value, EntityKind.Treaty, "generic-ilo-convention");
        }

        foreach (Match m in DatedPlan().Matches(text))
        {
            var before = m.Groups["before"].Value.Trim();
            if (before.Length == 0 && m.Groups["of"].Length == 0)
            {
                continue;
            }

            var head = m.Groups["head"].Value.ToLowerInvariant() == "program" ? "programme" : m.Groups["head"].Value;
            // The years close the id even where a long name is cut.
            var name = $"{before} {m.Groups["of"].Value} {head}";
            var start = m.Groups["before"].Length > 0 ? m.Groups["before"].Index : m.Groups["head"].Index;
            var id = $"plan/{StableId.Slug(Apostrophe().Replace(name, string.Empty), 60)}-{m.Groups["from"].Value}-{m.Groups["to"].Value}";
            yield return (start, m.Index + m.Length, id, EntityKind.Plan, "generic-dated-plan");
        }
    }

    /// <summary>Dated events by the form of the statement: an article of a code named in brackets that "was
    /// decriminalized" or "was introduced" (<c>event/defamation-decriminalization</c>,
    /// <c>event/forced-marriage-criminalization</c>), and a thing of two to four words that "was abolished"
    /// (<c>event/temporary-registration-abolition</c>).</summary>
    private static IEnumerable<(int Start, int End, string Id, string Kind, string Rule)> GenericEvents(string text)
    {
        foreach (Match m in CodeArticleChanged().Matches(text))
        {
            var change = m.Groups["verb"].Value.StartsWith("decrim", StringComparison.OrdinalIgnoreCase) ? "decriminalization" : "criminalization";
            yield return (m.Index, m.Index + m.Length, $"event/{Slug(m.Groups["name"].Value)}-{change}", EntityKind.Event, "generic-code-article-event");
        }

        foreach (Match m in Abolished().Matches(text))
        {
            // The thing is the run of words before the verb back to the first function word: "the system of exit visas" → "exit visas".
            var words = m.Groups["thing"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse()
                .TakeWhile(w => !FunctionWord().IsMatch(w)).Reverse().ToList();
            if (words.Count >= 2)
            {
                var start = m.Index + m.Value.IndexOf(words[0], StringComparison.Ordinal);
                yield return (start, m.Index + m.Length, $"event/{Slug(string.Join(' ', words))}-abolition", EntityKind.Event, "generic-abolition");
            }
        }
    }

    /// <summary>Other dated changes (labelling convention, src/KzRights.Parsing/Indicators/README.md): a clause whose subject is the
    /// thing changed and whose verb is "introduced" or "transferred", in a sentence that prints a year ("Since January 1, 2021, a
    /// three-tier model of criminal procedure has been introduced" → <c>event/three-tier-model-of-criminal-procedure-introduction</c>).
    /// The thing is the clause's words before the verb without a leading article: two to sixteen words, not a pronoun, not a bare
    /// amendment, change, measure or provision (those say that a law changed, not what), not a code article (the rule above names
    /// those). A vocabulary event it overlaps wins (the caller drops it), as does a longer event. Planned changes ("will be
    /// introduced") are not matched: an event has taken place.</summary>
    private static IEnumerable<(int Start, int End, string Id, string Kind, string Rule)> DatedChanges(string text, IReadOnlyList<TextSpan> sentences)
    {
        foreach (var sentence in sentences)
        {
            var body = text[sentence.Start..sentence.End];
            if (!Year().IsMatch(body))
            {
                continue;
            }

            foreach (Match m in ChangedThing().Matches(body))
            {
                var thing = m.Groups["thing"];
                var words = thing.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length is < 2 or > 16 || NotAChangedThing().IsMatch(thing.Value))
                {
                    continue;
                }

                var change = m.Groups["verb"].Value == "introduced" ? "introduction" : "transfer";
                var id = $"event/{StableId.Slug(Apostrophe().Replace(thing.Value, string.Empty), 60)}-{change}";
                yield return (sentence.Start + thing.Index, sentence.Start + m.Index + m.Length, id, EntityKind.Event, "generic-dated-change");
            }
        }
    }

    [GeneratedRegex(@"(?<=(?:^|[,;:]\s*|\s[–—]\s)(?:(?:and|also)\s+)?(?:(?:a|an|the)\s+)?)(?!(?:a|an|the)\s)(?<thing>[^\s,;:–—][^,;:–—]*?)\s+" +
        @"(?:(?:has|have)\s+(?:also\s+)?been|was|were)\s+(?<verb>introduced|transferred)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangedThing();

    [GeneratedRegex(@"^(?:it|this|these|those|they|which|that|there|such|new|(?:legislative\s+|further\s+|additional\s+)?(?:amendments?|changes?|" +
        @"measures?|provisions?|norms?|innovations?|restrictions?|requirements?|rules?|bills?|draft\S*)|[Aa]rticles?\s+\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAChangedThing();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?<!\b(?:and|or|of|for|on|in|to|with)\s)(?<name>(?:(?!(?:The|An|A|This|That|Under|In|On|Of|By|Its|Their|Act|Code|Law)\b)" +
        @"[A-Z][\p{L}’'-]+\s+(?:of\s+(?:the\s+)?(?=[A-Z]))?){1,5})(?<head>Act|Code|Law(?!\s+(?:on|of)\b|\s+[""“«]))\b")]
    private static partial Regex ActCodeOrLaw();

    [GeneratedRegex(@"^(?:The|An|A|This|That|Such|Each|Every|Any|Its|Their|Under|In|On|Of|By)(?:\s|$)|^(?:The\s+)?(?:Constitutional|Criminal|Code)$")]
    private static partial Regex NotAName();

    /// <summary>"X Law" is a law's name only when X is at least two words and ends in a noun ("Personal Data
    /// Protection Law"), not an adjective ("Draft Constitutional Law", "International Humanitarian Law").</summary>
    [GeneratedRegex(@"^(?:[A-Z][\p{L}’'-]+\s+)+(?![\p{L}]*(?:al|an|ic|ary)$)(?!Draft$)[A-Z][\p{L}’'-]+$")]
    private static partial Regex NamedLaw();

    [GeneratedRegex(@"(?:Constitutional\s+)?(?:Law|Act)\s+(?:[""“«]On\s+(?:the\s+)?(?<title>[^""”»]{3,120})[""”»]|on\s+(?:the\s+)?(?!(?:January|February|" +
        @"March|April|May|June|July|August|September|October|November|December)\b)(?<title>[A-Z][\p{L}’'-]*(?:\s+(?:(?:of|and|the|in|for|to|on|with|" +
            @"against)\s+)*[A-Z][\p{L}’'-]*){0,8}(?:(?:,\s+[A-Z][\p{L}’'-]*(?:\s+[A-Z][\p{L}’'-]*)*)+,?\s+and\s+[A-Z][\p{L}’'-]*(?:\s+[A-Z][\p{L}’'-]*)*)?))")]
    private static partial Regex LawOn();

    [GeneratedRegex(@"\s+and\s+(?:the\s+)?(?:[A-Z][\p{L}’'-]*\s+){1,5}(?:Act|Code|Law)$")]
    private static partial Regex SecondLawInTitle();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-")]
    private static partial Regex DatePrefix();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?<=\p{L})[’'](?=s\b|\s)")]
    private static partial Regex Apostrophe();

    [GeneratedRegex(@"\b(?:ILO\s+)?Convention(?:,\s+\d{4},?)?\s+\(?No\.\s*(?<number>\d{2,3})\b\)?")]
    private static partial Regex IloConvention();

    [GeneratedRegex(@"(?<before>(?:(?!(?:The|An|A|This|That|Under|In|On|Of|By|Its|Their|Within|For)\b)[A-Z][\p{L}’'-]+\s+){0,4})" +
        @"(?<head>Concept|Programme|Program|Strategy|Plan)\s+(?:(?:of|on)\s+(?:the\s+)?(?<of>[A-Z][\p{L}’'-]*(?:\s+(?:(?:of|and|the|in|for|to|on|with|" +
            @"against)\s+)*[A-Z][\p{L}’'-]*){0,8})\s+)?(?:for\s+(?:the\s+(?:period|years)\s+)?)?(?<from>(?:19|20)\d{2})\s*[-–]\s*(?<to>(?:19|20)\d{2})\b")]
    private static partial Regex DatedPlan();

    [GeneratedRegex(@"\b[Aa]rticle\s+\d+(?:-\d+)?\s+of\s+the\s+(?:Criminal\s+)?Code\s+\((?<name>[A-Z][^()]{2,60})\)\s+(?:was|has\s+been)\s+" +
        @"(?<verb>decriminali[sz]ed|introduced)")]
    private static partial Regex CodeArticleChanged();

    [GeneratedRegex(@"(?<thing>(?:\b[a-z][\p{L}-]+\s+){1,5})(?:was|were|has\s+been|have\s+been)\s+abolished")]
    private static partial Regex Abolished();

    [GeneratedRegex(@"^(?:the|a|an|of|for|to|in|on|at|by|with|and|or|which|that|this|these|those|it|they|also|then|not|its|their|was|were|been|has|have)$")]
    private static partial Regex FunctionWord();
}
