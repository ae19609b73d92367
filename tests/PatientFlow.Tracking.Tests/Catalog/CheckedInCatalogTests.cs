using PatientFlow.Tracking.Integrators.Catalog;

namespace PatientFlow.Tracking.Tests.Catalog;

/// <summary>
/// Integrators read docs/integrators/asyncapi.json from the repository, so it must match the contracts.
/// With PATIENTFLOW_WRITE_CATALOG=1 the test rewrites the file instead of comparing.
/// </summary>
public class CheckedInCatalogTests
{
    private const string RelativePath = "docs/integrators/asyncapi.json";

    [Fact]
    public void CheckedInDocument_WhenCompared_ThenEqualsTheGeneratedOne()
    {
        var path = Path.Combine(PatientFlow.Testing.RepositoryRoot.Path, RelativePath);
        var generated = EventCatalog.GenerateJson();

        if (Environment.GetEnvironmentVariable("PATIENTFLOW_WRITE_CATALOG") == "1")
        {
            File.WriteAllText(path, generated);
            return;
        }

        File.Exists(path).Should().BeTrue($"{RelativePath} is checked in; {Regenerate}");
        FirstDifference(File.ReadAllText(path), generated).Should().BeNull($"{RelativePath} is stale; {Regenerate}");
    }

    // The file is large: name the first line that differs rather than dumping both.
    private static string? FirstDifference(string checkedIn, string generated)
    {
        var expected = generated.Split('\n');
        var actual = checkedIn.Split('\n');
        for (var line = 0; line < Math.Max(expected.Length, actual.Length); line++)
        {
            var want = line < expected.Length ? expected[line] : "(end of file)";
            var have = line < actual.Length ? actual[line] : "(end of file)";
            if (want != have)
                return $"line {line + 1}: checked in {have.Trim()}, generated {want.Trim()}";
        }
        return null;
    }

    private const string Regenerate =
        "regenerate it with: PATIENTFLOW_WRITE_CATALOG=1 dotnet test tests/PatientFlow.Tracking.Tests --filter \"FullyQualifiedName~CheckedInCatalog\", then commit it";
}
