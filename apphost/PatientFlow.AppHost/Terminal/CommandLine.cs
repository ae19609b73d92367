namespace PatientFlow.AppHost.Terminal;

/// <summary>
/// Reads <c>--port N</c>, <c>--replicas N</c>, <c>--fresh</c>, <c>--data DIR</c> and <c>--infrastructure-only --env-file FILE</c>;
/// the repository is found from the working folder.
/// </summary>
internal static class CommandLine
{
    private const string Usage = "Usage: [--port N] [--replicas N] [--fresh] [--data DIR] [--infrastructure-only --env-file FILE]";

    /// <summary>The options, and the env file when only the infrastructure is to run.</summary>
    public static (PlatformOptions Options, string? EnvFile) Parse(string[] args)
    {
        var options = new PlatformOptions { RepoRoot = FindRepoRoot() };
        var infrastructureOnly = false;
        string? envFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
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

        return (options, envFile);
    }

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
