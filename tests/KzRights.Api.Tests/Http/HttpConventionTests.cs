using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using KzRights.Api.Tests.GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests.Http;

/// <summary>CORS, HEAD, the index, paging links, ids decoded once and security headers.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpConventionTests(ApiFixture api)
{
    private const string Origin = "https://dashboard.example.org";

    /// <summary>One URL per GET route of the OpenAPI document, with ids that exist in the corpus; <c>list/*</c> stands
    /// for the first record of that list.</summary>
    public static TheoryData<string> GetRoutes => new()
    {
        "/", "/health", "/health/live", "/health/ready", "/openapi.json", "/openapi.yaml", "/graphql/ui",
        "/v1/documents", "/v1/documents/ccpr-c-kaz-co-3", "/v1/documents/ccpr-c-kaz-co-3/paragraphs",
        "/v1/paragraphs", "/v1/paragraphs/ccpr-c-kaz-co-3/20", "/v1/recommendations", "/v1/recommendations/upr-3/139.30",
        "/v1/search?q=torture", "/v1/themes", "/v1/themes/*", "/v1/indicators", "/v1/indicators/ccpr-c-kaz-co-3/31/i1",
        "/v1/series", "/v1/series/*", "/v1/facts", "/v1/facts/*", "/v1/quotas", "/v1/quotas/*", "/v1/entities", "/v1/entities/treaty/iccpr-op2",
        "/v1/releases", "/v1/releases/latest", "/v1/releases/latest/changes", "/v1/changes?since=latest",
    };

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task Every_get_route_answers_head_with_the_same_status_and_content_type(string url)
    {
        var client = api.Client("sqlite");
        if (url.EndsWith("/*", StringComparison.Ordinal))
        {
            var first = (await client.GetJsonAsync(url[..^2] + "?limit=1")).GetProperty("items")[0];
            url = url[..^1] + (first.TryGetProperty("id", out var id) ? id : first.GetProperty("key")).GetString();
        }

        using var get = await client.GetAsync(url);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Head_on_graphql_is_a_405_naming_get_and_post_and_the_readme_names_every_get_route_without_head()
    {
        using var head = await api.Client("sqlite").SendAsync(new HttpRequestMessage(HttpMethod.Head, "/graphql?query=%7B__typename%7D"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Equal(["GET", "POST"], head.Content.Headers.Allow.Order(StringComparer.Ordinal));

        var readme = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("**HTTP conventions.**", StringComparison.Ordinal);
        var conventions = readme[start..readme.IndexOf("\n\n", start, StringComparison.Ordinal)].ReplaceLineEndings(" ");
        var withoutHead = api.Factory("sqlite").Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods is { } methods
                && methods.Contains(HttpMethods.Get) && !methods.Contains(HttpMethods.Head))
            .Select(e => e.RoutePattern.RawText!.Split("/{")[0].TrimEnd('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/graphql", withoutHead);
        Assert.All(withoutHead, route => Assert.Contains($"`GET {route}`", conventions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_openapi_document_lists_every_get_route_the_tests_cover()
    {
        var document = JsonDocument.Parse(await api.Client("sqlite").GetStringAsync("/openapi.json")).RootElement;
        var covered = ((IEnumerable<object[]>)GetRoutes).Select(r => ((string)r[0]).Split('?')[0]).ToList();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _) && !NeedsKey(p)))
        {
            var prefix = path.Name.Split('{')[0].TrimEnd('/');
            Assert.True(covered.Any(u => u == path.Name || (path.Name.Contains('{') && u.StartsWith(prefix + "/", StringComparison.Ordinal))), path.Name);
            Assert.False(path.Value.TryGetProperty("head", out _), $"{path.Name}: HEAD is implied by GET, not listed");
        }
    }

    [Theory]
    [InlineData("/v1/paragraphs", "GET")]
    [InlineData("/v1/recommendations/upr-3/139.30", "GET")]
    [InlineData("/v1/documents", "HEAD")]
    [InlineData("/v1/no-such-collection", "GET")]
    [InlineData("/graphql", "GET")]
    [InlineData("/graphql", "POST")]
    public async Task A_preflight_from_any_origin_is_answered_with_methods_headers_and_max_age(string url, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type, if-none-match, x-api-key");
        using var response = await api.Client("sqlite").SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods")!.Split(','));
        Assert.Contains("if-none-match", Header(response, "Access-Control-Allow-Headers")!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("7200", Header(response, "Access-Control-Max-Age"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_for_a_write_to_a_rest_route_is_not_allowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v1/documents");
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", "DELETE");
        using var response = await api.Client("sqlite").SendAsync(request);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/v1/documents?limit=1")]
    [InlineData("/v1/documents/no-such-document")]
    [InlineData("/v1/no-such-collection")]
    [InlineData("/graphql?query=%7B__typename%7D")]
    public async Task Cross_origin_answers_allow_any_origin_and_expose_etag_link_and_rate_limit_headers(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", Origin);
        using var response = await api.Client("sqlite").SendAsync(request);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        var exposed = Header(response, "Access-Control-Expose-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Superset(new HashSet<string>(["ETag", "Link", "Retry-After", "RateLimit", "RateLimit-Policy"]), exposed.ToHashSet());
    }

    [Theory]
    [InlineData("/v1/indicators?format=csv&limit=2", "X-Total-Count")]
    [InlineData("/v1/indicators?format=ndjson", "Content-Disposition")]
    [InlineData("/v1/releases/latest/dataset/documents.csv", "Content-Range")]
    public async Task A_script_on_another_origin_may_read_the_headers_a_table_or_dataset_download_carries(string url, string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", Origin);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);
        using var response = await api.Client("sqlite").SendAsync(request);
        Assert.NotNull(Header(response, header));
        Assert.Contains(header, Header(response, "Access-Control-Expose-Headers")!.Split(',', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task The_index_links_to_the_docs_the_openapi_document_graphql_and_the_collections_and_every_link_works()
    {
        var client = api.Client("sqlite");
        var index = await client.GetJsonAsync("/");
        var links = index.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("href").GetString()!, l => l.GetProperty("rel").GetString());
        Assert.Superset(new HashSet<string>(["/swagger", "/openapi.json", "/openapi.yaml", "/graphql", "/v1/documents"]), links.Keys.ToHashSet());
        foreach (var href in links.Keys.Where(h => h != "/graphql"))
        {
            using var response = await client.GetAsync(href);
            Assert.True(response.IsSuccessStatusCode, $"{href}: {(int)response.StatusCode}");
        }

        Assert.StartsWith("openapi: 3.0", await client.GetStringAsync("/openapi.yaml"), StringComparison.Ordinal);
        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi.json")).RootElement;
        Assert.Equal("KzRights API", openApi.GetProperty("info").GetProperty("title").GetString());
        // Every collection (a /v1 GET path without a path parameter) is linked, so a client can start from / alone.
        foreach (var path in openApi.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _) && !NeedsKey(p)).Select(p => p.Name)
            .Where(p => p.StartsWith("/v1/", StringComparison.Ordinal) && !p.Contains('{')))
        {
            Assert.True(links.Keys.Any(href => href.Split('?')[0] == path), $"{path} is not linked from /");
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Following_the_next_links_of_a_filtered_list_visits_every_item_once(string provider)
    {
        var client = api.Client(provider);
        var expected = (await client.GetJsonAsync("/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=1")).GetProperty("total").GetInt32();
        var seen = new List<string>();
        string? url = "/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=17";
        while (url is not null)
        {
            using var response = await client.GetAsync(url);
            var links = ParseLinks(Header(response, "Link"));
            Assert.Equal("/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=17", links["first"]);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            Assert.Equal(page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null, !links.ContainsKey("next"));
            url = links.GetValueOrDefault("next");
        }

        Assert.Equal(expected, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("/v1/paragraphs?limit=2")]
    [InlineData("/v1/paragraphs?limit=2&format=csv")]
    public async Task A_cursor_sent_as_Cursor_is_replaced_in_the_next_link_and_left_out_of_the_first(string url)
    {
        var client = api.Client("sqlite");
        using var firstPage = await client.GetAsync(url);
        var second = ParseLinks(Header(firstPage, "Link"))["next"].Replace("cursor=", "Cursor=", StringComparison.Ordinal);
        using var secondPage = await client.GetAsync(second);
        var links = ParseLinks(Header(secondPage, "Link"));
        Assert.DoesNotContain("Cursor=", links["next"], StringComparison.Ordinal);
        if (links.TryGetValue("first", out var first))
        {
            Assert.Equal("/v1/paragraphs?limit=2", first);
        }

        using var thirdPage = await client.GetAsync(links["next"]);
        Assert.Equal(HttpStatusCode.OK, thirdPage.StatusCode);
    }

    [Fact]
    public async Task A_get_of_one_record_has_no_link_header()
    {
        using var response = await api.Client("sqlite").GetAsync("/v1/documents/ccpr-c-kaz-co-3");
        Assert.Null(Header(response, "Link"));
    }

    [Theory]
    [InlineData("/v1/recommendations/upr-3/139.30", 200)]
    [InlineData("/v1/recommendations/upr-3%2F139.30", 200)]
    [InlineData("/v1/recommendations/upr-3%2f139.30", 200)]
    [InlineData("/v1/recommendations/upr-3%252F139.30", 404)]
    [InlineData("/v1/paragraphs/cedaw-c-kaz-rq-6%2F12(a)%2F1", 200)]
    [InlineData("/v1/paragraphs/cedaw-c-kaz-rq-6%2F12%28a%29%2F1", 200)]
    [InlineData("/v1/paragraphs/cedaw-c-kaz-rq-6%252F12(a)%252F1", 404)]
    public async Task Ids_in_the_request_line_are_percent_decoded_exactly_once(string path, int status)
    {
        // Over a real socket: the request line reaches Kestrel exactly as written here.
        using var client = new HttpClient { BaseAddress = api.LiveAddress };
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(status, (int)response.StatusCode);
        if (status == 404)
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("%2F", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/v1/documents", "default-src 'none'")]
    [InlineData("/v1/documents/no-such-document", "default-src 'none'")]
    [InlineData("/no/such/route", "default-src 'none'")]
    [InlineData("/graphql?query=%7B__typename%7D", "default-src 'none'")]
    [InlineData("/swagger/index.html", "script-src 'self'")]
    [InlineData("/graphql/ui", "script-src 'self'")]
    public async Task Every_answer_carries_nosniff_and_a_content_security_policy(string url, string policy)
    {
        using var response = await api.Client("sqlite").GetAsync(url);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains(policy, Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"query":"{ __typename }","variables":{"a":"\ud800"}}""")]
    [InlineData("""{"query":"{ __typename }","operationName":"\udfff"}""")]
    [InlineData("""{"query":"{ __typename } # \ud800"}""")]
    [InlineData("""{"query":"{ __typename }","variables":{"\ud800":1}}""")]
    public async Task A_graphql_body_with_an_unpaired_surrogate_escape_answers_400(string body)
    {
        var response = await api.Client("sqlite").SendGraphQLAsync(HttpMethod.Post, "/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(400, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("query")]
    [InlineData("variables")]
    [InlineData("operationName")]
    public async Task A_graphql_body_with_invalid_utf8_answers_400(string member)
    {
        var prefix = member switch
        {
            "query" => """{"query":"{ __typename } # """,
            "variables" => """{"query":"{ __typename }","variables":{"a":" """,
            _ => """{"query":"{ __typename }","operationName":" """,
        };
        var bytes = Encoding.UTF8.GetBytes(prefix).Concat(new byte[] { 0xC3, 0x28, 0xFF })
            .Concat(Encoding.UTF8.GetBytes(member == "variables" ? "\"}}" : "\"}"))
            .ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await api.Client("sqlite").SendGraphQLAsync(HttpMethod.Post, "/graphql", content);
        Assert.Equal(400, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_graphql_body_shorter_than_its_content_length_answers_400_and_the_connection_closes()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(api.LiveAddress.Host, api.LiveAddress.Port);
        var stream = socket.GetStream();
        var body = """{"query":"{ __typename }"}""";
        var head
            = $"POST /graphql HTTP/1.1\r\nHost: {api.LiveAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length + 50}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + body));
        // The client keeps the connection open and never sends the rest; the server answers and closes.
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains("BAD_REQUEST", answer, StringComparison.Ordinal);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    private static Dictionary<string, string> ParseLinks(string? header) =>
        (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split(';', StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[1]["rel=\"".Length..^1], p => p[0][1..^1]);

    /// <summary>A GET that needs an API key (the webhook subscriptions): outside the public reads these tests cover.</summary>
    private static bool NeedsKey(JsonProperty path) =>
        path.Value.GetProperty("get").TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.EnumerateObject().Any());
}
