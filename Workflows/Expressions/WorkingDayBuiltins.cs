using Pipeline.Workflows.Calendar;

namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Pipeline's working-day built-ins (not in DMN), over <see cref="FeelEvaluationContext.Calendar"/>
/// (<see cref="WorkingDayCalendar.China"/> by default). Dates may be dates or dates and times; a date and time
/// counts by its date in China (UTC+08:00). Counting rules are those of <see cref="WorkingDayCalendar"/>: the
/// start day is never counted.
/// <list type="bullet">
/// <item><description><c>addWorkingDays(date, n)</c> → date: the n-th working day after <c>date</c> (before it for negative n;
/// <c>date</c> itself for 0). <c>addWorkingDays(date("2025-09-30"), 1)</c> is <c>date("2025-10-09")</c>.</description></item>
/// <item><description><c>workingDaysBetween(from, to)</c> → number: working days after <c>from</c> up to and including <c>to</c>
/// (negative when <c>to</c> is earlier), so <c>workingDaysBetween(d, addWorkingDays(d, n)) = n</c>.</description></item>
/// <item><description><c>isWorkingDay(date)</c> → boolean.</description></item>
/// </list>
/// A date outside the years the calendar covers is an evaluation error naming the covered range, never a guess.
/// </summary>
internal static class WorkingDayBuiltins
{
    /// <summary>The functions, for <see cref="Builtins"/>.</summary>
    public static IEnumerable<BuiltinFunction> Functions =>
    [
        new("addWorkingDays", 2, 2, (args, context) => AddWorkingDays(args[0], args[1], context.Calendar)),
        new("workingDaysBetween", 2, 2, (args, context) => WorkingDaysBetween(args[0], args[1], context.Calendar)),
        new("isWorkingDay", 1, 1, (args, context) => IsWorkingDay(args[0], context.Calendar)),
    ];

    private static object? AddWorkingDays(object? start, object? count, WorkingDayCalendar calendar)
    {
        const string name = "addWorkingDays";
        if (start is null || count is null) return null;
        var date = DateArgument(name, start);
        var n = count switch
        {
            decimal d when d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
            decimal d => throw new FeelRuntimeError($"{name}() expects a whole number of working days but got {FeelTypes.FormatNumber(d)}"),
            _ => throw new FeelRuntimeError($"{name}() expects a number of working days as its second argument but got {FeelTypes.Describe(count)}"),
        };
        return Calendar(name, () => calendar.AddWorkingDays(date, n));
    }

    private static object? WorkingDaysBetween(object? from, object? to, WorkingDayCalendar calendar)
    {
        const string name = "workingDaysBetween";
        if (from is null || to is null) return null;
        var a = DateArgument(name, from);
        var b = DateArgument(name, to);
        return (decimal)Calendar(name, () => calendar.WorkingDaysBetween(a, b));
    }

    private static object? IsWorkingDay(object? value, WorkingDayCalendar calendar)
    {
        const string name = "isWorkingDay";
        if (value is null) return null;
        var date = DateArgument(name, value);
        return Calendar(name, () => calendar.IsWorkingDay(date));
    }

    private static DateOnly DateArgument(string name, object value) => value switch
    {
        DateOnly date => date,
        DateTimeOffset dateTime => DateOnly.FromDateTime(dateTime.ToOffset(FeelEvaluationContext.LocalOffset).DateTime),
        _ => throw new FeelRuntimeError(
            $"{name}() expects a date or a date and time but got {FeelTypes.Describe(value)}"
            + (value is string ? "; convert text with date(\"yyyy-MM-dd\")" : "")),
    };

    private static T Calendar<T>(string name, Func<T> question)
    {
        try
        {
            return question();
        }
        catch (CalendarRangeException e)
        {
            throw new FeelRuntimeError($"{name}(): {e.Message}");
        }
    }
}
