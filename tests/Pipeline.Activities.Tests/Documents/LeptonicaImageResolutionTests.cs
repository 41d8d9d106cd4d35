using Pipeline.Activities.Documents.Ocr;

namespace Pipeline.Activities.Tests.Documents;

/// <summary>Page images reach OCR at the OCR resolution, as 8-bit grey, the right way round.</summary>
public sealed class LeptonicaImageResolutionTests
{
    private static LeptonicaImage Grey(int width, int height, byte value, int dpi) =>
        LeptonicaImage.FromGreyRows(Enumerable.Repeat(value, width * height).ToArray(), width, height, width, dpi, dpi)!;

    [Fact]
    public void A_600_dpi_image_is_down_sampled_to_300_dpi_and_a_150_dpi_one_up_sampled()
    {
        using var fine = Grey(200, 100, 255, 600);
        using var halved = fine.ScaledToDpi(300)!;
        Assert.Equal((100, 50, 300, 300), (halved.Width, halved.Height, halved.XResolution, halved.YResolution));

        using var coarse = Grey(100, 50, 255, 150);
        using var doubled = coarse.ScaledToDpi(300)!;
        Assert.Equal((200, 100, 300), (doubled.Width, doubled.Height, doubled.XResolution));
    }

    [Fact]
    public void An_image_at_the_resolution_asked_for_or_asked_for_none_is_left_as_it_is()
    {
        using var image = Grey(100, 100, 255, 298);
        Assert.Null(image.ScaledToDpi(300));
        Assert.Null(image.ScaledToDpi(0));
    }

    [Fact]
    public void PDF_bits_where_zero_is_black_become_black_pixels_and_the_row_padding_stays_white()
    {
        // 10 pixels a row (2 bytes, 6 bits of padding), all 0 bits: black in PDF's DeviceGray.
        using var bits = LeptonicaImage.FromBitRows(new byte[2 * 3], 10, 3, 2, zeroIsBlack: true, 300, 300)!;
        using var grey = bits.ToGrey()!;
        using var black = Grey(10, 3, 0, 300);
        Assert.Equal(8, grey.Depth);
        Assert.True(grey.SamePixels(black));

        using var whiteBits = LeptonicaImage.FromBitRows([0xFF, 0xC0, 0xFF, 0xC0, 0xFF, 0xC0], 10, 3, 2, zeroIsBlack: true, 300, 300)!;
        using var whiteGrey = whiteBits.ToGrey()!;
        using var white = Grey(10, 3, 255, 300);
        Assert.True(whiteGrey.SamePixels(white));
    }
}
