using System.IO.Compression;
using System.Text;
using Pipeline.Activities.Documents.Office;
using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Documents.Pdf;

namespace Pipeline.Activities.Documents.Intake;

/// <summary>
/// Recognises an upload by its content (never by its name) and opens it as a <see cref="PagedDocument"/>:
/// PDF, PNG, JPEG, TIFF (multi-page too), ZIP of page images, DOCX, XLSX.
/// </summary>
public sealed class DocumentIntake(Poppler poppler, IntakeOptions options)
{
    /// <summary>The limits uploads are opened under.</summary>
    public IntakeOptions Options => options;

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".pnm", ".pgm"];

    /// <summary>Opens the file at <paramref name="path"/>.</summary>
    /// <exception cref="DocumentRejectedException">Empty, too large, unsupported, encrypted, damaged, truncated or pageless.</exception>
    public async Task<PagedDocument> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var length = CheckLength(path, options);

        var head = new byte[Math.Min(1024, length)];
        await using (var file = File.OpenRead(path))
            await file.ReadExactlyAsync(head, cancellationToken).ConfigureAwait(false);

        var document = Sniff(head) switch
        {
            "pdf" => await OpenPdfAsync(path, length, cancellationToken).ConfigureAwait(false),
            "png" or "jpeg" or "bmp" => await OpenImageAsync(path, Sniff(head)!, cancellationToken).ConfigureAwait(false),
            "tiff" => await OpenTiffAsync(path, cancellationToken).ConfigureAwait(false),
            "zip" => OpenZip(path),
            _ => throw new DocumentRejectedException(RejectionReason.UnsupportedType),
        };
        if (document.PageCount > options.MaxPages)
        {
            document.Dispose();
            throw new DocumentRejectedException(RejectionReason.TooLarge, $"{document.PageCount} pages");
        }
        return document;
    }

    /// <summary>Format name from the first bytes, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf("%PDF-"u8) is >= 0 and < 1024) return "pdf";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])) return "png";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "jpeg";
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return "tiff";
        if (head.StartsWith("BM"u8) && head.Length > 26) return "bmp";
        if (head.StartsWith("PK\u0003\u0004"u8)) return "zip";
        return null;
    }

    private async Task<PagedDocument> OpenPdfAsync(string path, long length, CancellationToken cancellationToken)
    {
        // A PDF ends with %%EOF (possibly followed by a line break or a little padding); an upload cut
        // short does not, even when Poppler could reconstruct some pages from it.
        var tail = new byte[Math.Min(2048, length)];
        await using (var file = File.OpenRead(path))
        {
            file.Seek(-tail.Length, SeekOrigin.End);
            await file.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
        }
        if (tail.AsSpan().LastIndexOf("%%EOF"u8) < 0) throw new DocumentRejectedException(RejectionReason.Truncated);
        try
        {
            var file = await PdfPigFile.OpenAsync(path, options.PdfStepTimeout, cancellationToken).ConfigureAwait(false);
            return new PdfDocument(path, file, file.PageCount, poppler, options);
        }
        catch (PdfPigUnreadableException)
        {
            // PdfPig is stricter than Poppler (a missing cross-reference table or trailer /Size stops it): pdfinfo
            // decides. It refuses the file (damaged, encrypted, no pages) or reads it, and then Poppler reads it all.
            var info = await poppler.InfoAsync(path, cancellationToken).ConfigureAwait(false);
            return PdfDocument.ReadByPoppler(path, info.Pages, poppler, options);
        }
    }

    private async Task<PagedDocument> OpenImageAsync(string path, string format, CancellationToken cancellationToken)
    {
        var data = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        CheckPixels(data, options.MaxImagePixels, Path.GetFileName(path));
        using (var probe = Ocr.LeptonicaImage.Decode(data))
        {
            if (probe is null) throw new DocumentRejectedException(RejectionReason.UnreadableImage);
        }
        return new ImageDocument(data, null, format);
    }

    private async Task<PagedDocument> OpenTiffAsync(string path, CancellationToken cancellationToken)
    {
        var data = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var pages = TiffPages.Count(data);
        if (pages == 0) throw new DocumentRejectedException(RejectionReason.Damaged, "broken TIFF directory chain");
        if (pages > options.MaxPages) throw new DocumentRejectedException(RejectionReason.TooLarge, $"{pages} TIFF pages");
        CheckPixels(data, options.MaxImagePixels, Path.GetFileName(path));
        using (var probe = Ocr.LeptonicaImage.DecodeTiffPage(data, 0))
        {
            if (probe is null) throw new DocumentRejectedException(RejectionReason.UnreadableImage);
        }
        return new ImageDocument(data, pages, "tiff");
    }

    /// <summary>The upload's size in bytes, refused when empty or over <see cref="IntakeOptions.MaxBytes"/>.</summary>
    /// <exception cref="DocumentRejectedException"><see cref="RejectionReason.Empty"/> or <see cref="RejectionReason.TooLarge"/>.</exception>
    internal static long CheckLength(string path, IntakeOptions options)
    {
        var length = new FileInfo(path).Length;
        if (length == 0) throw new DocumentRejectedException(RejectionReason.Empty);
        if (length > options.MaxBytes) throw new DocumentRejectedException(RejectionReason.TooLarge);
        return length;
    }

    /// <summary>
    /// The entry names of a ZIP (or of an OpenXml package, which is one), refused before anything is unpacked when it
    /// holds more entries than <see cref="IntakeOptions.MaxZipEntries"/> or declares more uncompressed bytes than
    /// <see cref="IntakeOptions.MaxZipTotalBytes"/> (a zip bomb).
    /// </summary>
    /// <exception cref="DocumentRejectedException"><see cref="RejectionReason.TooLarge"/> or <see cref="RejectionReason.Damaged"/>.</exception>
    internal static List<string> ZipEntryNames(string path, IntakeOptions options)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > options.MaxZipEntries)
                throw new DocumentRejectedException(RejectionReason.TooLarge, $"{zip.Entries.Count} ZIP entries (at most {options.MaxZipEntries})");
            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > options.MaxZipTotalBytes)
                throw new DocumentRejectedException(RejectionReason.TooLarge, $"ZIP entries declare {declared} bytes uncompressed (at most {options.MaxZipTotalBytes})");
            return zip.Entries.Select(e => e.FullName).ToList();
        }
        catch (InvalidDataException e)
        {
            throw new DocumentRejectedException(RejectionReason.Damaged, e.Message);
        }
    }

    private PagedDocument OpenZip(string path)
    {
        var names = ZipEntryNames(path, options);
        if (names.Contains("word/document.xml")) return new TextDocument(WordText.ReadPages(path, options.MaxOfficePartCharacters), "docx");
        if (names.Contains("xl/workbook.xml")) return new TextDocument(SpreadsheetText.ReadPages(path, options.MaxOfficePartCharacters), "xlsx");
        var images = names
            .Where(n => !n.EndsWith('/') && !Path.GetFileName(n).StartsWith('.') && !n.StartsWith("__MACOSX/", StringComparison.Ordinal))
            .Where(n => ImageExtensions.Contains(Path.GetExtension(n).ToLowerInvariant()))
            .Order(NaturalOrder.Instance)
            .ToList();
        if (images.Count == 0) throw new DocumentRejectedException(RejectionReason.UnsupportedType, "ZIP holds no page images");
        return new ZipImagesDocument(path, images, options.MaxZipEntryBytes, options.MaxImagePixels);
    }

    /// <summary>
    /// Refuses an image whose header declares more than <paramref name="maxPixels"/> (width × height), before it is
    /// decoded: a few bytes can declare gigapixels.
    /// </summary>
    /// <exception cref="DocumentRejectedException"><see cref="RejectionReason.TooManyPixels"/>.</exception>
    public static void CheckPixels(ReadOnlySpan<byte> image, long maxPixels, string what)
    {
        var largest = ImageHeader.Sizes(image).Select(s => (s.Width, s.Height)).DefaultIfEmpty().MaxBy(s => s.Width * s.Height);
        if (largest.Width * largest.Height > maxPixels)
            throw new DocumentRejectedException(RejectionReason.TooManyPixels, $"{what}: {largest.Width} × {largest.Height} pixels (at most {maxPixels})");
    }

    /// <summary>Orders file names with embedded numbers numerically: <c>p2.png</c> before <c>p10.png</c>.</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y) => string.CompareOrdinal(Key(x ?? ""), Key(y ?? ""));

        private static string Key(string name)
        {
            var sb = new StringBuilder();
            var i = 0;
            while (i < name.Length)
            {
                if (char.IsAsciiDigit(name[i]))
                {
                    var j = i;
                    while (j < name.Length && char.IsAsciiDigit(name[j])) j++;
                    sb.Append(name.AsSpan(i, j - i).TrimStart('0').ToString().PadLeft(12, '0'));
                    i = j;
                }
                else sb.Append(char.ToLowerInvariant(name[i++]));
            }
            return sb.ToString();
        }
    }
}
