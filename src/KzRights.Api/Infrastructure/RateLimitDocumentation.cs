using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KzRights.Api.Infrastructure;

/// <summary>Declares what <see cref="RateLimits"/> does on every operation: the <c>RateLimit</c> and
/// <c>RateLimit-Policy</c> headers on each 2xx and 4xx answer, and the 429 problem with <c>Retry-After</c>.</summary>
public sealed class RateLimitDocumentation : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        var problem = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
        operation.Responses["429"] = new OpenApiResponse
        {
            Description = "Too Many Requests: this client (its API key, else its address) has used its budget for the window (code TOO_MANY_REQUESTS).",
            Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
            {
                ["Retry-After"] = ResponseHeaderDocumentation.Header("Seconds to wait before the budget allows this request again.", JsonSchemaType.Integer),
            },
            Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = problem },
            },
        };

        foreach (var (status, answer) in operation.Responses)
        {
            if (status[0] is '2' or '4' && answer is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                response.Headers[RateLimits.RateLimitHeader] = ResponseHeaderDocumentation.Header(
                    "What is left of each budget (draft-ietf-httpapi-ratelimit-headers): \"requests\";r=<left>;t=<seconds until full>, " +
                    "and for GraphQL also \"graphql-cost\".", JsonSchemaType.String, BudgetList('r', 't'));
                response.Headers[RateLimits.RateLimitPolicyHeader] = ResponseHeaderDocumentation.Header(
                    "The budgets that apply to this client: \"requests\";q=<quota>;w=<window seconds>.", JsonSchemaType.String, BudgetList('q', 'w'));
            }
        }
    }

    /// <summary>A list of <c>"name";a=n;b=n</c> items, as the server writes them.</summary>
    private static string BudgetList(char first, char second)
    {
        var item = $"\"[a-z-]+\";{first}=[0-9]+;{second}=[0-9]+";
        return $"^{item}(, {item})*$";
    }
}
