using System.Text;
using Pipeline.Activities.Documents.Ocr;

namespace Pipeline.Activities.Tests.Documents;

public class GreymapDecodeTests
{
    [Theory]
    [InlineData(7, 3)]   // width not a multiple of 4: padding in the last word
    [InlineData(16, 5)]
    public void FastGreymapDecode_GivesTheSamePixelsAsLeptonicasReader(int width, int height)
    {
        var header = Encoding.ASCII.GetBytes($"P5\n# pdftoppm\n{width} {height}\n255\n");
        var pixels = Enumerable.Range(0, width * height).Select(i => (byte)(i * 37 % 256)).ToArray();
        byte[] pgm = [.. header, .. pixels];

        using var fast = LeptonicaImage.DecodeGreymap(pgm, 300)!;
        using var reference = LeptonicaImage.Decode(pgm)!;

        Assert.True(fast.SamePixels(reference));
        Assert.Equal(300, fast.XResolution);
    }

    [Fact]
    public void NotAGreymap_FallsBackToTheGeneralDecoder() =>
        Assert.Null(LeptonicaImage.DecodeGreymap("not an image"u8, 300));
}
