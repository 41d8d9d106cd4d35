namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>
/// Turns the DB probability map into text-line boxes, as PaddleOCR's <c>DBPostProcess</c> does for upright pages:
/// threshold at <see cref="PaddleOptions.BinaryThreshold"/>, connected regions (4-connected), each region's
/// bounding rectangle scored by the mean probability inside it (kept from <see cref="PaddleOptions.BoxThreshold"/>),
/// then enlarged by the DB unclip distance <c>area × ratio / perimeter</c>, because the model is trained on text
/// shrunk by that much. Pages are deskewed before detection, so rectangles (not rotated boxes) are enough.
/// </summary>
public static class DbPostProcess
{
    private const int MinSide = 3;

    /// <param name="probability">Row-major map, <paramref name="width"/> × <paramref name="height"/>, values 0–1.</param>
    /// <returns>Boxes in map pixels, at most <see cref="PaddleOptions.MaxBoxes"/>, largest score first when cut.</returns>
    public static IReadOnlyList<TextBox> Boxes(ReadOnlySpan<float> probability, int width, int height, PaddleOptions options)
    {
        var labels = new int[width * height];
        var parent = new List<int> { 0 };
        var threshold = options.BinaryThreshold;

        // Pass 1: provisional labels, 8-connected (as OpenCV's contours, which PaddleOCR uses), with union-find over the
        // already labelled neighbours: left, upper left, upper, upper right.
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                if (probability[row + x] <= threshold) continue;
                var label = 0;
                if (x > 0) label = Join(parent, label, labels[row + x - 1]);
                if (y > 0)
                {
                    var above = row - width + x;
                    if (x > 0) label = Join(parent, label, labels[above - 1]);
                    label = Join(parent, label, labels[above]);
                    if (x + 1 < width) label = Join(parent, label, labels[above + 1]);
                }
                if (label == 0)
                {
                    label = parent.Count;
                    parent.Add(label);
                }
                labels[row + x] = label;
            }
        }

        // Pass 2: bounding rectangle of each region.
        var regions = new Dictionary<int, (int MinX, int MinY, int MaxX, int MaxY)>();
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var label = labels[row + x];
                if (label == 0) continue;
                var root = Find(parent, label);
                regions[root] = regions.TryGetValue(root, out var r)
                    ? (Math.Min(r.MinX, x), Math.Min(r.MinY, y), Math.Max(r.MaxX, x), Math.Max(r.MaxY, y))
                    : (x, y, x, y);
            }
        }

        var boxes = new List<TextBox>();
        foreach (var (minX, minY, maxX, maxY) in regions.Values)
        {
            int w = maxX - minX + 1, h = maxY - minY + 1;
            if (Math.Min(w, h) < MinSide) continue;
            double sum = 0;
            for (var y = minY; y <= maxY; y++)
                for (var x = minX; x <= maxX; x++) sum += probability[y * width + x];
            var score = (float)(sum / (w * h));
            if (score < options.BoxThreshold) continue;
            var distance = w * h * options.UnclipRatio / (2.0 * (w + h));
            var x0 = Math.Max(0, (int)Math.Floor(minX - distance));
            var y0 = Math.Max(0, (int)Math.Floor(minY - distance));
            var x1 = Math.Min(width, (int)Math.Ceiling(maxX + 1 + distance));
            var y1 = Math.Min(height, (int)Math.Ceiling(maxY + 1 + distance));
            if (Math.Min(x1 - x0, y1 - y0) < MinSide + 2) continue;
            boxes.Add(new TextBox(x0, y0, x1 - x0, y1 - y0, score));
        }
        if (boxes.Count > options.MaxBoxes)
            boxes = boxes.OrderByDescending(b => b.Score).Take(options.MaxBoxes).ToList();
        return boxes;
    }

    /// <summary>Unites the region of <paramref name="current"/> (0 = none yet) with that of a neighbour's label; returns the root.</summary>
    private static int Join(List<int> parent, int current, int neighbour)
    {
        if (neighbour == 0) return current;
        var b = Find(parent, neighbour);
        if (current == 0) return b;
        var a = Find(parent, current);
        if (a == b) return a;
        var root = Math.Min(a, b);
        parent[Math.Max(a, b)] = root;
        return root;
    }

    private static int Find(List<int> parent, int label)
    {
        while (parent[label] != label)
        {
            parent[label] = parent[parent[label]];
            label = parent[label];
        }
        return label;
    }
}
