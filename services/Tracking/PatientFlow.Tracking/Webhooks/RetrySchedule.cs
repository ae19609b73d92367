namespace PatientFlow.Tracking.Webhooks;

/// <summary>
/// When a failed delivery is tried again: exponential backoff from <see cref="WebhookOptions.FirstRetryAfter"/>,
/// doubling up to <see cref="WebhookOptions.LongestWait"/>, each wait spread by ±20% jitter so a receiver coming
/// back is not hit by every queued retry at once. After <see cref="WebhookOptions.RetryFor"/> from the first attempt
/// the delivery is dead-lettered.
/// </summary>
public static class RetrySchedule
{
    /// <summary>The next attempt's time after failed attempt number <paramref name="attempts"/>, or null to dead-letter.</summary>
    public static DateTimeOffset? Next(WebhookOptions options, int attempts, DateTimeOffset firstAttemptAt, DateTimeOffset now, Random random)
    {
        var exponent = Math.Min(attempts - 1, 30);
        var wait = TimeSpan.FromTicks((long)Math.Min(options.FirstRetryAfter.Ticks * Math.Pow(2, exponent), options.LongestWait.Ticks));
        var jittered = wait * (0.8 + (random.NextDouble() * 0.4));
        var next = now + jittered;
        return next - firstAttemptAt <= options.RetryFor ? next : null;
    }
}
