using System.Buffers;
using System.IO.Pipelines;
using KzRights.Data;
using Microsoft.AspNetCore.OutputCaching;
using Polly;
using Polly.CircuitBreaker;

namespace KzRights.Api.Infrastructure;

/// <summary>Keeps the API answering when the shared output-cache store (Redis) cannot be reached: a failed read is a
/// miss, a failed write or eviction is skipped, and the answer comes from the database. Without it a Redis outage is
/// every request's outage (its timeout surfaced as a 503) and an instance cannot even start (publishing a release
/// evicts the cache). Skipping is safe because cache keys name the release, so an entry left behind by a skipped
/// eviction is never served for a newer release.</summary>
/// <remarks>Polly's circuit breaker stops paying the store's timeout (StackExchange.Redis: 5 s by default) on every
/// request during an outage: after <see cref="MinimumThroughput"/> operations in <see cref="SamplingDuration"/> of which
/// half failed, the store is left alone for <see cref="BreakDuration"/>, then one operation probes it.</remarks>
public sealed class FailSoftOutputCacheStore : IOutputCacheBufferStore, IAsyncDisposable, IDisposable
{
    public const int MinimumThroughput = 2;
    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private readonly IOutputCacheStore inner;
    private readonly ResiliencePipeline pipeline;
    private readonly ILogger logger;

    public FailSoftOutputCacheStore(IOutputCacheStore inner, ILogger<FailSoftOutputCacheStore> logger, TimeProvider? time = null)
    {
        this.inner = inner;
        this.logger = logger;
        pipeline = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = MinimumThroughput,
                SamplingDuration = SamplingDuration,
                BreakDuration = BreakDuration,
                // A cancelled request is not the store's fault; everything else the store throws is.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                OnOpened = args =>
                {
                    logger.LogWarning(
                        "The output-cache store is failing ({Reason}); answers come from the database without it for {Seconds} s",
                        args.Outcome.Exception?.Message ?? "no answer", args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("The output-cache store answers again");
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Wraps the registered <see cref="IOutputCacheStore"/> (the Redis store is an internal type that only its
    /// registration method creates, so the wrapper takes over that registration instead of naming the type).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore))
            ?? throw new InvalidOperationException("No output-cache store is registered to wrap.");
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(provider => new FailSoftOutputCacheStore(
            registered.ImplementationInstance as IOutputCacheStore
                ?? registered.ImplementationFactory?.Invoke(provider) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
            provider.GetRequiredService<ILogger<FailSoftOutputCacheStore>>()));
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        await TryAsync("get", static (s, ct) => s.inner.GetAsync(s.key, ct), (inner, key), null, cancellationToken);

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (inner is not IOutputCacheBufferStore buffers)
        {
            // Same contract as ASP.NET Core's own fallback for stores without buffer support.
            var bytes = await GetAsync(key, cancellationToken);
            if (bytes is null)
            {
                return false;
            }

            await destination.WriteAsync(bytes, cancellationToken);
            return true;
        }

        return await TryAsync("get", static (s, ct) => s.buffers.TryGetAsync(s.key, s.destination, ct), (buffers, key, destination), false, cancellationToken);
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        await TryAsync("set", static async (s, ct) =>
        {
            await s.inner.SetAsync(s.key, s.value, s.tags, s.validFor, ct);
            return true;
        }, (inner, key, value, tags, validFor), false, cancellationToken);

    public async ValueTask SetAsync(
        string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (inner is not IOutputCacheBufferStore buffers)
        {
            await SetAsync(key, value.ToArray(), tags.IsEmpty ? null : tags.ToArray(), validFor, cancellationToken);
            return;
        }

        await TryAsync("set", static async (s, ct) =>
        {
            await s.buffers.SetAsync(s.key, s.value, s.tags, s.validFor, ct);
            return true;
        }, (buffers, key, value, tags, validFor), false, cancellationToken);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        await TryAsync("evict", static async (s, ct) =>
        {
            await s.inner.EvictByTagAsync(s.tag, ct);
            return true;
        }, (inner, tag), false, cancellationToken);

    /// <summary>Runs one store operation through the breaker; its failure (or an open breaker) yields
    /// <paramref name="otherwise"/>. Cancellation of the request itself still propagates.</summary>
    private async ValueTask<T> TryAsync<TState, T>(
        string operation, Func<TState, CancellationToken, ValueTask<T>> run, TState state, T otherwise, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(run, state, cancellationToken);
        }
        // An open breaker is a skip whatever the request's state; any other exception of a cancelled request propagates.
        catch (Exception e) when (e is BrokenCircuitException || !cancellationToken.IsCancellationRequested)
        {
            KzRightsMetrics.OutputCacheStoreFailures.Add(1, new KeyValuePair<string, object?>("operation", operation));
            if (e is not BrokenCircuitException)
            {
                logger.LogDebug(e, "Output-cache {Operation} failed; served without the cache", operation);
            }

            return otherwise;
        }
    }

    public async ValueTask DisposeAsync()
    {
        switch (inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
