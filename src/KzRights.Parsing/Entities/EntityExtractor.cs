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

        var chosen = new List<(int Start, int End, string Id, string Kind, string Rule)>();
        foreach (var f in found.OrderByDescending(f => f.End - f.Start).ThenBy(f => f.Start))
        {
            if (chosen.All(c => f.End <= c.Start || f.Start >= c.End))
            {
                chosen.Add(f);
            }
        }

        foreach (var (start, end, id) in GenericLaws(text))
        {
            if (chosen.All(c => end <= c.Start || start >= c.End))
            {
                chosen.Add((start, end, id, EntityKind.Law, "generic-law-name"));
            }
        }

        var mentions = new List<EntityMention>();
        foreach (var c in chosen.OrderBy(c => c.Start))
        {
            var n = (mentions.Count + 1).ToString(CultureInfo.InvariantCulture);
            var attributes = EntityAttributes.Read(text, sentences, c.Start, c.End, c.Kind);
            mentions.Add(new EntityMention($"{paragraph.ParagraphId}/e{n}", c.Id, c.Kind, paragraph.DocumentId, paragraph.ParagraphId,
                paragraph.Language, text[c.Start..c.End], c.Start, c.End - c.Start, attributes, c.Rule));
        }

        return mentions;
    }

    private static string SentenceText(string text, IReadOnlyList<TextSpan> sentences, int position)
    {
        var s = sentences.FirstOrDefault(s => position >= s.Start && position < s.End);
        return s.Length == 0 ? text : text[s.Start..s.End];
    }

    /// <summary>Named laws outside the vocabulary: "X Act" and "X Code" with X one to five capitalised words, and
    /// "Law on X" / "Law "On X"" with X a capitalised title. Ids drop "Act"/"Law on" but keep "code".</summary>
    private static IEnumerable<(int Start, int End, string Id)> GenericLaws(string text)
    {
        foreach (Match m in ActOrCode().Matches(text))
        {
            var name = m.Groups["name"].Value.Trim();
            if (NotAName().IsMatch(name))
            {
                continue;
            }

            var isCode = m.Groups["head"].Value == "Code";
            var slug = StableId.Slug(isCode ? name + " code" : name, 70);
            yield return (m.Groups["name"].Index, m.Index + m.Length, "law/" + slug);
        }

        foreach (Match m in LawOn().Matches(text))
        {
            var title = m.Groups["title"].Value.Trim();
            yield return (m.Index, m.Index + m.Length, "law/" + StableId.Slug(title, 70));
        }
    }

    [GeneratedRegex(@"(?<!\b(?:and|or|of|for|on|in|to|with)\s)(?<name>(?:(?!(?:The|An|A|This|That|Under|In|On|Of|By|Its|" +
        @"Their)\s)[A-Z][\p{L}’'-]+\s+){1,5})(?<head>Act|Code)\b")]
    private static partial Regex ActOrCode();

    [GeneratedRegex(@"^(?:The|An|A|This|That|Such|Each|Every|Any|Its|Their|Under|In|On|Of|By)(?:\s|$)|^(?:The\s+)?(?:Constitutional|Criminal|Code)$")]
    private static partial Regex NotAName();

    [GeneratedRegex(@"(?:Constitutional\s+)?(?:Law|Act)\s+(?:[""“«]On\s+(?:the\s+)?(?<title>[^""”»]{3,120})[""”»]|on\s+(?:the\s+)?(?!(?:January|February|" +
        @"March|April|May|June|July|August|September|October|November|December)\b)(?<title>[A-Z][\p{L}’'-]*(?:\s+(?:(?:of|and|the|in|for|to|on|with|" +
            @"against)\s+)*[A-Z][\p{L}’'-]*){0,8}))")]
    private static partial Regex LawOn();
}
