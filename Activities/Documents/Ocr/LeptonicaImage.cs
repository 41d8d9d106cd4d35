namespace Pipeline.Activities.Documents.Ocr;

/// <summary>
/// An owned leptonica <c>PIX*</c>, decoded from bytes (PNG, JPEG, TIFF, PNM, BMP, GIF, WebP).
/// Disposing destroys the native image.
/// </summary>
public sealed class LeptonicaImage : IDisposable
{
    private IntPtr _pix;

    private LeptonicaImage(IntPtr pix) => _pix = pix;

    internal IntPtr Handle => _pix != IntPtr.Zero ? _pix : throw new ObjectDisposedException(nameof(LeptonicaImage));

    public int Width => Native.pixGetWidth(Handle);
    public int Height => Native.pixGetHeight(Handle);
    public int Depth => Native.pixGetDepth(Handle);

    /// <summary>Declared horizontal resolution in dpi, 0 when the file declares none.</summary>
    public int XResolution => Native.pixGetXRes(Handle);

    /// <summary>Decodes an image file held in memory; null when leptonica cannot read it.</summary>
    public static LeptonicaImage? Decode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return null;
        OcrRuntime.Prepare();
        var pix = Native.pixReadMem(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(data), (nuint)data.Length);
        return pix == IntPtr.Zero ? null : new LeptonicaImage(pix);
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
