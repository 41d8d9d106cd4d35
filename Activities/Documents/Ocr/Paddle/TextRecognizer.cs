using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>
/// SVTR-LCNet line recognition, PP-OCRv4: each box is cut from the page, scaled to 48 pixels high keeping its
/// aspect ratio, normalised to −1…1 and padded on the right; boxes of similar width go through the model together
/// (<see cref="PaddleOptions.RecognitionBatch"/> at a time, so little padding is wasted); the output is read by
/// greedy CTC decoding.
/// </summary>
public sealed class TextRecognizer(InferenceSession session, IReadOnlyList<string> alphabet, PaddleOptions options)
{
    private const int InputHeight = 48;

    /// <summary>Reads every box; the result has one line per box, in the order of <paramref name="boxes"/>.</summary>
    public RecognizedLine[] Recognize(GreyRaster page, IReadOnlyList<TextBox> boxes)
    {
        var lines = new RecognizedLine[boxes.Count];
        var order = Enumerable.Range(0, boxes.Count).OrderBy(i => InputWidth(boxes[i])).ToArray();
        for (var start = 0; start < order.Length; start += options.RecognitionBatch)
        {
            var batch = order.AsSpan(start, Math.Min(options.RecognitionBatch, order.Length - start)).ToArray();
            var width = Math.Max(options.MinRecognitionWidth, batch.Max(i => InputWidth(boxes[i])));
            width = (width + 7) / 8 * 8;
            var input = new DenseTensor<float>([batch.Length, 3, InputHeight, width]);
            var buffer = input.Buffer.Span;
            var plane = InputHeight * width;
            for (var n = 0; n < batch.Length; n++)
            {
                var box = boxes[batch[n]];
                var image = buffer.Slice(n * 3 * plane, 3 * plane);
                var cropWidth = Math.Min(width, InputWidth(box));
                page.Resample(box.X, box.Y, box.Width, box.Height, cropWidth, InputHeight, image[..plane], width, 2f / 255, -1f);
                image.Slice(0, plane).CopyTo(image.Slice(plane, plane));
                image.Slice(0, plane).CopyTo(image.Slice(2 * plane, plane));
            }
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputNames[0], input)]);
            var output = results[0].AsTensor<float>() as DenseTensor<float>
                ?? throw new InvalidOperationException("the recogniser returned no dense tensor");
            var steps = output.Dimensions[1];
            var classes = output.Dimensions[2];
            for (var n = 0; n < batch.Length; n++)
            {
                var (text, confidence) = CtcDecoder.Greedy(output.Buffer.Span.Slice(n * steps * classes, steps * classes), steps, classes, alphabet);
                lines[batch[n]] = new RecognizedLine(boxes[batch[n]], text, confidence);
            }
        }
        return lines;
    }

    private int InputWidth(TextBox box) =>
        Math.Clamp((int)Math.Ceiling(InputHeight * (double)box.Width / box.Height), 8, options.MaxRecognitionWidth);
}

/// <summary>One recognised text line: its box, its text and the mean probability of its characters (0–1).</summary>
public sealed record RecognizedLine(TextBox Box, string Text, float Confidence);
