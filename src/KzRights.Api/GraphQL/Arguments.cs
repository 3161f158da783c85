using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;

namespace KzRights.Api.GraphQL;

/// <summary>Arguments shared by the root and nested fields, checked with the rules REST applies to the same query
/// parameters. A bad value fails the field with <c>extensions.code</c> INVALID_ARGUMENT.</summary>
public static class GraphQLArguments
{
    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", $"Page size, 1–{Paging.MaxLimit}. Larger values are refused, not clamped.", a => a.DefaultValue = Paging.DefaultLimit)
            .Argument<StringGraphType>("after", "Cursor to continue after: pageInfo.endCursor or an edge's cursor from the same list with the same arguments.");

    public static int First(this IResolveFieldContext context)
    {
        // Validation (QueryLimitsRule) refuses out-of-range sizes before execution; this guards the resolvers anyway.
        var first = context.GetArgument<int?>("first") ?? Paging.DefaultLimit;
        return first is >= 1 and <= Paging.MaxLimit
            ? first
            : throw new ExecutionError($"first must be from 1 to {Paging.MaxLimit}.") { Code = ErrorCodes.PageSizeOutOfRange };
    }

    public static string? After(this IResolveFieldContext context)
    {
        var after = context.GetArgument<string?>("after");
        return Cursor.IsWellFormed(after)
            ? (string.IsNullOrEmpty(after) ? null : after)
            : throw new ExecutionError("after must be a cursor returned by this API (pageInfo.endCursor or an edge's cursor).") { Code = ErrorCodes.InvalidCursor };
    }

    public static string? IdArgument(this IResolveFieldContext context, string name)
    {
        var value = context.GetArgument<string?>(name);
        return value is null || QueryRules.IsValidId(value) ? value : throw Invalid(QueryRules.IdMessage(name));
    }

    public static string? OneOf(this IResolveFieldContext context, string name, IReadOnlyList<string> values)
    {
        var value = context.GetArgument<string?>(name);
        return value is null || QueryRules.IsOneOf(value, values) ? value : throw Invalid(QueryRules.OneOfMessage(name, values));
    }

    public static string? SearchText(this IResolveFieldContext context, string name, bool required)
    {
        var value = context.GetArgument<string?>(name);
        if (value is null && !required)
        {
            return null;
        }

        return value is not null && QueryRules.IsValidSearchText(value) ? value : throw Invalid(QueryRules.SearchTextMessage(name));
    }

    public static DateOnly? PeriodBound(this IResolveFieldContext context, string name, bool start)
    {
        var value = context.GetArgument<string?>(name);
        return value is null
            ? null
            : Infrastructure.PeriodBound.Parse(value, start) ?? throw Invalid($"{name} must be a year (2023) or a date (2023-06-30).");
    }

    private static ExecutionError Invalid(string message) => new(message) { Code = ErrorCodes.InvalidArgument };
}
