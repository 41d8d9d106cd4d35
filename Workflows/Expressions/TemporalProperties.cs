namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Properties of temporal values read with a path step (DMN 1.5 §10.3.2.3.4–8, table "Specific semantics of date,
/// time and duration properties"), all numbers:
/// <list type="bullet">
/// <item><description>date: <c>year</c>, <c>month</c>, <c>day</c>, <c>weekday</c> (1 = Monday … 7 = Sunday);</description></item>
/// <item><description>date and time: those of date, plus <c>hour</c>, <c>minute</c>, <c>second</c> (in its own offset) and
/// <c>`time offset`</c> (a days and time duration, e.g. <c>PT8H</c>);</description></item>
/// <item><description>time: <c>hour</c>, <c>minute</c>, <c>second</c>;</description></item>
/// <item><description>days and time duration: <c>days</c>, <c>hours</c> (0–23), <c>minutes</c>, <c>seconds</c> (whole; negative for a negative duration);</description></item>
/// <item><description>years and months duration: <c>years</c>, <c>months</c> (0–11; negative for a negative duration).</description></item>
/// </list>
/// <c>timezone</c> is not offered because a date and time keeps only its offset. An unknown property is a type
/// error naming the available ones (FEEL would return null).
/// </summary>
internal static class TemporalProperties
{
    /// <summary>True when <paramref name="target"/> is temporal; then <paramref name="value"/> is the property.</summary>
    /// <exception cref="FeelRuntimeError">The value has no such property.</exception>
    public static bool TryGet(object? target, string member, out object? value)
    {
        value = target switch
        {
            DateOnly date => Date(date, member),
            DateTimeOffset dateTime => DateAndTime(dateTime, member),
            TimeOnly time => Time(time, member),
            TimeSpan duration => DaysAndTime(duration, member),
            YearMonthDuration duration => YearsAndMonths(duration, member),
            _ => Missing.None,
        };
        if (value is Missing missing)
        {
            if (missing.Available is null) return false;
            throw new FeelRuntimeError(
                $"{FeelTypes.Describe(target)} has no property '{member}'; a {FeelTypes.TypeName(target)} has {missing.Available}");
        }
        return true;
    }

    private static object Date(DateOnly date, string member) => member switch
    {
        "year" => (decimal)date.Year,
        "month" => (decimal)date.Month,
        "day" => (decimal)date.Day,
        "weekday" => (decimal)IsoWeekday(date.DayOfWeek),
        _ => new Missing("year, month, day and weekday"),
    };

    private static object DateAndTime(DateTimeOffset dateTime, string member) => member switch
    {
        "year" or "month" or "day" or "weekday" => Date(DateOnly.FromDateTime(dateTime.DateTime), member),
        "hour" or "minute" or "second" => Time(TimeOnly.FromDateTime(dateTime.DateTime), member),
        "time offset" => dateTime.Offset,
        _ => new Missing("year, month, day, weekday, hour, minute, second and `time offset`"),
    };

    private static object Time(TimeOnly time, string member) => member switch
    {
        "hour" => (decimal)time.Hour,
        "minute" => (decimal)time.Minute,
        "second" => (decimal)time.Second,
        _ => new Missing("hour, minute and second"),
    };

    private static object DaysAndTime(TimeSpan duration, string member) => member switch
    {
        "days" => (decimal)duration.Days,
        "hours" => (decimal)duration.Hours,
        "minutes" => (decimal)duration.Minutes,
        "seconds" => (decimal)duration.Seconds,
        _ => new Missing("days, hours, minutes and seconds"),
    };

    private static object YearsAndMonths(YearMonthDuration duration, string member) => member switch
    {
        "years" => (decimal)duration.Years,
        "months" => (decimal)duration.MonthsOfYear,
        _ => new Missing("years and months"),
    };

    /// <summary>ISO 8601 weekday number: Monday 1 … Sunday 7.</summary>
    public static int IsoWeekday(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    /// <summary>No such property: <see cref="Available"/> lists those there are, or is null when the target is not temporal at all.</summary>
    private sealed record Missing(string? Available)
    {
        public static readonly Missing None = new((string?)null);
    }
}
