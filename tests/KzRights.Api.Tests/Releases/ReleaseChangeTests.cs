using System.Text.Json;
using System.Text.Json.Nodes;
using KzRights.Data.Ingest;
using KzRights.Data.Releases;
using KzRights.Parsing.Corpus;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests.Releases;

/// <summary>A second ingest of an edited copy of the corpus: one paragraph edited, one removed, a document added.</summary>
public sealed class ReleaseChangeTests
{
    private const string EditedDocument = "ccpr-c-kaz-co-3";
    private const string AddedDocument = "moj-annual-review-2022";

    private static readonly (string Type, string Route)[] Collections =
    [
        ("paragraph", "/v1/paragraphs"), ("recommendation", "/v1/recommendations"), ("indicator", "/v1/indicators"), ("quota", "/v1/quotas"),
        ("series", "/v1/series"), ("fact", "/v1/facts"), ("theme", "/v1/themes"),
    ];

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_second_ingest_of_an_edited_corpus_reports_exactly_the_records_whose_representation_changed(string provider)
    {
        var original = CorpusParser.LocateCorpusDirectory();
        using var corpus = new CorpusCopy();
        corpus.WriteManifestWithout(AddedDocument);

        await using var factory = new ApiFactory(provider, settings: new Dictionary<string, string?> { ["Corpus:Directory"] = corpus.Folder });
        var client = factory.CreateClient();
        var first = (await client.GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString()!;
        var before = await ServedRecordsAsync(client);
        Assert.DoesNotContain(before.Keys, k => k.Id.StartsWith(AddedDocument, StringComparison.Ordinal));

        // Edit paragraph 31 (its number changes), drop the last paragraph (59), put the ministry's review back.
        var ccpr = CorpusManifest.Load(original).Documents.Single(d => d.Slug == EditedDocument);
        var source = Path.Combine(corpus.Folder, ccpr.SourceFile);
        var text = File.ReadAllText(source);
        Assert.Contains("– 75 per cent in 2024 –", text, StringComparison.Ordinal);
        var lastParagraph = text.IndexOf("\n59. In line with the Committee's predictable review cycle", StringComparison.Ordinal);
        Assert.True(lastParagraph > 0);
        text = text[..lastParagraph].TrimEnd('\n') + "\n";
        File.WriteAllText(source, text.Replace("– 75 per cent in 2024 –", "– 76 per cent in 2024 –", StringComparison.Ordinal));
        File.WriteAllText(
            corpus.ManifestPath,
            corpus.FullManifest.Replace(ccpr.Sha256, CorpusManifest.Sha256Hex(File.ReadAllBytes(source)), StringComparison.Ordinal));

        var etagBefore = (await client.GetAsync("/v1/paragraphs/ccpr-c-kaz-co-3/20")).Headers.ETag;
        Assert.Equal(before.Keys.Count(k => k.Type == "paragraph"), (await client.GetJsonAsync("/v1/paragraphs?limit=1")).GetProperty("total").GetInt32());
        using var stopLoad = new CancellationTokenSource();
        var secondSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var load = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => ReadWhileReleasesSwitchAsync(factory.CreateClient(), first, secondSeen, stopLoad.Token)))
            .ToArray();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<CorpusIngestor>().EnsureIngestedAsync(corpus.Folder);
            Assert.NotNull(result.Release);
        }

        // Readers go on until one of them is answered from the new release (a fixed pause raced a loaded machine); a
        // reader ends early only by failing an assertion, which ends the wait too, and WhenAll below reports it.
        try
        {
            await Task.WhenAny(load.Cast<Task>().Append(secondSeen.Task)).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await stopLoad.CancelAsync();
        }

        var seen = (await Task.WhenAll(load)).SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(first, seen);
        Assert.Equal(2, seen.Count);

        var second = await client.GetJsonAsync("/v1/releases/latest");
        var secondId = second.GetProperty("id").GetString()!;
        Assert.NotEqual(first, secondId);
        Assert.Equal(first, second.GetProperty("previousReleaseId").GetString());
        var after = await ServedRecordsAsync(client);
        var etagAfter = (await client.GetAsync("/v1/paragraphs/ccpr-c-kaz-co-3/20")).Headers.ETag;
        // Totals are remembered per release: the list's total of the first release is not served with the second.
        Assert.Equal(after.Keys.Count(k => k.Type == "paragraph"), (await client.GetJsonAsync("/v1/paragraphs?limit=1")).GetProperty("total").GetInt32());
        Assert.NotEqual(etagBefore, etagAfter);

        var expected = before.Keys.Union(after.Keys)
            .Select(
                k => (k.Type, k.Id, Change: !before.ContainsKey(k) ? "added" : !after.ContainsKey(k) ? "removed" : before[k] == after[k] ? null : "changed"))
            .Where(c => c.Change is not null)
            .OrderBy(c => c.Type, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var atOnce = await client.GetAllPagesAsync($"/v1/releases/{secondId}/changes", 500);
        // The database joins the two releases' hashes and returns a page: paged two at a time (cursors across every type
        // boundary), the list is the same, in the same order.
        var twoAtATime = await client.GetAllPagesAsync($"/v1/releases/{secondId}/changes", 2);
        Assert.Equal(atOnce.Select(c => c.GetRawText()), twoAtATime.Select(c => c.GetRawText()));
        // Ordered by type (documents first, entities last) and then by id in code-point order, on every provider.
        var order = atOnce.Select(c => (Type: c.GetProperty("type").GetString()!, Id: c.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(
            order.OrderBy(c => RecordTypes.All.ToList().IndexOf(c.Type)).ThenBy(c => c.Id, StringComparer.Ordinal),
            order);
        Assert.True(order.Select(c => c.Type).Distinct().Count() > 3);
        var reported = atOnce
            .Select(c => (Type: c.GetProperty("type").GetString()!, Id: c.GetProperty("id").GetString()!, Change: (string?)c.GetProperty("change").GetString()))
            .OrderBy(c => c.Type, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, reported);

        // What that amounts to: outside the added document, exactly the edited and the removed paragraph, the
        // edited paragraph's numbers and the edited document itself.
        var outside = reported.Where(c => !c.Id.StartsWith(AddedDocument, StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [("paragraph", "ccpr-c-kaz-co-3/31", "changed"), ("paragraph", "ccpr-c-kaz-co-3/59", "removed")],
            outside.Where(c => c.Type == "paragraph"));
        Assert.Contains(("indicator", "ccpr-c-kaz-co-3/31/i1", "changed"), outside);
        Assert.Contains(("indicator", "ccpr-c-kaz-co-3/59/i1", "removed"), outside);
        // Other documents' numbers change only where the added document now attests the same fact.
        var elsewhere = outside.Where(c => c.Type == "indicator" && !c.Id.StartsWith("ccpr-c-kaz-co-3/31/", StringComparison.Ordinal)
            && !c.Id.StartsWith("ccpr-c-kaz-co-3/59/", StringComparison.Ordinal)).ToList();
        Assert.All(elsewhere, c => Assert.Equal(WithoutFact(before[(c.Type, c.Id)]), WithoutFact(after[(c.Type, c.Id)])));
        Assert.Equal([("document", EditedDocument, "changed")], outside.Where(c => c.Type == "document"));
        Assert.All(reported.Where(c => c.Id.StartsWith(AddedDocument, StringComparison.Ordinal)), c => Assert.Equal("added", c.Change));
        Assert.Contains(("document", AddedDocument, "added"), reported);

        var since = (await client.GetAllPagesAsync($"/v1/changes?since={first}", 500)).Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(reported.Count, since.Count);
        var filtered = await client.GetAllPagesAsync($"/v1/releases/{secondId}/changes?type=paragraph&document={EditedDocument}", 50);
        Assert.Equal(["ccpr-c-kaz-co-3/31", "ccpr-c-kaz-co-3/59"], filtered.Select(c => c.GetProperty("id").GetString()));
        var edited = filtered[0];
        Assert.Equal(JsonValueKind.String, edited.GetProperty("oldSha256").ValueKind);
        Assert.NotEqual(edited.GetProperty("oldSha256").GetString(), edited.GetProperty("newSha256").GetString());
        Assert.Equal(JsonValueKind.Null, filtered[1].GetProperty("newSha256").ValueKind);

        // The same data again publishes nothing.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<CorpusIngestor>().EnsureIngestedAsync(corpus.Folder, force: true);
            Assert.True(again.Ingested);
            Assert.Null(again.Release);
        }

        Assert.Equal(2, (await client.GetJsonAsync("/v1/releases")).GetProperty("total").GetInt32());
        Assert.Equal(etagAfter, (await client.GetAsync("/v1/paragraphs/ccpr-c-kaz-co-3/20")).Headers.ETag);
    }

    /// <summary>Reads the edited paragraph, alone and in a list page, until stopped: every answer must name one release
    /// in its ETag, its envelope and its citations, and show that release's text (75 per cent before, 76 after).
    /// Returns the releases seen.</summary>
    private static async Task<List<string>> ReadWhileReleasesSwitchAsync(
        HttpClient client, string firstRelease, TaskCompletionSource secondSeen, CancellationToken stop)
    {
        var seen = new List<string>();
        while (!stop.IsCancellationRequested)
        {
            using var list = await client.GetAsync("/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=50");
            var page = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement;
            var release = page.GetProperty("release").GetString()!;
            Assert.Contains(release, list.Headers.ETag!.Tag, StringComparison.Ordinal);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                Assert.EndsWith($"KzRights release {release}", item.GetProperty("citation").GetString(), StringComparison.Ordinal);
            }

            var paragraph = page.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "ccpr-c-kaz-co-3/31");
            Assert.Contains(release == firstRelease ? "75 per cent" : "76 per cent", paragraph.GetProperty("text").GetString(), StringComparison.Ordinal);
            seen.Add(release);
            if (release != firstRelease)
            {
                secondSeen.TrySetResult();
            }
        }

        return seen;
    }

    /// <summary>Every record as served, citations left out (they name the release, which differs by design).</summary>
    private static async Task<Dictionary<(string Type, string Id), string>> ServedRecordsAsync(HttpClient client)
    {
        var records = new Dictionary<(string Type, string Id), string>();
        foreach (var document in (await client.GetJsonAsync("/v1/documents?limit=500")).GetProperty("items").EnumerateArray())
        {
            var id = document.GetProperty("id").GetString()!;
            records[("document", id)] = WithoutCitations(await client.GetJsonAsync($"/v1/documents/{id}"));
        }

        // Entity lists leave the mentions out; the record is what /v1/entities/{id} serves.
        foreach (var entity in await client.GetAllPagesAsync("/v1/entities", 500))
        {
            var id = entity.GetProperty("id").GetString()!;
            records[("entity", id)] = WithoutCitations(await client.GetJsonAsync($"/v1/entities/{id}"));
        }

        foreach (var (type, route) in Collections)
        {
            foreach (var item in await client.GetAllPagesAsync(route, 500))
            {
                var id = (item.TryGetProperty("key", out var key) ? key : item.GetProperty("id")).GetString()!;
                records[(type, id)] = WithoutCitations(item);
            }
        }

        return records;
    }

    private static string WithoutFact(string record)
    {
        var node = JsonNode.Parse(record)!.AsObject();
        node.Remove("factId");
        return node.ToJsonString();
    }

    private static string WithoutCitations(JsonElement record)
    {
        var node = JsonNode.Parse(record.GetRawText())!;
        Strip(node);
        return node.ToJsonString();

        static void Strip(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                o.Remove("citation");
                foreach (var child in o.Select(p => p.Value).ToList())
                {
                    Strip(child);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var child in a)
                {
                    Strip(child);
                }
            }
        }
    }
}
