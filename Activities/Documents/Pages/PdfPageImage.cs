using Pipeline.Activities.Documents.Ocr;

namespace Pipeline.Activities.Documents.Pages;

/// <summary>Where a PDF page's image for OCR came from.</summary>
public enum PageImageOrigin
{
    /// <summary>The page's own embedded scan, at its own resolution (no render).</summary>
    Embedded,

    /// <summary>A render of the page by Poppler's <c>pdftoppm</c>, 8-bit grey at the OCR engine's default resolution.</summary>
    Rendered,
}

/// <summary>
/// The image of one PDF page before it is prepared for OCR, owned by the caller (dispose it). Its declared resolution
/// (<see cref="LeptonicaImage.XResolution"/>) is the page's: e.g. 200 dpi for a 1,654 × 2,339 scan of an A4 page.
/// </summary>
public sealed record PdfPageImage(LeptonicaImage Image, PageImageOrigin Origin) : IDisposable
{
    /// <summary>
    /// The image as OCR should get it, taking ownership of <see cref="Image"/> (do not dispose this afterwards). An
    /// embedded scan is turned to 8-bit grey when it is colour or 1 bit (as a render was) and resampled to
    /// <paramref name="ocrDpi"/>: down when it is finer, up when it is coarser only if <paramref name="upsample"/>
    /// (Tesseract reads 150–200 dpi scans better enlarged; PaddleOCR reads them as they are). 0 keeps the scan's own
    /// resolution. A render is already grey at the OCR resolution and is passed on as it is.
    /// </summary>
    public LeptonicaImage ForOcr(int ocrDpi, bool upsample = true)
    {
        var image = Image;
        if (Origin != PageImageOrigin.Embedded) return image;
        image = Replace(image, image.ToGrey());
        if (ocrDpi <= 0 || (!upsample && image.XResolution <= ocrDpi)) return image;
        return Replace(image, image.ScaledToDpi(ocrDpi));
    }

    private static LeptonicaImage Replace(LeptonicaImage image, LeptonicaImage? replacement)
    {
        if (replacement is null) return image;
        image.Dispose();
        return replacement;
    }

    public void Dispose() => Image.Dispose();
}
