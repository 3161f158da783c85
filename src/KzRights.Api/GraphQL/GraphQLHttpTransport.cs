using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using KzRights.Api.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Net.Http.Headers;

namespace KzRights.Api.GraphQL;

/// <summary>The HTTP side of GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): the response media
/// type negotiated between application/graphql-response+json and application/json, a request read from the query
/// string (GET) or a JSON body (POST) with its size, rate and encoding checked, and a result written with the status
/// the spec asks for. It is hand-written because GraphQL.Server is not on our package mirror; that package's transport
/// can replace this class without touching execution (<see cref="GraphQLExecution"/>) or GraphiQL.</summary>
internal static class GraphQLHttpTransport
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    /// <summary>application/graphql-response+json when the client lists it at least as high as application/json;
    /// application/json for a missing Accept, application/json, application/* or */*; null (406) otherwise.</summary>
    internal static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return JsonMediaType;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var types))
        {
            return JsonMediaType;
        }

        double Quality(Func<string, bool> matches) =>
            types.Where(t => matches(t.MediaType.Value ?? string.Empty)).Select(t => t.Quality ?? 1).DefaultIfEmpty(0).Max();

        var graphql = Quality(m => m.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase));
        var json = Quality(
            m => m.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase) || m is "*/*" || m.Equals("application/*", StringComparison.OrdinalIgnoreCase));
        return graphql > 0 && graphql >= json ? GraphQLResponseMediaType
            : json > 0 ? JsonMediaType
            : null;
    }

    internal readonly record struct RequestProblem(int Status, string Code, string Message);

    /// <summary>Kestrel's default minimum request body rate.</summary>
    private const double BodyMinBytesPerSecond = 240;

    private static RequestProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, message);

    internal static (GraphQLRequest? Request, RequestProblem? Problem) ReadQueryString(IQueryCollection parameters, IGraphQLTextSerializer serializer)
    {
        foreach (var name in new[] { "query", "operationName", "variables", "extensions" })
        {
            if (parameters[name].Count > 1)
            {
                return (null, BadRequest($"The {name} parameter is given {parameters[name].Count} times; give it once."));
            }
        }

        if (parameters["query"].ToString() is not { Length: > 0 } query)
        {
            return (null, BadRequest("The query parameter is missing: a GraphQL GET request needs ?query=<document>."));
        }

        var request = new GraphQLRequest { Query = query, OperationName = NullIfEmpty(parameters["operationName"].ToString()) };
        foreach (var (name, assign) in new (string, Action<Inputs>)[] {
            ("variables", v => request.Variables = v),
            ("extensions", e => request.Extensions = e) })
        {
            if (NullIfEmpty(parameters[name].ToString()) is not { } text)
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(text);
                if (ReadMap(json.RootElement, name, serializer, out var map) is { } problem)
                {
                    return (null, problem);
                }

                if (map is not null)
                {
                    assign(map);
                }
            }
            catch (JsonException)
            {
                return (null, BadRequest($"The {name} parameter is not valid JSON."));
            }
        }

        return (request, null);
    }

    internal static async Task<(GraphQLRequest? Request, RequestProblem? Problem)> ReadBodyAsync(
        HttpRequest http,
        IGraphQLTextSerializer serializer,
        GraphQLOptions options)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType)
            || !JsonMediaType.Equals(contentType.MediaType.Value, StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, new RequestProblem(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"A GraphQL POST request must have Content-Type: {JsonMediaType} (UTF-8)."));
        }

        if (http.ContentLength > options.MaxRequestBytes)
        {
            return (null, TooLarge(options));
        }

        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        // A body shorter than its Content-Length would otherwise hold the request until Kestrel's default grace period
        // (5 s) runs out; Kestrel's own rate check, with a shorter grace, rejects it and closes the connection cleanly.
        if (http.HttpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(
                BodyMinBytesPerSecond,
                TimeSpan.FromMilliseconds(options.BodyGracePeriodMilliseconds));
        }

        try
        {
            int read;
            while ((read = await http.Body.ReadAsync(buffer, http.HttpContext.RequestAborted)) > 0)
            {
                if (body.Length + read > options.MaxRequestBytes)
                {
                    return (null, TooLarge(options));
                }

                body.Write(buffer, 0, read);
            }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (!http.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // Kestrel's checks on the body: too slow (Content-Length larger than what is sent) or ended early.
            return (null, BadRequest($"The request body was not received completely ({ex.Message}); is Content-Length larger than the body?"));
        }

        if (body.Length == 0)
        {
            return (null, BadRequest("The request body is empty: send a JSON object with a query."));
        }

        if (!System.Text.Unicode.Utf8.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length)))
        {
            return (null, BadRequest("The request body is not valid UTF-8."));
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
        }
        catch (JsonException)
        {
            return (null, BadRequest("The request body is not valid JSON."));
        }

        if (HasUnpairedSurrogate(json.RootElement))
        {
            json.Dispose();
            return (null, BadRequest("The request body has a string with an unpaired UTF-16 surrogate escape (e.g. \\ud800), which is not text."));
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, BadRequest("The request body must be a JSON object with a query."));
            }

            if (!root.TryGetProperty("query", out var queryElement) || queryElement.ValueKind != JsonValueKind.String
                || queryElement.GetString() is not { Length: > 0 } query)
            {
                return (null, BadRequest("The request body has no query: it must be a JSON object whose query is a string."));
            }

            var request = new GraphQLRequest { Query = query };
            if (root.TryGetProperty("operationName", out var operationName) && operationName.ValueKind != JsonValueKind.Null)
            {
                if (operationName.ValueKind != JsonValueKind.String)
                {
                    return (null, BadRequest("operationName must be a string or null."));
                }

                request.OperationName = NullIfEmpty(operationName.GetString());
            }

            foreach (var name in new[] { "variables", "extensions" })
            {
                if (root.TryGetProperty(name, out var element))
                {
                    if (ReadMap(element, name, serializer, out var map) is { } problem)
                    {
                        return (null, problem);
                    }

                    if (name == "variables")
                    {
                        request.Variables = map;
                    }
                    else
                    {
                        request.Extensions = map;
                    }
                }
            }

            return (request, null);
        }
    }

    /// <summary>JSON allows escapes such as <c>"\ud800"</c> that decode to no valid text; System.Text.Json throws
    /// only when such a string is read, so every string and property name is read once here, before any use.</summary>
    private static bool HasUnpairedSurrogate(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString() is null,
                JsonValueKind.Array => element.EnumerateArray().Any(HasUnpairedSurrogate),
                JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name is null || HasUnpairedSurrogate(p.Value)),
                _ => false,
            };
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static RequestProblem? ReadMap(JsonElement element, string name, IGraphQLTextSerializer serializer, out Inputs? map)
    {
        map = null;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return BadRequest($"{name} must be a JSON object (a map) or null.");
        }

        map = serializer.ReadNode<Inputs>(element);
        return null;
    }

    private static RequestProblem TooLarge(GraphQLOptions options) =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, $"The request body is larger than {options.MaxRequestBytes} bytes.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The operation the request selects; null when it is ambiguous or missing (validation reports that).</summary>
    internal static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    /// <summary>Status per the spec: under application/json always 200; under application/graphql-response+json a
    /// response without data is 4xx or 5xx: 400 for a request that never executed (syntax, validation or variable
    /// errors, or a refused size), 503 for one cancelled by the timeout.
    /// The answer is serialized in memory first, up to <see cref="GraphQLOptions.MaxResponseBytes"/>: a larger one is
    /// replaced by a <c>RESPONSE_TOO_LARGE</c> error (as a request that did not execute).</summary>
    internal static async Task WriteResultAsync(
        HttpContext http,
        IGraphQLTextSerializer serializer,
        string mediaType,
        ExecutionResult result,
        bool timedOut = false)
    {
        var maxBytes = http.RequestServices.GetRequiredService<GraphQLOptions>().MaxResponseBytes;
        using var buffer = new CappedBuffer(maxBytes);
        try
        {
            await serializer.WriteAsync(buffer, result, http.RequestAborted);
        }
        catch (CappedBuffer.FullException)
        {
            buffer.SetLength(0);
            result = new ExecutionResult
            {
                Errors = [new ExecutionError(
                    $"The answer is larger than {maxBytes} bytes (GraphQL:MaxResponseBytes); ask for smaller pages (first) or fewer fields.")
                {
                    Code = ErrorCodes.ResponseTooLarge,
                }],
                Executed = false,
            };
            await serializer.WriteAsync(buffer, result, http.RequestAborted);
        }

        if (timedOut || result.Errors?.Any(e => e.Code is ErrorCodes.Timeout or ErrorCodes.InternalError) == true)
        {
            // Another try may succeed: neither caches nor the output cache may keep this answer (200 under application/json).
            HttpCachingMiddleware.MarkTransient(http);
        }

        http.Response.StatusCode = mediaType != GraphQLResponseMediaType || result.Executed ? StatusCodes.Status200OK
            : timedOut ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status400BadRequest;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.Written, http.RequestAborted);
    }

    /// <summary>A write-only stream into one buffer from <see cref="ArrayPool{T}.Shared"/> that refuses to grow past a limit
    /// (throwing, which stops the serializer there). Written here rather than a <see cref="MemoryStream"/>, whose doubling
    /// arrays (256 bytes to 64 KB for a page of 50 paragraphs) were about 130 KB of the 195 KB a GraphQL answer allocated;
    /// Microsoft.IO.RecyclableMemoryStream has no per-stream limit.</summary>
    private sealed class CappedBuffer(int maxBytes) : Stream
    {
        private const int InitialBytes = 16 * 1024;
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBytes, maxBytes));
        private int _length;

        public sealed class FullException() : IOException("The answer exceeds the response size limit.");

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_length + buffer.Length > maxBytes)
            {
                throw new FullException();
            }

            if (_length + buffer.Length > _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes, Math.Max(_length + buffer.Length, _buffer.Length * 2)));
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            buffer.CopyTo(_buffer.AsSpan(_length));
            _length += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>Only to empty the buffer (a refused answer is replaced by an error).</summary>
        public override void SetLength(long value) => _length = value == 0 ? 0 : throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && _buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
            }

            base.Dispose(disposing);
        }
    }

    internal static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string mediaType, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }], Executed = false };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
