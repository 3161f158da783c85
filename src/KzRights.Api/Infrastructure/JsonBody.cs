using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace KzRights.Api.Infrastructure;

/// <summary>A JSON request body that the API reads itself. Minimal API binding answers a body it cannot deserialize (not
/// JSON, an array, a property the type does not define, a value of the wrong type) with a bare 400 that names nothing,
/// before any endpoint filter runs, and logs the <see cref="JsonException"/>. Here the reason is kept as
/// <see cref="Problem"/>, keyed by the property it concerns, and <see cref="ValidationFilter{TRequest}"/> answers it as
/// it answers every other bad input. The endpoint declares the body with <c>Accepts&lt;T&gt;("application/json")</c>, so
/// routing answers another Content-Type with 415 before this runs.</summary>
public sealed class JsonBody<T> : IBindableFromHttpContext<JsonBody<T>>
    where T : class
{
    private JsonBody(T? value, JsonBodyProblem? problem)
    {
        Value = value;
        Problem = problem;
    }

    /// <summary>The body, or null when <see cref="Problem"/> says why it could not be read.</summary>
    public T? Value { get; }

    public JsonBodyProblem? Problem { get; }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        JsonElement root;
        try
        {
            root = await context.Request.ReadFromJsonAsync<JsonElement>(options, context.RequestAborted);
        }
        catch (JsonException) when (context.Request.ContentLength == 0)
        {
            return Unreadable("The request body is empty: send a JSON object.");
        }
        catch (JsonException ex)
        {
            return Unreadable($"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
        catch (BadHttpRequestException ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Kestrel's checks on the body: larger than its limit (413), or shorter than its Content-Length.
            return new JsonBody<T>(null,
                new JsonBodyProblem(ex.StatusCode, ErrorCodes.ForStatus(ex.StatusCode), ex.Message, new Dictionary<string, string[]>()));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Unreadable($"The request body must be a JSON object, not {KindOf(root.ValueKind)}.");
        }

        var properties = options.GetTypeInfo(typeof(T)).Properties;
        var comparison = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var allowed = string.Join(", ", properties.Select(p => p.Name).Order(StringComparer.Ordinal));
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (properties.FirstOrDefault(p => comparison.Equals(p.Name, property.Name)) is not { } known)
            {
                errors[property.Name] = [$"Unknown property '{property.Name}'. Allowed: {allowed}."];
                continue;
            }

            try
            {
                property.Value.Deserialize(known.PropertyType, options);
            }
            catch (JsonException)
            {
                // The serializer's own message names .NET types; the client needs the JSON type.
                errors[known.Name] = [$"{known.Name} must be {Describe(known.PropertyType)}."];
            }
        }

        if (errors.Count > 0)
        {
            return new JsonBody<T>(null, new JsonBodyProblem(StatusCodes.Status400BadRequest, ErrorCodes.InvalidArgument,
                "The request body has properties this operation does not define or values of the wrong JSON type.", errors));
        }

        return new JsonBody<T>(root.Deserialize<T>(options), null);
    }

    private static JsonBody<T> Unreadable(string message) =>
        new(null, new JsonBodyProblem(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, message,
            new Dictionary<string, string[]> { ["$"] = [message] }));

    private static string Describe(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "a string",
        var t when t == typeof(bool) => "true or false",
        var t when t.IsPrimitive || t == typeof(decimal) => "a number",
        var t when typeof(IEnumerable<string>).IsAssignableFrom(t) => "an array of strings",
        var t when typeof(IEnumerable).IsAssignableFrom(t) => "an array",
        _ => "an object",
    };

    private static string KindOf(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>Why a <see cref="JsonBody{T}"/> could not be read: the status (400, or Kestrel's 413), the error code,
/// what to tell the client, and the errors keyed by property (<c>$</c> for the body as a whole).</summary>
public sealed record JsonBodyProblem(int Status, string Code, string Detail, IReadOnlyDictionary<string, string[]> Errors);
