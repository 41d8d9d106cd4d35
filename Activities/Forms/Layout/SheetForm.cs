using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Pipeline.Activities.Rosters;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Activities.Forms.Layout;

/// <summary>Cell looks of <see cref="SheetForm"/>; the value is the cell format's index in the stylesheet.</summary>
internal enum SheetStyle : uint
{
    /// <summary>No border, left.</summary>
    Plain = 0,
    Title,
    /// <summary>No border, centred (the quarter under a title).</summary>
    Centred,
    /// <summary>No border, right.</summary>
    Right,
    /// <summary>Bordered, bold, centred, wrapped.</summary>
    Header,
    /// <summary>Bordered text, centred, wrapped.</summary>
    Text,
    /// <summary>Bordered text, left, wrapped.</summary>
    TextLeft,
    /// <summary>Bordered whole number.</summary>
    Integer,
    /// <summary>Bordered amount in yuan, two decimals, thousands separators.</summary>
    Money,
    /// <summary>Bordered percentage, one decimal (the value is a fraction: 0.875 shows 87.5%).</summary>
    Percent,
}

/// <summary>
/// A cell: text or a number (numbers are stored as numbers, never as text), columns spanned to the right, rows spanned
/// down (<see cref="Down"/>; the next rows' cells flow around it).
/// </summary>
internal sealed record SheetCell(object? Value, SheetStyle Style = SheetStyle.Text)
{
    public int Span { get; init; } = 1;
    public int Down { get; init; } = 1;

    public static implicit operator SheetCell(string text) => new((object)text);
}

/// <summary>
/// A small builder of one-sheet A4 workbooks for statistics tables: 宋体, bordered cells, merged titles, number
/// formats. Text passes <see cref="SensitiveText.Mask"/>.
/// </summary>
internal sealed class SheetForm(string title, string sheetName, DateOnly date)
{
    private readonly List<(double Height, List<(int Column, SheetCell Cell)> Cells)> _rows = [];
    private readonly Dictionary<(int Row, int Column), SheetStyle> _covered = [];
    private readonly List<string> _merges = [];
    private double[] _widths = [];
    private bool _landscape;

    /// <summary>Column widths in characters.</summary>
    public SheetForm Columns(params double[] widths)
    {
        _widths = widths;
        return this;
    }

    public SheetForm Landscape()
    {
        _landscape = true;
        return this;
    }

    public SheetForm Row(params SheetCell[] cells) => Row(0, cells);

    /// <summary>Column count, fixed by <see cref="Columns"/>.</summary>
    public int Width => _widths.Length;

    /// <summary>A line across the whole width: the title, or the quarter under it.</summary>
    public SheetForm Across(string text, SheetStyle style, double height = 0) => Row(height, new SheetCell(text, style) { Span = Width });

    /// <summary>A line across the whole width, <paramref name="left"/> on the left and <paramref name="right"/> on the right.</summary>
    public SheetForm Split(string left, string right, int leftSpan) =>
        Row(22, new SheetCell(left, SheetStyle.Plain) { Span = leftSpan }, new SheetCell(right, SheetStyle.Right) { Span = Width - leftSpan });

    /// <summary>
    /// Signature cells (填表人（签字）：…) spread over the width, left empty for the hand: statistics are signed by the
    /// filler, the reviewer and the approver in person, never with printed names (YN §二十).
    /// </summary>
    public SheetForm Signatures(params string[] roles)
    {
        var cells = roles.Select((role, i) => new SheetCell($"{role}（签字）：", SheetStyle.Plain)
        {
            Span = Width / roles.Length + (i < Width % roles.Length ? 1 : 0),
        });
        return Row().Row(30, cells.ToArray());
    }

    /// <summary>A row <paramref name="height"/> points high (0: the default); cells flow around spans from rows above.</summary>
    public SheetForm Row(double height, params SheetCell[] cells)
    {
        var row = _rows.Count;
        var placed = new List<(int Column, SheetCell Cell)>();
        var column = 0;
        foreach (var cell in cells)
        {
            while (_covered.ContainsKey((row, column))) column++;
            placed.Add((column, cell));
            if (cell.Span > 1 || cell.Down > 1)
            {
                _merges.Add($"{Reference(row, column)}:{Reference(row + cell.Down - 1, column + cell.Span - 1)}");
                for (var r = row; r < row + cell.Down; r++)
                    for (var c = column; c < column + cell.Span; c++)
                        if ((r, c) != (row, column)) _covered[(r, c)] = cell.Style;
            }
            column += cell.Span;
        }
        // Covered cells carry the merged cell's style, so the merged area's borders are drawn whole.
        foreach (var ((r, c), style) in _covered)
            if (r == row) placed.Add((c, new SheetCell(null, style)));
        _rows.Add((height, placed.OrderBy(p => p.Column).ToList()));
        return this;
    }

    public byte[] ToBytes()
    {
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var data = new S.SheetData();
        for (var r = 0; r < _rows.Count; r++)
        {
            var (height, cells) = _rows[r];
            var row = new S.Row { RowIndex = (uint)(r + 1) };
            if (height > 0)
            {
                row.Height = height;
                row.CustomHeight = true;
            }
            foreach (var (c, cell) in cells)
            {
                var element = new S.Cell { CellReference = Reference(r, c), StyleIndex = (uint)cell.Style };
                switch (cell.Value)
                {
                    case null:
                        break;
                    case string text:
                        text = SensitiveText.Mask(text);
                        if (!index.TryGetValue(text, out var at))
                        {
                            index[text] = at = strings.Count;
                            strings.Add(text);
                        }
                        element.DataType = S.CellValues.SharedString;
                        element.CellValue = new S.CellValue(at.ToString(CultureInfo.InvariantCulture));
                        break;
                    case int or long or decimal or double:
                        element.CellValue = new S.CellValue(Convert.ToString(cell.Value, CultureInfo.InvariantCulture)!);
                        break;
                    default:
                        throw new ArgumentException($"cell {Reference(r, c)}: {cell.Value.GetType().Name} is neither text nor a number");
                }
                row.Append(element);
            }
            data.Append(row);
        }

        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddNewPart<WorkbookPart>(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", OfficePackage.MainId);
            var sheet = workbook.AddNewPart<WorksheetPart>("rId1");
            workbook.AddNewPart<WorkbookStylesPart>("rId2").Stylesheet = Stylesheet();
            workbook.AddNewPart<SharedStringTablePart>("rId3").SharedStringTable = new S.SharedStringTable(
                strings.Select(s => new S.SharedStringItem(new S.Text(s) { Space = SpaceProcessingModeValues.Preserve })))
            { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count };

            var worksheet = new S.Worksheet(
                new S.SheetProperties(new S.PageSetupProperties { FitToPage = true }),
                new S.Columns(_widths.Select((w, i) => new S.Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
                data);
            if (_merges.Count > 0) worksheet.Append(new S.MergeCells(_merges.Select(m => new S.MergeCell { Reference = m })));
            worksheet.Append(
                new S.PrintOptions { HorizontalCentered = true },
                new S.PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 },
                new S.PageSetup
                {
                    PaperSize = 9, // A4
                    Orientation = _landscape ? S.OrientationValues.Landscape : S.OrientationValues.Portrait,
                    FitToWidth = 1, FitToHeight = 0,
                });
            sheet.Worksheet = worksheet;
            workbook.Workbook = new S.Workbook(new S.Sheets(new S.Sheet { Name = sheetName, SheetId = 1, Id = "rId1" }));
            OfficePackage.WriteCoreProperties(doc, title, date);
        }
        return OfficePackage.Seal(stream, date);
    }

    /// <summary>An A1 reference of 0-based <paramref name="row"/> and <paramref name="column"/>.</summary>
    private static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + (row + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static S.Stylesheet Stylesheet()
    {
        static S.Font Font(double size, bool bold)
        {
            var font = new S.Font();
            if (bold) font.Append(new S.Bold());
            font.Append(new S.FontSize { Val = size }, new S.FontName { Val = WordForm.EastAsiaFont },
                new S.FontFamilyNumbering { Val = 3 }, new S.FontCharSet { Val = 134 }); // 134: GB2312
            return font;
        }
        var thin = new S.Border(
            new S.LeftBorder { Style = S.BorderStyleValues.Thin }, new S.RightBorder { Style = S.BorderStyleValues.Thin },
            new S.TopBorder { Style = S.BorderStyleValues.Thin }, new S.BottomBorder { Style = S.BorderStyleValues.Thin },
            new S.DiagonalBorder());
        const uint percentFormat = 164;
        var center = S.HorizontalAlignmentValues.Center;
        S.CellFormat Format(uint font, uint border, uint numberFormat, S.HorizontalAlignmentValues align, bool wrap = false) =>
            new(new S.Alignment
            {
                Horizontal = align, Vertical = S.VerticalAlignmentValues.Center, WrapText = wrap,
                Indent = border > 0 && align != center ? 1u : null, // bordered text and amounts keep off the lines
            })
            {
                FontId = font, BorderId = border, FillId = 0, NumberFormatId = numberFormat, FormatId = 0,
                ApplyFont = true, ApplyBorder = border > 0, ApplyNumberFormat = numberFormat > 0, ApplyAlignment = true,
            };
        // In SheetStyle order.
        S.CellFormat[] formats =
        [
            Format(0, 0, 0, S.HorizontalAlignmentValues.Left),
            Format(1, 0, 0, center),
            Format(0, 0, 0, center),
            Format(0, 0, 0, S.HorizontalAlignmentValues.Right),
            Format(2, 1, 0, center, wrap: true),
            Format(0, 1, 0, center, wrap: true),
            Format(0, 1, 0, S.HorizontalAlignmentValues.Left, wrap: true),
            Format(0, 1, 1, center), // 0
            Format(0, 1, 4, S.HorizontalAlignmentValues.Right), // #,##0.00
            Format(0, 1, percentFormat, center),
        ];
        return new S.Stylesheet(
            new S.NumberingFormats(new S.NumberingFormat { NumberFormatId = percentFormat, FormatCode = "0.0%" }) { Count = 1 },
            new S.Fonts(Font(11, false), Font(16, true), Font(11, true)) { Count = 3 },
            new S.Fills(
                new S.Fill(new S.PatternFill { PatternType = S.PatternValues.None }),
                new S.Fill(new S.PatternFill { PatternType = S.PatternValues.Gray125 })) { Count = 2 },
            new S.Borders(new S.Border(new S.LeftBorder(), new S.RightBorder(), new S.TopBorder(), new S.BottomBorder(), new S.DiagonalBorder()), thin) { Count = 2 },
            new S.CellStyleFormats(new S.CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new S.CellFormats(formats) { Count = (uint)formats.Length },
            new S.CellStyles(new S.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
