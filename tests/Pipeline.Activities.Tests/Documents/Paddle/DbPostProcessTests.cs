using Pipeline.Activities.Documents.Ocr.Paddle;

namespace Pipeline.Activities.Tests.Documents.Paddle;

public sealed class DbPostProcessTests
{
    private const int Width = 120, Height = 60;

    private static void Fill(float[] map, int x0, int y0, int x1, int y1, float p)
    {
        for (var y = y0; y < y1; y++)
            for (var x = x0; x < x1; x++) map[y * Width + x] = p;
    }

    [Fact]
    public void EachTextRegion_BecomesOneBox_EnlargedByTheUnclipDistance()
    {
        var map = new float[Width * Height];
        Fill(map, 10, 20, 50, 30, 0.9f);
        Fill(map, 70, 20, 110, 30, 0.9f);

        var boxes = DbPostProcess.Boxes(map, Width, Height, new PaddleOptions()).OrderBy(b => b.X).ToList();

        Assert.Equal(2, boxes.Count);
        // 40 × 10 region: distance = 400 × 1.5 / 100 = 6 pixels on every side.
        Assert.Equal((4, 14, 52, 22), (boxes[0].X, boxes[0].Y, boxes[0].Width, boxes[0].Height));
        Assert.Equal(0.9f, boxes[0].Score, 3);
    }

    [Fact]
    public void FaintRegions_AndSpecks_AreDropped()
    {
        var map = new float[Width * Height];
        Fill(map, 10, 20, 50, 30, 0.45f); // above the binary threshold, below the box threshold
        Fill(map, 80, 20, 82, 40, 0.95f); // two pixels wide

        Assert.Empty(DbPostProcess.Boxes(map, Width, Height, new PaddleOptions()));
    }

    [Fact]
    public void SlantedLine_IsScoredAlongItsOwnAxis_AndKept()
    {
        // A 90-pixel line, 6 pixels thick, rising 1 pixel every 6: its upright bounding rectangle is mostly background.
        var map = new float[Width * Height];
        for (var x = 10; x < 100; x++)
            for (var t = 0; t < 6; t++) map[(40 - x / 6 + t) * Width + x] = 0.9f;

        var box = Assert.Single(DbPostProcess.Boxes(map, Width, Height, new PaddleOptions()));

        Assert.True(box.Score > 0.6f, $"score {box.Score}");
        Assert.True(box.X <= 10 && box.Right >= 100 && box.Y <= 25 && box.Bottom >= 46, box.ToString());
    }

    [Fact]
    public void DiagonalNeighbours_BelongToOneRegion()
    {
        var map = new float[Width * Height];
        Fill(map, 10, 10, 30, 20, 0.9f);
        Fill(map, 30, 20, 50, 30, 0.9f); // touches the first only at a corner

        var box = Assert.Single(DbPostProcess.Boxes(map, Width, Height, new PaddleOptions { BoxThreshold = 0.4f }));
        Assert.True(box.X < 10 && box.Right > 50, box.ToString());
    }
}
