using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Documents.Pdf;

namespace Pipeline.Activities.Tests.Documents.Pdf;

/// <summary>A temporary folder for hand-made PDFs, and the intake that opens them.</summary>
public sealed class PdfTestFiles : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pipeline-pdf-" + Guid.NewGuid().ToString("N"));

    public PdfTestFiles() => Directory.CreateDirectory(_folder);

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static async Task<PdfDocument> OpenAsync(string path, IntakeOptions? options = null) =>
        (PdfDocument)await new DocumentIntake(new Poppler(), options ?? new IntakeOptions()).OpenAsync(path, CancellationToken.None);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
