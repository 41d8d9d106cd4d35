namespace Pipeline.Activities.Supervision.Attendance;

/// <summary>A sign-in sheet as read from its XLSX (<see cref="SignInSheetReader"/>), before any rule is applied.</summary>
/// <param name="Sheet">The worksheet's name.</param>
/// <param name="HeaderRow">1-based row number of the header row.</param>
/// <param name="Rows">The readable data rows, in sheet order.</param>
/// <param name="Problems">What could not be read (rows, headers, cells), in sheet order.</param>
public sealed record SignInSheet(string Sheet, int HeaderRow, IReadOnlyList<SignInRow> Rows, IReadOnlyList<SheetProblem> Problems);

/// <summary>One trainee's marks for one day.</summary>
/// <param name="Row">1-based row number in the worksheet.</param>
/// <param name="Name">姓名 as written.</param>
/// <param name="IdNumber">身份证号, NFKC-normalised, spaces removed, <c>x</c> upper-cased. Held in memory only: never output unmasked.</param>
/// <param name="Date">日期.</param>
/// <param name="Morning">上午签到 / 上午签退.</param>
/// <param name="Afternoon">下午签到 / 下午签退.</param>
public sealed record SignInRow(int Row, string Name, string IdNumber, DateOnly Date, HalfDayMarks Morning, HalfDayMarks Afternoon);

/// <summary>The sign-in and sign-out of one half-day.</summary>
/// <param name="SignIn">The sign-in time; null when the cell is empty.</param>
/// <param name="SignOut">The sign-out time; null when the cell is empty.</param>
/// <param name="Unreadable">A mark's cell holds something that is not a time (reported as a <see cref="SheetProblem"/>): the half-day is not counted.</param>
public sealed record HalfDayMarks(TimeOnly? SignIn, TimeOnly? SignOut, bool Unreadable = false)
{
    /// <summary>Both marks present and readable.</summary>
    public bool Complete => !Unreadable && SignIn is not null && SignOut is not null;

    /// <summary>Exactly one of the two marks present (and nothing unreadable).</summary>
    public bool OneMarkOnly => !Unreadable && (SignIn is null) != (SignOut is null);
}

/// <summary>Something in the sheet that could not be read as the layout says.</summary>
/// <param name="Row">1-based row number, null for the workbook as a whole.</param>
/// <param name="Severity"><c>error</c>: hours may be lost (an unreadable row or mark); <c>warning</c>: ignored (an unknown column, a duplicate row).</param>
/// <param name="Message">For the clerk, in Chinese; identity numbers masked.</param>
public sealed record SheetProblem(int? Row, string Severity, string Message);
