using System.Collections.Concurrent;
using System.Data.Common;
using KzRights.Api.Tests.GraphQL;
using KzRights.Data.Queries;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests;

/// <summary>A list streamed as a table (CSV or NDJSON without <c>limit</c>) hands over each row as the database sends it.
/// On PostgreSQL, whose execution strategy retries, EF Core would otherwise read the whole result before the first row
/// and the server's memory would grow with the rows streamed.</summary>
[Collection(ApiCollection.Name)]
public sealed class StreamingTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_streamed_table_gets_its_first_row_while_the_database_reader_is_still_open(string provider)
    {
        var readers = new IndicatorReaders();
        await using var host = api.Factory(provider).WithInterceptor(readers);
        await using var scope = host.Services.CreateAsyncScope();
        var query = await scope.ServiceProvider.GetRequiredService<IndicatorQueries>().TableAsync(new IndicatorFilter(), CancellationToken.None);
        var total = await query.CountAsync(CancellationToken.None);

        readers.Watching = true;
        var (openAtFirstRow, streamed) = await query.StreamAsync(async rows =>
        {
            bool? readerOpen = null;
            var count = 0L;
            await foreach (var _ in rows)
            {
                readerOpen ??= readers.Opened.Single() is { IsClosed: false };
                count++;
            }

            return (readerOpen, count);
        }, CancellationToken.None);

        Assert.True(total > 500, $"the corpus has {total} indicators");
        Assert.Equal(total, streamed);
        // Buffered, the reader has been read to its end and closed before the first row is handed over.
        Assert.True(openAtFirstRow);
        Assert.True(readers.Opened.Single().IsClosed);
    }

    /// <summary>The readers of indicator rows queries (not counts) opened once <see cref="Watching"/> is set.</summary>
    private sealed class IndicatorReaders : DbCommandInterceptor
    {
        // SQLite quotes every identifier, Npgsql only those that need it.
        private static readonly System.Text.RegularExpressions.Regex IndicatorsTable = new("FROM \"?indicators\"? ");

        public volatile bool Watching;

        public ConcurrentQueue<DbDataReader> Opened { get; } = new();

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Watching && IndicatorsTable.IsMatch(command.CommandText) && !command.CommandText.Contains("COUNT(", StringComparison.Ordinal))
            {
                Opened.Enqueue(result);
            }

            return ValueTask.FromResult(result);
        }
    }
}
