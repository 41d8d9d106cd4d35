namespace Pipeline.Activities.Documents.Ocr;

/// <summary>Resampling and grey conversion of a page image before OCR.</summary>
public sealed partial class LeptonicaImage
{
    /// <summary>Relative difference from the target resolution under which an image is left as it is (2 %).</summary>
    private const double ResolutionTolerance = 0.02;

    /// <summary>
    /// A copy resampled so that it declares <paramref name="dpi"/> in both directions (leptonica <c>pixScale</c>:
    /// linear interpolation for grey; 1 bpp images are sampled, so convert them with <see cref="ToGrey"/> first).
    /// Tesseract reads 150–200 dpi pages worse than 300 dpi ones, so a low-resolution scan is up-sampled; a 600 dpi
    /// scan is down-sampled, which costs less OCR time. Returns null when no new image is needed: the image is
    /// within 2 % of <paramref name="dpi"/> already, declares no resolution, or <paramref name="dpi"/> ≤ 0.
    /// </summary>
    public LeptonicaImage? ScaledToDpi(int dpi)
    {
        int x = XResolution, y = YResolution;
        if (dpi <= 0 || x <= 0 || y <= 0) return null;
        if (Math.Abs(x - dpi) <= dpi * ResolutionTolerance && Math.Abs(y - dpi) <= dpi * ResolutionTolerance) return null;
        var scaled = Native.pixScale(Handle, (float)dpi / x, (float)dpi / y);
        if (scaled == IntPtr.Zero) return null;
        Native.pixSetResolution(scaled, dpi, dpi);
        return new LeptonicaImage(scaled);
    }

    /// <summary>
    /// An 8 bpp grey copy of a colour (32 bpp RGB, luminance), palette or 1 bpp image; null when the image is 8 bpp
    /// grey already (or cannot be converted). Keeps the declared resolution. OCR gets 1 bpp scans as grey too:
    /// deskewing rotates a grey image smoothly but a 1 bpp one by shears, and the fixture packs read worse that way.
    /// </summary>
    public LeptonicaImage? ToGrey()
    {
        var depth = Depth;
        if (depth == 8 && !HasColormap) return null;
        var grey = depth == 32 ? Native.pixConvertRGBToGray(Handle, 0, 0, 0) : Native.pixConvertTo8(Handle, 0);
        if (grey == IntPtr.Zero) return null;
        Native.pixSetResolution(grey, XResolution, YResolution);
        return new LeptonicaImage(grey);
    }

    /// <summary>Records the resolution the image was scanned at, in dpi (what OCR is told).</summary>
    public void SetResolution(int xDpi, int yDpi) => Native.pixSetResolution(Handle, xDpi, yDpi);

    private bool HasColormap => Native.pixGetColormap(Handle) != IntPtr.Zero;
}
