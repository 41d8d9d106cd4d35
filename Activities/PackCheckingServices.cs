using Microsoft.Extensions.Logging;
using Pipeline.Activities.Classification;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Documents.Pdf;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities;

/// <summary>
/// Wires the document pipeline for a process: one OCR engine pool, one checker. Dispose at shutdown to
/// release the engines.
/// </summary>
public sealed class PackCheckingServices : IDisposable
{
    public PackCheckingServices(string originalsRoot, OcrOptions? ocr = null, IntakeOptions? intake = null, PackCheckOptions? check = null, ILoggerFactory? logging = null,
        ProfileCatalog? profiles = null)
    {
        Ocr = new OcrEnginePool(ocr ?? new OcrOptions());
        Profiles = profiles ?? ProfileCatalog.LoadEmbedded();
        Originals = new FolderOriginalStore(originalsRoot);
        var documents = new DocumentIntake(new Poppler(), intake ?? new IntakeOptions());
        Packs = new PackDocuments(documents, Originals);
        Checker = new PackChecker(
            documents,
            Ocr,
            Originals,
            SectionClassifier.Default,
            Profiles,
            check ?? new PackCheckOptions(),
            TimeProvider.System,
            logging?.CreateLogger<PackChecker>());
    }

    public OcrEnginePool Ocr { get; }
    public ProfileCatalog Profiles { get; }
    public PackChecker Checker { get; }

    /// <summary>Opens stored packs (one file or several) as paged documents, for page previews.</summary>
    public PackDocuments Packs { get; }

    /// <summary>The store of uploaded originals the checker reads (by SHA-256).</summary>
    public FolderOriginalStore Originals { get; }

    public void Dispose() => Ocr.Dispose();
}
