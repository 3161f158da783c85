using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KzRights.Api.Infrastructure;

/// <summary>A header an endpoint sets on one of its answers, declared beside the endpoint (<c>.WithMetadata(new
/// ResponseHeaderMetadata(…))</c>) so that the OpenAPI document names it for that answer.</summary>
public sealed record ResponseHeaderMetadata(int Status, string Name, string Pattern, string Description);

/// <summary>Adds each <see cref="ResponseHeaderMetadata"/> of an endpoint to its answer of that status.</summary>
public sealed class ResponseHeaderDocumentation : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var header in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ResponseHeaderMetadata>())
        {
            var status = header.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses?.TryGetValue(status, out var answer) != true || answer is not OpenApiResponse response)
            {
                throw new InvalidOperationException($"{context.ApiDescription.RelativePath} declares {header.Name} on a {status} it does not answer.");
            }

            response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            response.Headers[header.Name] = Header(header.Description, JsonSchemaType.String, header.Pattern);
        }
    }

    /// <summary>A documented header: a string of at most 200 characters (of <paramref name="pattern"/>, when given) or a
    /// number of seconds (0 to a day).</summary>
    internal static OpenApiHeader Header(string description, JsonSchemaType type, string? pattern = null) => new()
    {
        Description = description,
        Schema = type == JsonSchemaType.Integer
            ? new OpenApiSchema { Type = type, Format = "int32", Minimum = "0", Maximum = "86400" }
            : new OpenApiSchema { Type = type, MaxLength = 200, Pattern = pattern },
    };
}
