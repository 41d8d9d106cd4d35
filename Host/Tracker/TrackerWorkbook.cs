using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Pipeline.Activities.Rosters;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Host.Tracker;

/// <summary>A cell of <see cref="TrackerWorkbook"/>: text, a number, or a date (a serial date with format yyyy-mm-dd).</summary>
public abstract record SheetValue
{
    public sealed record Text(string Value) : SheetValue;
    public sealed record Number(decimal Value) : SheetValue;
    public sealed record Day(DateOnly Value) : SheetValue;
    public sealed record Empty : SheetValue;
}

/// <summary>
/// A one-sheet XLSX of a list: a bold header row (frozen, with an auto-filter), then one row per item; numbers are
/// numbers and dates are dates (Excel serial days shown yyyy-mm-dd), never text. Every text passes
/// <see cref="SensitiveText.Mask"/>, so no ID or mobile number leaves unmasked.
/// </summary>
public static class TrackerWorkbook
{
    private const uint HeaderStyle = 1, DateStyle = 2, NumberStyle = 3;

    /// <summary>The workbook's bytes: <paramref name="headers"/> and <paramref name="rows"/> (each as wide as the headers).</summary>
    /// <param name="widths">Column widths in characters.</param>
    public static byte[] Render(string sheetName, IReadOnlyList<string> headers, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<SheetValue>> rows)
    {
        var data = new S.SheetData();
        data.Append(new S.Row(headers.Select((h, c) => TextCell(0, c, h, HeaderStyle))) { RowIndex = 1 });
        var r = 0;
        foreach (var row in rows)
        {
            r++;
            var line = new S.Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < row.Count; c++)
            {
                switch (row[c])
                {
                    case SheetValue.Text t:
                        line.Append(TextCell(r, c, t.Value, 0));
                        break;
                    case SheetValue.Number n:
                        line.Append(new S.Cell { CellReference = Reference(r, c), StyleIndex = NumberStyle, CellValue = new S.CellValue(n.Value.ToString(CultureInfo.InvariantCulture)) });
                        break;
                    case SheetValue.Day d:
                        var serial = d.Value.ToDateTime(TimeOnly.MinValue).ToOADate();
                        line.Append(new S.Cell { CellReference = Reference(r, c), StyleIndex = DateStyle, CellValue = new S.CellValue(serial.ToString(CultureInfo.InvariantCulture)) });
                        break;
                    default:
                        // An empty cell is written (no value), so every row has its columns in place for readers that index them.
                        line.Append(new S.Cell { CellReference = Reference(r, c) });
                        break;
                }
            }
            data.Append(line);
        }

        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var last = Reference(r, headers.Count - 1);
            sheet.Worksheet = new S.Worksheet(
                new S.SheetViews(new S.SheetView(new S.Pane
                {
                    VerticalSplit = 1, TopLeftCell = "A2", ActivePane = S.PaneValues.BottomLeft, State = S.PaneStateValues.Frozen,
                }) { WorkbookViewId = 0 }),
                new S.Columns(widths.Select((w, i) => new S.Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
                data,
                new S.AutoFilter { Reference = $"A1:{last}" });
            workbook.Workbook = new S.Workbook(new S.Sheets(new S.Sheet { Name = sheetName, SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }
        return stream.ToArray();
    }

    private static S.Cell TextCell(int row, int column, string text, uint style) => new()
    {
        CellReference = Reference(row, column), StyleIndex = style, DataType = S.CellValues.InlineString,
        InlineString = new S.InlineString(new S.Text(SensitiveText.Mask(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static S.Stylesheet Styles() => new(
        new S.NumberingFormats(new S.NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new S.Fonts(
            new S.Font(new S.FontSize { Val = 11 }, new S.FontName { Val = "宋体" }),
            new S.Font(new S.Bold(), new S.FontSize { Val = 11 }, new S.FontName { Val = "宋体" })) { Count = 2 },
        new S.Fills(
            new S.Fill(new S.PatternFill { PatternType = S.PatternValues.None }),
            new S.Fill(new S.PatternFill { PatternType = S.PatternValues.Gray125 })) { Count = 2 },
        new S.Borders(new S.Border()) { Count = 1 },
        new S.CellFormats(
            new S.CellFormat(),
            new S.CellFormat { FontId = 1, ApplyFont = true },
            new S.CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new S.CellFormat { NumberFormatId = 1, ApplyNumberFormat = true }) { Count = 4 });

    /// <summary>An A1 reference of 0-based <paramref name="row"/> and <paramref name="column"/>.</summary>
    private static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + (row + 1).ToString(CultureInfo.InvariantCulture);
    }
}
