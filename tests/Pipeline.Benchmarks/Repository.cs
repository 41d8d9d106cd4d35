namespace Pipeline.Benchmarks;

/// <summary>Paths of the repository the bench runs in.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Shared inputs: the scanned sample packs, a work folder, the CLI build.</summary>
public sealed class BenchContext
{
    public BenchContext(string root)
    {
        Root = root;
        Work = Path.Combine(root, "data", "bench");
        if (Directory.Exists(Work)) Directory.Delete(Work, true);
        Directory.CreateDirectory(Work);
        Cli = Path.Combine(root, "Host", "bin", "Release", "net10.0", "pipeline.dll");
        ScannedPacks = Directory.EnumerateDirectories(Path.Combine(root, "tests", "fixtures", "truth"))
            .Select(d => Path.Combine(root, "tests", "fixtures", "packs", Path.GetFileName(d) + ".pdf"))
            .Where(File.Exists)
            .Order()
            .ToList();
    }

    public string Root { get; }
    public string Work { get; }
    public string Cli { get; }

    /// <summary>Image-only sample packs that have ground-truth text (tests/fixtures/truth/&lt;pack&gt;/NNN.txt).</summary>
    public IReadOnlyList<string> ScannedPacks { get; }

    public string TruthDir(string pack) => Path.Combine(Root, "tests", "fixtures", "truth", Path.GetFileNameWithoutExtension(pack));
}
