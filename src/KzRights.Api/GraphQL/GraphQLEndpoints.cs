using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using KzRights.Api.Infrastructure;
using KzRights.Api.Operations;
using KzRights.Data;

namespace KzRights.Api.GraphQL;

/// <summary>GraphQL at <c>/graphql</c> (GET and POST) and GraphiQL at <c>/graphql/ui</c>, in three parts along the seams
/// of the GraphQL.Server package, which is not on our mirror: the HTTP transport (<see cref="GraphQLHttpTransport"/>),
/// execution (<see cref="GraphQLExecution"/>) and the GraphiQL files (<see cref="GraphiQLAssets"/>). This class wires
/// them: registration, routes, and the order of the checks a request goes through.</summary>
public static class GraphQLEndpoints
{
    private static readonly ParserOptions Parsing = new() { Ignore = IgnoreOptions.Comments, MaxDepth = 128 };

    public static IServiceCollection AddKzRightsGraphQL(this IServiceCollection services)
    {
        services.AddValidatedOptions<GraphQLOptions>(GraphQLOptions.SectionName);
        services.AddScoped<RequestLoaders>();
        services.AddSingleton(sp => new GraphQLExecutionSlots(sp.GetRequiredService<GraphQLOptions>()));
        services.AddSingleton<GraphQLDocumentCache>();
        services.AddGraphQL(b => b
            .AddSchema<KzRightsSchema>()
            .AddGraphTypes(typeof(KzRightsSchema).Assembly)
            .AddSystemTextJson()
            // The query services share the request's DbContext, which allows one command at a time: fields run
            // one after another (batch loaders still gather a whole level before querying).
            .AddExecutionStrategy<ProjectingExecutionStrategy>(GraphQLParser.AST.OperationType.Query));
        return services;
    }

    /// <summary>Maps <c>/graphql</c> (GET and POST) and the GraphiQL page; none of them appear in the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapGraphQLEndpoints(this IEndpointRouteBuilder app)
    {
        // No HEAD: it would run the query (and spend its cost budget) only to drop the answer, and GraphQL over HTTP defines
        // GET and POST only; README says so.
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post], HandleAsync).ExcludeFromDescription()
            .RequireCors(HttpConventions.GraphQLCors).AcceptMethods(head: false, corsPreflight: true);
        app.MapGraphiQL();
        return app;
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<GraphQLOptions>();
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();

        var mediaType = GraphQLHttpTransport.Negotiate(http.Request);
        if (mediaType is null)
        {
            await GraphQLHttpTransport.WriteErrorAsync(
                http, serializer, StatusCodes.Status406NotAcceptable, GraphQLHttpTransport.JsonMediaType, ErrorCodes.NotAcceptable,
                $"The Accept header allows neither {GraphQLHttpTransport.GraphQLResponseMediaType} nor {GraphQLHttpTransport.JsonMediaType}.");
            return;
        }

        var (request, problem) = HttpMethods.IsGet(http.Request.Method)
            ? GraphQLHttpTransport.ReadQueryString(http.Request.Query, serializer)
            : await GraphQLHttpTransport.ReadBodyAsync(http.Request, serializer, options);
        if (problem is not null)
        {
            await GraphQLHttpTransport.WriteErrorAsync(http, serializer, problem.Value.Status, mediaType, problem.Value.Code, problem.Value.Message);
            return;
        }

        var query = request!.Query!;
        var documents = services.GetRequiredService<GraphQLDocumentCache>();
        var document = documents.Find(query);
        var validated = document is not null;
        try
        {
            document ??= Parser.Parse(query, Parsing);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            // graphql-dotnet would report this as a bare "Error executing document."
            await GraphQLHttpTransport.WriteResultAsync(http, serializer, mediaType, new ExecutionResult
            {
                Errors = [new ExecutionError($"The document is nested more than {Parsing.MaxDepth} levels deep.") { Code = ErrorCodes.QueryTooDeep }],
                Executed = false,
            });
            return;
        }
        catch (GraphQLParserException)
        {
            // graphql-dotnet parses the text again below and reports the syntax error in its usual form.
        }

        if (document is not null)
        {
            if (HttpMethods.IsGet(http.Request.Method)
                && GraphQLHttpTransport.SelectedOperation(document, request.OperationName) is { Operation: not OperationType.Query } operation)
            {
                http.Response.Headers.Allow = HttpMethods.Post;
                await GraphQLHttpTransport.WriteErrorAsync(http, serializer, StatusCodes.Status405MethodNotAllowed, mediaType, ErrorCodes.MethodNotAllowed,
                    $"A {operation.Operation.ToString().ToLowerInvariant()} operation cannot be sent with GET; use POST.");
                return;
            }

            // A document from the cache passed these limits when it was added.
            if (!validated && DocumentLimits.Check(document, options) is { } tooLarge)
            {
                await GraphQLHttpTransport.WriteResultAsync(http, serializer, mediaType, new ExecutionResult { Errors = [tooLarge], Executed = false });
                return;
            }
        }

        using var slot = await services.GetRequiredService<GraphQLExecutionSlots>().Limiter.AcquireAsync(1, http.RequestAborted);
        if (!slot.IsAcquired)
        {
            await ServiceUnavailable.WriteBusyAsync(http);
            return;
        }

        if (await GraphQLExecution.ExecuteAsync(http, request, query, document, validated, options) is { } executed)
        {
            if (!validated && document is not null && executed.Result.Executed)
            {
                documents.Add(query, document);
            }

            await GraphQLHttpTransport.WriteResultAsync(http, serializer, mediaType, executed.Result, executed.TimedOut);
        }
    }
}
