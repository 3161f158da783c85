using System.Net.Http.Json;
using System.Text.Json;
using KzRights.Api.Tests.GraphQL;
using KzRights.Data.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests.Releases;

/// <summary>Two instances on one database: one publishes a release while the other still remembers the one before.</summary>
public sealed class TwoInstanceReleaseTests
{
    private const string Paragraph = "ccpr-c-kaz-co-3/31";

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task An_instance_that_has_not_heard_of_a_new_release_answers_wholly_from_the_release_its_data_comes_from(string provider)
    {
        using var corpus = new CorpusCopy();
        var settings = new Dictionary<string, string?> { ["Corpus:Directory"] = corpus.Folder };
        await using var publisher = new ApiFactory(provider, settings: settings);
        var first = (await publisher.CreateClient().GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString()!;

        // The other instance trusts its memory of the latest release for an hour, so it cannot learn of the new release
        // from that memory: only from reading each answer's release beside its data.
        await using var other = new ApiFactory(
            provider,
            settings: new Dictionary<string, string?>(settings) { ["Releases:RefreshSeconds"] = "3600" },
            sameDatabaseAs: publisher,
            ownsDatabase: false);
        var client = other.CreateClient();
        const string cachedList = "/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=50";
        Assert.Equal(first, await AnswerOfOneReleaseAsync(client, cachedList, "75 per cent"));

        corpus.EditDocument("ccpr-c-kaz-co-3", text => text.Replace("– 75 per cent in 2024 –", "– 76 per cent in 2024 –", StringComparison.Ordinal));
        await using (var scope = publisher.Services.CreateAsyncScope())
        {
            Assert.NotNull((await scope.ServiceProvider.GetRequiredService<CorpusIngestor>().EnsureIngestedAsync(corpus.Folder)).Release);
        }

        var second = (await publisher.CreateClient().GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString()!;
        Assert.NotEqual(first, second);

        // A list this instance has not answered before, the paragraph alone and a GraphQL query: the second release's
        // text under the second release's id, ETag and citations.
        Assert.Equal(second, await AnswerOfOneReleaseAsync(client, "/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=40", "76 per cent"));
        using (var alone = await client.GetAsync($"/v1/paragraphs/{Paragraph}"))
        {
            var paragraph = JsonDocument.Parse(await alone.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains(second, alone.Headers.ETag!.Tag, StringComparison.Ordinal);
            Assert.EndsWith($"KzRights release {second}", paragraph.GetProperty("citation").GetString(), StringComparison.Ordinal);
            Assert.Contains("76 per cent", paragraph.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        var graph = await client.PostGraphQLAsync($$"""{ paragraph(id: "{{Paragraph}}") { text citation } }""");
        Assert.Empty(graph.Errors);
        Assert.EndsWith($"KzRights release {second}", graph.Data.GetProperty("paragraph").GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.Contains("76 per cent", graph.Data.GetProperty("paragraph").GetProperty("text").GetString(), StringComparison.Ordinal);

        // Having read the second release, the instance serves it from then on: the list it had cached under the first
        // release is answered anew, and a list total is the second release's.
        Assert.Equal(second, await AnswerOfOneReleaseAsync(client, cachedList, "76 per cent"));
        Assert.Equal(
            (await publisher.CreateClient().GetJsonAsync("/v1/paragraphs?limit=1")).GetProperty("total").GetInt32(),
            (await client.GetJsonAsync("/v1/paragraphs?limit=1")).GetProperty("total").GetInt32());
    }

    /// <summary>Asks for a page that holds <see cref="Paragraph"/>; checks that its envelope, ETag and every citation
    /// name one release and that the paragraph reads <paramref name="expectedText"/>. Returns the release.</summary>
    private static async Task<string> AnswerOfOneReleaseAsync(HttpClient client, string url, string expectedText)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = (await response.Content.ReadFromJsonAsync<JsonElement>())!;
        var release = page.GetProperty("release").GetString()!;
        Assert.Contains(release, response.Headers.ETag!.Tag, StringComparison.Ordinal);
        Assert.All(
            page.GetProperty("items").EnumerateArray(),
            item => Assert.EndsWith($"KzRights release {release}", item.GetProperty("citation").GetString(), StringComparison.Ordinal));
        var paragraph = page.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == Paragraph);
        Assert.Contains(expectedText, paragraph.GetProperty("text").GetString(), StringComparison.Ordinal);
        return release;
    }
}
