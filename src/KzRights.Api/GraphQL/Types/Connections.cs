using GraphQL;
using GraphQL.Types;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;

namespace KzRights.Api.GraphQL;

/// <summary>A Relay connection over one page of a query service. <see cref="HasPreviousPage"/> is true when the
/// page was asked for with <c>after</c>: paging is forward only, and an item precedes any valid cursor.</summary>
public sealed record Connection<T>(CursorPage<T> Page, bool HasPreviousPage) : IConnection
{
    public IEnumerable<Edge<T>> Edges => Page.Page.Items.Zip(Page.ItemCursors, (node, cursor) => new Edge<T>(cursor, node));

    public string? NextCursor => Page.Page.NextCursor;

    public IReadOnlyList<string> ItemCursors => Page.ItemCursors;
}

/// <summary>What <see cref="PageInfoType"/> reads, whatever the item type.</summary>
public interface IConnection
{
    bool HasPreviousPage { get; }

    string? NextCursor { get; }

    IReadOnlyList<string> ItemCursors { get; }
}

public sealed record Edge<T>(string Cursor, T Node);

/// <summary>Base of the connection types: <c>edges</c>, <c>nodes</c>, <c>pageInfo</c>, <c>totalCount</c>.</summary>
public abstract class ConnectionType<TNodeType, TEdgeType, T> : ObjectGraphType<Connection<T>>
    where TNodeType : IGraphType
    where TEdgeType : IGraphType
{
    protected ConnectionType(string name, string what)
    {
        Name = name;
        Description = $"A page of {what}. Pass pageInfo.endCursor (or any edge's cursor) as `after` to continue; cursors stay valid while the data changes.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges")
            .Description($"The {what} of this page, each with its cursor.")
            .Resolve(ctx => ctx.Source.Edges)
            .WithComplexityImpact(QueryLimitsRule.PageItemsImpact);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description($"The {what} of this page, without cursors.")
            .Resolve(ctx => ctx.Source.Page.Page.Items)
            .WithComplexityImpact(QueryLimitsRule.PageItemsImpact);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Where this page stands in the whole list.")
            .Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description($"How many {what} match the arguments in all, not just on this page.")
            .Resolve(ctx => ctx.Source.Page.Page.Total);
    }
}

public abstract class EdgeType<TNodeType, T> : ObjectGraphType<Edge<T>>
    where TNodeType : IGraphType
{
    protected EdgeType(string name, string what)
    {
        Name = name;
        Description = $"One of {what} with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Opaque cursor of this item: pass it as `after` to get the items that follow it.")
            .Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node")
            .Description("The item.")
            .Resolve(ctx => ctx.Source.Node);
    }
}

/// <summary>Source is the connection itself (any item type), hence the untyped graph type.</summary>
public sealed class PageInfoType : ObjectGraphType
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Relay page information. Paging is forward only (`first` and `after`).";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage")
            .Description("True when more items follow this page.")
            .Resolve(ctx => Cursors(ctx.Source).NextCursor is not null);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage")
            .Description("True when the page was asked for with `after` (items precede it).")
            .Resolve(ctx => ctx.Source is IConnection c && c.HasPreviousPage);
        Field<StringGraphType>("startCursor")
            .Description("Cursor of the first item of this page; null when the page is empty.")
            .Resolve(ctx => Cursors(ctx.Source).ItemCursors.FirstOrDefault());
        Field<StringGraphType>("endCursor")
            .Description("Cursor of the last item of this page; pass it as `after` for the next page. Null when the page is empty.")
            .Resolve(ctx => Cursors(ctx.Source).ItemCursors.LastOrDefault());
    }

    private static (string? NextCursor, IReadOnlyList<string> ItemCursors) Cursors(object? source) =>
        source is IConnection c ? (c.NextCursor, c.ItemCursors) : throw new InvalidOperationException("PageInfo expects a connection");
}

public sealed class DocumentConnectionType() : ConnectionType<DocumentType, DocumentEdgeType, DocumentDto>("DocumentConnection", "documents");

public sealed class DocumentEdgeType() : EdgeType<DocumentType, DocumentDto>("DocumentEdge", "the documents");

public sealed class ParagraphConnectionType() : ConnectionType<ParagraphType, ParagraphEdgeType, Served<ParagraphDto>>("ParagraphConnection", "paragraphs");

public sealed class ParagraphEdgeType() : EdgeType<ParagraphType, Served<ParagraphDto>>("ParagraphEdge", "the paragraphs");

public sealed class RecommendationConnectionType() : ConnectionType<RecommendationType, RecommendationEdgeType, Served<RecommendationDto>>(
    "RecommendationConnection",
    "recommendations");

public sealed class RecommendationEdgeType() : EdgeType<RecommendationType, Served<RecommendationDto>>("RecommendationEdge", "the recommendations");

public sealed class ThemeConnectionType() : ConnectionType<ThemeType, ThemeEdgeType, ThemeDto>("ThemeConnection", "themes");

public sealed class ThemeEdgeType() : EdgeType<ThemeType, ThemeDto>("ThemeEdge", "the themes");

public sealed class SearchHitConnectionType() : ConnectionType<SearchHitType, SearchHitEdgeType, SearchHitDto>("SearchHitConnection", "search hits");

public sealed class SearchHitEdgeType() : EdgeType<SearchHitType, SearchHitDto>("SearchHitEdge", "the search hits");
