using System.Reflection;
using FluentValidation;
using KzRights.Data.Queries;

namespace KzRights.Api.Infrastructure;

/// <summary>The one endpoint filter that turns bad input into a 400 <c>ValidationProblem</c>: query parameters the
/// endpoint does not define (so a typo never silently returns everything), a JSON body that cannot be read
/// (<see cref="JsonBody{T}"/>), FluentValidation failures of the <c>[AsParameters]</c> request record or the body, and
/// the cursors and filter ids the query services reject.</summary>
public sealed class ValidationFilter<TRequest> : IEndpointFilter
    where TRequest : class
{
    private static readonly HashSet<string> AllowedQueryParameters = typeof(TRequest)
        .GetConstructors().Single().GetParameters()
        .Where(p => p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>() is not null)
        .Select(p => p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()!.Name ?? p.Name!)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private const string QueryTitle = "The request's query parameters are not valid.";

    private const string BodyTitle = "The request body is not valid.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var query = context.HttpContext.Request.Query;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // List routes that answer tables also take format (TableNegotiationFilter checks its value).
        var allowed = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<TableAnswerMetadata>() is null
            ? AllowedQueryParameters
            : new HashSet<string>(AllowedQueryParameters.Append(TableFormats.Parameter), StringComparer.OrdinalIgnoreCase);
        foreach (var key in query.Keys.Where(k => !allowed.Contains(k)))
        {
            errors[key] = [allowed.Count == 0
                ? $"Unknown query parameter '{key}'. This operation takes no query parameters."
                : $"Unknown query parameter '{key}'. Allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}."];
        }

        foreach (var key in query.Keys.Where(k => allowed.Contains(k) && query[k].Count > 1))
        {
            errors[key] = [$"Query parameter '{key}' is given {query[key].Count} times; give it once."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: QueryTitle);
        }

        var body = context.Arguments.OfType<JsonBody<TRequest>>().FirstOrDefault();
        if (body?.Problem is { } unread)
        {
            return unread.Status == StatusCodes.Status400BadRequest
                ? TypedResults.ValidationProblem(unread.Errors, detail: unread.Detail, title: BodyTitle,
                    extensions: new Dictionary<string, object?> { ["code"] = unread.Code })
                : TypedResults.Problem(statusCode: unread.Status, detail: unread.Detail,
                    extensions: new Dictionary<string, object?> { ["code"] = unread.Code });
        }

        if ((context.Arguments.OfType<TRequest>().FirstOrDefault() ?? body?.Value) is { } request)
        {
            var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
            var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
            foreach (var group in result.Errors.GroupBy(e => e.PropertyName))
            {
                errors[group.Key] = group.Select(e => e.ErrorMessage).ToArray();
            }
        }

        // The request record is either the query (AsParameters) or the JSON body (POST /v1/webhooks), and so are the ids it names.
        var title = body is null ? QueryTitle : BodyTitle;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: title);
        }

        try
        {
            return await next(context);
        }
        catch (InvalidCursorException ex)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["cursor"] = [ex.Message] },
                title: QueryTitle);
        }
        catch (UnknownFilterIdException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.Parameter] = [ex.Message] }, detail: ex.Message,
                title: title);
        }
    }
}

/// <summary>For endpoints that take no query parameters (<c>WithRequestValidation&lt;NoQuery&gt;()</c>): any query parameter
/// is reported as unknown. It has no validator: no handler takes it as an argument, so there is nothing to validate.</summary>
public sealed record NoQuery;

public static class ValidationFilterExtensions
{
    /// <summary>Validates the endpoint's <typeparamref name="TRequest"/> and documents the 400 answer.</summary>
    public static RouteHandlerBuilder WithRequestValidation<TRequest>(this RouteHandlerBuilder builder)
        where TRequest : class =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>().ProducesValidationProblem();
}
