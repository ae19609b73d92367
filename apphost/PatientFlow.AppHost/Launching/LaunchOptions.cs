using System.Globalization;
using PatientFlow.ServiceDefaults.Time;

namespace PatientFlow.AppHost.Launching;

/// <summary>
/// What <c>./run.sh</c> passes: <c>--port N</c>, <c>--replicas N</c>, <c>--fresh</c>, <c>--data DIR</c>,
/// <c>--simulate [--seed N] [--speed N]</c>, and for <c>./test.sh</c> <c>--infrastructure-only --env-file FILE</c>.
/// </summary>
public sealed record LaunchOptions
{
    public const string Usage =
        "usage: ./run.sh [--port N] [--replicas N] [--fresh] [--data DIR] [--simulate [--seed N] [--speed N]] [--infrastructure-only --env-file FILE]";

    /// <summary>Where the simulator's clinics are (its ClinicPlan.Zone): their day starts at 07:30 there.</summary>
    private const string SimulatedClinicsZone = "America/Chicago";

    /// <summary>The folder holding PatientFlow.sln.</summary>
    public required string RepoRoot { get; init; }

    /// <summary>Server data, passwords and the signing key: <c>&lt;repo&gt;/.data</c> unless set.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The gateway's port on localhost (its gRPC port is the next one); 0 picks free ones.</summary>
    public int GatewayPort { get; init; } = 8080;

    /// <summary>Processes per business service (not the gateway), behind one address each.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Wipe the data folder first: new databases, queues, passwords and signing key.</summary>
    public bool Fresh { get; init; }

    /// <summary>Only PostgreSQL and RabbitMQ, whose addresses go to this file once both are healthy.</summary>
    public string? InfrastructureOnly { get; init; }

    public SimulationRequest? Simulation { get; init; }

    /// <summary>An accelerated clock every process shares (<c>PatientFlow:Clock</c>); real time when null.</summary>
    public HeldClockSettings? Clock { get; init; }

    /// <summary>The dashboard's port: 18888 beside the default gateway port, and as far from the gateway's as that otherwise.</summary>
    public int DashboardPort => GatewayPort > 0 ? GatewayPort + 10808 : 0;

    public static LaunchOptions Parse(string[] args) => Parse(args, DateTimeOffset.UtcNow);

    public static LaunchOptions Parse(string[] args, DateTimeOffset now)
    {
        var root = FindRepoRoot();
        string? data = null, envFile = null;
        int? port = null, replicas = null, seed = null;
        double? speed = null;
        bool fresh = false, simulate = false, infrastructureOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port": port = Once(port, "--port", Number(args, ref i, 0, 65534)); break;
                case "--replicas": replicas = Once(replicas, "--replicas", Number(args, ref i, 1, 8)); break;
                case "--seed": seed = Once(seed, "--seed", Number(args, ref i, 0, int.MaxValue)); break;
                case "--speed": speed = Once(speed, "--speed", Speed(args, ref i)); break;
                case "--data": data = Path.GetFullPath(Value(args, ref i)); break;
                case "--env-file": envFile = Path.GetFullPath(Value(args, ref i)); break;
                case "--fresh": fresh = true; break;
                case "--simulate": simulate = true; break;
                case "--infrastructure-only": infrastructureOnly = true; break;
                default: throw new LaunchException($"unknown option '{args[i]}'");
            }
        }

        if (infrastructureOnly != envFile is not null)
        {
            throw new LaunchException("--infrastructure-only and --env-file go together");
        }

        if (!simulate && (seed is not null || speed is not null))
        {
            throw new LaunchException("--seed and --speed go with --simulate");
        }

        if (simulate && infrastructureOnly)
        {
            throw new LaunchException("--simulate runs the whole platform; it does not go with --infrastructure-only");
        }

        var options = new LaunchOptions
        {
            RepoRoot = root,
            DataDirectory = data ?? Path.Combine(root, ".data"),
            GatewayPort = port ?? 8080,
            Replicas = replicas ?? 1,
            Fresh = fresh,
            InfrastructureOnly = infrastructureOnly ? envFile : null,
        };
        if (!simulate)
        {
            return options;
        }

        // The simulated day gets fresh data of its own, never mixed with real data, and a clock held at 07:30 until
        // the simulator has set up and booked the day (however long the platform took to start); the clinics open at 08:00.
        var request = new SimulationRequest(seed ?? SimulationRequest.DefaultSeed, speed ?? SimulationRequest.DefaultSpeed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(SimulatedClinicsZone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var half7 = today.AddHours(7.5);
        var simulationData = Path.Combine(options.DataDirectory, "simulation");
        var clock = new HeldClockSettings(new DateTimeOffset(half7, zone.GetUtcOffset(half7)), request.Speed, Path.Combine(simulationData, "clock-start"));
        return options with
        {
            DataDirectory = simulationData,
            Fresh = true,
            Simulation = request,
            Clock = clock.Validated(),
        };
    }

    private static T Once<T>(T? current, string option, T value) where T : struct =>
        current is null ? value : throw new LaunchException($"{option} is given twice");

    private static int Number(string[] args, ref int i, int min, int max)
    {
        var option = args[i];
        var value = Value(args, ref i);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new LaunchException($"{option} takes a whole number from {min} to {max}, not '{value}'");
    }

    private static double Speed(string[] args, ref int i)
    {
        var value = Value(args, ref i);
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed is >= 1 and <= 1000
            ? speed
            : throw new LaunchException($"--speed takes a number from 1 to 1000 (simulated seconds per real second), not '{value}'");
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length && !args[i].StartsWith("--", StringComparison.Ordinal)
            ? args[i]
            : throw new LaunchException($"{args[i - 1]} needs a value");

    private static string FindRepoRoot()
    {
        // From the working folder (run.sh) or, failing that, from where the app host was built.
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "PatientFlow.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new LaunchException("PatientFlow.sln not found above the working folder; run the app host from inside the repository");
    }
}

/// <summary>A seeded clinic day, played through the gateway on an accelerated clock.</summary>
public sealed record SimulationRequest(int Seed = SimulationRequest.DefaultSeed, double Speed = SimulationRequest.DefaultSpeed)
{
    public const int DefaultSeed = 7;
    public const double DefaultSpeed = 30;
}

/// <summary>A launch that cannot go ahead as asked: one line for the user, exit code 2.</summary>
public sealed class LaunchException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode => exitCode;
}
