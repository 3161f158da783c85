using System.Text.Json.Serialization;
using FluentValidation;
using KzRights.Api;
using KzRights.Api.Endpoints;
using KzRights.Api.GraphQL;
using KzRights.Api.Infrastructure;
using KzRights.Api.Operations;
using KzRights.Data;

if (args.Length > 0 && args[0] == "synth")
{
    return SyntheticCorpusCommand.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "probe")
{
    return await HealthEndpoints.ProbeAsync(args.Length > 1 ? args[1] : "http://127.0.0.1:8080/health/live");
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostPaths.ContentRoot(args) });
builder.Services.AddKzRightsData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ErrorCodes.AddCode);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
builder.Services.AddKzRightsOpenApi();
builder.Services.AddKzRightsGraphQL();
builder.Services.AddKzRightsHttpConventions();
builder.Services.AddKzRightsFaultHandling(builder.Configuration);
builder.Services.AddKzRightsHealthChecks();
builder.Services.AddKzRightsApiKeys();
builder.Services.AddKzRightsRateLimiting(builder.Configuration);
builder.Services.AddKzRightsTelemetry(builder.Configuration);
builder.Services.AddKzRightsResponseCaching(builder.Configuration);
builder.Services.AddKzRightsWebhooks();
var listening = ListeningStart.AddTo(builder.Logging, builder.Configuration);

var app = builder.Build();

if (args is ["keys", .. var keyArguments])
{
    return await ApiKeyCommand.RunAsync(app.Services, keyArguments, Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "ingest")
{
    return await CorpusStartup.RunIngestCommandAsync(app, force: args.Contains("--force"));
}

if (args.Length > 0 && args[0] == "dataset")
{
    return await CorpusStartup.RunDatasetCommandAsync(app);
}

app.UseTrustedProxies();
app.UseRequestLogging();
app.UseSecurityHeaders();
// Errors are problem+json everywhere: an unreachable database (503), unhandled exceptions (500 without internals)
// and bare status codes such as 404 for unknown routes or 405 for wrong methods.
app.UseExceptionHandler();
app.UseClientAbortLogging();
app.UseStatusCodePages();
app.UseRequestTimeouts();
app.UseCors();
app.UsePublicReadCorsOnUnknownRoutes();
app.UseKzRightsApiKeys();
app.UseKzRightsRateLimiting();
app.UseIdsDecodedOnce();
app.UseKzRightsOpenApi();
app.UseKzRightsResponseCaching();
app.UseReleaseSnapshots();

var reads = app.MapPublicReads();
reads.MapHealthEndpoints();
reads.MapServiceEndpoints();
var v1 = reads.MapGroup(string.Empty).AddEndpointFilter<ReleaseStampFilter>();
v1.MapDocumentEndpoints();
v1.MapParagraphEndpoints();
v1.MapRecommendationEndpoints();
v1.MapSearchEndpoints();
v1.MapThemeEndpoints();
v1.MapIndicatorEndpoints();
v1.MapEntityEndpoints();
v1.MapReleaseEndpoints();
v1.MapDatasetEndpoints();
app.MapAdminEndpoints();
app.MapWebhookEndpoints();
app.MapMetricsEndpoint();
app.MapGraphQLEndpoints();

if (!await CorpusStartup.PrepareAsync(app))
{
    return 1;
}

return await listening.RunAsync(app);

/// <summary>Entry point; public so integration tests can host the API.</summary>
public partial class Program;
