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

    /// <summary>Most entries a ZIP may hold (each page image is one).</summary>
    public int MaxZipEntries { get; init; } = 2000;

    /// <summary>Most bytes a ZIP's entries may declare in all, uncompressed (zip-bomb guard; default 1 GiB).</summary>
    public long MaxZipTotalBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>
    /// Most pixels one image may declare in its header (width × height), checked before it is decoded. Default: eight
    /// A4 pages at 300 dpi (2,480 × 3,508 × 8 ≈ 70 million), the same bound as a rendered PDF page (an A1 sheet).
    /// </summary>
    public long MaxImagePixels { get; init; } = 8L * 2480 * 3508;

    /// <summary>Most characters one part of a DOCX or XLSX may hold (OpenXml's <c>MaxCharactersInPart</c>; default 20 million).</summary>
    public long MaxOfficePartCharacters { get; init; } = 20_000_000;

    /// <summary>A PDF page whose text layer has fewer readable characters than this is OCR'd instead.</summary>
    public int MinTextLayerChars { get; init; } = 20;
}
