namespace Pipeline.Activities.Documents.Ocr;

/// <summary>Building leptonica images from raw sample rows (decoded PDF image streams, PGM bodies).</summary>
public sealed partial class LeptonicaImage
{
    /// <summary>
    /// Builds an 8 bpp grey image from rows of one byte a pixel (0 black, 255 white), <paramref name="stride"/> bytes
    /// apart, recording <paramref name="xDpi"/> × <paramref name="yDpi"/>. Returns null when the rows are too short
    /// for <paramref name="width"/> × <paramref name="height"/> or leptonica cannot allocate the image.
    /// </summary>
    public static LeptonicaImage? FromGreyRows(ReadOnlySpan<byte> rows, int width, int height, int stride, int xDpi, int yDpi) =>
        FromPackedRows(rows, width, height, depth: 8, stride, invert: false, xDpi, yDpi);

    /// <summary>
    /// Builds a 1 bpp image from rows of packed bits, most significant bit first, <paramref name="stride"/> bytes apart
    /// (a PDF image of <c>BitsPerComponent 1</c>). <paramref name="zeroIsBlack"/> says what a 0 bit is: true for a
    /// <c>DeviceGray</c> image with the default <c>Decode [0 1]</c>; leptonica's own convention is 1 = black, so such
    /// rows are inverted. Returns null when the rows are too short or the image cannot be allocated.
    /// </summary>
    public static LeptonicaImage? FromBitRows(ReadOnlySpan<byte> rows, int width, int height, int stride, bool zeroIsBlack, int xDpi, int yDpi) =>
        FromPackedRows(rows, width, height, depth: 1, stride, invert: zeroIsBlack, xDpi, yDpi);

    private static unsafe LeptonicaImage? FromPackedRows(ReadOnlySpan<byte> rows, int width, int height, int depth, int stride, bool invert, int xDpi, int yDpi)
    {
        var rowBytes = (int)(((long)width * depth + 7) / 8);
        if (width <= 0 || height <= 0 || stride < rowBytes || rows.Length < (long)stride * (height - 1) + rowBytes) return null;
        OcrRuntime.Prepare();
        var pix = Native.pixCreateNoInit(width, height, depth);
        if (pix == IntPtr.Zero) return null;
        Native.pixSetResolution(pix, xDpi, yDpi);
        var wpl = Native.pixGetWpl(pix);
        var raster = (uint*)Native.pixGetData(pix);
        var flip = invert ? 0xFFu : 0u;
        // Bits past the last pixel of a row stay 0 (leptonica counts them as white).
        var lastMask = (width * depth) % 8 is var used and > 0 ? 0xFFu << (8 - used) & 0xFF : 0xFFu;
        for (var y = 0; y < height; y++)
        {
            var row = rows.Slice(y * stride, rowBytes);
            var words = new Span<uint>(raster + (long)y * wpl, wpl);
            // Leptonica packs pixels most significant byte first within each 32-bit word.
            for (var w = 0; w < wpl; w++)
            {
                uint word = 0;
                for (var k = 0; k < 4; k++)
                {
                    var x = w * 4 + k;
                    var b = x < rowBytes ? (row[x] ^ flip) & (x == rowBytes - 1 ? lastMask : 0xFFu) : 0u;
                    word |= b << (24 - 8 * k);
                }
                words[w] = word;
            }
        }
        return new LeptonicaImage(pix);
    }
}
