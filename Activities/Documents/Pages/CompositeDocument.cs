using Pipeline.Activities.Documents.Ocr;

namespace Pipeline.Activities.Documents.Pages;

/// <summary>
/// Several uploaded files read as one document, their pages numbered on in file order: a pack of a PDF (pages 1–12),
/// a JPEG (page 13) and a DOCX (pages 14–15) has 15 pages. Owns and disposes its parts.
/// </summary>
public sealed class CompositeDocument : PagedDocument
{
    private readonly IReadOnlyList<PagedDocument> _parts;
    private readonly int[] _firstPage;

    /// <param name="parts">The files' documents in pack order (at least one).</param>
    public CompositeDocument(IReadOnlyList<PagedDocument> parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        _parts = parts;
        _firstPage = new int[parts.Count];
        var next = 1;
        for (var i = 0; i < parts.Count; i++)
        {
            _firstPage[i] = next;
            next += parts[i].PageCount;
        }
        PageCount = next - 1;
    }

    public override int PageCount { get; }

    /// <summary>The parts' formats joined with <c>+</c>, e.g. <c>pdf+jpeg+docx</c>.</summary>
    public override string Format => string.Join('+', _parts.Select(p => p.Format).Distinct());

    /// <summary>Pages of each part, in pack order.</summary>
    public IReadOnlyList<int> PartPageCounts => _parts.Select(p => p.PageCount).ToList();

    public override async Task<PageText> ReadPageAsync(int number, OcrEnginePool ocr, CancellationToken cancellationToken)
    {
        var (part, local) = Locate(number);
        var page = await _parts[part].ReadPageAsync(local, ocr, cancellationToken).ConfigureAwait(false);
        return page with { Number = number };
    }

    public override Task<LeptonicaImage?> PreviewImageAsync(int number, int renderDpi, CancellationToken cancellationToken)
    {
        var (part, local) = Locate(number);
        return _parts[part].PreviewImageAsync(local, renderDpi, cancellationToken);
    }

    /// <summary>Which part holds pack page <paramref name="number"/> (1-based), and its page number there.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such page.</exception>
    public (int Part, int Page) Locate(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, PageCount);
        var part = Array.BinarySearch(_firstPage, number);
        if (part < 0) part = ~part - 1;
        return (part, number - _firstPage[part] + 1);
    }

    public override void Dispose()
    {
        foreach (var part in _parts) part.Dispose();
        base.Dispose();
    }
}
