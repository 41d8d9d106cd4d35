using System.Text;

namespace Pipeline.Activities.Supervision.Attendance;

/// <summary>The columns of a sign-in sheet (签到表) that <see cref="SignInSheetReader"/> reads.</summary>
public enum SignInColumn
{
    /// <summary>姓名.</summary>
    Name,
    /// <summary>身份证号 / 身份证号码: the trainee's 18-character resident identity number, which keys the trainee.</summary>
    IdNumber,
    /// <summary>日期: the training day.</summary>
    Date,
    /// <summary>上午签到.</summary>
    MorningIn,
    /// <summary>上午签退.</summary>
    MorningOut,
    /// <summary>下午签到.</summary>
    AfternoonIn,
    /// <summary>下午签退.</summary>
    AfternoonOut,
}

/// <summary>
/// The accepted layout of a sign-in sheet (签到表) uploaded as XLSX (R-YN-9: sign-in and sign-out every morning and
/// afternoon; R-GL-4: the attendance rate from the sheet):
/// <list type="bullet">
/// <item>The workbook's first worksheet is read; further worksheets holding anything are reported and ignored.</item>
/// <item>A header row within the first <see cref="HeaderSearchRows"/> rows (a title row above it is fine) holding the
/// columns 姓名, 身份证号 (or 身份证号码), 日期, 上午签到, 上午签退, 下午签到, 下午签退, in any order. Header text is
/// matched after NFKC normalisation (full-width letters, digits and brackets to half-width) with all white space removed:
/// <c>上午 签到</c> and <c>上午签到</c> are the same column. 序号, 备注 and 签名 are known and ignored; any other header
/// is reported and its column ignored.</item>
/// <item>Below it, one row per trainee per training day. 日期: an Excel date, or text <c>2024-03-01</c>,
/// <c>2024/3/1</c>, <c>2024.3.1</c> or <c>2024年3月1日</c>. The four marks: an Excel time (or date and time), or text
/// <c>8:30</c> / <c>08:30:00</c> (full-width colon too); an empty cell is a missing mark.</item>
/// <item>Empty rows are skipped. A row without a name, an identity number or a readable date is reported by its row
/// number and not counted; a mark that is not a time is reported and its half-day not counted.</item>
/// </list>
/// </summary>
public static class SignInSheetLayout
{
    /// <summary>How many rows from the top are searched for the header row.</summary>
    public const int HeaderSearchRows = 20;

    /// <summary>The header text of each column as the template writes it.</summary>
    public static IReadOnlyDictionary<SignInColumn, string> Headers { get; } = new Dictionary<SignInColumn, string>
    {
        [SignInColumn.Name] = "姓名",
        [SignInColumn.IdNumber] = "身份证号",
        [SignInColumn.Date] = "日期",
        [SignInColumn.MorningIn] = "上午签到",
        [SignInColumn.MorningOut] = "上午签退",
        [SignInColumn.AfternoonIn] = "下午签到",
        [SignInColumn.AfternoonOut] = "下午签退",
    };

    private static readonly Dictionary<string, SignInColumn> Known = new(StringComparer.Ordinal)
    {
        ["姓名"] = SignInColumn.Name,
        ["身份证号"] = SignInColumn.IdNumber,
        ["身份证号码"] = SignInColumn.IdNumber,
        ["日期"] = SignInColumn.Date,
        ["上午签到"] = SignInColumn.MorningIn,
        ["上午签退"] = SignInColumn.MorningOut,
        ["下午签到"] = SignInColumn.AfternoonIn,
        ["下午签退"] = SignInColumn.AfternoonOut,
    };

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "序号", "备注", "签名" };

    /// <summary>The column a header names, or null.</summary>
    public static SignInColumn? Match(string header) => Known.TryGetValue(Normalise(header), out var column) ? column : null;

    /// <summary>Whether a header is a known column this import does not use (序号, 备注, 签名).</summary>
    public static bool IsIgnored(string header) => Ignored.Contains(Normalise(header));

    /// <summary>NFKC-normalised, all white space removed.</summary>
    public static string Normalise(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normal.Length);
        foreach (var c in normal)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }
}
