namespace PatientFlow.Gateway.RateLimiting;

/// <summary>Token bucket per caller, from <c>Gateway:RateLimit</c>.</summary>
public sealed class GatewayRateLimitOptions
{
    public const string Section = "Gateway:RateLimit";

    /// <summary>Tokens added back every second: the sustained request rate a caller may keep up.</summary>
    public int PermitsPerSecond { get; set; } = 200;

    /// <summary>Bucket size: how many requests a caller may fire at once after being idle.</summary>
    public int Burst { get; set; } = 400;
}
