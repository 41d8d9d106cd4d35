namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>
/// Turns the DB probability map into text-line boxes, as PaddleOCR's <c>DBPostProcess</c> does for upright pages:
/// threshold at <see cref="PaddleOptions.BinaryThreshold"/>, connected regions (8-connected), each region scored by
/// the mean probability inside its rectangle, taken along the region's own axis when it slants (kept from
/// <see cref="PaddleOptions.BoxThreshold"/>), then enlarged by the DB unclip distance <c>area × ratio / perimeter</c>,
/// because the model is trained on text shrunk by that much. Pages are deskewed before detection, and the recogniser
/// reads lines slanted by a few degrees, so the boxes handed on are upright rectangles around each region.
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

        // Pass 2: bounding rectangle and second moments of each region.
        var regions = new Dictionary<int, Region>();
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var label = labels[row + x];
                if (label == 0) continue;
                var root = Find(parent, label);
                if (!regions.TryGetValue(root, out var region)) regions[root] = region = new Region(x, y);
                region.Add(x, y);
            }
        }

        var boxes = new List<TextBox>();
        foreach (var (root, region) in regions)
        {
            int w = region.MaxX - region.MinX + 1, h = region.MaxY - region.MinY + 1;
            if (Math.Min(w, h) < MinSide) continue;
            var (score, lineWidth, lineHeight) = Score(region, root, probability, labels, parent, width);
            if (score < options.BoxThreshold) continue;
            var distance = lineWidth * lineHeight * options.UnclipRatio / (2.0 * (lineWidth + lineHeight));
            var x0 = Math.Max(0, (int)Math.Floor(region.MinX - distance));
            var y0 = Math.Max(0, (int)Math.Floor(region.MinY - distance));
            var x1 = Math.Min(width, (int)Math.Ceiling(region.MaxX + 1 + distance));
            var y1 = Math.Min(height, (int)Math.Ceiling(region.MaxY + 1 + distance));
            if (Math.Min(x1 - x0, y1 - y0) < MinSide + 2) continue;
            boxes.Add(new TextBox(x0, y0, x1 - x0, y1 - y0, score));
        }
        if (boxes.Count > options.MaxBoxes)
            boxes = boxes.OrderByDescending(b => b.Score).Take(options.MaxBoxes).ToList();
        return boxes;
    }

    /// <summary>Below this slant (radians, ≈ 0.5°) a region is scored over its bounding rectangle.</summary>
    private const double Upright = 0.5 * Math.PI / 180;

    /// <summary>
    /// The region's score, the mean probability inside its rectangle as PaddleOCR scores its minimum-area rectangle,
    /// and that rectangle's length and thickness. A slanted line (an ID card copied askew, a page deskewed as a whole
    /// while one card on it is not) is measured along its own axis, from its second moments: its upright bounding
    /// rectangle holds mostly background, and scored over that it would fall under the box threshold and be lost.
    /// </summary>
    private static (float Score, double Width, double Height) Score(Region region, int root, ReadOnlySpan<float> probability, int[] labels, List<int> parent, int width)
    {
        int w = region.MaxX - region.MinX + 1, h = region.MaxY - region.MinY + 1;
        var angle = region.Angle;
        if (Math.Abs(angle) < Upright || w < 2 * h)
        {
            double sum = 0;
            for (var y = region.MinY; y <= region.MaxY; y++)
                for (var x = region.MinX; x <= region.MaxX; x++) sum += probability[y * width + x];
            return ((float)(sum / (w * h)), w, h);
        }
        double cos = Math.Cos(angle), sin = Math.Sin(angle), cx = region.MeanX, cy = region.MeanY;
        double uMin = double.MaxValue, uMax = double.MinValue, vMin = double.MaxValue, vMax = double.MinValue;
        for (var y = region.MinY; y <= region.MaxY; y++)
            for (var x = region.MinX; x <= region.MaxX; x++)
            {
                var label = labels[y * width + x];
                if (label == 0 || Find(parent, label) != root) continue;
                double u = (x - cx) * cos + (y - cy) * sin, v = -(x - cx) * sin + (y - cy) * cos;
                (uMin, uMax, vMin, vMax) = (Math.Min(uMin, u), Math.Max(uMax, u), Math.Min(vMin, v), Math.Max(vMax, v));
            }
        double inside = 0, count = 0;
        for (var y = region.MinY; y <= region.MaxY; y++)
            for (var x = region.MinX; x <= region.MaxX; x++)
            {
                double u = (x - cx) * cos + (y - cy) * sin, v = -(x - cx) * sin + (y - cy) * cos;
                if (u < uMin - 0.5 || u > uMax + 0.5 || v < vMin - 0.5 || v > vMax + 0.5) continue;
                inside += probability[y * width + x];
                count++;
            }
        return ((float)(inside / Math.Max(1, count)), uMax - uMin + 1, vMax - vMin + 1);
    }

    /// <summary>A connected region: bounding rectangle and the sums for its centroid and orientation.</summary>
    private sealed class Region(int x, int y)
    {
        private double _n, _sx, _sy, _sxx, _syy, _sxy;

        public int MinX { get; private set; } = x;
        public int MinY { get; private set; } = y;
        public int MaxX { get; private set; } = x;
        public int MaxY { get; private set; } = y;
        public double MeanX => _sx / _n;
        public double MeanY => _sy / _n;

        /// <summary>Direction of the region's long axis, radians, from its second central moments.</summary>
        public double Angle
        {
            get
            {
                double mx = MeanX, my = MeanY;
                return 0.5 * Math.Atan2(2 * (_sxy / _n - mx * my), _sxx / _n - mx * mx - (_syy / _n - my * my));
            }
        }

        public void Add(int px, int py)
        {
            (MinX, MinY, MaxX, MaxY) = (Math.Min(MinX, px), Math.Min(MinY, py), Math.Max(MaxX, px), Math.Max(MaxY, py));
            _n++;
            _sx += px;
            _sy += py;
            _sxx += (double)px * px;
            _syy += (double)py * py;
            _sxy += (double)px * py;
        }
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
