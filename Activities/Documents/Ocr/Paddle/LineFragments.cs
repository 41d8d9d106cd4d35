namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>
/// Joins pieces of one text line that DB detected apart. On noisy or faint scans the probability between two
/// characters of a long number can dip below the threshold, and a phone number in a roster comes back as two boxes
/// ("157692", "74892"); read separately, the ID-number and phone checks would see two short numbers. Boxes are joined
/// when they share the line (vertical overlap ≥ 60 % of the lower box) and the gap between them is at most
/// <see cref="MaxGapInLineHeights"/> line heights, unless a ruling line of a table runs through the gap: cells stay
/// separate however close.
/// </summary>
public static class LineFragments
{
    /// <summary>Widest gap joined, in heights of the taller box.</summary>
    public const double MaxGapInLineHeights = 1.0;

    /// <param name="boxes">Boxes in <paramref name="page"/> pixels.</param>
    /// <returns>The boxes, fragments of one line joined; scores are the larger of the pieces.</returns>
    public static List<TextBox> Merge(IReadOnlyList<TextBox> boxes, GreyRaster page)
    {
        var merged = boxes.OrderBy(b => b.X).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < merged.Count && !changed; i++)
            {
                for (var j = i + 1; j < merged.Count; j++)
                {
                    TextBox a = merged[i], b = merged[j];
                    var height = Math.Max(a.Height, b.Height);
                    if (b.X - a.Right > MaxGapInLineHeights * height) break;
                    var overlap = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Y, b.Y);
                    if (overlap < 0.6 * Math.Min(a.Height, b.Height)) continue;
                    if (RuleBetween(page, a, b)) continue;
                    int x = Math.Min(a.X, b.X), y = Math.Min(a.Y, b.Y);
                    merged[i] = new TextBox(x, y, Math.Max(a.Right, b.Right) - x, Math.Max(a.Bottom, b.Bottom) - y, Math.Max(a.Score, b.Score));
                    merged.RemoveAt(j);
                    merged.Sort((p, q) => p.X.CompareTo(q.X));
                    changed = true;
                    break;
                }
            }
        }
        return merged;
    }

    /// <summary>True when a column of the gap between the boxes is dark over 70 % of their common height: a table rule.</summary>
    private static bool RuleBetween(GreyRaster page, TextBox a, TextBox b)
    {
        int y0 = Math.Max(a.Y, b.Y), y1 = Math.Min(a.Bottom, b.Bottom);
        int x0 = Math.Min(a.Right, b.X), x1 = Math.Max(a.Right, b.X);
        // Overlapping boxes: look at the middle of the overlap, where a rule would have to run.
        if (x1 - x0 < 3) (x0, x1) = (Math.Max(0, (x0 + x1) / 2 - 2), Math.Min(page.Width, (x0 + x1) / 2 + 3));
        var rows = y1 - y0;
        if (rows <= 0) return false;
        for (var x = x0; x < x1; x++)
        {
            var dark = 0;
            for (var y = y0; y < y1; y++)
                if (page.Pixels[y * page.Width + x] < 128) dark++;
            if (dark >= 0.7 * rows) return true;
        }
        return false;
    }
}
