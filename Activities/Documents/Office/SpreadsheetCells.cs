using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Activities.Documents.Office;

/// <summary>What one worksheet cell holds: its text as shown (shared and inline strings resolved), and its number when it is a numeric cell.</summary>
/// <param name="Text">Trimmed text; the number as stored for a numeric cell; empty for an empty cell.</param>
/// <param name="Number">The value of a numeric cell (dates and times are numbers: days since 1900, fractions of a day); null otherwise.</param>
public readonly record struct CellContent(string Text, double? Number);

/// <summary>Cells, columns and worksheets of an XLSX workbook as OpenXml stores them.</summary>
public static class SpreadsheetCells
{
    /// <summary>The worksheets in workbook (tab) order, with their names.</summary>
    public static IEnumerable<(string Name, WorksheetPart Part)> Worksheets(WorkbookPart workbook)
    {
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
            if (sheet.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart part)
                yield return (sheet.Name?.Value ?? "", part);
    }

    /// <summary>The shared string table's items as text (phonetic guides left out).</summary>
    public static string[] SharedStrings(WorkbookPart workbook) =>
        workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>()
            .Select(s => string.Concat(s.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text)))
            .ToArray() ?? [];

    /// <summary>A cell's content; <paramref name="shared"/> is <see cref="SharedStrings"/> of its workbook.</summary>
    public static CellContent Read(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InnerText;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return new(int.TryParse(raw, out var i) && i >= 0 && i < shared.Length ? shared[i].Trim() : "", null);
        if (type == CellValues.InlineString)
            return new(cell.InlineString?.InnerText.Trim() ?? "", null);
        var text = raw.Trim();
        if ((type is null || type == CellValues.Number)
            && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return new(text, number);
        return new(text, null);
    }

    /// <summary>The 0-based column of a cell reference (<c>A1</c> → 0, <c>AB12</c> → 27), or null when it has no column letters.</summary>
    public static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (++letters > 3) return null; // XFD is the last column
        }
        return letters == 0 ? null : column - 1;
    }
}
