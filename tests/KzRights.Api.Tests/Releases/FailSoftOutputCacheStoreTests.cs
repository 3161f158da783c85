using System.Buffers;
using System.IO.Pipelines;
using KzRights.Api.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;

namespace KzRights.Api.Tests.Releases;

/// <summary>The wrapper around a shared output-cache store: its outage is a cache miss, never an error.</summary>
public sealed class FailSoftOutputCacheStoreTests
{
    [Fact]
    public async Task A_healthy_store_is_read_and_written_through_unchanged()
    {
        var store = new RecordingStore();
        var failSoft = Wrap(store, new ManualTime());
        await failSoft.SetAsync("k", new ReadOnlySequence<byte>([1, 2, 3]), new[] { "t" }, TimeSpan.FromMinutes(1), default);
        var pipe = new Pipe();
        Assert.True(await failSoft.TryGetAsync("k", pipe.Writer, default));
        await pipe.Writer.CompleteAsync();
        var read = await pipe.Reader.ReadAsync();
        Assert.Equal([1, 2, 3], read.Buffer.ToArray());
        Assert.False(await failSoft.TryGetAsync("other", new Pipe().Writer, default));
        await failSoft.EvictByTagAsync("t", default);
        Assert.Null(await failSoft.GetAsync("k", default));
    }

    [Fact]
    public async Task A_failing_store_read_is_a_miss_and_a_failing_write_or_eviction_is_skipped()
    {
        var store = new RecordingStore { Failing = true };
        var failSoft = Wrap(store, new ManualTime());
        Assert.Null(await failSoft.GetAsync("k", default));
        Assert.False(await failSoft.TryGetAsync("k", new Pipe().Writer, default));
        await failSoft.SetAsync("k", [1], null, TimeSpan.FromMinutes(1), default);
        await failSoft.EvictByTagAsync("t", default);
        Assert.True(store.Calls >= FailSoftOutputCacheStore.MinimumThroughput);
    }

    [Fact]
    public async Task After_repeated_failures_the_store_is_left_alone_until_the_break_ends_and_then_probed()
    {
        var time = new ManualTime();
        var store = new RecordingStore { Failing = true };
        var failSoft = Wrap(store, time);
        for (var i = 0; i < FailSoftOutputCacheStore.MinimumThroughput; i++)
        {
            Assert.Null(await failSoft.GetAsync("k", default));
        }

        var callsWhenOpened = store.Calls;
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(await failSoft.GetAsync("k", default));
            await failSoft.SetAsync("k", [1], null, TimeSpan.FromMinutes(1), default);
        }

        Assert.Equal(callsWhenOpened, store.Calls);

        store.Failing = false;
        time.Advance(FailSoftOutputCacheStore.BreakDuration + TimeSpan.FromSeconds(1));
        await failSoft.SetAsync("k", [7], null, TimeSpan.FromMinutes(1), default);
        Assert.Equal(callsWhenOpened + 1, store.Calls);
        Assert.Equal([7], await failSoft.GetAsync("k", default));
    }

    [Fact]
    public async Task A_cancelled_request_is_still_cancelled_rather_than_answered_as_a_miss()
    {
        var failSoft = Wrap(new RecordingStore(), new ManualTime());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await failSoft.GetAsync("k", cancelled.Token));
    }

    private static FailSoftOutputCacheStore Wrap(IOutputCacheStore store, TimeProvider time) =>
        new(store, NullLogger<FailSoftOutputCacheStore>.Instance, time);

    /// <summary>Polly's breaker reads the clock from here, so the break can end without waiting for it.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }

    /// <summary>An in-memory buffer store that can be told to fail like an unreachable Redis.</summary>
    private sealed class RecordingStore : IOutputCacheBufferStore
    {
        private readonly Dictionary<string, byte[]> entries = [];

        public bool Failing { get; set; }

        public int Calls { get; private set; }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            Enter(cancellationToken);
            return ValueTask.FromResult(entries.GetValueOrDefault(key));
        }

        public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
        {
            Enter(cancellationToken);
            if (!entries.TryGetValue(key, out var value))
            {
                return false;
            }

            await destination.WriteAsync(value, cancellationToken);
            return true;
        }

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Enter(cancellationToken);
            entries[key] = value;
            return ValueTask.CompletedTask;
        }

        public ValueTask SetAsync(
            string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Enter(cancellationToken);
            entries[key] = value.ToArray();
            return ValueTask.CompletedTask;
        }

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Enter(cancellationToken);
            entries.Clear();
            return ValueTask.CompletedTask;
        }

        private void Enter(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Calls++;
            if (Failing)
            {
                throw new TimeoutException("The message timed out in the backlog attempting to send because no connection became available");
            }
        }
    }
}
