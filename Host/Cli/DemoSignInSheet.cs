using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Host.Cli;

/// <summary>
/// The demo class's sign-in sheet (签到表) as the institution would export it: the layout <c>attendance.import</c> reads
/// (姓名, 身份证号, 日期, 上午签到/签退, 下午签到/签退), every trainee signing in and out every morning and afternoon.
/// </summary>
public static class DemoSignInSheet
{
    private static readonly string[] Header = ["序号", "姓名", "身份证号", "日期", "上午签到", "上午签退", "下午签到", "下午签退"];

    /// <summary>Writes the XLSX to <paramref name="path"/>: one row per trainee per training day.</summary>
    public static void Write(string path, IReadOnlyList<(string Name, string IdNumber)> trainees, IReadOnlyList<DateOnly> days)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(Header));
        var number = 0;
        foreach (var (name, id) in trainees)
            foreach (var day in days)
                data.Append(Row([(++number).ToString(), name, id, day.ToString("yyyy-MM-dd"), "8:30", "11:30", "14:00", "17:00"]));
        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "签到表" }));
        workbook.Workbook.Save();
    }

    private static Row Row(IEnumerable<string> values) =>
        new(values.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) }));
}
