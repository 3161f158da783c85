using System.Text.RegularExpressions;

namespace KzRights.Data.Search;

/// <summary>User search input reduced to plain word tokens. Quotes, operators (AND, NEAR, -, *, :) and SQL-looking
/// strings never reach FTS syntax: each provider receives only these tokens, quoted or parameterised.</summary>
public sealed partial class SearchTerms
{
    public const int MaxTokens = 16;

    private SearchTerms(IReadOnlyList<string> tokens) => Tokens = tokens;

    public IReadOnlyList<string> Tokens { get; }

    public bool IsEmpty => Tokens.Count == 0;

    public static SearchTerms Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new SearchTerms([]);
        }

        var tokens = WordPattern().Matches(input)
            .Select(m => m.Value.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTokens)
            .ToArray();
        return new SearchTerms(tokens);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
