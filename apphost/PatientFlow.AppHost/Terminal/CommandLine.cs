namespace PatientFlow.AppHost.Terminal;

/// <summary>
/// Reads <c>--port N</c>, <c>--replicas N</c>, <c>--fresh</c>, <c>--data DIR</c>, <c>--infrastructure-only --env-file FILE</c>
/// and <c>--simulate [--seed N] [--speed N]</c>; the repository is found from the working folder.
/// </summary>
internal static class CommandLine
{
    private const string Usage =
        "Usage: [--port N] [--replicas N] [--fresh] [--data DIR] [--infrastructure-only --env-file FILE] [--simulate [--seed N] [--speed N]]";

    /// <summary>The options, the env file when only the infrastructure is to run, and the simulated day when one is asked for.</summary>
    public static (PlatformOptions Options, string? EnvFile, SimulationRequest? Simulation) Parse(string[] args)
    {
        var options = new PlatformOptions { RepoRoot = FindRepoRoot() };
        var infrastructureOnly = false;
        string? envFile = null;
        var simulate = false;
        int? seed = null;
        double? speed = null;
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--simulate" => Flag(options, ref simulate),
                "--seed" => Set(options, ref seed, Seed(Value(args, ref i))),
                "--speed" => Set(options, ref speed, Speed(Value(args, ref i))),
                "--port" => options with { GatewayPort = int.Parse(Value(args, ref i)) },
                "--replicas" => options with { Replicas = Replicas(Value(args, ref i)) },
                "--fresh" => options with { Fresh = true },
                "--data" => options with { DataDirectory = Path.GetFullPath(Value(args, ref i)) },
                "--infrastructure-only" => Flag(options, ref infrastructureOnly),
                "--env-file" => Flag(options, ref envFile, Path.GetFullPath(Value(args, ref i))),
                var unknown => throw new ArgumentException($"Unknown argument '{unknown}'. {Usage}"),
            };
        }

        if (infrastructureOnly != envFile is not null)
        {
            throw new ArgumentException($"--infrastructure-only and --env-file go together. {Usage}");
        }

        if (!simulate && (seed is not null || speed is not null))
        {
            throw new ArgumentException($"--seed and --speed go with --simulate. {Usage}");
        }

        if (simulate && infrastructureOnly)
        {
            throw new ArgumentException($"--simulate runs the whole platform; it does not go with --infrastructure-only. {Usage}");
        }

        var simulation = simulate ? new SimulationRequest(seed ?? SimulationRequest.DefaultSeed, speed ?? SimulationRequest.DefaultSpeed) : null;
        return (options, envFile, simulation);
    }

    private static PlatformOptions Set<T>(PlatformOptions options, ref T? target, T value) where T : struct
    {
        target = value;
        return options;
    }

    private static int Seed(string value) => int.TryParse(value, out var seed) && seed >= 0
        ? seed
        : throw new ArgumentException($"--seed takes a whole number of 0 or more, not '{value}'. {Usage}");

    private static double Speed(string value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var speed) && speed is >= 1 and <= 1000
            ? speed
            : throw new ArgumentException($"--speed takes a number from 1 to 1000 (simulated seconds per real second), not '{value}'. {Usage}");

    private static PlatformOptions Flag(PlatformOptions options, ref bool flag)
    {
        flag = true;
        return options;
    }

    private static PlatformOptions Flag(PlatformOptions options, ref string? target, string value)
    {
        target = value;
        return options;
    }

    private static int Replicas(string value) => int.TryParse(value, out var replicas) && replicas is >= 1 and <= 8
        ? replicas
        : throw new ArgumentException($"--replicas takes a number from 1 to 8, not '{value}'. {Usage}");

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

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

        throw new InvalidOperationException("PatientFlow.sln not found above the working folder; run the app host from inside the repository.");
    }
}
