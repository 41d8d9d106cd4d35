namespace Pipeline.Activities.Documents.Intake;

/// <summary>Limits applied to uploads before any page is read.</summary>
public sealed record IntakeOptions
{
    /// <summary>Largest upload accepted, in bytes (default 200 MiB).</summary>
    public long MaxBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Most pages accepted in one upload.</summary>
    public int MaxPages { get; init; } = 1000;

    /// <summary>Largest single image inside a ZIP, uncompressed, in bytes (zip-bomb guard).</summary>
    public long MaxZipEntryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>A PDF page whose text layer has fewer readable characters than this is OCR'd instead.</summary>
    public int MinTextLayerChars { get; init; } = 20;
}
