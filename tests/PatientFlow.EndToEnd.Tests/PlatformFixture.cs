using PatientFlow.Testing.Platform;

namespace PatientFlow.EndToEnd.Tests;

/// <summary>The whole platform, started once for these tests from the app host's model, driven through the gateway.</summary>
public sealed class PlatformFixture : RunningPlatform
{
    protected override PlatformSettings Settings() => new("e2e")
    {
        // A roomed card turns amber after 3 s instead of 10 min, so the board page's colour can be seen to change within a test.
        Environment = new Dictionary<string, string>
        {
            ["Tracking__Board__Thresholds__roomed__Amber"] = "00:00:03",
            ["Tracking__Board__Thresholds__roomed__Red"] = "00:10:00",
        },
    };
}
