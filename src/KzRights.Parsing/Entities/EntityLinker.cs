using System.Globalization;

namespace KzRights.Parsing.Entities;

/// <summary>Gathers the mentions of every document into entities and flags where mentions disagree: two mentions
/// of one entity that state the same attribute with values that cannot both be true (different years, or different
/// days of the same precision; "2022" and "2022-02-07" agree). For events, <c>date</c> and <c>since</c> both say when
/// it happened and are compared with each other; for other kinds only attributes a verb names (adopted, signed,
/// ratified, accession, in force, approved, since) are compared.</summary>
public sealed class EntityLinker
{
    public IReadOnlyList<Entity> Link(IEnumerable<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var names = EntityVocabulary.All.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        var entities = new List<Entity>();
        foreach (var group in mentions.GroupBy(m => m.EntityId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = group.ToList();
            var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in list.SelectMany(m => m.Attributes))
            {
                attributes.TryAdd(key, value);
            }

            var name = names.GetValueOrDefault(group.Key) ?? list[0].Quote;
            entities.Add(new Entity(group.Key, list[0].Kind, name, attributes, list, Disagreements(list)));
        }

        return entities;
    }

    /// <summary>A law found by its name alone gets the id of its dated form when a paragraph of the same document
    /// states the day it was adopted and no other day (<c>law/amnesty</c> → <c>law/2022-11-02-amnesty</c>). Only within
    /// a document: a paragraph's entities must not change because another document was added. Mentions keep their
    /// order.</summary>
    public static IReadOnlyList<EntityMention> UnifyDatedLawIds(IReadOnlyList<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var dated = mentions.Where(m => m.EntityId.StartsWith("law/", StringComparison.Ordinal) && IsDated(m.EntityId))
            .Select(m => (m.DocumentId, m.EntityId))
            .Distinct()
            .GroupBy(m => (m.DocumentId, Undated: "law/" + m.EntityId["law/yyyy-mm-dd-".Length..]))
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().EntityId);
        return mentions.Select(m => dated.TryGetValue((m.DocumentId, m.EntityId), out var id) ? m with { EntityId = id } : m).ToList();
    }

    private static bool IsDated(string lawId) =>
        lawId.Length > "law/yyyy-mm-dd-".Length
            && DateOnly.TryParseExact(lawId.Substring(4, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && lawId["law/yyyy-mm-dd".Length] == '-';

    private static List<EntityDisagreement> Disagreements(List<EntityMention> mentions)
    {
        var result = new List<EntityDisagreement>();
        var stated = mentions
            .SelectMany(m => m.Attributes.Select(a => (Mention: m, Key: ComparedKey(m.Kind, a.Key), a.Value)))
            .Where(x => Dated.Contains(x.Key) || x.Mention.Kind == EntityKind.Event && x.Key == "date")
            .GroupBy(x => x.Key, StringComparer.Ordinal);
        foreach (var attribute in stated.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var seen = new List<(EntityMention Mention, string Value)>();
            foreach (var (mention, _, value) in attribute)
            {
                var other = seen.FirstOrDefault(s => !Compatible(s.Value, value));
                if (other.Mention is not null && result.All(r => r.Attribute != attribute.Key || r.FirstValue != other.Value || r.SecondValue != value))
                {
                    result.Add(new EntityDisagreement(attribute.Key, other.Mention.Id, other.Value, other.Mention.Quote, mention.Id, value, mention.Quote,
                        other.Mention.DocumentId != mention.DocumentId));
                }

                if (seen.All(s => s.Value != value))
                {
                    seen.Add((mention, value));
                }
            }
        }

        return result;
    }

    /// <summary>Attributes whose verb names the event they date; a bare nearest date ("date") is compared only for
    /// events, and amendments are many, so "amended" is never a disagreement.</summary>
    private static readonly HashSet<string> Dated = new(StringComparer.Ordinal) {
        "adopted",
        "signed",
        "ratified",
        "accession",
        "inForce",
        "approved",
        "since" };

    private static string ComparedKey(string kind, string key) => kind == EntityKind.Event && key is "since" ? "date" : key;

    /// <summary>Values agree when one is a prefix of the other at a date boundary ("2022" and "2022-02-07").</summary>
    private static bool Compatible(string a, string b) =>
        a == b || a.Length < b.Length && b.StartsWith(a + "-", StringComparison.Ordinal)
            || b.Length < a.Length && a.StartsWith(b + "-", StringComparison.Ordinal);
}
