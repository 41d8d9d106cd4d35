using System.Runtime.InteropServices;

namespace Pipeline.Activities.Documents.Ocr;

/// <summary>
/// P/Invoke declarations for libtesseract 5's C API (<c>tesseract/capi.h</c>), leptonica
/// (<c>allheaders.h</c>) and libc. Debian 12 sonames: <c>libtesseract.so.5</c>, <c>liblept.so.5</c>.
/// </summary>
internal static partial class Native
{
    private const string Tess = "libtesseract.so.5";
    private const string Lept = "liblept.so.5";

    [LibraryImport(Tess)] internal static partial IntPtr TessBaseAPICreate();
    [LibraryImport(Tess, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit3(IntPtr handle, string? datapath, string language);
    [LibraryImport(Tess)] internal static partial void TessBaseAPISetPageSegMode(IntPtr handle, int mode);
    [LibraryImport(Tess, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.I4)]
    internal static partial int TessBaseAPISetVariable(IntPtr handle, string name, string value);
    [LibraryImport(Tess)] internal static partial void TessBaseAPISetImage2(IntPtr handle, IntPtr pix);
    [LibraryImport(Tess)] internal static partial void TessBaseAPISetSourceResolution(IntPtr handle, int ppi);
    [LibraryImport(Tess)] internal static partial IntPtr TessBaseAPIGetUTF8Text(IntPtr handle);
    [LibraryImport(Tess)] internal static partial void TessDeleteText(IntPtr text);
    [LibraryImport(Tess)] internal static partial int TessBaseAPIMeanTextConf(IntPtr handle);
    [LibraryImport(Tess)] internal static partial void TessBaseAPIClear(IntPtr handle);
    [LibraryImport(Tess)] internal static partial void TessBaseAPIEnd(IntPtr handle);
    [LibraryImport(Tess)] internal static partial void TessBaseAPIDelete(IntPtr handle);

    [LibraryImport(Lept)] internal static partial IntPtr pixReadMem(ref byte data, nuint size);
    [LibraryImport(Lept)] internal static partial IntPtr pixReadMemTiff(ref byte data, nuint size, int n);
    [LibraryImport(Lept)] internal static partial void pixDestroy(ref IntPtr pix);
    [LibraryImport(Lept)] internal static partial IntPtr pixCreateNoInit(int width, int height, int depth);
    [LibraryImport(Lept)] internal static partial IntPtr pixGetData(IntPtr pix);
    [LibraryImport(Lept)] internal static partial int pixGetWpl(IntPtr pix);
    [LibraryImport(Lept)] internal static partial int pixSetResolution(IntPtr pix, int xres, int yres);
    [LibraryImport(Lept)] internal static partial int pixEqual(IntPtr pix1, IntPtr pix2, out int same);
    [LibraryImport(Lept)] internal static partial int pixGetWidth(IntPtr pix);
    [LibraryImport(Lept)] internal static partial int pixGetHeight(IntPtr pix);
    [LibraryImport(Lept)] internal static partial int pixGetDepth(IntPtr pix);
    [LibraryImport(Lept)] internal static partial int pixGetXRes(IntPtr pix);
    [LibraryImport(Lept)] internal static partial IntPtr pixConvertTo8(IntPtr pix, int cmapflag);
    [LibraryImport(Lept)] internal static partial IntPtr pixDeskew(IntPtr pix, int redsearch);
    /// <summary>Scales to <paramref name="width"/> × <paramref name="height"/> pixels (0 keeps the aspect ratio); smooth when reducing 8/32 bpp.</summary>
    [LibraryImport(Lept)] internal static partial IntPtr pixScaleToSize(IntPtr pix, int width, int height);
    /// <summary>Encodes as PNG into a buffer leptonica allocates (free it with <see cref="lept_free"/>); 0 on success.</summary>
    [LibraryImport(Lept)] internal static partial int pixWriteMemPng(out IntPtr data, out nuint size, IntPtr pix, float gamma);
    [LibraryImport(Lept)] internal static partial void lept_free(IntPtr ptr);
    /// <summary>Rotates by <paramref name="quads"/> × 90° clockwise.</summary>
    [LibraryImport(Lept)] internal static partial IntPtr pixRotateOrth(IntPtr pix, int quads);

    /// <summary>Leptonica's message threshold: 6 (L_SEVERITY_NONE) silences its stderr chatter.</summary>
    [LibraryImport(Lept)] internal static partial int setMsgSeverity(int severity);

    /// <summary>glibc <c>mallopt</c>: M_MMAP_THRESHOLD = -3, M_ARENA_MAX = -8.</summary>
    [LibraryImport("libc")] internal static partial int mallopt(int param, int value);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int setenv(string name, string value, int overwrite);
}
