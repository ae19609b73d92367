namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary><c>Tracking:Webhooks</c>: retries, timeouts and, in development, which targets may be called.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Tracking:Webhooks";

    /// <summary>How long a delivery is retried from its first attempt before it is dead-lettered (at least 3 days by default).</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan LongestWait { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long one attempt may take, connection included.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Deliveries in flight at once across visits; a visit's own deliveries always go one at a time.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>
    /// Development only: lets subscriptions target private, loopback and link-local addresses (a receiver on the
    /// developer's machine; the development settings set it). Ignored in every other environment, where a subscription
    /// must not become a way into the platform's own network (<see cref="TargetPolicy"/>).
    /// </summary>
    public bool AllowPrivateTargets { get; set; }
}
