using System.Globalization;

namespace Pipeline.Workflows.Expressions;

/// <summary>
/// The temporal built-ins (DMN 1.5 §10.3.4.1 conversion functions, §10.3.4.7 temporal functions). A null argument
/// makes the result null; an argument of the wrong type, or text that is not a valid lexical form, throws (where
/// FEEL returns null) so that a bad timer or due date becomes a readable incident.
/// <list type="bullet">
/// <item><description><c>date(text)</c>, <c>date(date and time)</c> (its date, in its own offset), <c>date(year, month, day)</c> → date;</description></item>
/// <item><description><c>date and time(text)</c>, <c>date and time(date)</c> (midnight), <c>date and time(date, time)</c> → date and time
/// (UTC+08:00 unless the text has an offset or zone);</description></item>
/// <item><description><c>time(text)</c>, <c>time(date and time)</c>, <c>time(hour, minute, second)</c> → time;</description></item>
/// <item><description><c>duration(text)</c> → days and time duration (<c>"P3D"</c>, <c>"PT2H"</c>) or years and months duration (<c>"P1Y2M"</c>);</description></item>
/// <item><description><c>years and months duration(from, to)</c> → the whole months from one date (or date and time) to the other;</description></item>
/// <item><description><c>now()</c> → date and time at UTC+08:00; <c>today()</c> → the date in China (both from <see cref="FeelEvaluationContext.Clock"/>);</description></item>
/// <item><description><c>day of week(d)</c> → <c>"Monday"</c> … <c>"Sunday"</c>; <c>month of year(d)</c> → <c>"January"</c> …; <c>day of year(d)</c> and
/// <c>week of year(d)</c> (ISO 8601 week) → number.</description></item>
/// </list>
/// Text formats are those of <see cref="TemporalLexical"/>.
/// </summary>
internal static class TemporalBuiltins
{
    /// <summary>The functions, for <see cref="Builtins"/>.</summary>
    public static IEnumerable<BuiltinFunction> Functions =>
    [
        new("date", 1, 3, args => Date(args)) { ArgumentCounts = [1, 3] },
        new("date and time", 1, 2, args => DateAndTime(args)),
        new("time", 1, 3, args => Time(args)) { ArgumentCounts = [1, 3] },
        new("duration", 1, 1, args => Duration(args[0])),
        new("years and months duration", 2, 2, args => YearsAndMonthsDuration(args[0], args[1])),
        new("now", 0, 0, (_, context) => context.Now()),
        new("today", 0, 0, (_, context) => DateOnly.FromDateTime(context.Now().DateTime)),
        new("day of week", 1, 1, args => DateOf("day of week", args[0])?.DayOfWeek.ToString()),
        new("month of year", 1, 1, args => DateOf("month of year", args[0]) is { } d
            ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month) : null),
        new("day of year", 1, 1, args => DateOf("day of year", args[0]) is { } d ? (decimal)d.DayOfYear : null),
        new("week of year", 1, 1, args => DateOf("week of year", args[0]) is { } d
            ? (decimal)ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)) : null),
    ];

    private static object? Date(object?[] args)
    {
        if (args.Any(a => a is null)) return null;
        if (args.Length == 3)
        {
            var year = Integer("date", "year", args[0]!);
            var month = Integer("date", "month", args[1]!);
            var day = Integer("date", "day", args[2]!);
            if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
                throw new FeelRuntimeError($"date({year}, {month}, {day}) is not a valid date");
            return new DateOnly((int)year, (int)month, (int)day);
        }
        return args[0] switch
        {
            string text => TemporalLexical.TryParseDate(text, out var date, out var error) ? date : throw Invalid("date", error),
            DateOnly date => date,
            DateTimeOffset dateTime => DateOnly.FromDateTime(dateTime.DateTime),
            var other => throw WrongType("date", "a string, a date or a date and time", other),
        };
    }

    private static object? DateAndTime(object?[] args)
    {
        if (args.Any(a => a is null)) return null;
        if (args.Length == 2)
        {
            var date = args[0] switch
            {
                DateOnly d => d,
                DateTimeOffset dt => DateOnly.FromDateTime(dt.DateTime),
                var other => throw WrongType("date and time", "a date as its first argument", other),
            };
            if (args[1] is not TimeOnly time) throw WrongType("date and time", "a time as its second argument", args[1]);
            return TemporalLexical.TryCombine(date, time, $"{TemporalLexical.Format(date)}T{TemporalLexical.Format(time)}", out var value, out var error)
                ? value
                : throw Invalid("date and time", error);
        }
        return args[0] switch
        {
            string text => TemporalLexical.TryParseDateTime(text, out var value, out var error) ? value : throw Invalid("date and time", error),
            DateTimeOffset dateTime => dateTime,
            DateOnly date => TemporalLexical.TryCombine(date, TimeOnly.MinValue, TemporalLexical.Format(date), out var value, out var error)
                ? value
                : throw Invalid("date and time", error),
            var other => throw WrongType("date and time", "a string, a date or a date and time", other),
        };
    }

    private static object? Time(object?[] args)
    {
        if (args.Any(a => a is null)) return null;
        if (args.Length == 3)
        {
            var hour = Integer("time", "hour", args[0]!);
            var minute = Integer("time", "minute", args[1]!);
            if (args[2] is not decimal second) throw WrongType("time", "a number of seconds", args[2]);
            if (hour is < 0 or > 23 || minute is < 0 or > 59 || second < 0 || second >= 60)
                throw new FeelRuntimeError($"time({hour}, {minute}, {FeelTypes.FormatNumber(second)}) is not a valid time");
            return new TimeOnly((int)hour, (int)minute).Add(TimeSpan.FromTicks((long)(second * TimeSpan.TicksPerSecond)));
        }
        return args[0] switch
        {
            string text => TemporalLexical.TryParseTime(text, out var time, out var error) ? time : throw Invalid("time", error),
            TimeOnly time => time,
            DateTimeOffset dateTime => TimeOnly.FromDateTime(dateTime.DateTime),
            DateOnly => TimeOnly.MinValue,
            var other => throw WrongType("time", "a string, a time or a date and time", other),
        };
    }

    private static object? Duration(object? argument) => argument switch
    {
        null => null,
        string text => TemporalLexical.TryParseDuration(text, out var duration, out var error) ? duration : throw Invalid("duration", error),
        TimeSpan or YearMonthDuration => argument,
        _ => throw WrongType("duration", "a string", argument),
    };

    /// <summary>
    /// DMN's <c>years and months duration(from, to)</c>: the whole calendar months from <paramref name="from"/> to
    /// <paramref name="to"/>, an incomplete last month not counted (2011-12-22 to 2013-08-24 is P1Y8M; to 2013-08-21
    /// is P1Y7M); negative when <paramref name="to"/> is earlier. Dates and times are compared at UTC+08:00.
    /// </summary>
    private static object? YearsAndMonthsDuration(object? from, object? to)
    {
        if (from is null || to is null) return null;
        var (fromDate, fromTime) = LocalParts(from, "from");
        var (toDate, toTime) = LocalParts(to, "to");
        var months = (toDate.Year - fromDate.Year) * 12 + (toDate.Month - fromDate.Month);
        var toRest = (toDate.Day, toTime);
        var fromRest = (fromDate.Day, fromTime);
        if (months > 0 && toRest.CompareTo(fromRest) < 0) months--;
        else if (months < 0 && toRest.CompareTo(fromRest) > 0) months++;
        return new YearMonthDuration(months);
    }

    private static (DateOnly Date, TimeOnly Time) LocalParts(object value, string parameter) => value switch
    {
        DateOnly date => (date, TimeOnly.MinValue),
        DateTimeOffset dateTime when dateTime.ToOffset(FeelEvaluationContext.LocalOffset) is var local
            => (DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime)),
        _ => throw WrongType("years and months duration", $"a date or a date and time as '{parameter}'", value),
    };

    /// <summary>The date of a date, or of a date and time in its own offset; null for null.</summary>
    private static DateOnly? DateOf(string function, object? value) => value switch
    {
        null => null,
        DateOnly date => date,
        DateTimeOffset dateTime => DateOnly.FromDateTime(dateTime.DateTime),
        _ => throw WrongType(function, "a date or a date and time", value),
    };

    private static decimal Integer(string function, string parameter, object value) => value switch
    {
        decimal d when d == decimal.Truncate(d) => d,
        decimal d => throw new FeelRuntimeError($"{function}() expects a whole number as {parameter} but got {FeelTypes.FormatNumber(d)}"),
        _ => throw WrongType(function, $"a number as {parameter}", value),
    };

    private static FeelRuntimeError Invalid(string function, string error) => new($"{function}(): {error}");

    private static FeelRuntimeError WrongType(string function, string expected, object? value) =>
        new($"{function}() expects {expected} but got {FeelTypes.Describe(value)}");
}
