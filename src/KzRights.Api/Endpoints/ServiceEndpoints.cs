using KzRights.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KzRights.Api.Endpoints;

/// <summary>The entry points a newcomer finds without reading anything: <c>/</c> lists where everything is, the
/// OpenAPI document at <c>/openapi.json</c> and <c>/openapi.yaml</c>.</summary>
public static class ServiceEndpoints
{
    public static IEndpointRouteBuilder MapServiceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Index).WithName("index").WithTags("Service")
            .WithSummary("Where everything is")
            .WithDescription("Links to the documentation, the OpenAPI document, GraphQL and every collection.")
            .WithRequestValidation<NoQuery>();
        // Built from the code alone (no database), once per process: the request timeout guards database waits and
        // would only turn the first, slower build into a 503 under load.
        app.MapGet("/openapi.{format:regex(^(json|yaml)$)}", OpenApiDocumentAsync).ExcludeFromDescription().DisableRequestTimeout();
        // Swashbuckle's own address for the same document, served from the same text (its middleware built the document
        // again on every request).
        app.MapGet("/swagger/v1/swagger.{format:regex(^(json|yaml)$)}", OpenApiDocumentAsync).ExcludeFromDescription().DisableRequestTimeout();
        return app;
    }

    public static Ok<ApiIndexDto> Index(HttpContext http)
    {
        var root = http.Request.PathBase.Value ?? string.Empty;
        ApiLinkDto Link(string rel, string path, string title) => new(rel, root + path, title);
        return TypedResults.Ok(new ApiIndexDto(
            "KzRights API",
            "Exact, citable, structured data from UN and government human-rights documents about Kazakhstan.",
            [
                Link("service-doc", "/swagger", "Swagger UI: every REST operation, with examples to run"),
                Link("service-desc", "/openapi.json", "OpenAPI 3.0 document (JSON)"),
                Link("service-desc", "/openapi.yaml", "OpenAPI 3.0 document (YAML)"),
                Link("graphql", "/graphql", "GraphQL endpoint (GET or POST)"),
                Link("graphql-ui", "/graphql/ui", "GraphiQL"),
                Link("documents", "/v1/documents", "Source documents"),
                Link("paragraphs", "/v1/paragraphs", "Paragraphs across the corpus"),
                Link("recommendations", "/v1/recommendations", "Recommendations and questions"),
                Link("search", "/v1/search?q=torture", "Full-text search"),
                Link("themes", "/v1/themes", "Themes and Sustainable Development Goals"),
                Link("indicators", "/v1/indicators", "Typed numbers with provenance"),
                Link("series", "/v1/series", "Time series of one measure"),
                Link("facts", "/v1/facts", "The same fact stated in several places, with conflicts"),
                Link("quotas", "/v1/quotas", "Quotas and targets"),
                Link("entities", "/v1/entities", "Laws, treaties, plans, institutions and events named in the documents"),
                Link("releases", "/v1/releases", "Data releases, newest first; /v1/releases/latest is the one served"),
                Link("latest-release", "/v1/releases/latest", "The release every route answers from"),
                Link("changes", "/v1/changes?since=latest", "What changed since a release (the call to sync with)"),
                Link("health", "/health", "Liveness probe"),
                Link("ready", "/health/ready", "Readiness probe: the database answers and holds a corpus"),
                Link("metrics", "/metrics", "Prometheus metrics"),
            ]));
    }

    /// <summary>The document Swashbuckle generates, at the address tools look for first and at Swashbuckle's own
    /// (<c>/swagger/v1/swagger.json</c>).</summary>
    private static async Task OpenApiDocumentAsync(string format, HttpContext http, OpenApiDocumentText document)
    {
        var text = await document.GetAsync(format).WaitAsync(http.RequestAborted);
        http.Response.ContentType = format == "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8";
        await http.Response.WriteAsync(text, http.RequestAborted);
    }
}

/// <summary>Answer of <c>/</c>: a name and the links to everything else.</summary>
public sealed record ApiIndexDto(string Name, string Description, IReadOnlyList<ApiLinkDto> Links);

/// <summary>A link of the index: relation (RFC 8631 service-doc/service-desc where they apply), target and what it is.</summary>
public sealed record ApiLinkDto(string Rel, string Href, string Title);
