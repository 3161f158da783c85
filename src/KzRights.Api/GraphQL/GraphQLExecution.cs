using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQLParser.AST;
using KzRights.Api.Infrastructure;
using KzRights.Api.Operations;
using KzRights.Data;
using KzRights.Data.Queries;

namespace KzRights.Api.GraphQL;

/// <summary>Runs a parsed request against the schema: the API's validation rules (document limits and the caller's cost
/// budget), the timeout, and resolver exceptions mapped to stable error codes that carry no internals.</summary>
internal static class GraphQLExecution
{
    private const string DatabaseUnavailableKey = "kzrights.databaseUnavailable";

    /// <summary>The result to write and whether the timeout cut it short; null when the answer was already written (429
    /// for a spent cost budget, 503 for an unreachable database, both as REST answers them). <paramref name="validated"/>:
    /// the document passed graphql-dotnet's core rules before.</summary>
    public static async Task<(ExecutionResult Result, bool TimedOut)?> ExecuteAsync(
        HttpContext http, GraphQLRequest request, string query, GraphQLDocument? document, bool validated, GraphQLOptions options)
    {
        var services = http.RequestServices;
        var costBudget = services.GetRequiredService<RateLimitingOptions>().Enabled ? services.GetRequiredService<GraphQLCostBudget>().Budget : null;
        var caller = Caller.Of(http);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLExecution));
        var userContext = new Dictionary<string, object?>(StringComparer.Ordinal);
        Func<int, System.Threading.RateLimiting.RateLimitLease>? charge = costBudget is null ? null : permits => costBudget.Take(caller, permits);
        // A cached document whose operation's cost is known skips every validation walk: it is only charged.
        var knownCost = validated && GraphQLHttpTransport.SelectedOperation(document!, request.OperationName) is { } operation
            ? QueryLimitsRule.KnownCost(operation)
            : null;
        var refused = knownCost is null ? null : QueryLimitsRule.Charge(knownCost, charge, userContext);
        var executer = services.GetRequiredService<IDocumentExecuter<KzRightsSchema>>();
        var result = refused is not null ? new ExecutionResult { Errors = [refused], Executed = false } : await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = userContext,
            RequestServices = services,
            CancellationToken = http.RequestAborted,
            // A document from the cache passed the core rules before (see GraphQLDocumentCache).
            ValidationRules = knownCost is not null ? [] : (validated ? [] : DocumentValidator.CoreRules).Append(new QueryLimitsRule(options, charge)),
            Timeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds),
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
            UnhandledExceptionDelegate = context =>
            {
                if (context.OriginalException is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
                {
                    // The client went away; the client-abort logging reports that once, at Information.
                }
                else if (context.OriginalException is InvalidCursorException cursor)
                {
                    context.Exception = new ExecutionError(cursor.Message) { Code = ErrorCodes.InvalidCursor };
                }
                else if (context.OriginalException is UnknownFilterIdException unknown)
                {
                    context.Exception = new ExecutionError(unknown.Message) { Code = ErrorCodes.InvalidArgument };
                }
                else if (DatabaseFaults.IsUnavailable(context.OriginalException))
                {
                    // Answered below as the same 503 problem as REST; the provider's type names never reach the client.
                    userContext[DatabaseUnavailableKey] = context.OriginalException;
                    context.Exception = new ExecutionError("The database is unavailable.") { Code = ErrorCodes.DatabaseUnavailable };
                }
                else
                {
                    logger.LogError(context.OriginalException, "GraphQL resolver failed");
                    context.Exception = new ExecutionError("The field could not be resolved because of an internal error.") { Code = ErrorCodes.InternalError };
                }

                return Task.CompletedTask;
            },
        });

        if (userContext.GetValueOrDefault(BudgetRefusal.UserContextKey) is BudgetRefusal refusal)
        {
            using (refusal.Lease)
            {
                await RateLimits.WriteTooManyRequestsAsync(http, costBudget!, caller, costBudget!.RetryAfterSeconds(caller, refusal.Lease, refusal.Permits),
                    $"This client has used its GraphQL cost budget for now (the query costs {refusal.Permits}).");
            }

            return null;
        }

        if (userContext.GetValueOrDefault(DatabaseUnavailableKey) is Exception unavailable)
        {
            logger.LogWarning(
                "{Method} {Path}: database unavailable: {Reason}",
                http.Request.Method,
                http.Request.Path.Value,
                DatabaseFaults.Describe(unavailable));
            await ServiceUnavailable.WriteDatabaseUnavailableAsync(http);
            return null;
        }

        var timedOut = result.Errors?.Any(e => e is TimeoutError) == true;
        if (timedOut)
        {
            result.Errors = [.. result.Errors!.Select(e => e is TimeoutError
                ? new ExecutionError($"The query did not finish within {options.TimeoutMilliseconds} ms and was cancelled; ask for less.") {
                    Code = ErrorCodes.Timeout }
                : e)];
        }

        if (result.Executed && userContext.GetValueOrDefault(QueryCost.UserContextKey) is QueryCost cost)
        {
            KzRightsMetrics.GraphQLCost.Record(cost.Complexity);
            result.Extensions ??= new Dictionary<string, object?>(StringComparer.Ordinal);
            result.Extensions["cost"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["complexity"] = cost.Complexity,
                ["maxComplexity"] = cost.MaxComplexity,
                ["depth"] = cost.Depth,
                ["maxDepth"] = cost.MaxDepth,
            };
        }

        return (result, timedOut);
    }
}
