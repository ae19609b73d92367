namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// How long an in-order feed reader waits before trying the same delivery again: doubling from the first wait up
/// to the longest, spread by ±20% jitter so receivers coming back are not hit by every reader at the same instant.
/// </summary>
public static class Backoff
{
    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1 for the first).</summary>
    public static TimeSpan After(int attempt, TimeSpan first, TimeSpan longest, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var doubled = first.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(doubled, longest.Ticks));
        return wait * (0.8 + (random.NextDouble() * 0.4));
    }
}
