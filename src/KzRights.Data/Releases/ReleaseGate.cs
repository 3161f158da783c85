namespace KzRights.Data.Releases;

/// <summary>Keeps a release switch from showing inside one answer of this instance: a read holds the gate from the
/// moment it resolves its release until its answer is written; a publish closes the gate, waits for the reads in
/// flight, commits, updates the instance's memory of the latest release, and opens it again. Reads wait only for
/// that commit (milliseconds). .NET has no async reader/writer lock, hence this small one.</summary>
public sealed class ReleaseGate
{
    private readonly SemaphoreSlim _publishers = new(1, 1);
    private int _readers;
    private volatile TaskCompletionSource? _closed;

    /// <summary>Enter as a reader; dispose to leave.</summary>
    public async ValueTask<IDisposable> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            if (_closed is { } closed)
            {
                await closed.Task.WaitAsync(ct);
            }

            Interlocked.Increment(ref _readers);
            if (_closed is null)
            {
                return new Reader(this);
            }

            Interlocked.Decrement(ref _readers);
        }
    }

    /// <summary>Runs <paramref name="publish"/> with no read in flight and none starting.</summary>
    public async Task PublishAsync(Func<Task> publish, CancellationToken ct)
    {
        await _publishers.WaitAsync(ct);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _closed = closed;
        try
        {
            while (Volatile.Read(ref _readers) > 0)
            {
                await Task.Delay(1, ct);
            }

            await publish();
        }
        finally
        {
            _closed = null;
            closed.SetResult();
            _publishers.Release();
        }
    }

    private sealed class Reader(ReleaseGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref gate._readers);
            }
        }
    }
}
