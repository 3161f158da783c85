using System.Diagnostics;
using System.Net;
using System.Text;

namespace KzRights.Api.Tests.GraphQL;

/// <summary>Hostile or careless queries are refused with a GraphQL error and a clear extensions.code: never a 500,
/// never a hang.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLProtectionTests(ApiFixture api)
{
    /// <summary>graphql-js 16's getIntrospectionQuery (what GraphiQL 3 sends) with schema description and repeatable
    /// directives: depth 15 with its nine-level TypeRef.</summary>
    public const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name kind }
            mutationType { name kind }
            subscriptionType { name kind }
            types {
              ...FullType
            }
            directives {
              name
              description
              isRepeatable
              locations
              args {
                ...InputValue
              }
            }
          }
        }
        fragment FullType on __Type {
          kind
          name
          description
          fields(includeDeprecated: true) {
            name
            description
            args {
              ...InputValue
            }
            type {
              ...TypeRef
            }
            isDeprecated
            deprecationReason
          }
          inputFields {
            ...InputValue
          }
          interfaces {
            ...TypeRef
          }
          enumValues(includeDeprecated: true) {
            name
            description
            isDeprecated
            deprecationReason
          }
          possibleTypes {
            ...TypeRef
          }
        }
        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue
        }
        fragment TypeRef on __Type {
          kind
          name
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                        ofType {
                          name
                          kind
                          ofType {
                            name
                            kind
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
        """;

    private static async Task<GraphQLResponse> RefusedAsync(HttpClient client, string query, string code, object? variables = null)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.PostGraphQLAsync(query, variables);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(response.Status == 400, $"expected 400, got {response.Status}: {response.Text[..Math.Min(500, response.Text.Length)]}");
        Assert.False(response.HasData);
        Assert.Contains(code, response.ErrorCodes);
        Assert.All(response.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
        return response;
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task An_accepted_query_reports_its_cost_which_scales_with_page_sizes(string provider)
    {
        var client = api.Client(provider);
        double Cost(GraphQLResponse r) => r.Body.GetProperty("extensions").GetProperty("cost").GetProperty("complexity").GetDouble();
        const string query = "query($n: Int) { paragraphs(first: $n) { nodes { id text subItems { text } } } }";
        var small = await client.PostGraphQLAsync(query, new { n = 10 });
        var large = await client.PostGraphQLAsync(query, new { n = 100 });
        Assert.True(Cost(large) > 9 * Cost(small), $"{Cost(small)} vs {Cost(large)}");
        var cost = large.Body.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(100_000, cost.GetProperty("maxComplexity").GetInt32());
        Assert.Equal(20, cost.GetProperty("maxDepth").GetInt32());
        Assert.Equal(4, cost.GetProperty("depth").GetInt32()); // graphql-dotnet counts the operation as level 1
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_full_introspection_query_stays_allowed(string provider)
    {
        var response = await api.Client(provider).PostGraphQLAsync(IntrospectionQuery);
        Assert.True(response.Status == 200 && response.Errors.Count == 0, response.Text[..Math.Min(500, response.Text.Length)]);
        Assert.True(response.Data.GetProperty("__schema").GetProperty("types").GetArrayLength() > 20);
        // Introspection is costed (at a tenth of a field's cost), so it spends a client's GraphQL cost budget.
        Assert.InRange(response.Body.GetProperty("extensions").GetProperty("cost").GetProperty("complexity").GetDouble(), 1_000, 100_000);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Too_deep_a_query_is_refused(string provider)
    {
        var query = new StringBuilder("{ paragraph(id: \"ccpr-c-kaz-co-3/8\") { ");
        for (var i = 0; i < 8; i++)
        {
            query.Append("document { paragraphs(first: 1) { nodes { ");
        }

        query.Append("id").Append(string.Concat(Enumerable.Repeat(" } } }", 8))).Append(" } }");
        var response = await RefusedAsync(api.Client(provider), query.ToString(), "QUERY_TOO_DEEP");
        Assert.Contains("at most 20", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Too_costly_a_query_is_refused_before_it_runs(string provider)
    {
        await RefusedAsync(api.Client(provider), """
            { documents(first: 500) { nodes { paragraphs(first: 500) { nodes { id recommendations { recommendation { id } } } } } } }
            """, "QUERY_TOO_COMPLEX");
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Unknown_fields_wrong_argument_types_and_huge_pages_are_validation_errors(string provider)
    {
        var client = api.Client(provider);
        await RefusedAsync(client, "{ paragraphs { nodes { nosuchfield } } }", "FIELDS_ON_CORRECT_TYPE");
        await RefusedAsync(client, "{ paragraphs(first: \"ten\") { totalCount } }", "ARGUMENTS_OF_CORRECT_TYPE");
        await RefusedAsync(client, "{ paragraphs(first: 100000) { totalCount } }", "PAGE_SIZE_OUT_OF_RANGE");
        await RefusedAsync(client, "{ paragraphs(first: 99999999999) { totalCount } }", "ARGUMENTS_OF_CORRECT_TYPE");
        await RefusedAsync(client, "{ paragraph { id } }", "PROVIDED_NON_NULL_ARGUMENTS");
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Alias_flooding_is_refused(string provider)
    {
        var aliases = string.Join(" ", Enumerable.Range(0, 1000).Select(i => $"a{i}: __typename"));
        await RefusedAsync(api.Client(provider), "{ " + aliases + " }", "TOO_MANY_ALIASES");
        var costly = string.Join(" ", Enumerable.Range(0, 1000).Select(i => $"a{i}: paragraphs(first: 500) {{ nodes {{ text }} }}"));
        await RefusedAsync(api.Client(provider), "{ " + costly + " }", "TOO_MANY_ALIASES");
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Fragment_cycles_chains_and_bombs_are_refused(string provider)
    {
        var client = api.Client(provider);
        await RefusedAsync(client, "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", "NO_FRAGMENT_CYCLES");

        // 200 fragments spread one inside the next.
        var chain = new StringBuilder("{ ...F0 } ");
        for (var i = 0; i < 200; i++)
        {
            chain.Append($"fragment F{i} on Query {{ __typename ...F{i + 1} }} ");
        }

        chain.Append("fragment F200 on Query { __typename }");
        await RefusedAsync(client, chain.ToString(), "QUERY_TOO_LARGE");

        // Each fragment spreads the next one twice: 2^40 fields once expanded.
        var bomb = new StringBuilder("{ ...B0 } ");
        for (var i = 0; i < 40; i++)
        {
            bomb.Append($"fragment B{i} on Query {{ ...B{i + 1} ...B{i + 1} }} ");
        }

        bomb.Append("fragment B40 on Query { __typename }");
        await RefusedAsync(client, bomb.ToString(), "QUERY_TOO_LARGE");

        // Fragments nested through fields: refused for depth.
        var nested = new StringBuilder("{ paragraph(id: \"ccpr-c-kaz-co-3/8\") { ...N0 } } ");
        for (var i = 0; i < 20; i++)
        {
            nested.Append($"fragment N{i} on Paragraph {{ document {{ paragraphs(first: 1) {{ nodes {{ ...N{i + 1} }} }} }} }} ");
        }

        nested.Append("fragment N20 on Paragraph { id }");
        await RefusedAsync(client, nested.ToString(), "QUERY_TOO_DEEP");
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Deeply_nested_braces_are_refused_without_a_crash(string provider)
    {
        var query = string.Concat(Enumerable.Repeat("{ a ", 5000)) + string.Concat(Enumerable.Repeat("}", 5000));
        var response = await RefusedAsync(api.Client(provider), query, "QUERY_TOO_DEEP");
        Assert.Contains("nested more than 128 levels", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_query_running_past_the_timeout_is_cancelled_with_a_timeout_error(string provider)
    {
        var counter = new CommandCounter();
        await using var host = api.Factory(provider).WithInterceptor(counter, ("GraphQL:TimeoutMilliseconds", "300"));
        var client = host.CreateClient();
        await client.QueryAsync("{ __typename }");
        counter.Delay = TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();
        var response = await client.PostGraphQLAsync("{ paragraphs(first: 10) { nodes { id } } }");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
        Assert.Equal(503, response.Status);
        Assert.False(response.HasData);
        Assert.Equal(["TIMEOUT"], response.ErrorCodes);
        counter.Delay = TimeSpan.FromSeconds(1);
        var legacy = await client.PostGraphQLAsync("{ paragraphs(first: 10) { nodes { id } } }", accept: "application/json");
        Assert.Equal(200, legacy.Status);
        Assert.Equal(["TIMEOUT"], legacy.ErrorCodes);
        Assert.Contains("300 ms", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_timed_out_GET_answer_is_neither_cached_nor_served_again_to_the_next_request(string provider)
    {
        var counter = new CommandCounter();
        await using var host = api.Factory(provider).WithInterceptor(counter, ("GraphQL:TimeoutMilliseconds", "300"));
        var client = host.CreateClient();
        await client.QueryAsync("{ __typename }");
        const string url = "/graphql?query=%7Bparagraphs(first:3)%7Bnodes%7Bid%7D%7D%7D";

        counter.Delay = TimeSpan.FromSeconds(2);
        using (var timedOut = await client.GetAsync(url))
        {
            // GraphQL over HTTP answers 200 under application/json (HttpClient's default Accept is none).
            Assert.Equal(HttpStatusCode.OK, timedOut.StatusCode);
            Assert.Contains("\"TIMEOUT\"", await timedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("no-store", timedOut.Headers.CacheControl?.ToString());
            Assert.Null(timedOut.Headers.ETag);
        }

        counter.Delay = TimeSpan.Zero;
        using var next = await client.GetAsync(url);
        var body = await next.Content.ReadAsStringAsync();
        Assert.DoesNotContain("TIMEOUT", body, StringComparison.Ordinal);
        Assert.Contains("\"nodes\"", body, StringComparison.Ordinal);
        Assert.NotNull(next.Headers.ETag);
        Assert.Null(next.Headers.Age);
    }
}
