namespace KzRights.Api.Infrastructure;

/// <summary>The machine-readable error codes, the one list of them: REST problems carry one as <c>code</c>, GraphQL
/// errors as <c>extensions.code</c>. Clients switch on these; the texts beside them may change, the codes do not.</summary>
public static class ErrorCodes
{
    /// <summary>A request that cannot be read: malformed GraphQL body or query string, invalid JSON.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>A parameter or argument that is unknown, malformed, out of its vocabulary, or names no record.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>A cursor that this API did not issue, or issued for a query with other filters.</summary>
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary>No record has the id in the path, or no route matches.</summary>
    public const string NotFound = "NOT_FOUND";

    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    public const string NotAcceptable = "NOT_ACCEPTABLE";

    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>A <c>Range</c> that starts beyond the end of a dataset file (416, with <c>Content-Range: bytes */length</c>).</summary>
    public const string RangeNotSatisfiable = "RANGE_NOT_SATISFIABLE";

    public const string Unauthorized = "UNAUTHORIZED";

    public const string Forbidden = "FORBIDDEN";

    public const string TooManyRequests = "TOO_MANY_REQUESTS";

    /// <summary>An unexpected failure on our side; the answer carries no internals.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>The database cannot be reached right now (503 with Retry-After); nothing is wrong with the request.</summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    /// <summary>The request ran longer than <c>Requests:TimeoutSeconds</c> and was cancelled (503 with Retry-After).</summary>
    public const string RequestTimeout = "REQUEST_TIMEOUT";

    // GraphQL documents refused for their size or run time (see QueryLimits.cs).
    public const string PageSizeOutOfRange = "PAGE_SIZE_OUT_OF_RANGE";
    public const string QueryTooDeep = "QUERY_TOO_DEEP";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string QueryTooLarge = "QUERY_TOO_LARGE";

    /// <summary>An answer larger than <c>GraphQL:MaxResponseBytes</c>; ask for smaller pages or fewer fields.</summary>
    public const string ResponseTooLarge = "RESPONSE_TOO_LARGE";
    public const string Timeout = "TIMEOUT";

    /// <summary>Every code above, for the OpenAPI problem schema and the tests.</summary>
    public static readonly IReadOnlyList<string> All = typeof(ErrorCodes).GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The code of a problem that has only its status to go by (bare status codes, unhandled exceptions).</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status406NotAcceptable => NotAcceptable,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status416RangeNotSatisfiable => RangeNotSatisfiable,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => ServiceUnavailable,
        >= 500 => InternalError,
        _ => BadRequest,
    };

    /// <summary>Stamps <c>code</c> on every problem+json the API writes (typed results, status-code pages, the
    /// exception handler) unless the writer chose one.</summary>
    public static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Extensions["code"] = problem is HttpValidationProblemDetails validation
            ? (validation.Errors.Count > 0 && validation.Errors.Keys.All(k => k == "cursor") ? InvalidCursor : InvalidArgument)
            : ForStatus(status);
    }
}
