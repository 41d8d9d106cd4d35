using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Documents.Pdf;
using Pipeline.Activities.Documents.Text;

namespace Pipeline.Activities.Documents.Pages;

/// <summary>
/// A PDF, born-digital, scanned or mixed, read in process by PdfPig (<see cref="PdfPigFile"/>). Each page keeps its
/// text layer (<see cref="PageTextLayout"/>) when it has at least <see cref="IntakeOptions.MinTextLayerChars"/>
/// readable characters; otherwise its embedded scan is taken at its own resolution (<see cref="ScannedPageImage"/>),
/// or, when the page is not a scan PdfPig can hand over, Poppler's <c>pdftoppm</c> renders it; then it is OCR'd.
/// A file PdfPig cannot parse but Poppler can is read by Poppler alone (<see cref="ReadByPoppler"/>).
/// Pages may be read concurrently; PdfPig's share of the work is serialised by <see cref="PdfPigFile"/>.
/// </summary>
public sealed class PdfDocument : PagedDocument
{
    private readonly string _path;
    private readonly PdfPigFile? _file;
    private readonly Poppler _poppler;
    private readonly IntakeOptions _options;
    private readonly Lazy<Task<IReadOnlyList<string>>> _popplerTextLayers;

    /// <param name="path">The PDF on disk (Poppler renders from it).</param>
    /// <param name="file">The same file opened by PdfPig; the document owns and disposes it. Null: Poppler reads everything.</param>
    /// <param name="pageCount">Number of pages (≥ 1).</param>
    public PdfDocument(string path, PdfPigFile? file, int pageCount, Poppler poppler, IntakeOptions options)
    {
        _path = path;
        _file = file;
        _poppler = poppler;
        _options = options;
        PageCount = pageCount;
        _popplerTextLayers = new(() => poppler.TextLayersAsync(path, pageCount, CancellationToken.None));
    }

    /// <summary>
    /// A PDF PdfPig cannot parse (it is stricter than Poppler about cross-reference tables and trailers) but
    /// <c>pdfinfo</c> reads: text layers by <c>pdftotext -layout</c>, every other page rendered by <c>pdftoppm</c>.
    /// </summary>
    public static PdfDocument ReadByPoppler(string path, int pageCount, Poppler poppler, IntakeOptions options) =>
        new(path, null, pageCount, poppler, options);

    public override int PageCount { get; }
    public override string Format => "pdf";

    public override async Task<PageText> ReadPageAsync(int number, OcrEnginePool ocr, CancellationToken cancellationToken)
    {
        var (layer, scan) = await ReadContentAsync(number, cancellationToken).ConfigureAwait(false);
        if (ChineseText.ReadableLength(layer) >= _options.MinTextLayerChars)
        {
            scan?.Dispose();
            return new PageText(number, TextSource.Text, 100, ChineseText.Tidy(layer));
        }
        var page = scan is not null
            ? new PdfPageImage(scan, PageImageOrigin.Embedded)
            : await RenderAsync(number, ocr.Options.DefaultDpi, cancellationToken).ConfigureAwait(false);
        return await OcrPageAsync(number, page?.ForOcr(_options.MinOcrDpi, upsample: ocr.Options.Engine == OcrEngineKind.Tesseract), ocr, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The image page <paramref name="number"/> (1-based) would be OCR'd from, before resampling: its embedded scan at
    /// its own resolution, or a <c>pdftoppm</c> render at <paramref name="renderDpi"/>. Null when the render cannot
    /// be decoded. The caller disposes it.
    /// </summary>
    /// <exception cref="DocumentRejectedException">
    /// <see cref="RejectionReason.TooManyPixels"/> (an image declaring more than <see cref="IntakeOptions.MaxImagePixels"/>),
    /// <see cref="RejectionReason.TimedOut"/> (PdfPig overran), <see cref="RejectionReason.TooLarge"/> or
    /// <see cref="RejectionReason.Damaged"/> (the render).
    /// </exception>
    public async Task<PdfPageImage?> PageImageAsync(int number, int renderDpi, CancellationToken cancellationToken)
    {
        var scan = _file is null ? null : await ReadPdfPigAsync(number, page => ScannedPageImage.Extract(page, _options.MaxImagePixels, _options.ExtractBilevelScans), cancellationToken).ConfigureAwait(false);
        return scan is not null ? new PdfPageImage(scan, PageImageOrigin.Embedded) : await RenderAsync(number, renderDpi, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The page as scanned (its embedded scan) or, for any other page, rendered at <paramref name="renderDpi"/>.</summary>
    public override async Task<LeptonicaImage?> PreviewImageAsync(int number, int renderDpi, CancellationToken cancellationToken) =>
        (await PageImageAsync(number, renderDpi, cancellationToken).ConfigureAwait(false))?.Image;

    /// <summary>The page's text layer and, when that is too thin to keep, its embedded scan (or null).</summary>
    private async Task<(string Layer, LeptonicaImage? Scan)> ReadContentAsync(int number, CancellationToken cancellationToken)
    {
        if (_file is null)
            return ((await _popplerTextLayers.Value.WaitAsync(cancellationToken).ConfigureAwait(false))[number - 1], null);
        return await ReadPdfPigAsync(number, page =>
        {
            var layer = PageTextLayout.Read(page);
            return ChineseText.ReadableLength(layer) >= _options.MinTextLayerChars ? (layer, null) : (layer, ScannedPageImage.Extract(page, _options.MaxImagePixels, _options.ExtractBilevelScans));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the PdfPig page; when PdfPig fails on the page (a broken content stream, an
    /// image it cannot decode) the page counts as having neither text nor scan, so Poppler renders it and decides.
    /// </summary>
    private async Task<T?> ReadPdfPigAsync<T>(int number, Func<UglyToad.PdfPig.Content.Page, T> read, CancellationToken cancellationToken)
    {
        try
        {
            return await _file!.ReadPageAsync(number, read, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not DocumentRejectedException and not OperationCanceledException and not OutOfMemoryException)
        {
            return default;
        }
    }

    private async Task<PdfPageImage?> RenderAsync(int number, int dpi, CancellationToken cancellationToken)
    {
        using var pgm = await _poppler.RenderGrayAsync(_path, number, dpi, cancellationToken).ConfigureAwait(false);
        return LeptonicaImage.DecodeGreymap(pgm.Span, dpi) is { } image ? new PdfPageImage(image, PageImageOrigin.Rendered) : null;
    }

    public override void Dispose()
    {
        _file?.Dispose();
        base.Dispose();
    }
}
