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
        var accumulator = new EntityAccumulator();
        var byEntity = new Dictionary<string, List<EntityMention>>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            accumulator.Add(mention);
            if (!byEntity.TryGetValue(mention.EntityId, out var list))
            {
                byEntity.Add(mention.EntityId, list = []);
            }

            list.Add(mention);
        }

        return accumulator.Summaries()
            .Select(e => new Entity(e.Id, e.Kind, e.Name, e.Attributes, byEntity[e.Id], e.Disagreements))
            .ToList();
    }
}

/// <summary>An entity without its mentions: what <see cref="EntityLinker"/> derives from them, plus their count, the
/// number of documents they come from and their distinct quotes in the order first met.</summary>
public sealed record EntitySummary(
    string Id,
    string Kind,
    string Name,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<EntityDisagreement> Disagreements,
    int MentionCount,
    int DocumentCount,
    IReadOnlyList<string> Quotes);

/// <summary>Links mentions into entities one mention at a time, in the order of the corpus, keeping per entity only what
/// the entity shows (first value of each attribute, the distinct dated values met so far, distinct quotes and documents),
/// not the mentions themselves: an ingest that streams the corpus document by document links every mention without
/// holding them all. <see cref="EntityLinker"/> is this applied to a list.</summary>
public sealed class EntityAccumulator
{
    private static readonly Dictionary<string, string> VocabularyNames = EntityVocabulary.All.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);

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

    private readonly Dictionary<string, State> _entities = new(StringComparer.Ordinal);

    /// <summary>Adds the next mention; true when it is the first of its entity (whose kind and name are then known).</summary>
    public bool Add(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var first = !_entities.TryGetValue(mention.EntityId, out var state);
        if (first)
        {
            state = new State(mention.Kind, VocabularyNames.GetValueOrDefault(mention.EntityId) ?? mention.Quote);
            _entities.Add(mention.EntityId, state);
        }

        state!.Add(mention);
        return first;
    }

    /// <summary>The kind and name of an entity already met.</summary>
    public (string Kind, string Name) Identity(string entityId) => (_entities[entityId].Kind, _entities[entityId].Name);

    /// <summary>Every entity met, by id.</summary>
    public IReadOnlyList<EntitySummary> Summaries() =>
        _entities.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value.Summary(e.Key)).ToList();

    private static string ComparedKey(string kind, string key) => kind == EntityKind.Event && key is "since" ? "date" : key;

    /// <summary>Values agree when one is a prefix of the other at a date boundary ("2022" and "2022-02-07").</summary>
    private static bool Compatible(string a, string b) =>
        a == b || a.Length < b.Length && b.StartsWith(a + "-", StringComparison.Ordinal)
            || b.Length < a.Length && a.StartsWith(b + "-", StringComparison.Ordinal);

    private sealed record Stated(string MentionId, string DocumentId, string Quote, string Value);

    private sealed class State(string kind, string name)
    {
        private readonly SortedDictionary<string, string> _attributes = new(StringComparer.Ordinal);
        private readonly HashSet<string> _documents = new(StringComparer.Ordinal);
        private readonly List<string> _quotes = [];
        private readonly HashSet<string> _quoteSet = new(StringComparer.Ordinal);

        // Per compared attribute: the distinct values stated so far (with the first mention of each) and the disagreements found.
        private readonly SortedDictionary<string, (List<Stated> Seen, List<EntityDisagreement> Found)> _dated = new(StringComparer.Ordinal);
        private int _mentions;

        public string Kind { get; } = kind;

        public string Name { get; } = name;

        public void Add(EntityMention mention)
        {
            _mentions++;
            _documents.Add(mention.DocumentId);
            if (_quoteSet.Add(mention.Quote))
            {
                _quotes.Add(mention.Quote);
            }

            foreach (var (key, value) in mention.Attributes)
            {
                _attributes.TryAdd(key, value);
                var compared = ComparedKey(mention.Kind, key);
                if (!Dated.Contains(compared) && !(mention.Kind == EntityKind.Event && compared == "date"))
                {
                    continue;
                }

                if (!_dated.TryGetValue(compared, out var attribute))
                {
                    _dated.Add(compared, attribute = ([], []));
                }

                var other = attribute.Seen.FirstOrDefault(s => !Compatible(s.Value, value));
                if (other is not null && attribute.Found.All(r => r.FirstValue != other.Value || r.SecondValue != value))
                {
                    attribute.Found.Add(new EntityDisagreement(compared, other.MentionId, other.Value, other.Quote, mention.Id, value, mention.Quote,
                        other.DocumentId != mention.DocumentId));
                }

                if (attribute.Seen.All(s => s.Value != value))
                {
                    attribute.Seen.Add(new Stated(mention.Id, mention.DocumentId, mention.Quote, value));
                }
            }
        }

        public EntitySummary Summary(string id) => new(
            id,
            Kind,
            Name,
            new SortedDictionary<string, string>(_attributes, StringComparer.Ordinal),
            _dated.Values.SelectMany(a => a.Found).ToList(),
            _mentions,
            _documents.Count,
            _quotes.ToList());
    }
}
