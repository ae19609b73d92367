using PatientFlow.AppHost.Launching;

namespace PatientFlow.EndToEnd.Tests.AppHost;

public sealed class LaunchOptionsTests
{
    [Theory]
    [InlineData("--bogus", "unknown option '--bogus'")]
    [InlineData("--port", "--port needs a value")]
    [InlineData("--port --fresh", "--port needs a value")]
    [InlineData("--port abc", "--port takes a whole number from 0 to 65534, not 'abc'")]
    [InlineData("--port 80 --port 81", "--port is given twice")]
    [InlineData("--replicas 9", "--replicas takes a whole number from 1 to 8, not '9'")]
    [InlineData("--seed 3", "--seed and --speed go with --simulate")]
    [InlineData("--simulate --speed 5000", "--speed takes a number from 1 to 1000 (simulated seconds per real second), not '5000'")]
    [InlineData("--infrastructure-only", "--infrastructure-only and --env-file go together")]
    [InlineData("--simulate --infrastructure-only --env-file x", "--simulate runs the whole platform; it does not go with --infrastructure-only")]
    public void Parse_UnknownOrConflictingOptions_OneLineAndExitCode2(string arguments, string message)
    {
        var parse = () => LaunchOptions.Parse(arguments.Split(' '));

        parse.Should().Throw<LaunchException>().Which.Should().Match<LaunchException>(e => e.Message == message && e.ExitCode == 2);
    }

    [Fact]
    public void Parse_NoOptions_GatewayOn8080DashboardOn18888DataInTheRepository()
    {
        var options = LaunchOptions.Parse([]);

        options.GatewayPort.Should().Be(8080);
        options.DashboardPort.Should().Be(18888);
        options.Replicas.Should().Be(1);
        options.DataDirectory.Should().Be(Path.Combine(options.RepoRoot, ".data"));
        options.Simulation.Should().BeNull();
        options.Clock.Should().BeNull();
    }

    [Fact]
    public void Parse_Simulate_FreshDataOfItsOwnAndAClockHeldAt0730InTheClinicsZone()
    {
        var now = new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

        var options = LaunchOptions.Parse(["--simulate", "--seed", "11", "--speed", "60", "--data", "/tmp/pf"], now);

        options.DataDirectory.Should().Be("/tmp/pf/simulation");
        options.Fresh.Should().BeTrue();
        options.Simulation.Should().Be(new SimulationRequest(11, 60));
        options.Clock!.StartFile.Should().Be("/tmp/pf/simulation/clock-start");
        options.Clock.Speed.Should().Be(60);
        // 07:30 in Chicago on 7 December is 13:30 UTC (CST, UTC-6).
        options.Clock.Origin.Should().Be(new DateTimeOffset(2026, 12, 7, 13, 30, 0, TimeSpan.Zero));
    }
}
