using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KzRights.Api.Infrastructure;

/// <summary>Documents the CSV and NDJSON answers of the list routes marked by <see cref="TableAnswerMetadata"/>: the
/// <c>format</c> parameter, the two media types of the 200 answer with the table's columns, and its headers.</summary>
public sealed class TableAnswerDocumentation : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<TableAnswerMetadata>().FirstOrDefault() is not { } metadata)
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = TableFormats.Parameter,
            In = ParameterLocation.Query,
            Description = "Answer format; overrides the Accept header. csv and ndjson answer the rows of the table named in the 200 response: " +
                "without limit and cursor every matching row (streamed), with either one page, the next in the Link header.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = TableFormats.Names.Select(n => (JsonNode)JsonValue.Create(n)!).ToList(),
                Default = JsonValue.Create("json"),
            },
        });

        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response)
        {
            return;
        }

        var table = metadata.Table;
        var columns = string.Join(", ", table.Columns.Select(c => $"{c.Name} ({c.Type.ToString().ToLowerInvariant()})"));
        response.Content ??= new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal);
        response.Content[TableFormats.CsvMediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = $"Table {table.Name} as CSV (RFC 4180, UTF-8, header row, CRLF, ISO 8601 dates, invariant numbers). Columns: {columns}.",
            },
        };
        response.Content[TableFormats.NdjsonMediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = $"Table {table.Name} as NDJSON: one JSON object per line with the CSV's columns as keys and typed values.",
            },
        };
        response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        response.Headers["X-Total-Count"] = new OpenApiHeader
        {
            Description = "CSV and NDJSON answers: the total of the JSON list with the same filters.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
        };
        response.Headers["Link"] = new OpenApiHeader
        {
            Description = "CSV and NDJSON answers with limit or cursor: <address of the next page>; rel=\"next\", absent on the last page.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
    }
}
