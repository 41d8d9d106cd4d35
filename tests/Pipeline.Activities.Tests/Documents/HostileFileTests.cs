using System.Buffers.Binary;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Pipeline.Activities.Documents;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Pdf;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pipeline.Activities.Tests.Documents;

/// <summary>Hostile uploads are refused with one clear line, before they cost memory or time.</summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pipeline-hostile-" + Guid.NewGuid().ToString("N"));

    public HostileFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static async Task<DocumentRejectedException> RefusedAsync(string path, IntakeOptions? options = null) =>
        await Assert.ThrowsAsync<DocumentRejectedException>(async () =>
        {
            using var _ = await new DocumentIntake(new Poppler(), options ?? new IntakeOptions()).OpenAsync(path, CancellationToken.None);
        });

    /// <summary>A PNG of a signature and an IHDR declaring <paramref name="width"/> × <paramref name="height"/>, nothing else.</summary>
    private static byte[] PngHeader(uint width, uint height)
    {
        var png = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(png, 0);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), height);
        png[24] = 8; // bit depth
        return png;
    }

    [Fact]
    public async Task A_PNG_declaring_gigapixels_is_refused_before_it_is_decoded()
    {
        var refused = await RefusedAsync(Write("bomb.png", PngHeader(100_000, 100_000)));
        Assert.Equal(RejectionReason.TooManyPixels, refused.Reason);
        Assert.StartsWith("图片尺寸异常", refused.Message);
        Assert.Contains("100000 × 100000", refused.Detail);
    }

    [Fact]
    public async Task A_JPEG_declaring_gigapixels_is_refused_before_it_is_decoded()
    {
        // SOI, an APP0 segment, then SOF0 declaring 60,000 × 60,000.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0xEA, 0x60, 0xEA, 0x60, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9];
        Assert.Equal(RejectionReason.TooManyPixels, (await RefusedAsync(Write("bomb.jpg", jpeg))).Reason);
    }

    [Fact]
    public async Task A_TIFF_page_declaring_gigapixels_or_too_many_pages_is_refused()
    {
        // Little-endian TIFF, one IFD with ImageWidth and ImageLength as LONG 100,000.
        var tiff = new byte[8 + 2 + 2 * 12 + 4];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 2);
        for (var i = 0; i < 2; i++)
        {
            var entry = tiff.AsSpan(10 + 12 * i);
            BinaryPrimitives.WriteUInt16LittleEndian(entry, (ushort)(256 + i));
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], 100_000);
        }
        var path = Write("bomb.tif", tiff);
        Assert.Equal(RejectionReason.TooManyPixels, (await RefusedAsync(path)).Reason);
        Assert.Equal(RejectionReason.TooLarge, (await RefusedAsync(path, new IntakeOptions { MaxPages = 0 })).Reason);
    }

    [Fact]
    public async Task A_ZIP_with_too_many_entries_or_too_many_bytes_inside_is_refused()
    {
        var many = Path.Combine(_folder, "many.zip");
        using (var zip = ZipFile.Open(many, ZipArchiveMode.Create))
            for (var i = 0; i < 30; i++) using (var s = zip.CreateEntry($"p{i}.png").Open()) s.Write(PngHeader(10, 10));
        var refused = await RefusedAsync(many, new IntakeOptions { MaxZipEntries = 20 });
        Assert.Equal(RejectionReason.TooLarge, refused.Reason);
        Assert.Contains("30 ZIP entries", refused.Detail);

        // 4 MiB of zeros compress to a few KiB: the declared total is what counts.
        var bomb = Path.Combine(_folder, "bomb.zip");
        using (var zip = ZipFile.Open(bomb, ZipArchiveMode.Create))
            for (var i = 0; i < 2; i++) using (var s = zip.CreateEntry($"p{i}.png", CompressionLevel.SmallestSize).Open()) s.Write(new byte[2 * 1024 * 1024]);
        Assert.True(new FileInfo(bomb).Length < 64 * 1024);
        Assert.Equal(RejectionReason.TooLarge, (await RefusedAsync(bomb, new IntakeOptions { MaxZipTotalBytes = 1024 * 1024 })).Reason);
    }

    [Fact]
    public async Task A_ZIP_page_image_declaring_gigapixels_is_refused_when_its_page_is_read()
    {
        var path = Path.Combine(_folder, "pages.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            using (var s = zip.CreateEntry("p1.png").Open()) s.Write(PngHeader(90_000, 90_000));
        using var document = await new DocumentIntake(new Poppler(), new IntakeOptions()).OpenAsync(path, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<DocumentRejectedException>(() => document.ReadPageAsync(1, null!, CancellationToken.None));
        Assert.Equal(RejectionReason.TooManyPixels, refused.Reason);
    }

    [Fact]
    public async Task A_Word_part_over_the_character_limit_is_refused_as_too_large()
    {
        var path = Path.Combine(_folder, "big.docx");
        using (var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(new string('字', 50_000))))));
        }
        var refused = await RefusedAsync(path, new IntakeOptions { MaxOfficePartCharacters = 10_000 });
        Assert.Equal(RejectionReason.TooLarge, refused.Reason);
        // Within the limit the same file reads.
        using var read = await new DocumentIntake(new Poppler(), new IntakeOptions()).OpenAsync(path, CancellationToken.None);
        Assert.Equal(1, read.PageCount);
    }
}

/// <summary>The wall-clock budget of one document.</summary>
public sealed class DocumentDeadlineTests
{
    [Fact]
    public async Task A_document_not_read_within_its_time_budget_is_refused_as_timed_out_not_retried()
    {
        var originals = Path.Combine(Path.GetTempPath(), "pipeline-deadline-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var services = new PackCheckingServices(originals,
                check: new Pipeline.Activities.Packs.PackCheckOptions { DocumentTimeBase = TimeSpan.FromMilliseconds(1), DocumentTimePerPage = TimeSpan.Zero });
            var pack = Support.Fixtures.Pack("class-opening-complete.pdf");
            var refused = await Assert.ThrowsAsync<DocumentRejectedException>(() =>
                services.Checker.CheckAsync(new Pipeline.Activities.Packs.PackCheckRequest(pack, "class-opening", null, null), null, CancellationToken.None));
            Assert.Equal(RejectionReason.TimedOut, refused.Reason);
            Assert.StartsWith("文件处理超时", refused.Message);
        }
        finally
        {
            if (Directory.Exists(originals)) Directory.Delete(originals, recursive: true);
        }
    }
}
