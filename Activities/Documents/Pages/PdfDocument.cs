using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Documents.Pdf;
using Pipeline.Activities.Documents.Text;

namespace Pipeline.Activities.Documents.Pages;

/// <summary>
/// A PDF, born-digital, scanned or mixed: the text layers of all pages are read once (one <c>pdftotext</c>);
/// each page keeps its text layer when it has at least
/// <paramref name="minTextLayerChars"/> readable characters, otherwise it is rendered at the OCR
/// resolution by <c>pdftoppm</c> and recognised.
/// </summary>
public sealed class PdfDocument(string path, int pageCount, Poppler poppler, int minTextLayerChars) : PagedDocument
{
    private readonly Lazy<Task<IReadOnlyList<string>>> _textLayers =
        new(() => poppler.TextLayersAsync(path, pageCount, CancellationToken.None));

    public override int PageCount => pageCount;
    public override string Format => "pdf";

    public override async Task<PageText> ReadPageAsync(int number, OcrEnginePool ocr, CancellationToken cancellationToken)
    {
        var layer = (await _textLayers.Value.WaitAsync(cancellationToken).ConfigureAwait(false))[number - 1];
        if (ChineseText.ReadableLength(layer) >= minTextLayerChars)
            return new PageText(number, TextSource.Text, 100, ChineseText.Tidy(layer));
        LeptonicaImage? image;
        using (var pgm = await poppler.RenderGrayAsync(path, number, ocr.Options.DefaultDpi, cancellationToken).ConfigureAwait(false))
            image = LeptonicaImage.DecodeGreymap(pgm.Span, ocr.Options.DefaultDpi);
        return await OcrPageAsync(number, image, ocr, cancellationToken).ConfigureAwait(false);
    }
}
