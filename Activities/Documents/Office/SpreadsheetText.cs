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
    public static IReadOnlyList<string> ReadPages(string path, long maxPartCharacters = 20_000_000)
    {
        try
        {
            using var doc = SpreadsheetDocument.Open(path, false, new OpenSettings { MaxCharactersInPart = maxPartCharacters });
            var workbook = doc.WorkbookPart ?? throw new DocumentRejectedException(RejectionReason.Damaged, "no workbook");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var pages = new List<string>();
            foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) continue;
                var text = new StringBuilder();
                foreach (var row in part.Worksheet.Descendants<Row>())
                {
                    var cells = row.Elements<Cell>().Select(c => CellText(c, shared)).ToList();
                    while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
                    if (cells.Count > 0) text.AppendLine(string.Join("  ", cells));
                }
                pages.Add(text.ToString());
            }
            if (pages.Count == 0) throw new DocumentRejectedException(RejectionReason.NoPages);
            return pages;
        }
        catch (System.Xml.XmlException e) when (e.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            throw new DocumentRejectedException(RejectionReason.TooLarge, $"a part holds more than {maxPartCharacters} characters");
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException)
        {
            throw new DocumentRejectedException(RejectionReason.Damaged, e.Message);
        }
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var i) && i >= 0 && i < shared.Length)
            return shared[i].Trim();
        if (cell.DataType?.Value == CellValues.InlineString)
            return cell.InlineString?.InnerText.Trim() ?? "";
        return raw.Trim();
    }
}
