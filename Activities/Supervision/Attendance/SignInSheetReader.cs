using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pipeline.Activities.Documents;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Office;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Supervision.Attendance;

/// <summary>
/// Reads a sign-in sheet (签到表) uploaded as XLSX in the layout of <see cref="SignInSheetLayout"/>, under the limits
/// every upload has (<see cref="IntakeOptions"/>: file size, ZIP entries and declared bytes, characters per part).
/// It only reads: hours, rates and rule findings are <see cref="AttendanceRules"/>' job.
/// </summary>
public static class SignInSheetReader
{
    /// <summary>Reads the workbook at <paramref name="path"/>.</summary>
    /// <exception cref="DocumentRejectedException">Empty or too large (<see cref="RejectionReason.Empty"/>,
    /// <see cref="RejectionReason.TooLarge"/>); not an XLSX (<see cref="RejectionReason.NotASpreadsheet"/>); damaged;
    /// no worksheet (<see cref="RejectionReason.NoPages"/>); no header row, or one lacking required columns
    /// (<see cref="RejectionReason.NoHeaderRow"/>, <see cref="DocumentRejectedException.Detail"/> names them).</exception>
    public static SignInSheet Read(string path, IntakeOptions? options = null) =>
        SpreadsheetUpload.Read(path, options ?? new IntakeOptions(), Read);

    /// <summary>Reads an open workbook (see <see cref="Read(string, IntakeOptions?)"/> for the refusals).</summary>
    public static SignInSheet Read(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new DocumentRejectedException(RejectionReason.Damaged, "no workbook");
        var sheets = SpreadsheetCells.Worksheets(workbook).ToList();
        if (sheets.Count == 0) throw new DocumentRejectedException(RejectionReason.NoPages, "no worksheet");
        var shared = SpreadsheetCells.SharedStrings(workbook);
        var date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true;
        var (sheetName, part) = sheets[0];
        var rows = Rows(part, shared).ToList();
        var problems = new List<SheetProblem>();

        var header = rows.FirstOrDefault(r => r.Number <= SignInSheetLayout.HeaderSearchRows && IsHeader(r))
            ?? throw new DocumentRejectedException(RejectionReason.NoHeaderRow,
                $"sheet '{sheetName}': no row with 姓名 and 身份证号 in its first {SignInSheetLayout.HeaderSearchRows} rows");
        var columns = Columns(header, problems);
        var missing = SignInSheetLayout.Headers.Where(h => !columns.ContainsKey(h.Key)).Select(h => h.Value).ToList();
        if (missing.Count > 0)
            throw new DocumentRejectedException(RejectionReason.NoHeaderRow,
                $"sheet '{sheetName}' row {header.Number}: 缺少列 {string.Join("、", missing)} (missing columns)");

        var ignoredSheets = sheets.Skip(1).Where(s => HasContent(s.Part, shared)).Select(s => s.Name).ToList();
        if (ignoredSheets.Count > 0)
            problems.Add(new SheetProblem(null, Severities.Warning,
                $"工作簿有 {sheets.Count} 个工作表，只读取第一个「{sheetName}」；「{string.Join("」「", ignoredSheets)}」未读取"));

        var data = new List<SignInRow>();
        foreach (var row in rows.Where(r => r.Number > header.Number))
            if (DataRow(row, columns, date1904, problems) is { } read) data.Add(read);
        return new SignInSheet(sheetName, header.Number, data, problems);
    }

    /// <summary>A worksheet row: its 1-based number and its non-empty cells by 0-based column.</summary>
    private sealed record SheetRow(int Number, Dictionary<int, CellContent> Cells)
    {
        public CellContent this[int column] => Cells.TryGetValue(column, out var cell) ? cell : Empty;

        private static readonly CellContent Empty = new("", null);
    }

    private static IEnumerable<SheetRow> Rows(WorksheetPart part, string[] shared)
    {
        var number = 0;
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            number = row.RowIndex?.Value is { } index ? (int)index : number + 1;
            var cells = new Dictionary<int, CellContent>();
            var column = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                column = SpreadsheetCells.Column(cell.CellReference?.Value) ?? column + 1;
                var content = SpreadsheetCells.Read(cell, shared);
                if (content.Text.Length > 0) cells[column] = content;
            }
            if (cells.Count > 0) yield return new SheetRow(number, cells);
        }
    }

    private static bool IsHeader(SheetRow row)
    {
        var found = row.Cells.Values.Select(c => SignInSheetLayout.Match(c.Text)).ToHashSet();
        return found.Contains(SignInColumn.Name) && found.Contains(SignInColumn.IdNumber);
    }

    private static Dictionary<SignInColumn, int> Columns(SheetRow header, List<SheetProblem> problems)
    {
        var columns = new Dictionary<SignInColumn, int>();
        foreach (var (index, cell) in header.Cells.OrderBy(c => c.Key))
        {
            if (SignInSheetLayout.Match(cell.Text) is { } column)
            {
                if (!columns.TryAdd(column, index))
                    problems.Add(new SheetProblem(header.Number, Severities.Warning,
                        $"第 {header.Number} 行 {ColumnName(index)} 列表头「{Echo(cell.Text)}」与 {ColumnName(columns[column])} 列重复，只读 {ColumnName(columns[column])} 列"));
            }
            else if (!SignInSheetLayout.IsIgnored(cell.Text))
            {
                problems.Add(new SheetProblem(header.Number, Severities.Warning,
                    $"第 {header.Number} 行 {ColumnName(index)} 列表头「{Echo(cell.Text)}」不是签到表的列，该列已忽略"));
            }
        }
        return columns;
    }

    private static SignInRow? DataRow(SheetRow row, Dictionary<SignInColumn, int> columns, bool date1904, List<SheetProblem> problems)
    {
        var name = row[columns[SignInColumn.Name]].Text;
        var id = NormaliseId(row[columns[SignInColumn.IdNumber]].Text);
        var dateCell = row[columns[SignInColumn.Date]];
        var date = SheetDateTime.Date(dateCell, date1904);
        var wrong = new List<string>();
        if (name.Length == 0) wrong.Add("姓名为空");
        if (id.Length == 0) wrong.Add("身份证号为空");
        if (date is null) wrong.Add(dateCell.Text.Length == 0 ? "日期为空" : $"日期「{Echo(dateCell.Text)}」无法识别");
        if (wrong.Count > 0)
        {
            problems.Add(new SheetProblem(row.Number, Severities.Error, $"第 {row.Number} 行无法读取（{string.Join("，", wrong)}），本行不计出勤"));
            return null;
        }
        var morning = Marks(row, columns[SignInColumn.MorningIn], columns[SignInColumn.MorningOut], "上午", problems);
        var afternoon = Marks(row, columns[SignInColumn.AfternoonIn], columns[SignInColumn.AfternoonOut], "下午", problems);
        return new SignInRow(row.Number, name, id, date!.Value, morning, afternoon);
    }

    private static HalfDayMarks Marks(SheetRow row, int inColumn, int outColumn, string half, List<SheetProblem> problems)
    {
        var (signIn, inUnreadable) = Mark(row, inColumn, half + "签到", problems);
        var (signOut, outUnreadable) = Mark(row, outColumn, half + "签退", problems);
        return new HalfDayMarks(signIn, signOut, inUnreadable || outUnreadable);
    }

    private static (TimeOnly? Time, bool Unreadable) Mark(SheetRow row, int column, string header, List<SheetProblem> problems)
    {
        var cell = row[column];
        if (cell.Text.Length == 0) return (null, false);
        if (SheetDateTime.Time(cell) is { } time) return (time, false);
        problems.Add(new SheetProblem(row.Number, Severities.Error,
            $"第 {row.Number} 行「{header}」的「{Echo(cell.Text)}」不是时间，该半天不计出勤"));
        return (null, true);
    }

    private static bool HasContent(WorksheetPart part, string[] shared) =>
        part.Worksheet.Descendants<Cell>().Any(c => SpreadsheetCells.Read(c, shared).Text.Length > 0);

    /// <summary>An identity number as a key: NFKC (full-width digits and X to half-width), white space removed, upper case.</summary>
    public static string NormaliseId(string text) => SignInSheetLayout.Normalise(text).ToUpperInvariant();

    /// <summary>Cell text quoted in a message: identity and phone numbers masked, at most 30 characters.</summary>
    internal static string Echo(string text)
    {
        var masked = SensitiveText.Mask(text);
        return masked.Length <= 30 ? masked : masked[..30] + "…";
    }

    /// <summary>Column letters of a 0-based column: 0 → A, 27 → AB.</summary>
    internal static string ColumnName(int column)
    {
        var sb = new StringBuilder();
        for (var n = column + 1; n > 0; n = (n - 1) / 26) sb.Insert(0, (char)('A' + (n - 1) % 26));
        return sb.ToString();
    }
}
