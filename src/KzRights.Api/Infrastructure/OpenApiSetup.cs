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
                Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal) { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            });
            o.SupportNonNullableReferenceTypes();
            // A member typed as a nullable record (IndicatorDto.Period) must be declared nullable; OpenAPI 3.0 cannot
            // put nullable beside a bare $ref, so references are wrapped in allOf, where it can.
            o.UseAllOfToExtendReferenceSchemas();
            o.DocumentFilter<NullableReferenceTypes>();
            o.NonNullableReferenceTypesAsRequired();
            o.OperationFilter<QueryParameterDocumentation>();
            o.OperationFilter<TableAnswerDocumentation>();
            o.SchemaFilter<ProblemCodeDocumentation>();
            o.CustomSchemaIds(SchemaId);
        });
        // Served<T> (a record answered from its stored JSON) is T on the wire, so it is T in the document.
        var swashbuckles = services.Last(d => d.ServiceType == typeof(ISerializerDataContractResolver));
        services.Replace(ServiceDescriptor.Transient<ISerializerDataContractResolver>(sp => new ServedAsRecord(
            swashbuckles.ImplementationFactory is { } create
                ? (ISerializerDataContractResolver)create(sp)
                : (ISerializerDataContractResolver)(swashbuckles.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, swashbuckles.ImplementationType!)))));
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
        app.UseSwagger();
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

    /// <summary>Query values are bound as strings (so bad input gets a ValidationProblem naming the parameter);
    /// this filter documents their real types, ranges and allowed values.</summary>
    private sealed class QueryParameterDocumentation : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            operation.Summary ??= operation.OperationId;
            // Reads are public: an empty requirement says "no key needed" (omitting security would say "unspecified").
            operation.Security ??= [new OpenApiSecurityRequirement()];
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                if (parameter.In == ParameterLocation.Path)
                {
                    parameter.Description = PathDescription(parameter.Name ?? string.Empty);
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = QueryRules.MaxIdLength };
                    continue;
                }

                (parameter.Description, parameter.Schema) = parameter.Name switch
                {
                    "limit" => ($"Page size, 1–{Paging.MaxLimit}.", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = Paging.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), Default = JsonValue.Create(Paging.DefaultLimit) }),
                    "cursor" => ("Opaque keyset cursor: the nextCursor of the previous page, with the same filters.", new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2048, Pattern = "^[A-Za-z0-9_-]*$" }),
                    "document" => ("Document id (slug), e.g. ccpr-c-kaz-co-3. Unknown ids answer 400.", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 }),
                    "section" => ("Section id; includes the section's sub-sections, e.g. ccpr-c-kaz-co-3/c.", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 }),
                    "lang" => ("Language of the paragraph (ISO 639-1).", Enum(QueryRules.Languages)),
                    "q" when context.ApiDescription.RelativePath?.StartsWith("v1/entities", StringComparison.Ordinal) == true =>
                        ("Words of the entity's name or of any mention's quote (all must occur, case-insensitive).", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 500 }),
                    "q" => ("Words to find (all must occur); quotes and operators are plain text.", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 500 }),
                    "mechanism" => ("The human-rights mechanism that issued the recommendation.", Enum(RecommendationFilter.Mechanisms)),
                    "followUp" => ("Only recommendations singled out (true) or not singled out (false) for follow-up.", new OpenApiSchema { Type = JsonSchemaType.Boolean }),
                    "type" when context.ApiDescription.RelativePath?.StartsWith("v1/search", StringComparison.Ordinal) == true =>
                        ("Only this kind of record.", Enum(Data.Search.SearchTargets.Names)),
                    "type" => ("Only changes of records of this type.", Enum(Data.Releases.RecordTypes.All)),
                    "since" => ("Id of the release you hold, e.g. 2026.12.01-1a2b3c4d; the changes after it up to the latest release are listed. Unknown ids answer 400.",
                        new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 }),
                    "kind" when context.ApiDescription.RelativePath?.StartsWith("v1/themes", StringComparison.Ordinal) == true =>
                        ("Only human-rights themes (theme) or Sustainable Development Goals (sdg).", Enum(ThemeQueries.Kinds)),
                    "kind" when context.ApiDescription.RelativePath?.StartsWith("v1/entities", StringComparison.Ordinal) == true =>
                        ("Only laws, treaties, plans, institutions or dated events.", Enum(EntityQueries.Kinds)),
                    "kind" => ("Kind of indicator.", Enum(IndicatorQueries.Kinds)),
                    "measure" => ("Key of the controlled measure vocabulary, e.g. women-share/judges (see src/KzRights.Parsing/Indicators/README.md).", Enum(IndicatorQueries.Measures)),
                    "paragraph" => ("Paragraph (or sub-item) id: only its indicators.", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 }),
                    "subject" => ("Words of what is measured (all must occur, case-insensitive).", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 500 }),
                    "unit" => ("Unit of the value.", Enum(KzRights.Parsing.Indicators.IndicatorUnit.All)),
                    "population" => ("Population the number is about.", Enum(KzRights.Parsing.Indicators.IndicatorPopulation.All)),
                    "theme" => ("Theme id, e.g. theme/torture or sdg/5 (see /v1/themes). Unknown ids answer 400.", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 }),
                    "from" => ("Only periods that end on or after this year (2023) or date (2023-06-30).", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 4, MaxLength = 10, Pattern = DatePattern }),
                    "to" => ("Only periods that start on or before this year (2023) or date (2023-06-30).", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 4, MaxLength = 10, Pattern = DatePattern }),
                    "force" => ("Reload the corpus even when its manifest is unchanged.", new OpenApiSchema { Type = JsonSchemaType.Boolean }),
                    "conflicting" => ("Only facts whose attestations disagree (true) or agree (false).", new OpenApiSchema { Type = JsonSchemaType.Boolean }),
                    _ => (parameter.Description, parameter.Schema),
                };
                parameter.Required = (parameter.Name == "q" && context.ApiDescription.RelativePath?.StartsWith("v1/search", StringComparison.Ordinal) == true)
                    || parameter.Name == "since";
            }
        }

        /// <summary>A year or a calendar date; the server also refuses dates that do not exist (2023-02-30).</summary>
        private const string DatePattern = "^[0-9]{4}(-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$";

        private static string PathDescription(string name) => name switch
        {
            "documentId" => "Document id (slug), e.g. ccpr-c-kaz-co-3.",
            "paragraphId" => "Paragraph id, e.g. ccpr-c-kaz-co-3/20 or cedaw-c-kaz-rq-6/12(a)/1. The '/' may be sent as is or as %2F.",
            "indicatorId" => "Indicator id: the paragraph (or sub-item) id, '/i' and its order, e.g. ccpr-c-kaz-co-3/20(a)/i1.",
            "seriesKey" => "Series key: the paragraph id and a slug of the measure.",
            "factId" => "Fact id: fact/<measure>/<kind>/<period>[/<population>], e.g. fact/women-share/judges/statistic/as-reported-2024.",
            "entityId" => "Entity id: kind and normalized name, e.g. law/2024-04-15-womens-rights-and-child-safety or treaty/iccpr-op2. The '/' may be sent as is or as %2F.",
            "fileName" => "Name of a file the release's dataset lists, e.g. indicators.parquet or dataset.zip.",
            "releaseId" => "Release id, e.g. 2026.12.01-1a2b3c4d (publication date and the start of the content hash); latest stands for the newest.",
            "recommendationId" => "Recommendation id, e.g. upr-3/139.30, ccpr-3/20, cedaw-loi-6/12(a), sp/al-kaz-4-2025. The '/' may be sent as is or as %2F.",
            _ => name,
        };

        private static OpenApiSchema Enum(IEnumerable<string> values) =>
            new() { Type = JsonSchemaType.String, Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList() };
    }
}
