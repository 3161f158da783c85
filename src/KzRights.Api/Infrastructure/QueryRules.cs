using System.Globalization;
using FluentValidation;
using KzRights.Data.Queries;

namespace KzRights.Api.Infrastructure;

/// <summary>A list request: page size and cursor, validated the same way everywhere.</summary>
public interface IPagedRequest
{
    string? Limit { get; }

    string? Cursor { get; }
}

/// <summary>What query values and ids accept, shared by the query parameter attributes (<see cref="QueryParameters"/>)
/// and the rules of request bodies.</summary>
public static class QueryRules
{
    public static readonly IReadOnlyList<string> Languages = ["en", "ru", "fr", "kk"];

    public static IRuleBuilderOptions<T, string?> ValidId<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Must(v => v is null || IsValidId(v)).WithMessage(IdMessage(name));

    // The predicates and messages behind the parameter attributes (QueryParameters.cs) and the rules of request bodies.
    public static bool IsOneOf(string value, IReadOnlyList<string> values) => values.Contains(value, StringComparer.Ordinal);

    public static string OneOfMessage(string name, IReadOnlyList<string> values) => $"{name} must be one of: {string.Join(", ", values)}.";

    /// <summary>No id is longer (slug + locator); also the bound the OpenAPI document declares for path ids.</summary>
    public const int MaxIdLength = 200;

    public static bool IsValidId(string value) => value.Length is > 0 and <= MaxIdLength && !value.Any(char.IsControl);

    public static string IdMessage(string name) => $"{name} must be an id of 1 to {MaxIdLength} characters.";

    public const int MaxSearchTextLength = 500;

    public static bool IsValidSearchText(string value) => value.Length <= MaxSearchTextLength && Data.Search.SearchTerms.Parse(value).Tokens.Count > 0;

    public static string SearchTextMessage(string name) => $"{name} must contain at least one letter or digit and at most {MaxSearchTextLength} characters.";

    public static int LimitOrDefault(string? limit) => limit is null ? Paging.DefaultLimit : ParseLimit(limit) ?? Paging.DefaultLimit;

    public static int? ParseLimit(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Paging.MaxLimit ? n : null;
}

/// <summary>A year (<c>2023</c>) or a date (<c>2023-06-30</c>) bounding a period filter.</summary>
public static class PeriodBound
{
    public static DateOnly? Parse(string? value, bool start)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
        {
            return start ? new DateOnly(year, 1, 1) : new DateOnly(year, 12, 31);
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }
}
