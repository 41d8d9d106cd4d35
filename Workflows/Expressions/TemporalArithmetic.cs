namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Arithmetic and ordering of temporal values (DMN 1.5 §10.3.2.15, tables "Specific semantics of addition and
/// subtraction" and "of multiplication and division"; §10.3.2.3.4–8 for ordering):
/// <list type="bullet">
/// <item><description>date ± duration → date. A days and time duration moves the date's midnight (UTC+08:00 and UTC
/// alike: a date has no zone) and keeps the calendar day it lands on, so <c>date - duration("PT1H")</c> is the day
/// before. Calendar days, not working days: use <c>addWorkingDays</c> for those.</description></item>
/// <item><description>date and time ± duration → date and time, keeping its offset; time ± days and time duration →
/// time, wrapping round midnight.</description></item>
/// <item><description>Adding a years and months duration adds calendar months, clamping the day to the end of a shorter
/// month (2025-01-31 + P1M = 2025-02-28).</description></item>
/// <item><description>date − date, date and time − date and time, time − time → days and time duration.</description></item>
/// <item><description>duration ± duration of the same kind; duration × number, number × duration, duration ÷ number → duration
/// (years and months truncated to whole months, days and time to 100 ns); duration ÷ duration of the same kind → number.</description></item>
/// <item><description>Ordering: two dates, two dates and times (by instant), two times, or two durations of the same kind.</description></item>
/// </list>
/// Any other pairing is a type error (see <see cref="FeelExpression"/> on deviations), as is a result outside
/// years 1 to 9999 or the range of <see cref="TimeSpan"/>.
/// </summary>
internal static class TemporalArithmetic
{
    /// <summary>The result of <paramref name="op"/> (<c>+ - * /</c>) when a rule above applies, or null when none does.</summary>
    /// <exception cref="FeelRuntimeError">The result is out of range, or division by zero.</exception>
    public static object? TryApply(BinaryOperator op, object left, object right)
    {
        try
        {
            return op switch
            {
                BinaryOperator.Add => Add(left, right) ?? Add(right, left),
                BinaryOperator.Subtract => Subtract(left, right),
                BinaryOperator.Multiply => Multiply(left, right) ?? Multiply(right, left),
                BinaryOperator.Divide => Divide(left, right),
                _ => null,
            };
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new FeelRuntimeError(
                $"{FeelTypes.Describe(left)} {op.Symbol()} {FeelTypes.Describe(right)} is outside the supported range of dates (years 1 to 9999) and durations");
        }
    }

    /// <summary>Arithmetic negation of a duration; null for anything else.</summary>
    public static object? TryNegate(object value) => value switch
    {
        TimeSpan duration when duration == TimeSpan.MinValue => throw new FeelRuntimeError($"-{FeelTypes.Describe(value)} is outside the supported range"),
        TimeSpan duration => -duration,
        YearMonthDuration duration => new YearMonthDuration(-duration.Months),
        _ => null,
    };

    /// <summary>The order of two temporal values of the same kind (negative, zero, positive), or null when they cannot be ordered.</summary>
    public static int? TryOrder(object left, object right) => (left, right) switch
    {
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (TimeOnly a, TimeOnly b) => a.CompareTo(b),
        (TimeSpan a, TimeSpan b) => a.CompareTo(b),
        (YearMonthDuration a, YearMonthDuration b) => a.CompareTo(b),
        _ => null,
    };

    /// <summary>A hint appended to a type error with a temporal operand, e.g. suggesting a duration instead of a number.</summary>
    public static string Hint(BinaryOperator op, object? left, object? right)
    {
        if (op is BinaryOperator.Add or BinaryOperator.Subtract
            && (left is DateOnly or DateTimeOffset or TimeOnly || right is DateOnly or DateTimeOffset or TimeOnly))
        {
            return ": dates and times take a duration such as duration(\"P1D\"); for working days use addWorkingDays()";
        }
        return ": see the FEEL rules for dates, times and durations";
    }

    private static object? Add(object left, object right) => (left, right) switch
    {
        (DateOnly date, TimeSpan duration) => MoveDate(date, duration),
        (DateOnly date, YearMonthDuration duration) => date.AddMonths(duration.Months),
        (DateTimeOffset dateTime, TimeSpan duration) => dateTime + duration,
        (DateTimeOffset dateTime, YearMonthDuration duration) => dateTime.AddMonths(duration.Months),
        (TimeOnly time, TimeSpan duration) => time.Add(duration),
        (TimeSpan a, TimeSpan b) => a + b,
        (YearMonthDuration a, YearMonthDuration b) => new YearMonthDuration(checked(a.Months + b.Months)),
        _ => null,
    };

    private static object? Subtract(object left, object right) => (left, right) switch
    {
        (DateOnly a, DateOnly b) => TimeSpan.FromDays(a.DayNumber - b.DayNumber),
        (DateTimeOffset a, DateTimeOffset b) => a - b,
        (TimeOnly a, TimeOnly b) => a.ToTimeSpan() - b.ToTimeSpan(),
        (DateOnly date, TimeSpan duration) => MoveDate(date, Negate(duration)),
        (DateOnly date, YearMonthDuration duration) => date.AddMonths(checked(-duration.Months)),
        (DateTimeOffset dateTime, TimeSpan duration) => dateTime - duration,
        (DateTimeOffset dateTime, YearMonthDuration duration) => dateTime.AddMonths(checked(-duration.Months)),
        (TimeOnly time, TimeSpan duration) => time.Add(Negate(duration)),
        (TimeSpan a, TimeSpan b) => a - b,
        (YearMonthDuration a, YearMonthDuration b) => new YearMonthDuration(checked(a.Months - b.Months)),
        _ => null,
    };

    private static object? Multiply(object left, object right) => (left, right) switch
    {
        (TimeSpan duration, decimal factor) => TimeSpan.FromTicks(ToLong(duration.Ticks * factor)),
        (YearMonthDuration duration, decimal factor) => new YearMonthDuration(ToInt(duration.Months * factor)),
        _ => null,
    };

    private static object? Divide(object left, object right)
    {
        switch (left, right)
        {
            case (TimeSpan or YearMonthDuration, decimal divisor) when divisor == 0:
            case (TimeSpan, TimeSpan { Ticks: 0 }):
            case (YearMonthDuration, YearMonthDuration { Months: 0 }):
                throw new FeelRuntimeError($"division by zero: {FeelTypes.Describe(left)} / {FeelTypes.Describe(right)}");
            case (TimeSpan duration, decimal divisor):
                return TimeSpan.FromTicks(ToLong(duration.Ticks / divisor));
            case (YearMonthDuration duration, decimal divisor):
                return new YearMonthDuration(ToInt(duration.Months / divisor));
            case (TimeSpan a, TimeSpan b):
                return (decimal)a.Ticks / b.Ticks;
            case (YearMonthDuration a, YearMonthDuration b):
                return (decimal)a.Months / b.Months;
            default:
                return null;
        }
    }

    /// <summary>Moves a date's midnight by a days and time duration and keeps the day it lands on (rounding towards the past).</summary>
    private static DateOnly MoveDate(DateOnly date, TimeSpan duration)
    {
        var days = Math.Floor((decimal)duration.Ticks / TimeSpan.TicksPerDay);
        var dayNumber = date.DayNumber + days;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber) throw new ArgumentOutOfRangeException(nameof(duration));
        return DateOnly.FromDayNumber((int)dayNumber);
    }

    private static TimeSpan Negate(TimeSpan duration) => duration == TimeSpan.MinValue ? throw new OverflowException() : -duration;

    private static long ToLong(decimal value)
    {
        var truncated = decimal.Truncate(value);
        return truncated is < long.MinValue or > long.MaxValue ? throw new OverflowException() : (long)truncated;
    }

    private static int ToInt(decimal value)
    {
        var truncated = decimal.Truncate(value);
        return truncated is < int.MinValue or > int.MaxValue ? throw new OverflowException() : (int)truncated;
    }
}
