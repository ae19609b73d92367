using System.Reflection;
using PatientFlow.AppHost.Model;

namespace PatientFlow.AppHost.Running;

/// <summary>Where a launched project's assembly is: the build configuration the app host itself was built in.</summary>
internal static class BuildOutput
{
    private const string TargetFramework = "net10.0";

    public static string Configuration { get; } =
        typeof(BuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string AssemblyPath(string repoRoot, ServiceResource service) =>
        Path.Combine(repoRoot, service.ProjectDirectory, "bin", Configuration, TargetFramework, service.ProjectName + ".dll");

    /// <summary>Fails before anything starts, naming every missing assembly.</summary>
    public static void EnsureBuilt(string repoRoot, IEnumerable<ServiceResource> services)
    {
        var missing = services.Select(s => AssemblyPath(repoRoot, s)).Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Not built yet: {string.Join(", ", missing)}.{Environment.NewLine}" +
                $"Run `dotnet build apphost/PatientFlow.AppHost -c {Configuration}` in {repoRoot} first.");
        }
    }
}
