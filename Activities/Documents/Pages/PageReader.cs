using Pipeline.Activities.Documents.Ocr;

namespace Pipeline.Activities.Documents.Pages;

/// <summary>
/// Reads every page of a document, up to <see cref="OcrOptions.MaxParallelism"/> pages at once (render and
/// OCR of different pages overlap), and returns them in page order. Only page text is kept.
/// </summary>
public static class PageReader
{
    /// <param name="progress">Receives (pages done, total) as each page finishes.</param>
    public static async Task<IReadOnlyList<PageText>> ReadAllAsync(
        PagedDocument document, OcrEnginePool ocr, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var pages = new PageText[document.PageCount];
        var done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, ocr.Options.MaxParallelism),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(1, document.PageCount), options, async (number, ct) =>
        {
            pages[number - 1] = await document.ReadPageAsync(number, ocr, ct).ConfigureAwait(false);
            progress?.Report((Interlocked.Increment(ref done), pages.Length));
        }).ConfigureAwait(false);
        return pages;
    }
}
