using System.Text;

namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>Greedy (best path) CTC decoding, as PaddleOCR's <c>CTCLabelDecode</c>.</summary>
public static class CtcDecoder
{
    /// <summary>
    /// Takes the most probable class at each time step, drops repeats and the blank (class 0), and maps classes to
    /// characters through <paramref name="alphabet"/>.
    /// </summary>
    /// <param name="probabilities">Row-major [<paramref name="steps"/>, <paramref name="classes"/>] softmax output.</param>
    /// <returns>The text and the mean probability of its characters (0 when nothing was read).</returns>
    public static (string Text, float Confidence) Greedy(ReadOnlySpan<float> probabilities, int steps, int classes, IReadOnlyList<string> alphabet)
    {
        var text = new StringBuilder();
        double sum = 0;
        var count = 0;
        var previous = -1;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = 0;
            var max = row[0];
            for (var c = 1; c < row.Length; c++)
            {
                if (row[c] > max)
                {
                    max = row[c];
                    best = c;
                }
            }
            if (best != 0 && best != previous && best < alphabet.Count)
            {
                text.Append(alphabet[best]);
                sum += max;
                count++;
            }
            previous = best;
        }
        return (text.ToString(), count == 0 ? 0 : (float)(sum / count));
    }
}
