using System.IO.Compression;
using Pipeline.Activities.Documents.Ocr;

namespace Pipeline.Activities.Documents.Pages;

/// <summary>
/// A ZIP of page images, pages in natural file-name order (<c>2.png</c> before <c>10.png</c>). Each entry is
/// inflated only when its page is read.
/// </summary>
public sealed class ZipImagesDocument : PagedDocument
{
    private readonly string _path;
    private readonly IReadOnlyList<string> _entries;
    private readonly long _maxEntryBytes;
    private readonly long _maxPixels;

    /// <param name="entries">Image entry names in page order.</param>
    /// <param name="maxEntryBytes">Largest uncompressed entry accepted (zip-bomb guard), in bytes.</param>
    /// <param name="maxPixels">Most pixels an image may declare (width × height), checked before decoding.</param>
    public ZipImagesDocument(string path, IReadOnlyList<string> entries, long maxEntryBytes, long maxPixels = long.MaxValue)
    {
        _path = path;
        _entries = entries;
        _maxEntryBytes = maxEntryBytes;
        _maxPixels = maxPixels;
    }

    public override int PageCount => _entries.Count;
    public override string Format => "zip";

    public override async Task<PageText> ReadPageAsync(int number, OcrEnginePool ocr, CancellationToken cancellationToken) =>
        await OcrPageAsync(number, await PreviewImageAsync(number, 0, cancellationToken).ConfigureAwait(false), ocr, cancellationToken).ConfigureAwait(false);

    /// <summary>The entry's image, decoded (the page OCR reads).</summary>
    public override async Task<LeptonicaImage?> PreviewImageAsync(int number, int renderDpi, CancellationToken cancellationToken)
    {
        byte[] bytes;
        using (var zip = ZipFile.OpenRead(_path))
        {
            var entry = zip.GetEntry(_entries[number - 1])!;
            if (entry.Length > _maxEntryBytes) throw new DocumentRejectedException(RejectionReason.TooLarge, entry.FullName);
            bytes = new byte[entry.Length];
            await using var stream = entry.Open();
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        Intake.DocumentIntake.CheckPixels(bytes, _maxPixels, _entries[number - 1]);
        return LeptonicaImage.Decode(bytes);
    }
}
