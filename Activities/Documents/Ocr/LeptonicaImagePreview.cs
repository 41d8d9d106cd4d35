using System.Runtime.InteropServices;

namespace Pipeline.Activities.Documents.Ocr;

/// <summary>Page previews: a page image reduced for the screen and encoded as PNG.</summary>
public sealed partial class LeptonicaImage
{
    /// <summary>
    /// The image as PNG, reduced to at most <paramref name="maxWidth"/> pixels wide (aspect kept; never enlarged).
    /// 1 bpp and palette images are turned grey first, so the reduction is smooth (area-averaged) rather than sampled;
    /// colour stays colour (a red seal stays red).
    /// </summary>
    /// <returns>The PNG bytes, or null when leptonica cannot scale or encode the image.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> below 16 pixels.</exception>
    public byte[]? ToPng(int maxWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 16);
        var source = Handle;
        var owned = new List<IntPtr>(2);
        try
        {
            if (Depth < 8 || HasColormap)
            {
                var grey = Native.pixConvertTo8(source, 0);
                if (grey == IntPtr.Zero) return null;
                owned.Add(grey);
                source = grey;
            }
            if (Native.pixGetWidth(source) > maxWidth)
            {
                var scaled = Native.pixScaleToSize(source, maxWidth, 0);
                if (scaled == IntPtr.Zero) return null;
                owned.Add(scaled);
                source = scaled;
            }
            if (Native.pixWriteMemPng(out var data, out var size, source, 0f) != 0 || data == IntPtr.Zero) return null;
            try
            {
                var png = new byte[checked((int)size)];
                Marshal.Copy(data, png, 0, png.Length);
                return png;
            }
            finally
            {
                Native.lept_free(data);
            }
        }
        finally
        {
            foreach (var pix in owned)
            {
                var p = pix;
                Native.pixDestroy(ref p);
            }
        }
    }
}
