using System.Runtime.InteropServices;

namespace Pipeline.Activities.Documents.Ocr;

/// <summary>Leptonica calls used to copy page images into managed rasters (PaddleOCR input).</summary>
internal static partial class Native
{
    /// <summary>The image's colour map, or zero when it has none.</summary>
    [LibraryImport(Lept)] internal static partial IntPtr pixGetColormap(IntPtr pix);
}
