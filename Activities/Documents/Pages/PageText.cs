namespace Pipeline.Activities.Documents.Pages;

/// <summary>Where a page's text came from.</summary>
public enum TextSource
{
    /// <summary>The document's own text layer (born-digital PDF, DOCX, XLSX).</summary>
    Text,
    /// <summary>Recognised by the OCR engine from the page image.</summary>
    Ocr,
}

/// <summary>
/// The text of one page.
/// </summary>
/// <param name="Number">1-based page number within the upload.</param>
/// <param name="Source">Text layer or OCR.</param>
/// <param name="Confidence">The OCR engine's mean confidence 0–100; 100 for text-layer pages.</param>
/// <param name="Text">Tidied text (NFKC, no spaces between Han characters), unmasked: keep it in memory only.</param>
public sealed record PageText(int Number, TextSource Source, int Confidence, string Text);
