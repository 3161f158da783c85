using KzRights.Data.Queries;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace KzRights.Api.Infrastructure;

/// <summary>The tabular formats a list route answers besides JSON.</summary>
public enum TableFormat
{
    Csv,
    Ndjson,
}

/// <summary>How a list route's format is chosen: the <c>format</c> query parameter wins; otherwise the Accept
/// header, by quality. JSON stays the default (no Accept, <c>*/*</c>, <c>application/json</c>).</summary>
public static class TableFormats
{
    public const string Parameter = "format";
    public const string CsvMediaType = "text/csv";
    public const string NdjsonMediaType = "application/x-ndjson";

    /// <summary>Values of the <c>format</c> parameter.</summary>
    public static readonly IReadOnlyList<string> Names = ["json", "csv", "ndjson"];

    public static readonly string Offered =
        $"application/json (format=json, the default), {CsvMediaType} (format=csv) and {NdjsonMediaType} (format=ndjson)";

    /// <summary>The format asked for: (true, null) for JSON, (true, format) for a table, (false, _) when nothing
    /// offered is acceptable.</summary>
    public static (bool Acceptable, TableFormat? Format) FromAccept(IList<MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0)
        {
            return (true, null);
        }

        // Highest quality first; among equal qualities the order the client listed them in.
        foreach (var media in accept.Select((m, i) => (m, i)).OrderByDescending(x => x.m.Quality ?? 1).ThenBy(x => x.i).Select(x => x.m))
        {
            if (media.Quality is 0)
            {
                continue;
            }

            var type = media.MediaType.Value?.ToLowerInvariant();
            switch (type)
            {
                case CsvMediaType or "text/*":
                    return (true, TableFormat.Csv);
                case NdjsonMediaType or "application/ndjson" or "application/jsonl":
                    return (true, TableFormat.Ndjson);
                case "application/json" or "application/problem+json" or "application/*" or "*/*":
                    return (true, null);
            }
        }

        return (false, null);
    }

    public static TableFormat? FromName(string name) => name switch
    {
        "csv" => TableFormat.Csv,
        "ndjson" => TableFormat.Ndjson,
        _ => null,
    };
}

/// <summary>Marks a list route that also answers CSV and NDJSON rows of <see cref="Table"/> (documented in OpenAPI,
/// <c>format</c> allowed).</summary>
public sealed record TableAnswerMetadata(TableDefinition Table);

/// <summary>Chooses the format of a list route's answer before its handler runs: a bad <c>format</c> is a 400 naming
/// the formats, an Accept header that allows none of them a 406 naming them.</summary>
public sealed class TableNegotiationFilter : IEndpointFilter
{
    private static readonly object Key = new();

    public static TableFormat? Requested(HttpContext http) => http.Items.TryGetValue(Key, out var format) ? (TableFormat?)format : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        TableFormat? format;
        if (http.Request.Query.TryGetValue(TableFormats.Parameter, out var named))
        {
            if (!QueryRules.IsOneOf(named.ToString(), TableFormats.Names))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [TableFormats.Parameter] = [QueryRules.OneOfMessage(TableFormats.Parameter, TableFormats.Names)] },
                    title: "The request's query parameters are not valid.");
            }

            format = TableFormats.FromName(named.ToString());
        }
        else
        {
            var (acceptable, accepted) = TableFormats.FromAccept(http.Request.GetTypedHeaders().Accept);
            if (!acceptable)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status406NotAcceptable,
                    title: "None of the formats in Accept is offered.",
                    detail: $"This list answers {TableFormats.Offered}.");
            }

            format = accepted;
        }

        if (format is { } chosen)
        {
            http.Items[Key] = chosen;
        }

        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        return await next(context);
    }
}

/// <summary>A list route's rows as CSV or NDJSON. Without <c>limit</c> and <c>cursor</c> every matching row is streamed
/// from the database as it is read; with either, one page like the JSON list, the next page's address in
/// <c>Link: &lt;…&gt;; rel="next"</c>. <c>X-Total-Count</c> is the JSON list's <c>total</c>.</summary>
public sealed class TableAnswer : IResult
{
    private readonly TableFormat _format;
    private readonly TableDefinition _table;
    private readonly Func<Func<IAsyncEnumerable<object?[]>, Task<long>>, CancellationToken, Task<long>> _rows;
    private readonly string? _nextCursor;
    private readonly int _total;

    // rows hands the rows to a writer: the whole query streamed (TableQuery.StreamAsync), or a page already read.
    private TableAnswer(
        TableFormat format, TableDefinition table, Func<Func<IAsyncEnumerable<object?[]>, Task<long>>, CancellationToken, Task<long>> rows,
        string? nextCursor, int total)
    {
        _format = format;
        _table = table;
        _rows = rows;
        _nextCursor = nextCursor;
        _total = total;
    }

    /// <summary>The format the request asked for, or null for JSON.</summary>
    public static TableFormat? Requested(HttpContext http) => TableNegotiationFilter.Requested(http);

    /// <summary>Reads the page (or the count) now, so a cursor of another list is still answered 400.</summary>
    public static async Task<TableAnswer> CreateAsync(HttpContext http, TableQuery query, IPagedRequest request, CancellationToken ct)
    {
        var format = Requested(http) ?? throw new InvalidOperationException("no table format was requested");
        if (request.Limit is null && request.Cursor is null)
        {
            return new TableAnswer(format, query.Table, query.StreamAsync, null, await query.CountAsync(ct));
        }

        var page = await query.PageAsync(QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct);
        return new TableAnswer(format, query.Table, (write, _) => write(page.Rows.ToAsyncEnumerable()), page.NextCursor, page.Total);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var extension = _format == TableFormat.Csv ? "csv" : "ndjson";
        response.ContentType = _format == TableFormat.Csv ? $"{TableFormats.CsvMediaType}; charset=utf-8; header=present" : TableFormats.NdjsonMediaType;
        response.Headers.ContentDisposition = $"inline; filename=\"{_table.Name}.{extension}\"";
        response.Headers["X-Total-Count"] = _total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (_nextCursor is not null)
        {
            response.Headers.Link = $"<{HttpConventions.PageAddress(httpContext.Request, _nextCursor)}>; rel=\"next\"";
        }

        var request = httpContext.Request;
        if (!request.Query.ContainsKey("limit") && !request.Query.ContainsKey("cursor"))
        {
            // Every row streamed: the output cache would hold the whole answer in memory to store it, so it stays out,
            // and the request timeout (meant for queries) would cut a long download short.
            if (httpContext.Features.Get<IOutputCacheFeature>() is { } outputCache)
            {
                outputCache.Context.AllowCacheStorage = false;
            }

            httpContext.Features.Get<IHttpRequestTimeoutFeature>()?.DisableTimeout();
        }

        var ct = httpContext.RequestAborted;
        await response.StartAsync(ct);
        _ = await _rows(rows => _format == TableFormat.Csv
            ? TableWriters.WriteCsvAsync(response.Body, _table, rows, ct)
            : TableWriters.WriteNdjsonAsync(response.Body, _table, rows, ct), ct);
    }
}

public static class TableAnswerExtensions
{
    /// <summary>The list route also answers CSV and NDJSON; goes after <c>WithRequestValidation</c>.</summary>
    public static RouteHandlerBuilder WithTableAnswers(this RouteHandlerBuilder builder, TableDefinition table) =>
        builder.WithMetadata(new TableAnswerMetadata(table)).AddEndpointFilter<TableNegotiationFilter>().ProducesProblem(StatusCodes.Status406NotAcceptable);
}
