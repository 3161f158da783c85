using System.Runtime.ExceptionServices;
using GraphQL.DataLoader;

namespace KzRights.Api.GraphQL;

/// <summary>A per-request batch loader (GraphQL.DataLoader is not on our package mirror, so this is our own).
/// <see cref="Load"/> only records the key and returns a pending result; graphql-dotnet's execution strategies set
/// such results aside until every other field of the current level has run, so by the time the first one is awaited
/// all keys of the level are known and one query-service call fetches them together. Results are kept for the rest
/// of the request, so a key asked for again later costs nothing.</summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _sync = new();
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue?> _done = [];
    private readonly Dictionary<TKey, ExceptionDispatchInfo> _failed = [];

    // Dispatches must not overlap: the query services share the request's DbContext.
    private readonly SemaphoreSlim _dispatch = new(1, 1);

    public PendingResult<TValue?> Load(TKey key)
    {
        lock (_sync)
        {
            if (!_done.ContainsKey(key) && !_failed.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }

        return new PendingResult<TValue?>(ct => GetAsync(key, ct));
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken ct)
    {
        if (!TryGet(key, out var value))
        {
            await _dispatch.WaitAsync(ct);
            try
            {
                if (!TryGet(key, out value))
                {
                    await DispatchAsync(ct);
                    TryGet(key, out value);
                }
            }
            finally
            {
                _dispatch.Release();
            }
        }

        return value;
    }

    private bool TryGet(TKey key, out TValue? value)
    {
        lock (_sync)
        {
            if (_failed.TryGetValue(key, out var error))
            {
                error.Throw();
            }

            return _done.TryGetValue(key, out value);
        }
    }

    private async Task DispatchAsync(CancellationToken ct)
    {
        TKey[] keys;
        lock (_sync)
        {
            keys = [.. _pending];
            _pending.Clear();
        }

        try
        {
            var values = await fetch(keys, ct);
            lock (_sync)
            {
                foreach (var key in keys)
                {
                    _done[key] = values.GetValueOrDefault(key);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Every field waiting on this batch reports the error, not just the one that happened to dispatch it.
            var error = ExceptionDispatchInfo.Capture(ex);
            lock (_sync)
            {
                foreach (var key in keys)
                {
                    _failed[key] = error;
                }
            }
        }
    }
}

/// <summary>A pending value for graphql-dotnet: the strategy awaits it after the current level's other fields.</summary>
public sealed class PendingResult<T>(Func<CancellationToken, Task<T>> get) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => get(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await get(cancellationToken);

    /// <summary>Transforms the value once it is loaded, still deferred.</summary>
    public PendingResult<TOut> Then<TOut>(Func<T, TOut> map) => new(async ct => map(await get(ct)));
}
