namespace Pipeline.Activities.Tests;

/// <summary>Folders and files of the repository the tests run in (found upwards from the test binaries).</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding <c>Pipeline.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A folder under the root, e.g. <c>workflow-definitions</c>.</summary>
    public static string Folder(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Pipeline.sln above " + AppContext.BaseDirectory);
    }
}
