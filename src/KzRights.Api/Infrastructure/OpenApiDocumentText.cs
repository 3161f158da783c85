using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace KzRights.Api.Infrastructure;

/// <summary>The served OpenAPI document as JSON and YAML text, built once per process. Swashbuckle's
/// <c>GetSwagger</c> rebuilds every schema on each call (seconds of CPU under load); the document depends only on
/// the code, so the first request builds it (once for both formats) and every later one writes the same text. For the
/// same reason a build that fails would fail every time, so a failure is kept like a result (each request answers it
/// as a 500).</summary>
public sealed class OpenApiDocumentText
{
    private readonly Lazy<Task<string>> jsonText;
    private readonly Lazy<Task<string>> yamlText;

    public OpenApiDocumentText(ISwaggerProvider swagger)
    {
        var document = new Lazy<OpenApiDocument>(() => swagger.GetSwagger("v1"));
        jsonText = new(() => document.Value.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0));
        yamlText = new(() => document.Value.SerializeAsYamlAsync(OpenApiSpecVersion.OpenApi3_0));
    }

    /// <summary>The text in <paramref name="format"/> (<c>json</c> or <c>yaml</c>). Not tied to one request's
    /// cancellation: a caller that leaves does not cancel the build the next caller waits for.</summary>
    public Task<string> GetAsync(string format) => format == "json" ? jsonText.Value : yamlText.Value;
}
