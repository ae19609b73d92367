namespace PatientFlow.Testing;

/// <summary>The checkout the tests run from: the folder holding <c>PatientFlow.sln</c>, above the test's binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>A file or folder of the repository, by its path from the root.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "PatientFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No PatientFlow.sln above {AppContext.BaseDirectory}.");
    }
}
