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

        var plane = width * height;
        var input = new DenseTensor<float>([1, 3, height, width]);
        var buffer = input.Buffer.Span;
        // Resample once into channel 0, then derive the other two channels from it.
        page.Resample(0, 0, page.Width, page.Height, width, height, buffer[..plane], width, 1f / 255, 0);
        for (var c = 2; c >= 0; c--)
        {
            var channel = buffer.Slice(c * plane, plane);
            var source = buffer[..plane];
            float m = Mean[c], d = 1 / Deviation[c];
            for (var i = 0; i < plane; i++) channel[i] = (source[i] - m) * d;
        }

        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputNames[0], input)]);
        var probability = results[0].AsTensor<float>() as DenseTensor<float>
            ?? throw new InvalidOperationException("the detector returned no dense tensor");
        var boxes = DbPostProcess.Boxes(probability.Buffer.Span, width, height, options);
        var sx = (double)page.Width / width;
        var sy = (double)page.Height / height;
        var scaled = new List<TextBox>(boxes.Count);
        foreach (var b in boxes)
        {
            var x = Math.Clamp((int)Math.Floor(b.X * sx), 0, page.Width - 1);
            var y = Math.Clamp((int)Math.Floor(b.Y * sy), 0, page.Height - 1);
            var right = Math.Clamp((int)Math.Ceiling(b.Right * sx), x + 1, page.Width);
            var bottom = Math.Clamp((int)Math.Ceiling(b.Bottom * sy), y + 1, page.Height);
            scaled.Add(b with { X = x, Y = y, Width = right - x, Height = bottom - y });
        }
        return LineFragments.Merge(scaled, page);
    }
}
