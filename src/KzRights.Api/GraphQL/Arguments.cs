using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;

namespace KzRights.Api.GraphQL;

/// <summary>The paging arguments of every connection (filters come from the REST request records, see
/// <see cref="RequestArguments"/>).</summary>
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
}
