using System.Text.Json;
using Xunit.Abstractions;

namespace KzRights.Api.Tests.GraphQL;

/// <summary>Nested lists resolve through batch loaders: the number of SQL commands depends on the depth of the query,
/// not on how many items it returns.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLBatchingTests(ApiFixture api, ITestOutputHelper output)
{
    private const string Walk = """
        query($documents: Int, $paragraphs: Int) { documents(first: $documents) { nodes { id
          paragraphs(first: $paragraphs) { nodes { id
            recommendations { relation recommendation { id
              responses { relation paragraph { id document { id } } } } } } } } } }
        """;

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Walking_documents_paragraphs_recommendations_responses_costs_the_same_commands_for_few_or_many_items(string provider)
    {
        var counter = new CommandCounter();
        await using var host = api.Factory(provider).WithInterceptor(counter);
        var client = host.CreateClient();
        await client.QueryAsync("{ __typename }");

        async Task<(int Commands, int Paragraphs, int Responses)> RunAsync(int documents, int paragraphs)
        {
            counter.Reset();
            var data = await client.QueryAsync(Walk, new { documents, paragraphs });
            var commands = counter.Count;
            var nodes = data.GetProperty("documents").GetProperty("nodes").EnumerateArray()
                .SelectMany(d => d.GetProperty("paragraphs").GetProperty("nodes").EnumerateArray()).ToList();
            var responses = nodes.SelectMany(p => p.GetProperty("recommendations").EnumerateArray())
                .Sum(r => r.GetProperty("recommendation").GetProperty("responses").GetArrayLength());
            output.WriteLine($"{provider}: documents(first: {documents}) paragraphs(first: {paragraphs}) → {nodes.Count} paragraphs, {responses} responses, " +
                $"{commands} SQL commands");
            return (commands, nodes.Count, responses);
        }

        // Both walks reach every level (the concluding observations state recommendations from paragraph 6 on), so
        // the counts compare like with like; the larger one returns many times the items.
        // A first walk counts the nested lists' totals, which the release then remembers (Releases:ListTotalsPerRelease).
        await RunAsync(5, 8);
        var small = await RunAsync(5, 8);
        var large = await RunAsync(5, 60);
        Assert.True(small.Responses > 0, "the small walk reaches no response");
        Assert.True(large.Paragraphs >= 5 * small.Paragraphs, $"{small.Paragraphs} and {large.Paragraphs} paragraphs");
        Assert.True(large.Responses > 10 * small.Responses, $"{small.Responses} and {large.Responses} responses");
        Assert.True(small.Commands > 0, "the interceptor saw no command");
        Assert.Equal(small.Commands, large.Commands);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Many_aliased_lookups_of_one_level_are_one_batch(string provider)
    {
        var counter = new CommandCounter();
        await using var host = api.Factory(provider).WithInterceptor(counter);
        var client = host.CreateClient();
        var ids = (await client.QueryAsync("{ paragraphs(first: 60) { nodes { id } } }")).GetProperty("paragraphs").GetProperty("nodes").EnumerateArray().Ids()
            .ToList();

        async Task<int> CommandsFor(int count)
        {
            var query = "{ "
                + string.Join(" ", ids.Take(count).Select((id, i) => $"p{i}: paragraph(id: {JsonSerializer.Serialize(id)}) {{ id document {{ id }} }}"))
                + " }";
            counter.Reset();
            var data = await client.QueryAsync(query);
            Assert.Equal(ids[count - 1], data.GetProperty($"p{count - 1}").GetProperty("id").GetString());
            return counter.Count;
        }

        var one = await CommandsFor(1);
        var sixty = await CommandsFor(60);
        output.WriteLine($"{provider}: 1 paragraph lookup → {one} commands, 60 aliased lookups → {sixty} commands");
        Assert.Equal(one, sixty);
    }
}
