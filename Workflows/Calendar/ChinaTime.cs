namespace Pipeline.Workflows.Calendar;

/// <summary>China Standard Time (UTC+08:00, Asia/Shanghai, no daylight saving): the clock every regulation's dates are read on.</summary>
public static class ChinaTime
{
    /// <summary>UTC+08:00.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The calendar day in China of an instant (23:30 UTC on 1 May is 2 May).</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);
}
