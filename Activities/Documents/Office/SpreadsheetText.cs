using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Activities.Documents.Office;

/// <summary>
/// Text of an XLSX workbook: one page per worksheet, one line per row, cells separated by two spaces,
/// shared strings resolved. Rosters often arrive this way (学员花名册.xlsx).
/// </summary>
public static class SpreadsheetText
{
    /// <summary>Pages of text, one per worksheet in workbook order.</summary>
    /// <exception cref="DocumentRejectedException">Not a readable workbook, or no worksheets.</exception>
    /// <param name="maxPartCharacters">Most characters one part of the package may hold (a part bomb is refused, not read).</param>
    public static IReadOnlyList<string> ReadPages(string path, long maxPartCharacters = 20_000_000) =>
        OfficePackage.Read(maxPartCharacters, settings =>
        {
            using var doc = SpreadsheetDocument.Open(path, false, settings);
            var workbook = doc.WorkbookPart ?? throw new DocumentRejectedException(RejectionReason.Damaged, "no workbook");
            var shared = SpreadsheetCells.SharedStrings(workbook);
            var pages = new List<string>();
            foreach (var (_, part) in SpreadsheetCells.Worksheets(workbook))
            {
                var text = new StringBuilder();
                foreach (var row in part.Worksheet.Descendants<Row>())
                {
                    var cells = row.Elements<Cell>().Select(c => SpreadsheetCells.Read(c, shared).Text).ToList();
                    while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
                    if (cells.Count > 0) text.AppendLine(string.Join("  ", cells));
                }
                pages.Add(text.ToString());
            }
            if (pages.Count == 0) throw new DocumentRejectedException(RejectionReason.NoPages);
            return (IReadOnlyList<string>)pages;
        });
}
