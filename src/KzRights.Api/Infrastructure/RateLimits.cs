using System.Globalization;
using System.Threading.RateLimiting;
using KzRights.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace KzRights.Api.Infrastructure;

/// <summary>The <c>RateLimiting</c> configuration section: per-client budgets over a window. A client is its API key
/// when it sends one, else its IP address (the proxy's client address when the proxy is trusted, see
/// <see cref="TrustedProxies"/>).</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Off only for benchmarks and crawls run against a private instance.</summary>
    public bool Enabled { get; set; } = true;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests per window for a client without a key (every route but the health probes, GraphQL included).</summary>
    public int RequestsPerWindow { get; set; } = 300;

    /// <summary>Requests per window for a client with a valid key.</summary>
    public int KeyedRequestsPerWindow { get; set; } = 3_000;

    /// <summary>GraphQL cost (<c>extensions.cost.complexity</c>) per window for a client without a key.</summary>
    public int GraphQLCostPerWindow { get; set; } = 300_000;

    /// <summary>GraphQL cost per window for a client with a valid key.</summary>
    public int KeyedGraphQLCostPerWindow { get; set; } = 3_000_000;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

/// <summary>Who is asking, for the budgets: the API key's id, else the client address.</summary>
public readonly record struct Caller(string Partition, bool HasKey)
{
    /// <summary>Set by the key check (<c>ApiKeys</c>) for a request that carries a valid key.</summary>
    public const string KeyIdItem = "kzrights.apiKeyId";

    /// <summary>Requests no budget applies to (health probes, CORS preflights).</summary>
    public static readonly Caller Unlimited = new(string.Empty, HasKey: false);

    public static Caller Of(HttpContext http) => http.Items[KeyIdItem] is string keyId
        ? new Caller("key:" + keyId, HasKey: true)
        : new Caller("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), HasKey: false);
}

/// <summary>A per-caller token bucket holding <c>quota</c> tokens and refilling at <c>quota</c> per window (so a client
/// may burst to the whole quota, and sustain it). Refills come at least a second apart, in whole tokens.</summary>
public sealed class CallerBudget : IDisposable
{
    private readonly TimeSpan _window;
    private readonly int _anonymousQuota;
    private readonly int _keyedQuota;

    public CallerBudget(string name, TimeSpan window, int anonymousQuota, int keyedQuota)
    {
        Name = name;
        _window = window;
        _anonymousQuota = anonymousQuota;
        _keyedQuota = keyedQuota;
        Limiter = PartitionedRateLimiter.Create<Caller, string>(caller => caller == Caller.Unlimited
            ? RateLimitPartition.GetNoLimiter(caller.Partition)
            : RateLimitPartition.GetTokenBucketLimiter(caller.Partition, _ => Bucket(QuotaOf(caller))));
    }

    /// <summary>The policy name in the <c>RateLimit</c> and <c>RateLimit-Policy</c> headers.</summary>
    public string Name { get; }

    public PartitionedRateLimiter<Caller> Limiter { get; }

    public int QuotaOf(Caller caller) => caller.HasKey ? _keyedQuota : _anonymousQuota;

    /// <summary>Takes <paramref name="permits"/> tokens (at most the caller's whole quota) if the caller has them.</summary>
    public RateLimitLease Take(Caller caller, int permits) => Limiter.AttemptAcquire(caller, Math.Clamp(permits, 1, QuotaOf(caller)));

    /// <summary><c>"name";q=…;w=…</c> (draft-ietf-httpapi-ratelimit-headers).</summary>
    public string Policy(Caller caller) => FormattableString.Invariant($"\"{Name}\";q={QuotaOf(caller)};w={(int)_window.TotalSeconds}");

    /// <summary><c>"name";r=…;t=…</c>: tokens left and the seconds until the bucket is full again.</summary>
    public string Remaining(Caller caller)
    {
        var quota = QuotaOf(caller);
        var left = Math.Clamp(Limiter.GetStatistics(caller)?.CurrentAvailablePermits ?? quota, 0, quota);
        return FormattableString.Invariant($"\"{Name}\";r={left};t={SecondsToRefill(quota, quota - left)}");
    }

    /// <summary>When a lease was refused: the limiter's own figure, else the time the missing tokens take to refill.</summary>
    public int RetryAfterSeconds(Caller caller, RateLimitLease lease, int permits) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : Math.Max(1, SecondsToRefill(QuotaOf(caller), Math.Clamp(permits, 1, QuotaOf(caller))));

    private int SecondsToRefill(long quota, long missing) => (int)Math.Ceiling(missing * _window.TotalSeconds / quota);

    private TokenBucketRateLimiterOptions Bucket(int quota)
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, _window.Ticks / quota));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = quota,
            TokensPerPeriod = (int)Math.Ceiling((double)quota * period.Ticks / _window.Ticks),
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = false, // the partitioned limiter replenishes its buckets on one timer
        };
    }

    public void Dispose() => Limiter.Dispose();
}

/// <summary>ASP.NET Core's rate limiter with two per-caller budgets: requests (every route but the health probes) and
/// GraphQL cost (charged by <c>QueryLimitsRule</c> once a document's cost is known). Refusals are 429 problem+json with
/// <c>code</c> <c>TOO_MANY_REQUESTS</c> and <c>Retry-After</c>; every limited answer carries <c>RateLimit-Policy</c> and
/// <c>RateLimit</c>.</summary>
public static class RateLimits
{
    public const string RateLimitHeader = "RateLimit";
    public const string RateLimitPolicyHeader = "RateLimit-Policy";

    public static IServiceCollection AddKzRightsRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitingOptions>(RateLimitingOptions.SectionName).Validate(
            o => o.WindowSeconds >= 1 && o.RequestsPerWindow >= 1 && o.KeyedRequestsPerWindow >= 1
                && o.GraphQLCostPerWindow >= 1 && o.KeyedGraphQLCostPerWindow >= 1,
            "RateLimiting: WindowSeconds and every budget must be at least 1.");
        services.AddTrustedProxies(configuration);
        services.ConfigureSwaggerGen(o => o.OperationFilter<RateLimitDocumentation>());

        // Built only when RateLimiting:Enabled is true: UseKzRightsRateLimiting and GraphQL execution ask for them then.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<RateLimitingOptions>();
            return new RequestBudget(new CallerBudget("requests", options.Window, options.RequestsPerWindow, options.KeyedRequestsPerWindow));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<RateLimitingOptions>();
            return new GraphQLCostBudget(new CallerBudget("graphql-cost", options.Window, options.GraphQLCostPerWindow, options.KeyedGraphQLCostPerWindow));
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RequestBudget>((o, requests) =>
        {
            o.GlobalLimiter = requests.Budget.Limiter.WithTranslatedKey<HttpContext>(
                http => IsExempt(http) ? Caller.Unlimited : Caller.Of(http), leaveOpen: true);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, _) =>
            {
                var caller = Caller.Of(context.HttpContext);
                await WriteTooManyRequestsAsync(context.HttpContext, requests.Budget, caller, requests.Budget.RetryAfterSeconds(caller, context.Lease, 1),
                    "This client has used its request budget for now.");
            };
        });
        return services;
    }

    /// <summary>After CORS (a 429 must be readable by the page that caused it) and after the key check.</summary>
    public static IApplicationBuilder UseKzRightsRateLimiting(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<RateLimitingOptions>().Enabled)
        {
            return app;
        }

        var requests = app.ApplicationServices.GetRequiredService<RequestBudget>();
        var cost = app.ApplicationServices.GetRequiredService<GraphQLCostBudget>();
        app.Use((http, next) =>
        {
            if (!IsExempt(http))
            {
                http.Response.OnStarting(() =>
                {
                    // A 429 wrote the refusing budget's figures; any other answer (one replayed from the output cache
                    // included) gets this request's figures, never stored ones.
                    if (http.Response.StatusCode != StatusCodes.Status429TooManyRequests)
                    {
                        var caller = Caller.Of(http);
                        var budgets = http.Request.Path.StartsWithSegments("/graphql") ? new[] { requests.Budget, cost.Budget } : [requests.Budget];
                        http.Response.Headers[RateLimitPolicyHeader] = string.Join(", ", budgets.Select(b => b.Policy(caller)));
                        http.Response.Headers[RateLimitHeader] = string.Join(", ", budgets.Select(b => b.Remaining(caller)));
                    }

                    return Task.CompletedTask;
                });
            }

            return next(http);
        });
        return app.UseRateLimiter();
    }

    /// <summary>429 problem+json with <c>Retry-After</c> and the refusing budget's headers.</summary>
    public static async Task WriteTooManyRequestsAsync(HttpContext http, CallerBudget budget, Caller caller, int retryAfterSeconds, string detail)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers[RateLimitPolicyHeader] = budget.Policy(caller);
        http.Response.Headers[RateLimitHeader] = budget.Remaining(caller);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"{detail} Retry after {retryAfterSeconds} seconds{(caller.HasKey ? "." : ", or send an API key for a larger budget.")}",
                Extensions = { ["code"] = ErrorCodes.TooManyRequests },
            },
        });
    }

    /// <summary>Probes must answer whatever a client does, and a CORS preflight costs nothing to answer.</summary>
    private static bool IsExempt(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/health")
        || (HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers.ContainsKey("Access-Control-Request-Method"));
}

/// <summary>The per-caller request budget (a type of its own so the two budgets are told apart in DI).</summary>
public sealed record RequestBudget(CallerBudget Budget);

/// <summary>The per-caller GraphQL cost budget; not used when rate limiting is off.</summary>
public sealed record GraphQLCostBudget(CallerBudget Budget);
