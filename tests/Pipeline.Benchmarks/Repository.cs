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
        ScannedPacks = PacksWithTruth(Path.Combine(root, "tests", "fixtures"));
        HoldoutPacks = PacksWithTruth(Path.Combine(root, "tests", "fixtures", "holdout"));
    }

    private static List<string> PacksWithTruth(string folder) =>
        Directory.EnumerateDirectories(Path.Combine(folder, "truth"))
            .Select(d => Path.Combine(folder, "packs", Path.GetFileName(d) + ".pdf"))
            .Where(File.Exists)
            .Order()
            .ToList();

    public string Root { get; }
    public string Work { get; }
    public string Cli { get; }

    /// <summary>Image-only sample packs that have ground-truth text (tests/fixtures/truth/&lt;pack&gt;/NNN.txt).</summary>
    public IReadOnlyList<string> ScannedPacks { get; }

    /// <summary>The holdout packs (tests/fixtures/holdout, another generator, never tuned on) that have ground truth.</summary>
    public IReadOnlyList<string> HoldoutPacks { get; }

    /// <summary>The folder of a pack's page texts: <c>truth/</c> beside its <c>packs/</c> folder.</summary>
    public static string TruthDir(string pack) =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(pack)!)!, "truth", Path.GetFileNameWithoutExtension(pack));
}
