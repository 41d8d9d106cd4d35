using Pipeline.Activities.Documents.Ocr.Paddle;

namespace Pipeline.Activities.Tests.Documents.Paddle;

public sealed class LineFragmentsTests
{
    private static GreyRaster WhitePage(int ruleAtX = -1)
    {
        var pixels = new byte[400 * 100];
        Array.Fill(pixels, (byte)255);
        if (ruleAtX >= 0)
            for (var y = 0; y < 100; y++) pixels[y * 400 + ruleAtX] = 0;
        return new GreyRaster(pixels, 400, 100);
    }

    [Fact]
    public void PiecesOfOneNumber_AreJoined()
    {
        TextBox[] pieces = [new(100, 20, 130, 45, 0.7f), new(255, 22, 110, 44, 0.8f)];

        var box = Assert.Single(LineFragments.Merge(pieces, WhitePage()));

        Assert.Equal((100, 20, 265, 46, 0.8f), (box.X, box.Y, box.Width, box.Height, box.Score));
    }

    [Fact]
    public void TableCells_StaySeparate_WhenARuleRunsBetweenThem()
    {
        TextBox[] cells = [new(100, 20, 130, 45, 0.9f), new(255, 22, 110, 44, 0.9f)];

        Assert.Equal(2, LineFragments.Merge(cells, WhitePage(ruleAtX: 242)).Count);
    }

    [Fact]
    public void FarApartOrOnOtherLines_StaySeparate()
    {
        TextBox[] boxes = [new(10, 20, 50, 20, 0.9f), new(100, 20, 50, 20, 0.9f), new(62, 50, 30, 20, 0.9f)];

        Assert.Equal(3, LineFragments.Merge(boxes, WhitePage()).Count);
    }
}
