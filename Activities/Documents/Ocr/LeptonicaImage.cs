namespace Pipeline.Activities.Documents.Ocr;

/// <summary>
/// An owned leptonica <c>PIX*</c>, decoded from bytes (PNG, JPEG, TIFF, PNM, BMP, GIF, WebP).
/// Disposing destroys the native image.
/// </summary>
public sealed partial class LeptonicaImage : IDisposable
{
    private IntPtr _pix;

    private LeptonicaImage(IntPtr pix) => _pix = pix;

    internal IntPtr Handle => _pix != IntPtr.Zero ? _pix : throw new ObjectDisposedException(nameof(LeptonicaImage));

    public int Width => Native.pixGetWidth(Handle);
    public int Height => Native.pixGetHeight(Handle);
    public int Depth => Native.pixGetDepth(Handle);

    /// <summary>Declared horizontal resolution in dpi, 0 when the file declares none.</summary>
    public int XResolution => Native.pixGetXRes(Handle);

    /// <summary>Declared vertical resolution in dpi, 0 when the file declares none.</summary>
    public int YResolution => Native.pixGetYRes(Handle);

    /// <summary>Decodes an image file held in memory; null when leptonica cannot read it.</summary>
    public static LeptonicaImage? Decode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return null;
        OcrRuntime.Prepare();
        var pix = Native.pixReadMem(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(data), (nuint)data.Length);
        return pix == IntPtr.Zero ? null : new LeptonicaImage(pix);
    }

    /// <summary>
    /// Builds an 8-bit image from a binary greymap (PGM, <c>P5</c>, maxval 255) such as <c>pdftoppm -gray</c> writes,
    /// copying rows straight into leptonica's raster. Leptonica's own PNM reader takes ≈ 150 ms for an A4 page at
    /// 300 dpi, a tenth of the page's OCR time; this takes a few milliseconds. Returns null for anything else.
    /// </summary>
    /// <param name="dpi">Resolution to record in the image (PGM carries none).</param>
    public static LeptonicaImage? DecodeGreymap(ReadOnlySpan<byte> pgm, int dpi)
    {
        if (!TryParseGreymapHeader(pgm, out var width, out var height, out var offset) || pgm.Length - offset < (long)width * height)
            return Decode(pgm);
        return FromGreyRows(pgm.Slice(offset, width * height), width, height, width, dpi, dpi);
    }

    private static bool TryParseGreymapHeader(ReadOnlySpan<byte> data, out int width, out int height, out int offset)
    {
        width = height = offset = 0;
        if (data.Length < 8 || data[0] != (byte)'P' || data[1] != (byte)'5') return false;
        var values = new int[3];
        var i = 2;
        for (var v = 0; v < 3; v++)
        {
            while (i < data.Length && (char.IsWhiteSpace((char)data[i]) || data[i] == (byte)'#'))
            {
                if (data[i] == (byte)'#') while (i < data.Length && data[i] != (byte)'\n') i++;
                else i++;
            }
            var start = i;
            while (i < data.Length && char.IsAsciiDigit((char)data[i])) values[v] = values[v] * 10 + (data[i++] - '0');
            if (i == start) return false;
        }
        if (values[2] != 255 || i >= data.Length) return false;
        (width, height, offset) = (values[0], values[1], i + 1); // one whitespace byte ends the header
        return width > 0 && height > 0;
    }

    /// <summary>Decodes page <paramref name="index"/> (0-based) of a TIFF held in memory; null past the last page.</summary>
    public static LeptonicaImage? DecodeTiffPage(ReadOnlySpan<byte> data, int index)
    {
        if (data.IsEmpty) return null;
        OcrRuntime.Prepare();
        var pix = Native.pixReadMemTiff(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(data), (nuint)data.Length, index);
        return pix == IntPtr.Zero ? null : new LeptonicaImage(pix);
    }

    /// <summary>
    /// Returns a straightened copy (leptonica <c>pixDeskew</c>: finds the skew angle on a reduced binary
    /// image and rotates by it when it is above 0.1°), converting to 8-bit first when needed.
    /// Returns null when no new image was made.
    /// </summary>
    public LeptonicaImage? Deskewed()
    {
        var source = Handle;
        var converted = IntPtr.Zero;
        if (Depth is not (1 or 8))
        {
            converted = Native.pixConvertTo8(source, 0);
            if (converted == IntPtr.Zero) return null;
            source = converted;
        }
        var result = Native.pixDeskew(source, 0);
        if (result == source || result == IntPtr.Zero)
        {
            // Below the angle threshold pixDeskew hands back a clone (one more reference) of its input.
            if (result != IntPtr.Zero) Native.pixDestroy(ref result);
            return converted == IntPtr.Zero ? null : new LeptonicaImage(converted);
        }
        if (converted != IntPtr.Zero) Native.pixDestroy(ref converted);
        return new LeptonicaImage(result);
    }

    /// <summary>True when both images have the same size, depth and pixels.</summary>
    public bool SamePixels(LeptonicaImage other) => Native.pixEqual(Handle, other.Handle, out var same) == 0 && same == 1;

    /// <summary>A copy turned by <paramref name="quarterTurns"/> × 90° clockwise (1–3).</summary>
    public LeptonicaImage? Rotated(int quarterTurns)
    {
        var pix = Native.pixRotateOrth(Handle, quarterTurns);
        return pix == IntPtr.Zero ? null : new LeptonicaImage(pix);
    }

    public void Dispose()
    {
        if (_pix != IntPtr.Zero) Native.pixDestroy(ref _pix);
    }
}
