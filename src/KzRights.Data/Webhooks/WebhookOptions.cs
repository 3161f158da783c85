using System.ComponentModel.DataAnnotations;
namespace KzRights.Data.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>: the retry schedule, the dispatcher's pace and what receivers may be.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>How often an idle dispatcher looks for due deliveries.</summary>
    [Range(0d, double.MaxValue, MinimumIsExclusive = true, ErrorMessage = "Webhooks:{0} must be more than 0")]
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>Delay before the first retry; each further retry doubles it up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    [Range(0d, double.MaxValue, MinimumIsExclusive = true, ErrorMessage = "Webhooks:{0} must be more than 0")]
    public double FirstRetryDelaySeconds { get; set; } = 30;

    [Range(0d, double.MaxValue, MinimumIsExclusive = true, ErrorMessage = "Webhooks:{0} must be more than 0")]
    public double MaxRetryDelaySeconds { get; set; } = 3600;

    /// <summary>A failed delivery is retried until this long after it was written (then it is marked failed): 24 hours.</summary>
    [Range(0d, double.MaxValue, ErrorMessage = "Webhooks:{0} must not be negative")]
    public double RetryWindowSeconds { get; set; } = 24 * 3600;

    /// <summary>Longest a receiver may take to answer one attempt.</summary>
    [Range(0d, double.MaxValue, MinimumIsExclusive = true, ErrorMessage = "Webhooks:{0} must be more than 0")]
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>How long an instance's claim on a delivery holds; another instance retries it only after that
    /// (a crashed sender). Longer than <see cref="TimeoutSeconds"/>, so a slow answer is never sent twice at once.</summary>
    [Range(0d, double.MaxValue, MinimumIsExclusive = true, ErrorMessage = "Webhooks:{0} must be more than 0")]
    public double LeaseSeconds { get; set; } = 60;

    /// <summary>Deliveries one instance claims per poll.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Webhooks:{0} must be at least 1")]
    public int BatchSize { get; set; } = 20;

    /// <summary>Whether receivers may be on loopback, private, link-local or otherwise internal addresses. Off by default
    /// (server-side request forgery: an admin key must not turn the API into a probe of its own network); tests and a
    /// receiver on the same host turn it on.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>When not empty, the only host names receivers may have.</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>The API's public address (<c>https://api.example.org</c>); when set, payload links are absolute.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Delay after <paramref name="failedAttempts"/> failed attempts: exponential, with "equal jitter" (half the
    /// delay fixed, half random) so receivers that fail together are not retried together.</summary>
    public TimeSpan RetryDelay(int failedAttempts, Random random)
    {
        var exponential = FirstRetryDelaySeconds * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var capped = Math.Min(exponential, MaxRetryDelaySeconds);
        return TimeSpan.FromSeconds((capped / 2) + (random.NextDouble() * capped / 2));
    }
}
