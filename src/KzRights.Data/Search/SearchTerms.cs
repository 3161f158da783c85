namespace KzRights.Data.Search;

/// <summary>User search input reduced to plain word tokens. Quotes, operators (AND, NEAR, -, *, :) and SQL-looking
/// strings never reach FTS syntax: each provider receives only these tokens, quoted or parameterised. A record
/// matches when it holds every token in some form: the stemmer's (<see cref="SearchStemmer"/>: "rights" finds
/// "right", "квоты" finds "квотой") or an irregular one (<see cref="Forms"/>: "women" finds "woman").</summary>
public sealed class SearchTerms
{
    public const int MaxTokens = 16;

    /// <summary>What a query matches, for the REST and GraphQL descriptions.</summary>
    public const string Description =
        "Every word of q must occur in some form: on SQLite and PostgreSQL, English and Russian stemming ('rights' finds 'right', "
        + "'квоты' finds 'квотой') and irregular English plurals ('women' finds 'woman'); SQL Server matches the words as typed. "
        + "A query that cites a record ('CCPR/C/KAZ/CO/3 para 20', '139.30', '12 (a)') returns that record first, with score 1000000.";

    // English plurals no stemmer derives from their singular (Snowball, like Porter, leaves "women" and "children"
    // as they are). A query word of a group matches every word of the group.
    private static readonly string[][] IrregularGroups =
    [
        ["woman", "women"], ["man", "men"], ["child", "children"], ["foot", "feet"], ["tooth", "teeth"], ["mouse", "mice"],
        ["goose", "geese"], ["wife", "wives"], ["life", "lives"], ["knife", "knives"], ["half", "halves"],
        ["crisis", "crises"], ["analysis", "analyses"], ["basis", "bases"], ["thesis", "theses"], ["hypothesis", "hypotheses"],
        ["criterion", "criteria"], ["phenomenon", "phenomena"], ["ombudsman", "ombudsmen"], ["ombudswoman", "ombudswomen"],
        ["chairman", "chairmen"], ["chairwoman", "chairwomen"], ["spokesman", "spokesmen"], ["spokeswoman", "spokeswomen"],
        ["policeman", "policemen"], ["policewoman", "policewomen"], ["businessman", "businessmen"],
        ["businesswoman", "businesswomen"], ["serviceman", "servicemen"], ["servicewoman", "servicewomen"],
        ["sportsman", "sportsmen"], ["sportswoman", "sportswomen"],
    ];

    private static readonly Dictionary<string, string[]> GroupOf = IrregularGroups
        .SelectMany(g => g.Select(word => (word, g)))
        .ToDictionary(x => x.word, x => x.g, StringComparer.Ordinal);

    private SearchTerms(IReadOnlyList<string> tokens) => Tokens = tokens;

    public IReadOnlyList<string> Tokens { get; }

    public bool IsEmpty => Tokens.Count == 0;

    /// <summary>The words a token stands for: itself, and its irregular partners.</summary>
    public static IReadOnlyList<string> Forms(string token) => GroupOf.TryGetValue(token, out var group) ? group : [token];

    /// <summary>For each token, the stems of its forms (what the SQLite index holds and the highlighter compares).</summary>
    public IReadOnlyList<IReadOnlyList<string>> StemGroups =>
        _stemGroups ??= Tokens.Select(t => (IReadOnlyList<string>)Forms(t).Select(SearchStemmer.Stem).Distinct(StringComparer.Ordinal).ToArray()).ToArray();

    private IReadOnlyList<IReadOnlyList<string>>? _stemGroups;

    public static SearchTerms Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new SearchTerms([]);
        }

        var tokens = SearchStemmer.WordPattern().Matches(input)
            .Select(m => m.Value.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTokens)
            .ToArray();
        return new SearchTerms(tokens);
    }
}
