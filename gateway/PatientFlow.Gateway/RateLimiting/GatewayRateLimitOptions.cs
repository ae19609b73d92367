namespace PatientFlow.Gateway.RateLimiting;

/// <summary>A token bucket: how fast a partition may go, and how far ahead of that it may burst.</summary>
public class TokenBucket
{
    /// <summary>Tokens added back every second: the sustained request rate a partition may keep up.</summary>
    public int PermitsPerSecond { get; set; } = 200;

    /// <summary>Bucket size: how many requests a partition may fire at once after being idle.</summary>
    public int Burst { get; set; } = 400;
}

/// <summary>
/// From <c>Gateway:RateLimit</c>: the bucket per caller (token subject, after authentication), and under
/// <c>PerAddress</c> the bucket per client address, checked before any token is read.
/// </summary>
public sealed class GatewayRateLimitOptions : TokenBucket
{
    public const string Section = "Gateway:RateLimit";

    /// <summary>Roomier than a caller's: a clinic's staff may share one public address.</summary>
    public TokenBucket PerAddress { get; set; } = new() { PermitsPerSecond = 1000, Burst = 2000 };
}
