namespace Pipeline.Workflows.Tests;

/// <summary>Files of the repository the tests run in.</summary>
public static class Repository
{
    public static string File(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return Path.Combine([dir.FullName, .. parts]);
        throw new DirectoryNotFoundException("Pipeline.sln");
    }
}
