using Pipeline.Activities.Documents.Ocr;

namespace Pipeline.Activities.Documents.Pages;

/// <summary>A single image (PNG, JPEG) or a TIFF of one or more pages, held as the file's bytes.</summary>
public sealed class ImageDocument : PagedDocument
{
    private readonly byte[] _data;
    private readonly bool _tiff;

    /// <param name="data">The encoded file.</param>
    /// <param name="tiffPages">Page count when the file is a TIFF; null for single images.</param>
    public ImageDocument(byte[] data, int? tiffPages, string format)
    {
        _data = data;
        _tiff = tiffPages is not null;
        PageCount = tiffPages ?? 1;
        Format = format;
    }

    public override int PageCount { get; }
    public override string Format { get; }

    public override Task<PageText> ReadPageAsync(int number, OcrEnginePool ocr, CancellationToken cancellationToken) =>
        OcrPageAsync(number, Decode(number), ocr, cancellationToken);

    public override Task<LeptonicaImage?> PreviewImageAsync(int number, int renderDpi, CancellationToken cancellationToken) =>
        Task.FromResult(Decode(number));

    private LeptonicaImage? Decode(int number) => _tiff ? LeptonicaImage.DecodeTiffPage(_data, number - 1) : LeptonicaImage.Decode(_data);
}
