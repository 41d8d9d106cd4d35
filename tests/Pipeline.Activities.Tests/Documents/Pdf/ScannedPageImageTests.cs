using Pipeline.Activities.Documents;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Documents.Text;
using Pipeline.Activities.Tests.Support;

namespace Pipeline.Activities.Tests.Documents.Pdf;

/// <summary>A scanned PDF page is OCR'd from its own embedded image, not from a render; anything else is rendered.</summary>
public sealed class ScannedPageImageTests(PdfTestFiles files, PipelineFixture pipeline) : IClassFixture<PdfTestFiles>, IClassFixture<PipelineFixture>
{
    [Fact]
    public async Task A_200_dpi_JPEG_scan_is_taken_as_it_is_at_1654_by_2339_and_200_dpi_not_rendered()
    {
        using var document = await PdfTestFiles.OpenAsync(Fixtures.Pack("subsidy-claim-jpeg200.pdf"));
        using var page = await document.PageImageAsync(1, 300, CancellationToken.None);

        Assert.NotNull(page);
        Assert.Equal(PageImageOrigin.Embedded, page.Origin);
        Assert.Equal((1654, 2339, 8), (page.Image.Width, page.Image.Height, page.Image.Depth));
        Assert.Equal((200, 200), (page.Image.XResolution, page.Image.YResolution));
    }

    [Fact]
    public async Task A_200_dpi_scan_goes_to_OCR_up_sampled_to_300_dpi_unless_native_resolution_is_asked_for()
    {
        using var document = await PdfTestFiles.OpenAsync(Fixtures.Pack("subsidy-claim-jpeg200.pdf"));

        using (var scaled = (await document.PageImageAsync(1, 300, CancellationToken.None))!.ForOcr(300))
        {
            Assert.Equal((300, 300), (scaled.XResolution, scaled.YResolution));
            Assert.InRange(scaled.Width, 2480, 2482);
            Assert.InRange(scaled.Height, 3507, 3510);
        }
        using var native = (await document.PageImageAsync(1, 300, CancellationToken.None))!.ForOcr(0);
        Assert.Equal((1654, 200), (native.Width, native.XResolution));
        // PaddleOCR's way: finer scans are brought down to 300 dpi, coarser ones are never enlarged.
        using var notEnlarged = (await document.PageImageAsync(1, 300, CancellationToken.None))!.ForOcr(300, upsample: false);
        Assert.Equal((1654, 200), (notEnlarged.Width, notEnlarged.XResolution));
    }

    [Fact]
    public async Task A_CCITT_G4_scan_is_rendered_unless_1_bit_scans_are_asked_for()
    {
        using var document = await PdfTestFiles.OpenAsync(Fixtures.Pack("class-opening-complete.pdf"));
        using var page = await document.PageImageAsync(2, 300, CancellationToken.None);
        Assert.Equal((PageImageOrigin.Rendered, 2480, 8), (page!.Origin, page.Image.Width, page.Image.Depth));
    }

    [Fact]
    public async Task A_CCITT_G4_scan_asked_for_is_taken_as_1_bit_at_300_dpi_and_passed_to_OCR_unscaled_as_grey()
    {
        using var document = await PdfTestFiles.OpenAsync(Fixtures.Pack("class-opening-complete.pdf"), new IntakeOptions { ExtractBilevelScans = true });
        var page = await document.PageImageAsync(2, 300, CancellationToken.None);

        Assert.NotNull(page);
        Assert.Equal(PageImageOrigin.Embedded, page.Origin);
        Assert.Equal((2480, 3508, 1, 300), (page.Image.Width, page.Image.Height, page.Image.Depth, page.Image.XResolution));
        using var forOcr = page.ForOcr(300);
        Assert.Equal((2480, 8, 300), (forOcr.Width, forOcr.Depth, forOcr.XResolution));
    }

    [Theory]
    [InlineData("class-opening-jpeg150.pdf", false)]
    [InlineData("class-opening-complete.pdf", true)]
    public async Task An_extracted_scan_reads_through_OCR_the_right_way_round(string pack, bool bilevel)
    {
        using var document = await PdfTestFiles.OpenAsync(Fixtures.Pack(pack), new IntakeOptions { ExtractBilevelScans = bilevel });
        using (var image = await document.PageImageAsync(1, 300, CancellationToken.None))
            Assert.Equal(PageImageOrigin.Embedded, image!.Origin);

        var page = await document.ReadPageAsync(1, pipeline.Services.Ocr, CancellationToken.None);
        Assert.Equal(TextSource.Ocr, page.Source);
        Assert.Contains("开班申请表", ChineseText.Compact(page.Text));
    }

    [Fact]
    public async Task A_hand_made_full_page_Flate_image_is_taken_with_the_resolution_of_its_placement()
    {
        // 124 px across 595.2 pt is 15 dpi.
        var path = files.Write("one-image.pdf", HandMadePdf.Page(HandMadePdf.FullPage("Im0"), HandMadePdf.GreyImage("Im0", 124, 175)));
        using var document = await PdfTestFiles.OpenAsync(path);
        using var page = await document.PageImageAsync(1, 72, CancellationToken.None);

        Assert.Equal(PageImageOrigin.Embedded, page!.Origin);
        Assert.Equal((124, 175, 15), (page.Image.Width, page.Image.Height, page.Image.XResolution));
    }

    [Theory]
    [InlineData("two half-page images")]
    [InlineData("a scan with a line drawn over it")]
    [InlineData("a small image on an empty page")]
    public async Task A_page_that_is_not_one_full_page_scan_is_rendered(string shape)
    {
        var pdf = shape switch
        {
            "two half-page images" => HandMadePdf.Page(
                "q 297.6 0 0 841.92 0 0 cm /Im0 Do Q q 297.6 0 0 841.92 297.6 0 cm /Im1 Do Q\n",
                HandMadePdf.GreyImage("Im0", 62, 175), HandMadePdf.GreyImage("Im1", 62, 175)),
            "a scan with a line drawn over it" => HandMadePdf.Page(HandMadePdf.FullPage("Im0") + "0 0 m 595 842 l S\n", HandMadePdf.GreyImage("Im0", 124, 175)),
            _ => HandMadePdf.Page("q 100 0 0 100 50 600 cm /Im0 Do Q\n", HandMadePdf.GreyImage("Im0", 100, 100)),
        };
        using var document = await PdfTestFiles.OpenAsync(files.Write(shape.Replace(' ', '-') + ".pdf", pdf));
        using var page = await document.PageImageAsync(1, 72, CancellationToken.None);

        Assert.Equal(PageImageOrigin.Rendered, page!.Origin);
        Assert.Equal((596, 842, 72), (page.Image.Width, page.Image.Height, page.Image.XResolution));
    }

    [Fact]
    public async Task A_colour_JPEG_scan_goes_to_OCR_as_8_bit_grey()
    {
        // A 32 × 45 red-to-blue gradient, JPEG (ImageMagick), 3 components.
        var jpeg = Convert.FromBase64String("/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAtACADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAMG/8QAFhABAQEAAAAAAAAAAAAAAAAAABIR/8QAFwEBAQEBAAAAAAAAAAAAAAAAAAYFBP/EABYRAQEBAAAAAAAAAAAAAAAAAAAUAf/aAAwDAQACEQMRAD8AztFJUU55V1SrRSVFEpSjRSVFKOVg0q0UlRRKUpUUlpqjmxgUarRSWmk2FGv/2Q==");
        var image = new HandMadePdf.Image("Im0", "/Width 32/Height 45/ColorSpace/DeviceRGB/BitsPerComponent 8/Filter/DCTDecode", jpeg);
        using var document = await PdfTestFiles.OpenAsync(files.Write("colour.pdf", HandMadePdf.Page(HandMadePdf.FullPage("Im0"), image)));
        var page = await document.PageImageAsync(1, 72, CancellationToken.None);

        Assert.Equal((PageImageOrigin.Embedded, 32, 32), (page!.Origin, page.Image.Width, page.Image.Depth));
        using var forOcr = page.ForOcr(0);
        Assert.Equal((32, 45, 8, 4), (forOcr.Width, forOcr.Height, forOcr.Depth, forOcr.XResolution));
    }

    [Fact]
    public async Task A_page_image_declaring_gigapixels_is_refused_before_it_is_decoded()
    {
        var bomb = new HandMadePdf.Image("Im0", "/Width 100000/Height 100000/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/FlateDecode", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        var path = files.Write("bomb.pdf", HandMadePdf.Page(HandMadePdf.FullPage("Im0"), bomb));
        using var document = await PdfTestFiles.OpenAsync(path);

        var refused = await Assert.ThrowsAsync<DocumentRejectedException>(() => document.ReadPageAsync(1, null!, CancellationToken.None));
        Assert.Equal(RejectionReason.TooManyPixels, refused.Reason);
        Assert.Contains("100000 × 100000", refused.Detail);
    }
}
