using System.Text;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pipeline.Activities.Documents.Office;

/// <summary>
/// Text of a DOCX body in document order: paragraphs as lines, table rows as cells separated by two
/// spaces (as a layout-preserving text layer would give). Explicit page breaks start a new page.
/// </summary>
public static class WordText
{
    /// <summary>Pages of text (at least one).</summary>
    /// <exception cref="DocumentRejectedException">Not a readable Word document.</exception>
    /// <param name="maxPartCharacters">Most characters one part of the package may hold (a part bomb is refused, not read).</param>
    public static IReadOnlyList<string> ReadPages(string path, long maxPartCharacters = 20_000_000) =>
        OfficePackage.Read(maxPartCharacters, settings =>
        {
            using var doc = WordprocessingDocument.Open(path, false, settings);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new DocumentRejectedException(RejectionReason.Damaged, "no document body");
            var pages = new List<string>();
            var page = new StringBuilder();
            foreach (var block in body.ChildElements)
            {
                switch (block)
                {
                    case W.Paragraph p:
                        AppendParagraph(p, page, pages);
                        break;
                    case W.Table t:
                        foreach (var row in t.Elements<W.TableRow>())
                        {
                            var cells = row.Elements<W.TableCell>().Select(c => string.Join(" ", c.Elements<W.Paragraph>().Select(p => p.InnerText.Trim())));
                            page.AppendLine(string.Join("  ", cells));
                        }
                        break;
                }
            }
            pages.Add(page.ToString());
            return (IReadOnlyList<string>)pages.Where(p => p.Trim().Length > 0).DefaultIfEmpty("").ToList();
        });

    private static void AppendParagraph(W.Paragraph paragraph, StringBuilder page, List<string> pages)
    {
        foreach (var run in paragraph.Elements<W.Run>())
        {
            foreach (var child in run.ChildElements)
            {
                if (child is W.Break { Type.Value: var type } && type == W.BreakValues.Page)
                {
                    pages.Add(page.ToString());
                    page.Clear();
                }
                else if (child is W.Text text)
                {
                    page.Append(text.Text);
                }
                else if (child is W.TabChar)
                {
                    page.Append("  ");
                }
            }
        }
        page.AppendLine();
    }
}
