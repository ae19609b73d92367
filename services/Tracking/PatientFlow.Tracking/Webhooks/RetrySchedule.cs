using PatientFlow.Tracking.Feed;

namespace PatientFlow.Tracking.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the feed readers' <see cref="Backoff"/> from
/// <see cref="WebhookOptions.FirstRetryAfter"/> up to <see cref="WebhookOptions.LongestWait"/>. After
/// <see cref="WebhookOptions.RetryFor"/> from the first attempt the delivery is dead-lettered.
/// </summary>
public static class RetrySchedule
{
    /// <summary>The next attempt's time after failed attempt number <paramref name="attempts"/>, or null to dead-letter.</summary>
    public static DateTimeOffset? Next(WebhookOptions options, int attempts, DateTimeOffset firstAttemptAt, DateTimeOffset now, Random random)
    {
        var next = now + Backoff.After(attempts, options.FirstRetryAfter, options.LongestWait, random);
        return next - firstAttemptAt <= options.RetryFor ? next : null;
    }
}
