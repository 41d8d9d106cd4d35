using Pipeline.Activities.Documents.Ocr;

namespace Pipeline.Activities.Documents.Pages;

/// <summary>
/// An accepted upload seen as numbered pages. Pages are read one at a time, on demand, so a pack streams
/// through the pipeline and is never held whole as images. Implementations must allow concurrent
/// <see cref="ReadPageAsync"/> calls for different pages.
/// </summary>
public abstract class PagedDocument : IDisposable
{
    /// <summary>Number of pages (≥ 1).</summary>
    public abstract int PageCount { get; }

    /// <summary>Short name of the format for reports, e.g. <c>pdf</c>, <c>tiff</c>, <c>xlsx</c>.</summary>
    public abstract string Format { get; }

    /// <summary>Reads page <paramref name="number"/> (1-based): its text layer if usable, otherwise its image through OCR.</summary>
    public abstract Task<PageText> ReadPageAsync(int number, OcrEnginePool ocr, CancellationToken cancellationToken);

    /// <summary>
    /// The image of page <paramref name="number"/> (1-based) as a clerk would see it, for previews: a scan as scanned,
    /// a vector PDF page rendered at <paramref name="renderDpi"/> dpi. Null for pages that are text only (DOCX,
    /// XLSX) or whose image cannot be decoded. The caller disposes it.
    /// </summary>
    /// <exception cref="DocumentRejectedException">The page cannot be rendered (damaged, too many pixels).</exception>
    public virtual Task<LeptonicaImage?> PreviewImageAsync(int number, int renderDpi, CancellationToken cancellationToken) =>
        Task.FromResult<LeptonicaImage?>(null);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>OCRs one decoded image and tidies the text.</summary>
    protected static async Task<PageText> OcrPageAsync(int number, LeptonicaImage? image, OcrEnginePool ocr, CancellationToken cancellationToken)
    {
        if (image is null) return new PageText(number, TextSource.Ocr, 0, "");
        using (image)
        {
            var result = await ocr.RecognizeAsync(image, cancellationToken).ConfigureAwait(false);
            return new PageText(number, TextSource.Ocr, result.Confidence, Text.ChineseText.Tidy(result.Text));
        }
    }
}
