using System.Runtime.InteropServices;

namespace Pipeline.Activities.Documents.Ocr;

/// <summary>Leptonica entry points for resampling and grey conversion of page images (<c>liblept.so.5</c>).</summary>
internal static partial class Native
{
    /// <summary>Scales by <paramref name="scalex"/> × <paramref name="scaley"/> (linear interpolation for grey, sampling for 1 bpp); a new image.</summary>
    [LibraryImport(Lept)] internal static partial IntPtr pixScale(IntPtr pix, float scalex, float scaley);

    /// <summary>Luminance of a 32 bpp RGB image as 8 bpp grey; weights 0 take leptonica's defaults (0.3, 0.5, 0.2).</summary>
    [LibraryImport(Lept)] internal static partial IntPtr pixConvertRGBToGray(IntPtr pix, float rwt, float gwt, float bwt);

    [LibraryImport(Lept)] internal static partial int pixGetYRes(IntPtr pix);

    /// <summary>The image's palette, or null (IntPtr.Zero) when it has none; owned by the image.</summary>
    [LibraryImport(Lept)] internal static partial IntPtr pixGetColormap(IntPtr pix);
}
