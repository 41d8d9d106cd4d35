using System.IO.Compression;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Ocr;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Colors;
using UglyToad.PdfPig.Tokens;

namespace Pipeline.Activities.Documents.Pdf;

/// <summary>
/// The embedded image of a scanned PDF page, taken at its own resolution instead of rendering the page. A page is a
/// scan when it is upright (<c>/Rotate 0</c>), draws no vector paths and exactly one image, covering at least 90 % of
/// its crop box with square pixels (a placement turned by 90° shows up as unequal x and y resolutions). Its image
/// is taken when it is one of:
/// <list type="bullet">
/// <item><c>DCTDecode</c> (JPEG), grey or RGB: the stream's bytes go to leptonica as they are;</item>
/// <item><c>FlateDecode</c> without predictor, grey 8 bit or RGB 8 bit: inflated here, capped at the bytes the
/// declared size needs;</item>
/// <item>when 1-bit scans are asked for (<see cref="IntakeOptions.ExtractBilevelScans"/>): <c>CCITTFaxDecode</c>
/// (<c>BlackIs1 false</c>), decoded by PdfPig into packed rows, and 1-bit grey <c>FlateDecode</c>.</item>
/// </list>
/// Anything else (JBIG2, JPX, palettes, CMYK, decode arrays, masks, several images, vector content) gives null and
/// the page is rendered by Poppler instead. The resolution recorded on the image is its pixel size over the size it
/// is drawn at (points / 72), e.g. 1,654 px over 595.44 pt = 200 dpi.
/// </summary>
public static class ScannedPageImage
{
    /// <summary>Least fraction of the page's crop box the image must cover.</summary>
    private const double MinCoverage = 0.9;

    /// <summary>Most relative difference between the x and y resolutions of a scan's pixels.</summary>
    private const double MaxAspectSkew = 0.05;

    /// <summary>
    /// Refuses the page when any of its images declares more than <paramref name="maxPixels"/> (its dictionary's
    /// <c>/Width</c> × <c>/Height</c>, read before anything is decoded), then extracts the scan's image, or returns
    /// null when the page is not a scan this can take (see the class summary).
    /// </summary>
    /// <param name="bilevel">Take 1-bit images too (<see cref="IntakeOptions.ExtractBilevelScans"/>).</param>
    /// <exception cref="DocumentRejectedException"><see cref="RejectionReason.TooManyPixels"/>.</exception>
    public static LeptonicaImage? Extract(Page page, long maxPixels, bool bilevel)
    {
        var images = page.GetImages().ToList();
        foreach (var declared in images)
        {
            if ((long)declared.WidthInSamples * declared.HeightInSamples > maxPixels)
                throw new DocumentRejectedException(RejectionReason.TooManyPixels,
                    $"page {page.Number}: image of {declared.WidthInSamples} × {declared.HeightInSamples} pixels (at most {maxPixels})");
        }
        if (images.Count != 1 || page.Rotation.Value != 0 || page.Paths.Count > 0) return null;
        var image = images[0];
        if (image.IsInlineImage || image.IsImageMask || image.MaskImage is not null || !DefaultDecode(image)) return null;
        if (!Resolution(page, image, out var xDpi, out var yDpi)) return null;
        var dictionary = image.ImageDictionary;
        if (image.BitsPerComponent == 1 && !bilevel) return null;
        return Filter(dictionary) switch
        {
            "DCTDecode" => Jpeg(image, maxPixels, xDpi, yDpi),
            "CCITTFaxDecode" => Fax(image, dictionary, maxPixels, xDpi, yDpi),
            "FlateDecode" => Flate(image, dictionary, xDpi, yDpi),
            _ => null,
        };
    }

    private static bool Resolution(Page page, IPdfImage image, out int xDpi, out int yDpi)
    {
        xDpi = yDpi = 0;
        var box = page.CropBox.Bounds;
        var drawn = image.BoundingBox;
        var overlapWidth = Math.Min(box.Right, drawn.Right) - Math.Max(box.Left, drawn.Left);
        var overlapHeight = Math.Min(box.Top, drawn.Top) - Math.Max(box.Bottom, drawn.Bottom);
        if (overlapWidth <= 0 || overlapHeight <= 0 || overlapWidth * overlapHeight < MinCoverage * box.Width * box.Height) return false;
        var x = image.WidthInSamples * 72.0 / drawn.Width;
        var y = image.HeightInSamples * 72.0 / drawn.Height;
        if (Math.Abs(x - y) > MaxAspectSkew * Math.Max(x, y)) return false;
        (xDpi, yDpi) = ((int)Math.Round(x), (int)Math.Round(y));
        return xDpi > 0 && yDpi > 0;
    }

    private static LeptonicaImage? Jpeg(IPdfImage image, long maxPixels, int xDpi, int yDpi)
    {
        if (image.ColorSpaceDetails is { } space && Components(space) is not (1 or 3)) return null;
        var jpeg = image.RawMemory.Span;
        // The JPEG's own frame header may declare another size than the dictionary: check it before leptonica decodes.
        DocumentIntake.CheckPixels(jpeg, maxPixels, "page image");
        var decoded = LeptonicaImage.Decode(jpeg);
        decoded?.SetResolution(xDpi, yDpi);
        return decoded;
    }

    private static LeptonicaImage? Fax(IPdfImage image, DictionaryToken dictionary, long maxPixels, int xDpi, int yDpi)
    {
        if (image.BitsPerComponent != 1 || Parameters(dictionary) is not { } parameters) return null;
        if (Get<BooleanToken>(parameters, "BlackIs1") is { Data: true }) return null;
        // PdfPig's decoder allocates for the parameters' Columns × Rows, which may differ from /Width × /Height.
        var columns = Get<NumericToken>(parameters, "Columns")?.Long ?? 1728;
        var rows = Get<NumericToken>(parameters, "Rows")?.Long ?? image.HeightInSamples;
        if (columns * rows > maxPixels || columns != image.WidthInSamples) return null;
        if (!image.TryGetBytesAsMemory(out var bits)) return null;
        return LeptonicaImage.FromBitRows(bits.Span, image.WidthInSamples, image.HeightInSamples, (image.WidthInSamples + 7) / 8, zeroIsBlack: true, xDpi, yDpi);
    }

    private static LeptonicaImage? Flate(IPdfImage image, DictionaryToken dictionary, int xDpi, int yDpi)
    {
        if (Parameters(dictionary) is { } parameters && Get<NumericToken>(parameters, "Predictor")?.Int > 1)
            return null;
        var components = image.ColorSpaceDetails is { } space ? Components(space) : 0;
        var (width, height, bpc) = (image.WidthInSamples, image.HeightInSamples, image.BitsPerComponent);
        if (!(components == 1 && bpc is 1 or 8 || components == 3 && bpc == 8)) return null;
        var stride = (int)(((long)width * components * bpc + 7) / 8);
        var samples = Inflate(image.RawMemory, (long)stride * height);
        if (samples is null) return null;
        if (bpc == 1) return LeptonicaImage.FromBitRows(samples, width, height, stride, zeroIsBlack: true, xDpi, yDpi);
        if (components == 3) samples = Luminance(samples, width, height);
        return LeptonicaImage.FromGreyRows(samples, width, height, width, xDpi, yDpi);
    }

    /// <summary>Inflates a zlib stream into exactly <paramref name="expected"/> bytes; null when it holds fewer or is corrupt.</summary>
    private static byte[]? Inflate(ReadOnlyMemory<byte> compressed, long expected)
    {
        if (expected > Array.MaxLength) return null;
        var output = new byte[expected];
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed.ToArray(), writable: false), CompressionMode.Decompress);
            return zlib.ReadAtLeast(output, output.Length, throwOnEndOfStream: false) == output.Length ? output : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>RGB rows (3 bytes a pixel) to grey, ITU-R BT.601 weights.</summary>
    private static byte[] Luminance(byte[] rgb, int width, int height)
    {
        var grey = new byte[(long)width * height];
        for (long i = 0; i < grey.LongLength; i++)
            grey[i] = (byte)((299 * rgb[3 * i] + 587 * rgb[3 * i + 1] + 114 * rgb[3 * i + 2] + 500) / 1000);
        return grey;
    }

    private static int Components(ColorSpaceDetails space) => space.Type switch
    {
        ColorSpace.DeviceGray or ColorSpace.CalGray => 1,
        ColorSpace.DeviceRGB or ColorSpace.CalRGB => 3,
        ColorSpace.ICCBased => space.NumberOfColorComponents,
        _ => 0,
    };

    private static bool DefaultDecode(IPdfImage image) =>
        image.Decode is not { Count: > 0 } decode || decode.Select((v, i) => v == (i % 2 == 0 ? 0 : 1)).All(d => d);

    /// <summary>The image's one filter, or null when it has none or a chain of several.</summary>
    private static string? Filter(DictionaryToken dictionary) =>
        dictionary.TryGet(NameToken.Create("Filter"), out var token) ? token switch
        {
            NameToken name => name.Data,
            ArrayToken { Data: [NameToken only] } => only.Data,
            _ => null,
        } : null;

    private static DictionaryToken? Parameters(DictionaryToken dictionary) =>
        dictionary.TryGet(NameToken.Create("DecodeParms"), out var token) ? token switch
        {
            DictionaryToken one => one,
            ArrayToken { Data: [DictionaryToken only] } => only,
            _ => null,
        } : null;

    private static T? Get<T>(DictionaryToken dictionary, string key) where T : class, IToken =>
        dictionary.TryGet(NameToken.Create(key), out var token) ? token as T : null;
}
