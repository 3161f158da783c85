using System.Reflection;
using System.Text.Json.Nodes;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KzRights.Api.Infrastructure;

/// <summary>Swashbuckle: <c>/swagger/v1/swagger.json</c> and <c>.yaml</c>, and Swagger UI at <c>/swagger</c> (its assets
/// are embedded in the package, so it works offline). The checked-in <c>openapi.yaml</c> is this document.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddKzRightsOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSingleton<OpenApiDocumentText>();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "KzRights API",
                Version = "v1",
                Description = "Exact, citable, structured data from UN and government human-rights documents about Kazakhstan. " +
                    "Ids are stable across releases (document slug + printed locator). Lists are keyset-paginated: pass nextCursor as cursor. " +
                    "Errors are RFC 9457 problem+json.",
                Contact = new OpenApiContact { Name = "KzRights API maintainers" },
            });
            // Every GET also answers HEAD (same headers, no body); listing HEAD operations would only duplicate them.
            o.DocInclusionPredicate((_, api) => api.HttpMethod != HttpMethods.Head);
            o.AddServer(new OpenApiServer
            {
                Url = "/",
                Description = "The instance serving this document: production, or a local run",
                // A public API: every server is meant for outside callers.
                Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal) {
                    ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            });
            o.SupportNonNullableReferenceTypes();
            // A member typed as a nullable record (IndicatorDto.Period) must be declared nullable; OpenAPI 3.0 cannot
            // put nullable beside a bare $ref, so references are wrapped in allOf, where it can.
            o.UseAllOfToExtendReferenceSchemas();
            o.DocumentFilter<NullableReferenceTypes>();
            o.NonNullableReferenceTypesAsRequired();
            o.OperationFilter<ParameterDocumentation>();
            o.OperationFilter<TableAnswerDocumentation>();
            o.OperationFilter<ResponseHeaderDocumentation>();
            o.SchemaFilter<ProblemCodeDocumentation>();
            o.CustomSchemaIds(SchemaId);
        });
        // Served<T> (a record answered from its stored JSON) is T on the wire, so it is T in the document.
        var swashbuckles = services.Last(d => d.ServiceType == typeof(ISerializerDataContractResolver));
        services.Replace(ServiceDescriptor.Transient<ISerializerDataContractResolver>(sp => new ServedAsRecord(
            swashbuckles.ImplementationFactory is { } create
                ? (ISerializerDataContractResolver)create(sp)
                : (ISerializerDataContractResolver)(swashbuckles.ImplementationInstance
                    ?? ActivatorUtilities.CreateInstance(sp, swashbuckles.ImplementationType!)))));
        return services;
    }

    /// <summary>Schema names without the <c>Dto</c> suffix; a generic envelope is named after its items (<c>PageParagraph</c>).</summary>
    private static string SchemaId(Type type)
    {
        var recordType = ServedAsRecord.Unwrap(type);
        return recordType.Name.EndsWith("Dto", StringComparison.Ordinal)
            ? recordType.Name[..^3]
            : recordType.Name.Replace("`1", string.Empty, StringComparison.Ordinal) +
              string.Concat(recordType.GetGenericArguments().Select(a => ServedAsRecord.Unwrap(a).Name.Replace("Dto", string.Empty, StringComparison.Ordinal)));
    }

    private sealed class ServedAsRecord(ISerializerDataContractResolver inner) : ISerializerDataContractResolver
    {
        public static Type Unwrap(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Served<>) ? type.GetGenericArguments()[0] : type;

        public DataContract GetDataContractForType(Type type) => inner.GetDataContractForType(Unwrap(type));
    }

    public static WebApplication UseKzRightsOpenApi(this WebApplication app)
    {
        // No UseSwagger(): /openapi.json and /swagger/v1/swagger.json are endpoints serving the document built once
        // (OpenApiDocumentText, mapped with the service endpoints).
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi.json", "KzRights API v1");
            o.DocumentTitle = "KzRights API";
        });
        return app;
    }

    /// <summary>OpenAPI 3.0.3 wants a <c>type</c> beside <c>nullable</c>; Swashbuckle writes the allOf wrapper of a
    /// nullable reference without one, so the referenced schema's type is copied onto it.</summary>
    private sealed class NullableReferenceTypes : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            var properties = (document.Components?.Schemas?.Values ?? []).SelectMany(s => s.Properties?.Values ?? []).OfType<OpenApiSchema>();
            foreach (var property in properties.Where(p => p.AllOf is [OpenApiSchemaReference] && p.Type == JsonSchemaType.Null))
            {
                property.Type = (property.AllOf![0].Type ?? JsonSchemaType.Object) | JsonSchemaType.Null;
            }
        }
    }

    /// <summary>Every problem carries <c>code</c> (<see cref="ErrorCodes.AddCode"/>); the schema says so and lists the codes.</summary>
    private sealed class ProblemCodeDocumentation : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (!typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.Type) || schema is not OpenApiSchema problem)
            {
                return;
            }

            problem.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            problem.Properties["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Stable machine-readable error code, the same set GraphQL uses in extensions.code.",
                Enum = ErrorCodes.All.Select(c => (JsonNode)JsonValue.Create(c)!).ToList(),
            };
            problem.Required ??= new HashSet<string>(StringComparer.Ordinal);
            problem.Required.Add("code");
        }
    }

    /// <summary>Parameters as their attributes describe them (<see cref="QueryParameterAttribute"/> for query values,
    /// which are bound as strings, with their real types, ranges and allowed values; <see cref="PathParameterAttribute"/>
    /// for ids in the path).</summary>
    private sealed class ParameterDocumentation : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            operation.Summary ??= operation.OperationId;
            // Reads are public: an empty requirement says "no key needed" (omitting security would say "unspecified").
            operation.Security ??= [new OpenApiSecurityRequirement()];
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                var declared = context.ApiDescription.ParameterDescriptions
                    .FirstOrDefault(d => string.Equals(d.Name, parameter.Name, StringComparison.Ordinal))?.ParameterInfo();
                if (parameter.In == ParameterLocation.Path)
                {
                    parameter.Description = declared?.GetCustomAttribute<PathParameterAttribute>()?.Description ?? parameter.Name;
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = QueryRules.MaxIdLength };
                    continue;
                }

                var rule = declared?.GetCustomAttribute<QueryParameterAttribute>();
                if (rule is not null)
                {
                    parameter.Description = rule.OpenApiDescription;
                    parameter.Schema = rule.Schema();
                }

                parameter.Required = rule?.Required == true;
            }
        }
    }
}
