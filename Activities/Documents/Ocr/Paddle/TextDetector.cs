using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>
/// DB (Differentiable Binarization) text detection, PP-OCRv4: the page is scaled so that its text has the size the
/// model reads best (<see cref="PaddleOptions.DetectionDpi"/>), each side a multiple of 32, normalised with the
/// ImageNet mean and deviation, and the model's probability map is turned into line boxes by
/// <see cref="DbPostProcess"/>, pieces of one line joined by <see cref="LineFragments"/>. Boxes come back in the page
/// image's pixels.
/// </summary>
public sealed class TextDetector(InferenceSession session, PaddleOptions options)
{
    // PaddleOCR's DetResizeForTest/NormalizeImage on BGR input: per-channel mean and standard deviation.
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Deviation = [0.229f, 0.224f, 0.225f];

    /// <param name="page">The page image.</param>
    /// <param name="dpi">The page's resolution in dots per inch (declared or assumed).</param>
    public IReadOnlyList<TextBox> Detect(GreyRaster page, int dpi)
    {
        var scale = Math.Min(1.0, (double)options.DetectionDpi / Math.Max(dpi, 1));
        var limit = (double)options.DetectionMaxSide / Math.Max(page.Width, page.Height);
        scale = Math.Min(scale, limit);
        var width = Math.Max(32, (int)Math.Round(page.Width * scale / 32) * 32);
        var height = Math.Max(32, (int)Math.Round(page.Height * scale / 32) * 32);

        // The page is scaled once; the model then runs on horizontal strips and their maps are stitched, so the
        // network's working memory is bounded by the strip, not the page (PaddleOptions.DetectionStripHeight).
        var plane = width * height;
        var scaled = new float[plane];
        var probability = new float[plane];
        page.Resample(0, 0, page.Width, page.Height, width, height, scaled, width, 1f / 255, 0);
        DetectStrips(scaled, probability, width, height);
        return ToPage(DbPostProcess.Boxes(probability, width, height, options), page, width, height);
    }

    /// <summary>Fills <paramref name="probability"/> with the model's map of the scaled page, strip by strip.</summary>
    private void DetectStrips(float[] scaled, float[] probability, int width, int height)
    {
        var strip = Math.Max(2 * StripOverlap, options.DetectionStripHeight / 32 * 32);
        for (var top = 0; ; top += strip - StripOverlap)
        {
            var rows = Math.Min(strip, height - top);
            // Each strip keeps the rows away from its cut edges; the overlap is split between neighbours.
            var keepFrom = top == 0 ? 0 : StripOverlap / 2;
            var keepTo = top + rows >= height ? rows : rows - StripOverlap / 2;
            Run(scaled.AsSpan(top * width, rows * width), width, rows, keepFrom, keepTo, probability.AsSpan((top + keepFrom) * width));
            if (top + rows >= height) break;
        }
    }

    /// <summary>Scales boxes from the detector's input back to the page, then joins the pieces of a line.</summary>
    private static List<TextBox> ToPage(IReadOnlyList<TextBox> boxes, GreyRaster page, int width, int height)
    {
        var sx = (double)page.Width / width;
        var sy = (double)page.Height / height;
        var pageBoxes = new List<TextBox>(boxes.Count);
        foreach (var b in boxes)
        {
            var x = Math.Clamp((int)Math.Floor(b.X * sx), 0, page.Width - 1);
            var y = Math.Clamp((int)Math.Floor(b.Y * sy), 0, page.Height - 1);
            var right = Math.Clamp((int)Math.Ceiling(b.Right * sx), x + 1, page.Width);
            var bottom = Math.Clamp((int)Math.Ceiling(b.Bottom * sy), y + 1, page.Height);
            pageBoxes.Add(b with { X = x, Y = y, Width = right - x, Height = bottom - y });
        }
        return LineFragments.Merge(pageBoxes, page);
    }

    /// <summary>Rows of the detector's input that neighbouring strips share (a multiple of 32, the model's stride).</summary>
    private const int StripOverlap = 64;

    /// <summary>
    /// Runs the model on one strip of the scaled page (grey 0–1) and copies rows <paramref name="keepFrom"/> to
    /// <paramref name="keepTo"/> of its probability map into <paramref name="destination"/>. One strip at a time in the
    /// process: ONNX Runtime's arena keeps the largest working set it has ever needed, and two strips at once would
    /// double it for little speed (the other worker recognises lines meanwhile).
    /// </summary>
    private void Run(ReadOnlySpan<float> grey, int width, int rows, int keepFrom, int keepTo, Span<float> destination)
    {
        var plane = width * rows;
        var input = new DenseTensor<float>([1, 3, rows, width]);
        var buffer = input.Buffer.Span;
        for (var c = 0; c < 3; c++)
        {
            var channel = buffer.Slice(c * plane, plane);
            float m = Mean[c], d = 1 / Deviation[c];
            for (var i = 0; i < plane; i++) channel[i] = (grey[i] - m) * d;
        }
        lock (session)
        {
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputNames[0], input)]);
            var map = results[0].AsTensor<float>() as DenseTensor<float>
                ?? throw new InvalidOperationException("the detector returned no dense tensor");
            map.Buffer.Span.Slice(keepFrom * width, (keepTo - keepFrom) * width).CopyTo(destination);
        }
    }
}
