namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>
/// An 8-bit grey image in managed memory, row-major, one byte a pixel (0 black, 255 white), for the model
/// input tensors. A4 at 200 dpi is 3.9 MB, at 300 dpi 8.7 MB.
/// </summary>
public sealed class GreyRaster
{
    public GreyRaster(byte[] pixels, int width, int height)
    {
        if ((long)width * height != pixels.Length) throw new ArgumentException("pixels.Length must be width × height", nameof(pixels));
        Pixels = pixels;
        Width = width;
        Height = height;
    }

    public byte[] Pixels { get; }
    public int Width { get; }
    public int Height { get; }

    /// <summary>Copies a leptonica image of any depth (1-bit, 8-bit, colour-mapped, 32-bit RGB) as grey.</summary>
    /// <exception cref="InvalidOperationException">Leptonica cannot convert the image.</exception>
    public static unsafe GreyRaster From(LeptonicaImage image)
    {
        // LeptonicaImage.ToGrey converts colour, palette and 1-bit images; null means the image is 8-bit grey already.
        using var converted = image.ToGrey();
        if (converted is null && image.Depth != 8) throw new InvalidOperationException("leptonica could not convert the page image to 8-bit grey");
        var source = (converted ?? image).Handle;
        int width = Native.pixGetWidth(source), height = Native.pixGetHeight(source), wpl = Native.pixGetWpl(source);
        var pixels = new byte[width * height];
        var raster = (uint*)Native.pixGetData(source);
        for (var y = 0; y < height; y++)
        {
            var words = raster + (long)y * wpl;
            var row = pixels.AsSpan(y * width, width);
            // Leptonica packs 8-bit pixels most significant byte first within each 32-bit word.
            for (var x = 0; x < width; x++)
                row[x] = (byte)(words[x >> 2] >> (24 - 8 * (x & 3)));
        }
        return new GreyRaster(pixels, width, height);
    }

    /// <summary>
    /// Resamples the rectangle (<paramref name="x0"/>, <paramref name="y0"/>, <paramref name="w"/> × <paramref name="h"/>)
    /// to <paramref name="outWidth"/> × <paramref name="outHeight"/> and writes <c>value × scale + shift</c> into
    /// <paramref name="destination"/> (row stride <paramref name="stride"/>). Bilinear when enlarging; when shrinking,
    /// each output pixel averages the source pixels it covers (no aliasing of thin strokes).
    /// </summary>
    public void Resample(int x0, int y0, int w, int h, int outWidth, int outHeight, Span<float> destination, int stride, float scale, float shift)
    {
        var fx = (double)w / outWidth;
        var fy = (double)h / outHeight;
        if (fx <= 1 && fy <= 1)
        {
            for (var oy = 0; oy < outHeight; oy++)
            {
                var sy = Math.Clamp((oy + 0.5) * fy - 0.5, 0, h - 1);
                var yA = (int)sy;
                var yB = Math.Min(yA + 1, h - 1);
                var wy = (float)(sy - yA);
                var rowA = (y0 + yA) * Width + x0;
                var rowB = (y0 + yB) * Width + x0;
                var line = destination.Slice(oy * stride, outWidth);
                for (var ox = 0; ox < outWidth; ox++)
                {
                    var sx = Math.Clamp((ox + 0.5) * fx - 0.5, 0, w - 1);
                    var xA = (int)sx;
                    var xB = Math.Min(xA + 1, w - 1);
                    var wx = (float)(sx - xA);
                    var top = Pixels[rowA + xA] + (Pixels[rowA + xB] - Pixels[rowA + xA]) * wx;
                    var bottom = Pixels[rowB + xA] + (Pixels[rowB + xB] - Pixels[rowB + xA]) * wx;
                    line[ox] = (top + (bottom - top) * wy) * scale + shift;
                }
            }
            return;
        }
        for (var oy = 0; oy < outHeight; oy++)
        {
            var syA = y0 + (int)(oy * fy);
            var syB = Math.Max(syA + 1, y0 + Math.Min(h, (int)Math.Ceiling((oy + 1) * fy)));
            var line = destination.Slice(oy * stride, outWidth);
            for (var ox = 0; ox < outWidth; ox++)
            {
                var sxA = x0 + (int)(ox * fx);
                var sxB = Math.Max(sxA + 1, x0 + Math.Min(w, (int)Math.Ceiling((ox + 1) * fx)));
                var sum = 0;
                for (var sy = syA; sy < syB; sy++)
                {
                    var row = sy * Width;
                    for (var sx = sxA; sx < sxB; sx++) sum += Pixels[row + sx];
                }
                line[ox] = (float)sum / ((syB - syA) * (sxB - sxA)) * scale + shift;
            }
        }
    }
}
