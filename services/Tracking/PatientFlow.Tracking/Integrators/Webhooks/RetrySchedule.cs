using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the feed readers' <see cref="Backoff"/> from
/// <see cref="WebhookOptions.FirstRetryAfter"/> up to <see cref="WebhookOptions.LongestWait"/>. After
/// <see cref="WebhookOptions.RetryFor"/> the delivery is dead-lettered: the attempt that fails once that much time has
/// passed since the first is the last, so a receiver gets retries for at least that long.
/// </summary>
public static class RetrySchedule
{
    /// <summary>The next attempt's time after failed attempt number <paramref name="attempts"/>, or null to dead-letter.</summary>
    public static DateTimeOffset? Next(WebhookOptions options, int attempts, DateTimeOffset firstAttemptAt, DateTimeOffset now, Random random) =>
        now - firstAttemptAt >= options.RetryFor
            ? null
            : now + Backoff.After(attempts, options.FirstRetryAfter, options.LongestWait, random);
}
