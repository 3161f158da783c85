using KzRights.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests;

/// <summary>Id lists as large as a big corpus produces (every entity, every search match) stay one query parameter:
/// SQLite refuses more than 32,766 variables in a statement.</summary>
[Collection(ApiCollection.Name)]
public sealed class LargeIdListTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_list_of_forty_thousand_ids_filters_in_one_statement(string provider)
    {
        await using var scope = api.Factory(provider).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        var ids = Enumerable.Range(0, 40_000).Select(i => $"no-such-document/{i}").Append("ccpr-c-kaz-co-3/20").ToArray();
        Assert.Equal(1, await db.Paragraphs.CountAsync(p => ids.Contains(p.Id)));
    }
}
