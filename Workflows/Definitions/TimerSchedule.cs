using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Definitions;

/// <summary>When a timer started now is due, and how it repeats (cycles only).</summary>
/// <param name="At">The first (or only) due time.</param>
/// <param name="Interval">For a cycle: the time between firings.</param>
/// <param name="Repetitions">For a cycle: how many firings are left counting <paramref name="At"/> (<c>R3/…</c> → 3 when armed); null when unbounded (<c>R/…</c>).</param>
public readonly record struct TimerDue(DateTimeOffset At, IsoDuration? Interval, int? Repetitions);

/// <summary>
/// Turns a timer's value (BPMN 2.0 §10.5.5 <c>timeDuration</c>, <c>timeDate</c>, <c>timeCycle</c>) into due times.
/// Values are ISO 8601 text (<c>P3D</c>; <c>2026-05-01T09:00:00+08:00</c> or a date, taken in the engine's time
/// zone; <c>R3/PT1H</c>, or with a start, <c>R/2026-01-01T00:00:00+08:00/P3M</c>) or what a FEEL expression evaluates to: a <see cref="TimeSpan"/> (days-time duration), a
/// <see cref="YearMonthDuration"/> (added by calendar), a <see cref="DateTimeOffset"/>, <see cref="DateTime"/> or
/// <see cref="DateOnly"/> (midnight in the time zone), or a string in ISO 8601. Negative durations and cron cycles are
/// not supported.
/// </summary>
public static partial class TimerSchedule
{
    /// <summary>Checks a literal timer value at deploy time; null when it is usable, else what is wrong, in English and in Chinese.</summary>
    public static (string Message, string MessageZh)? Validate(TimerDefinition timer) =>
        TryResolve(timer.Type, timer.Text, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc, out _, out var error, out var errorZh) ? null : (error, errorZh);

    /// <inheritdoc cref="TryResolve(TimerType, object?, DateTimeOffset, TimeZoneInfo, out TimerDue, out string, out string)"/>
    public static bool TryResolve(TimerType type, object? value, DateTimeOffset now, TimeZoneInfo zone, out TimerDue due, out string error) =>
        TryResolve(type, value, now, zone, out due, out error, out _);

    /// <summary>Resolves a timer's value for a timer started at <paramref name="now"/>.</summary>
    /// <param name="zone">Time zone for dates and date-times written without an offset.</param>
    /// <param name="errorZh"><paramref name="error"/> in Chinese, for deploy-time problems.</param>
    /// <returns>False with a readable <paramref name="error"/> when the value does not fit the timer type.</returns>
    public static bool TryResolve(TimerType type, object? value, DateTimeOffset now, TimeZoneInfo zone, out TimerDue due, out string error, out string errorZh)
    {
        due = default;
        error = "";
        errorZh = "";
        try
        {
            switch (type)
            {
                case TimerType.Duration when AsDuration(value) is { } duration:
                    due = new TimerDue(duration.AddTo(now), null, null);
                    return true;
                case TimerType.Duration:
                    error = $"timeDuration {Describe(value)} is not an ISO 8601 duration such as P3D or PT2H";
                    errorZh = $"timeDuration {Describe(value)} 不是 ISO 8601 时长（如 P3D 或 PT2H）";
                    return false;
                case TimerType.Date when AsDate(value, zone) is { } date:
                    due = new TimerDue(date, null, null);
                    return true;
                case TimerType.Date:
                    error = $"timeDate {Describe(value)} is not an ISO 8601 date or date-time such as 2026-05-01T09:00:00+08:00";
                    errorZh = $"timeDate {Describe(value)} 不是 ISO 8601 日期或日期时间（如 2026-05-01T09:00:00+08:00）";
                    return false;
                case TimerType.Cycle when value is string text && TryParseCycle(text, now, zone, out var cycle, out error, out errorZh):
                    if (cycle.Next(now) is not { } next)
                    {
                        error = $"timeCycle '{text.Trim()}' has no occurrence after {now:O}";
                        errorZh = $"timeCycle '{text.Trim()}' 在 {now:O} 之后没有触发时间";
                        return false;
                    }
                    due = new TimerDue(next.At, cycle.Interval, next.RepeatsLeft < 0 ? null : next.RepeatsLeft + 1);
                    return true;
                case TimerType.Cycle when value is string && error.Length > 0:
                    return false;
                default:
                    error = $"timeCycle {Describe(value)} is not an ISO 8601 repeating interval such as R3/PT1H (cron is not supported)";
                    errorZh = $"timeCycle {Describe(value)} 不是 ISO 8601 重复间隔（如 R3/PT1H；不支持 cron）";
                    return false;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            error = $"timer {Describe(value)} lies outside the representable dates";
            errorZh = $"定时器 {Describe(value)} 超出了可表示的日期范围";
            return false;
        }
    }

    /// <summary>
    /// Parses <c>R[n]/duration</c> (origin <paramref name="armedAt"/>, first occurrence one interval later) or
    /// <c>R[n]/start/duration</c> (the start is the first occurrence; a date-time without offset is in <paramref name="zone"/>).
    /// </summary>
    /// <returns>False when <paramref name="text"/> is not such a cycle; <paramref name="error"/> is set when it is one but unusable (R0, zero interval, bad start).</returns>
    public static bool TryParseCycle(string text, DateTimeOffset armedAt, TimeZoneInfo zone, out TimerCycle cycle, out string error) =>
        TryParseCycle(text, armedAt, zone, out cycle, out error, out _);

    /// <inheritdoc cref="TryParseCycle(string, DateTimeOffset, TimeZoneInfo, out TimerCycle, out string)"/>
    /// <param name="errorZh"><paramref name="error"/> in Chinese, for deploy-time problems.</param>
    public static bool TryParseCycle(string text, DateTimeOffset armedAt, TimeZoneInfo zone, out TimerCycle cycle, out string error, out string errorZh)
    {
        cycle = default;
        error = "";
        errorZh = "";
        if (Cycle().Match(text.Trim()) is not { Success: true } m || !IsoDuration.TryParse(m.Groups["d"].Value, out var interval)) return false;
        int? repetitions = m.Groups["n"].Success && int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (m.Groups["n"].Success && repetitions is null or 0)
        {
            error = repetitions == 0 ? "timeCycle R0 never fires" : $"timeCycle '{text.Trim()}' has too many repetitions";
            errorZh = repetitions == 0 ? "timeCycle R0 永远不会触发" : $"timeCycle '{text.Trim()}' 的重复次数过多";
            return false;
        }
        if (interval.IsZero)
        {
            error = $"timeCycle '{text.Trim()}' has a zero interval";
            errorZh = $"timeCycle '{text.Trim()}' 的间隔为零";
            return false;
        }
        if (!m.Groups["start"].Success)
        {
            cycle = new TimerCycle(armedAt, interval, repetitions, 1);
            return true;
        }
        if (AsDate(m.Groups["start"].Value, zone) is not { } start)
        {
            error = $"timeCycle start '{m.Groups["start"].Value}' is not an ISO 8601 date-time such as 2026-01-01T00:00:00+08:00";
            errorZh = $"timeCycle 的起始时间 '{m.Groups["start"].Value}' 不是 ISO 8601 日期时间（如 2026-01-01T00:00:00+08:00）";
            return false;
        }
        cycle = new TimerCycle(start, interval, repetitions, 0);
        return true;
    }

    private static IsoDuration? AsDuration(object? value) => value switch
    {
        TimeSpan span when span >= TimeSpan.Zero => new IsoDuration(0, 0, span),
        TimeSpan => null,
        YearMonthDuration { Months: >= 0 } months => new IsoDuration(0, months.Months, TimeSpan.Zero),
        YearMonthDuration => null,
        null or bool or decimal => null,
        _ => IsoDuration.TryParse(value.ToString(), out var d) ? d : null,
    };

    private static DateTimeOffset? AsDate(object? value, TimeZoneInfo zone)
    {
        switch (value)
        {
            case DateTimeOffset offset:
                return offset;
            case DateOnly day:
                return InZone(day.ToDateTime(TimeOnly.MinValue), zone);
            case DateTime time:
                return time.Kind == DateTimeKind.Unspecified ? InZone(time, zone) : new DateTimeOffset(time);
            case string text:
                text = text.Trim();
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return InZone(date.ToDateTime(TimeOnly.MinValue), zone);
                if (HasOffset().IsMatch(text))
                    return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) ? withOffset : null;
                return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && text.Contains('T', StringComparison.Ordinal)
                    ? InZone(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone) : null;
            default:
                return null;
        }
    }

    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone) => new(local, zone.GetUtcOffset(local));

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        _ => $"{value} ({value.GetType().Name})",
    };

    [GeneratedRegex(@"^R(?<n>\d+)?/(?:(?<start>[^/P][^/]*)/)?(?<d>P[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Cycle();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex HasOffset();
}
