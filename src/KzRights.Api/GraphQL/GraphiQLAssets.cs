using KzRights.Api.Infrastructure;

namespace KzRights.Api.GraphQL;

/// <summary>GraphiQL at <c>/graphql/ui</c>, from files embedded in the assembly (it works offline), revalidated by the
/// assembly's build id.</summary>
internal static class GraphiQLAssets
{
    private static readonly IReadOnlyDictionary<string, string> UiAssets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["graphiql.min.js"] = "text/javascript; charset=utf-8",
        ["graphiql.min.css"] = "text/css; charset=utf-8",
        ["react.production.min.js"] = "text/javascript; charset=utf-8",
        ["react-dom.production.min.js"] = "text/javascript; charset=utf-8",
        ["init.js"] = "text/javascript; charset=utf-8",
        ["THIRD-PARTY-NOTICES.txt"] = "text/plain; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapGraphiQL(this IEndpointRouteBuilder app)
    {
        app.MapGet("/graphql/ui", ServeUi).ExcludeFromDescription().AcceptMethods(head: true, corsPreflight: false);
        app.MapGet("/graphql/ui/{file}", ServeUiAsset).ExcludeFromDescription().AcceptMethods(head: true, corsPreflight: false);
        return app;
    }

    private static async Task<IResult> ServeUi(HttpContext http, CancellationToken ct)
    {
        if (NotModified(http))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (OpenUiFile("index.html") is not { } stream)
        {
            return Results.NotFound();
        }

        using var reader = new StreamReader(stream);
        var html = (await reader.ReadToEndAsync(ct)).Replace("{{base}}", http.Request.PathBase.Value ?? string.Empty, StringComparison.Ordinal);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static IResult ServeUiAsset(string file, HttpContext http)
    {
        if (!UiAssets.TryGetValue(file, out var contentType))
        {
            return Results.NotFound();
        }

        if (NotModified(http))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return OpenUiFile(file) is { } stream ? Results.Stream(stream, contentType) : Results.NotFound();
    }

    private static Stream? OpenUiFile(string name) => typeof(GraphiQLAssets).Assembly.GetManifestResourceStream("graphiql/" + name);

    /// <summary>The files change only with the assembly, so its build id is their ETag: browsers revalidate cheaply
    /// and never keep assets of an older release.</summary>
    private static bool NotModified(HttpContext http)
    {
        var etag = $"\"{typeof(GraphiQLAssets).Assembly.ManifestModule.ModuleVersionId:N}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        return http.Request.Headers.IfNoneMatch.Contains(etag);
    }
}
