using Pipeline.Activities.Documents.Ocr.Paddle;

namespace Pipeline.Activities.Tests.Documents.Paddle;

public sealed class ReadingOrderTests
{
    private static RecognizedLine Line(int x, int y, int w, int h, string text) => new(new TextBox(x, y, w, h, 0.9f), text, 0.9f);

    [Fact]
    public void TableRows_KeepTheirCellsTogether_LeftToRight()
    {
        // Two roster rows whose cells are detected with slightly different tops and heights, given out of order.
        RecognizedLine[] lines =
        [
            Line(900, 203, 300, 40, "410802197312104736"),
            Line(10, 100, 30, 44, "1"),
            Line(300, 98, 120, 48, "秦振凯"),
            Line(900, 102, 300, 42, "410802197804121719"),
            Line(10, 200, 30, 44, "2"),
            Line(300, 199, 120, 46, "吴宏宏"),
            Line(100, 20, 600, 50, "培训学员备案花名册"),
        ];

        var text = ReadingOrder.Text(lines);

        Assert.Equal("培训学员备案花名册\n1  秦振凯  410802197804121719\n2  吴宏宏  410802197312104736\n", text);
    }
}
