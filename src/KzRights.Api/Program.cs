using System.Text.Json.Serialization;
using FluentValidation;
using KzRights.Api;
using KzRights.Api.Endpoints;
using KzRights.Api.GraphQL;
using KzRights.Api.Infrastructure;
using KzRights.Data;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddKzRightsData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ErrorCodes.AddCode);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
builder.Services.AddKzRightsOpenApi();
builder.Services.AddKzRightsGraphQL(builder.Configuration);
builder.Services.AddKzRightsHttpConventions();

var app = builder.Build();

if (args.Length > 0 && args[0] == "ingest")
{
    return await CorpusStartup.RunIngestCommandAsync(app, force: args.Contains("--force"));
}

app.UseSecurityHeaders();
// Errors are problem+json everywhere: unhandled exceptions (500 without internals) and bare status codes such as
// 404 for unknown routes or 405 for wrong methods.
app.UseExceptionHandler();
app.UseClientAbortLogging();
app.UseStatusCodePages();
app.UseCors();
app.UseIdsDecodedOnce();
app.UseKzRightsOpenApi();

var reads = app.MapPublicReads();
reads.MapGet("/health", () => TypedResults.Ok(new HealthDto("ok"))).WithName("health").WithTags("Service")
    .WithSummary("Liveness probe").WithDescription("Answers 200 while the process serves requests.").WithRequestValidation<NoQuery>();
reads.MapServiceEndpoints();
var v1 = reads.MapGroup(string.Empty).AddEndpointFilter<ReleaseStampFilter>();
v1.MapDocumentEndpoints();
v1.MapParagraphEndpoints();
v1.MapRecommendationEndpoints();
v1.MapSearchEndpoints();
v1.MapThemeEndpoints();
v1.MapIndicatorEndpoints();
v1.MapReleaseEndpoints();
app.MapGraphQLEndpoints();

await CorpusStartup.IngestOnStartAsync(app);
await app.RunAsync();
return 0;

/// <summary>Answer of the liveness probe.</summary>
public sealed record HealthDto(string Status);

/// <summary>Entry point; public so integration tests can host the API.</summary>
public partial class Program;
