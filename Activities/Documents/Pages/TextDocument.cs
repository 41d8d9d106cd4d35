using Pipeline.Activities.Documents.Ocr;

namespace Pipeline.Activities.Documents.Pages;

/// <summary>A document whose pages are already text (DOCX, XLSX): no OCR.</summary>
public sealed class TextDocument(IReadOnlyList<string> pages, string format) : PagedDocument
{
    public override int PageCount => pages.Count;
    public override string Format => format;

    public override Task<PageText> ReadPageAsync(int number, OcrEnginePool ocr, CancellationToken cancellationToken) =>
        Task.FromResult(new PageText(number, TextSource.Text, 100, Text.ChineseText.Tidy(pages[number - 1])));
}
