using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Packs;

namespace Pipeline.Activities.Tests.Support;

/// <summary>
/// One document pipeline per OCR engine (engines loaded once) shared by the sample-pack tests, storing originals in a
/// temp folder: <see cref="Services"/> with the default engine, <see cref="Tesseract"/> with libtesseract.
/// </summary>
public sealed class PipelineFixture : IDisposable
{
    public PipelineFixture()
    {
        OriginalsRoot = Path.Combine(Path.GetTempPath(), "pipeline-originals-" + Guid.NewGuid().ToString("N"));
        Services = new PackCheckingServices(OriginalsRoot);
        _tesseract = new(() => new PackCheckingServices(OriginalsRoot, new OcrOptions { Engine = OcrEngineKind.Tesseract }));
    }

    private readonly Lazy<PackCheckingServices> _tesseract;

    public string OriginalsRoot { get; }
    public PackCheckingServices Services { get; }

    /// <summary>The same pipeline reading page images with Tesseract instead of the default engine.</summary>
    public PackCheckingServices Tesseract => _tesseract.Value;

    /// <summary>The fixtures' reference date: ages in the sample rosters are computed on 2026-11-21.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 21);

    public Task<PackReport> CheckAsync(string file, string pack, OcrEngineKind? engine = null) =>
        (engine == OcrEngineKind.Tesseract ? Tesseract : Services).Checker.CheckAsync(new PackCheckRequest(file, pack, AsOf: AsOf), null, CancellationToken.None);

    public void Dispose()
    {
        Services.Dispose();
        if (_tesseract.IsValueCreated) _tesseract.Value.Dispose();
        if (!Directory.Exists(OriginalsRoot)) return;
        foreach (var f in Directory.EnumerateFiles(OriginalsRoot, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(OriginalsRoot, true);
    }
}
