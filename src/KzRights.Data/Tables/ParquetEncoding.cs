using System.Collections.Concurrent;

namespace KzRights.Data.Tables;

/// <summary>Runs Parquet encoding one piece at a time on one thread of its own, the same thread every time.</summary>
/// <remarks>Parquet.Net and the Snappy compressor it uses rent their page buffers (a page is a column of a row group:
/// several MB for 10,000 paragraphs' text, an 8 MB buffer) from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which
/// keeps a returned array first in a slot of the returning thread, lent from there to that thread only. Encoded on the thread pool, a page's
/// buffers were rented on one thread and returned on another after an await of the file write, so each pool thread the
/// writer came to kept a set of its own: writing a dataset at 100,186 paragraphs ran on 13 pool threads, and a Parquet-only
/// reproduction (three tables, text columns) held 148 MB after a full collection at 25,000 rows a table, 231 MB at
/// 100,000 and 262 MB at 300,000, against 53 MB at 100,000 with every page encoded on one thread. One thread reuses one
/// set. The bytes written are the same: the same calls in the same order, on another thread.</remarks>
internal static class ParquetEncoding
{
    private static readonly BlockingCollection<Action> Work = [];

    private static readonly Lazy<Thread> Encoder = new(() =>
    {
        var thread = new Thread(() =>
        {
            foreach (var work in Work.GetConsumingEnumerable())
            {
                work();
            }
        })
        {
            IsBackground = true,
            Name = "Parquet encoder",
        };
        thread.Start();
        return thread;
    });

    /// <summary>Runs <paramref name="work"/> on the encoder thread; its awaits must complete synchronously (write to a
    /// <see cref="ParquetSpool"/>), so that it rents and returns every buffer there.</summary>
    public static Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        // Continuations run on the pool, never on the encoder thread, which only encodes.
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Encoder.Value;
        Work.Add(() =>
        {
            try
            {
                // Completed already when the stream completes every write at once; if one did not, blocking this thread
                // is safe (it has no synchronization context, so nothing waits for it to run a continuation).
                done.SetResult(work().GetAwaiter().GetResult());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        });
        return done.Task;
    }

    /// <inheritdoc cref="RunAsync{T}(Func{Task{T}})"/>
    public static Task RunAsync(Func<Task> work) => RunAsync(async () =>
    {
        await work();
        return true;
    });
}

/// <summary>Where the Parquet writer writes: chunks in memory, each write completed at once, emptied into the real
/// destination with <see cref="DrainAsync"/> after each row group. It holds at most one row group's encoded bytes, and
/// the destination is still only written asynchronously. Not seekable, like an HTTP response: the writer counts the bytes
/// itself for the offsets it records.</summary>
internal sealed class ParquetSpool : Stream
{
    private const int ChunkSize = 64 * 1024;

    private readonly List<byte[]> _chunks = [];
    private int _full;
    private int _used;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_full == _chunks.Count)
            {
                // Chunks are kept for the next row group: below the large object heap's 85,000 bytes, allocated once.
                _chunks.Add(new byte[ChunkSize]);
            }

            var chunk = _chunks[_full];
            var n = Math.Min(buffer.Length, ChunkSize - _used);
            buffer[..n].CopyTo(chunk.AsSpan(_used));
            buffer = buffer[n..];
            _used += n;
            if (_used == ChunkSize)
            {
                _full++;
                _used = 0;
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

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

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes what the spool holds to <paramref name="destination"/> and empties it.</summary>
    public async Task DrainAsync(Stream destination, CancellationToken ct)
    {
        for (var i = 0; i < _full; i++)
        {
            await destination.WriteAsync(_chunks[i], ct);
        }

        if (_used > 0)
        {
            await destination.WriteAsync(_chunks[_full].AsMemory(0, _used), ct);
        }

        _full = 0;
        _used = 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
