using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Tests.Supervision;

/// <summary>
/// Writes sign-in sheets as XLSX with DocumentFormat.OpenXml, the way Excel does: text as shared strings, dates and
/// times as serial numbers (no binary fixtures). Cell values: <see cref="string"/> (shared string), <see cref="double"/>,
/// <see cref="DateOnly"/> (a date serial), <see cref="TimeOnly"/> (a fraction of a day), null (no cell).
/// </summary>
public sealed class SignInSheetXlsx
{
    /// <summary>The template's header row.</summary>
    public static readonly object?[] TemplateHeader = ["序号", "姓名", "身份证号", "日期", "上午签到", "上午签退", "下午签到", "下午签退"];

    private readonly List<object?[]> _rows = [];
    private readonly List<(string Name, List<object?[]> Rows)> _extraSheets = [];

    public SignInSheetXlsx Row(params object?[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    /// <summary>A template row: 序号, name, ID, date and the four marks (text like "8:30", a TimeOnly, or null).</summary>
    public SignInSheetXlsx Day(int number, string name, string id, DateOnly date, object? morningIn, object? morningOut, object? afternoonIn, object? afternoonOut) =>
        Row(number, name, id, date, morningIn, morningOut, afternoonIn, afternoonOut);

    /// <summary>A full day for a trainee: 8:30–11:30 and 14:00–17:00.</summary>
    public SignInSheetXlsx FullDay(int number, string name, string id, DateOnly date) =>
        Day(number, name, id, date, new TimeOnly(8, 30), new TimeOnly(11, 30), "14:00", "17:00");

    public SignInSheetXlsx Sheet(string name, params object?[][] rows)
    {
        _extraSheets.Add((name, rows.ToList()));
        return this;
    }

    public string Save(string path)
    {
        var shared = new List<string>();
        using (var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            AddSheet(workbook, "签到表", _rows, shared);
            foreach (var (name, rows) in _extraSheets) AddSheet(workbook, name, rows, shared);
            var table = workbook.AddNewPart<SharedStringTablePart>();
            table.SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s))));
        }
        return path;
    }

    private static void AddSheet(WorkbookPart workbook, string name, List<object?[]> rows, List<string> shared)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
                if (Cell(rows[r][c], $"{(char)('A' + c)}{r + 1}", shared) is { } cell) row.Append(cell);
            data.Append(row);
        }
        part.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.Count() + 1), Name = name });
    }

    private static Cell? Cell(object? value, string reference, List<string> shared)
    {
        string Number(double n) => n.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return value switch
        {
            null => null,
            string s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Index(shared, s).ToString()) },
            int i => new Cell { CellReference = reference, CellValue = new CellValue(Number(i)) },
            double d => new Cell { CellReference = reference, CellValue = new CellValue(Number(d)) },
            DateOnly date => new Cell { CellReference = reference, CellValue = new CellValue(Number(date.ToDateTime(TimeOnly.MinValue).ToOADate())) },
            TimeOnly time => new Cell { CellReference = reference, CellValue = new CellValue(Number(time.ToTimeSpan().TotalDays)) },
            _ => throw new ArgumentException($"no cell for {value.GetType()}"),
        };
    }

    private static int Index(List<string> shared, string text)
    {
        var i = shared.IndexOf(text);
        if (i >= 0) return i;
        shared.Add(text);
        return shared.Count - 1;
    }

    /// <summary>A valid identity number from its first 17 digits.</summary>
    public static string Id(string first17) => first17 + IdNumber.CheckCharacter(first17);
}
