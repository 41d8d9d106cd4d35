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

    /// <summary>
    /// Resolution, in dpi, a scanned PDF page's embedded image is resampled to before OCR (default 300): finer scans
    /// are down-sampled to it; coarser ones are up-sampled to it for Tesseract, which reads 150–200 dpi scans worse
    /// than 300 dpi ones, and left as they are for PaddleOCR, which reads them at their own resolution. 0 hands every
    /// image to OCR at its own resolution.
    /// </summary>
    public int MinOcrDpi { get; init; } = 300;

    /// <summary>
    /// Take 1-bit scans (CCITT G4, 1-bit Flate) from the PDF as they are, like grey and colour JPEG scans, instead of
    /// rendering them with <c>pdftoppm</c> (default false). Off because OCR of the exact pixels reads differently from
    /// OCR of the render (Poppler's smoothing leaves grey edges): on the fixture packs the character error rate is about
    /// the same (7.6 % against 7.8 %), but the holdout pack co-qujing-style then reads five ID numbers on its ID-card page
    /// and the classifier takes the page for a roster. Saves ≈ 0.3 s of a 2–3 s page when on.
    /// </summary>
    public bool ExtractBilevelScans { get; init; }

    /// <summary>
    /// Wall-clock budget of each in-process PDF step (PdfPig's open, and each page's parse and extraction; default 30 s).
    /// PdfPig cannot be cancelled: a PDF that overruns is refused as timed out, not retried.
    /// </summary>
    public TimeSpan PdfStepTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
