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

/// <summary>Validation rules shared by list endpoints. Query values are bound as strings and checked here, so a
/// malformed number answers a ValidationProblem naming the parameter instead of a bare 400.</summary>
public static class QueryRules
{
    public static readonly IReadOnlyList<string> Languages = ["en", "ru", "fr", "kk"];

    public static IRuleBuilderOptions<T, string?> ValidLimit<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || ParseLimit(v) is not null)
            .WithMessage($"limit must be a whole number from 1 to {Paging.MaxLimit} (default {Paging.DefaultLimit}).");

    public static IRuleBuilderOptions<T, string?> ValidCursor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Cursor.IsWellFormed).WithMessage("cursor must be a nextCursor value returned by this API.");

    public static IRuleBuilderOptions<T, string?> ValidBoolean<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Must(v => v is null or "true" or "false").WithMessage($"{name} must be true or false.");

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, string name, IReadOnlyList<string> values) =>
        rule.Must(v => v is null || IsOneOf(v, values)).WithMessage(OneOfMessage(name, values));

    public static IRuleBuilderOptions<T, string?> ValidId<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Must(v => v is null || IsValidId(v)).WithMessage(IdMessage(name));

    public static IRuleBuilderOptions<T, string?> ValidSearchText<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Must(v => v is null || IsValidSearchText(v)).WithMessage(SearchTextMessage(name));

    // The predicates and messages behind the rules above; GraphQL arguments apply the same ones.
    public static bool IsOneOf(string value, IReadOnlyList<string> values) => values.Contains(value, StringComparer.Ordinal);

    public static string OneOfMessage(string name, IReadOnlyList<string> values) => $"{name} must be one of: {string.Join(", ", values)}.";

    /// <summary>No id is longer (slug + locator); also the bound the OpenAPI document declares for path ids.</summary>
    public const int MaxIdLength = 200;

    public static bool IsValidId(string value) => value.Length is > 0 and <= MaxIdLength && !value.Any(char.IsControl);

    public static string IdMessage(string name) => $"{name} must be an id of 1 to {MaxIdLength} characters.";

    public static bool IsValidSearchText(string value) => value.Length <= 500 && Data.Search.SearchTerms.Parse(value).Tokens.Count > 0;

    public static string SearchTextMessage(string name) => $"{name} must contain at least one letter or digit and at most 500 characters.";

    /// <summary>The limit and cursor rules every list endpoint applies.</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator)
        where T : IPagedRequest
    {
        validator.RuleFor(r => r.Limit).ValidLimit().OverridePropertyName("limit");
        validator.RuleFor(r => r.Cursor).ValidCursor().OverridePropertyName("cursor");
    }

    public static int LimitOrDefault(string? limit) => limit is null ? Paging.DefaultLimit : ParseLimit(limit) ?? Paging.DefaultLimit;

    private static int? ParseLimit(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Paging.MaxLimit ? n : null;
}

/// <summary>A year (<c>2023</c>) or a date (<c>2023-06-30</c>) bounding a period filter.</summary>
public static class PeriodBound
{
    public static bool IsValid(string? value) => value is null || Parse(value, start: true) is not null;

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
