using Pipeline.Activities.Packs;

namespace Pipeline.Activities.Tests.Support;

/// <summary>One document pipeline (OCR engines loaded once) shared by the sample-pack tests, storing originals in a temp folder.</summary>
public sealed class PipelineFixture : IDisposable
{
    public PipelineFixture()
    {
        OriginalsRoot = Path.Combine(Path.GetTempPath(), "pipeline-originals-" + Guid.NewGuid().ToString("N"));
        Services = new PackCheckingServices(OriginalsRoot);
    }

    public string OriginalsRoot { get; }
    public PackCheckingServices Services { get; }

    /// <summary>The fixtures' reference date: ages in the sample rosters are computed on 2026-11-21.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 21);

    public Task<PackReport> CheckAsync(string file, string pack) =>
        Services.Checker.CheckAsync(new PackCheckRequest(file, pack, AsOf: AsOf), null, CancellationToken.None);

    public void Dispose()
    {
        Services.Dispose();
        if (!Directory.Exists(OriginalsRoot)) return;
        foreach (var f in Directory.EnumerateFiles(OriginalsRoot, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(OriginalsRoot, true);
    }
}
