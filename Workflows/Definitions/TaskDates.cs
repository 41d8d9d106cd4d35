using System.Globalization;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Definitions;

/// <summary>
/// A user task's <c>zeebe:taskSchedule dueDate</c> or <c>followUpDate</c>: an ISO 8601 literal in
/// <paramref name="Text"/>, or a FEEL expression (Zeebe <c>=</c> prefix) evaluated when the task is created.
/// </summary>
/// <param name="Text">The attribute as written (trimmed).</param>
/// <param name="Expression">The parsed expression when <paramref name="Text"/> starts with <c>=</c>, else null.</param>
public sealed record TaskDate(string Text, FeelExpression? Expression);

/// <summary>
/// Turns the value of a user task's due date or follow-up date into an instant (Camunda 8 <c>zeebe:taskSchedule</c>,
/// extended). The rule, for a task created at <c>now</c>:
/// <list type="bullet">
/// <item><description>a date and time (FEEL <see cref="DateTimeOffset"/>, or text <c>2025-10-09T17:00:00+08:00</c>) is used as
/// is; text without an offset is taken at UTC+08:00 (China Standard Time, Asia/Shanghai);</description></item>
/// <item><description>a date (FEEL <see cref="DateOnly"/>, e.g. from <c>addWorkingDays(today(), 3)</c>, or text <c>2025-10-09</c>)
/// means the end of that day in China: 23:59:59 at UTC+08:00;</description></item>
/// <item><description>a duration (FEEL days-time <see cref="TimeSpan"/> or <see cref="YearMonthDuration"/>, or text <c>P3D</c>,
/// <c>PT4H</c>, <c>P1M</c>) means <c>now</c> plus that elapsed (calendar, not working) time; it may not be negative;</description></item>
/// <item><description>null means the task has no such date.</description></item>
/// </list>
/// Anything else (a number, a boolean, text in no such form) is an error that becomes an incident at run time, or a
/// deploy-time problem for a literal.
/// </summary>
public static class TaskDates
{
    /// <summary>The offset of China Standard Time, the time zone of dates and of date-times written without an offset.</summary>
    public static readonly TimeSpan LocalOffset = FeelEvaluationContext.LocalOffset;

    /// <summary>The time of day a date-only due date ends at: 23:59:59 local time.</summary>
    public static readonly TimeOnly EndOfDay = new(23, 59, 59);

    /// <summary>Checks a literal at deploy time; null when usable, else what is wrong, in English and in Chinese.</summary>
    /// <param name="what">Which attribute, for the message: <c>dueDate</c> or <c>followUpDate</c>.</param>
    public static (string Message, string MessageZh)? Validate(TaskDate date, string what) =>
        date.Expression is not null || TryResolve(date.Text, DateTimeOffset.UnixEpoch, what, out _, out var error, out var errorZh) ? null : (error, errorZh);

    /// <inheritdoc cref="TryResolve(object?, DateTimeOffset, string, out DateTimeOffset?, out string, out string)"/>
    public static bool TryResolve(object? value, DateTimeOffset now, string what, out DateTimeOffset? at, out string error) =>
        TryResolve(value, now, what, out at, out error, out _);

    /// <summary>Resolves <paramref name="value"/> (a FEEL value or the literal text) for a task created at <paramref name="now"/>.</summary>
    /// <param name="what">Which attribute, for the message: <c>dueDate</c> or <c>followUpDate</c>.</param>
    /// <param name="at">The instant, or null when <paramref name="value"/> is null.</param>
    /// <param name="errorZh"><paramref name="error"/> in Chinese, for deploy-time problems.</param>
    /// <returns>False with a readable <paramref name="error"/> when the value is none of the forms above.</returns>
    public static bool TryResolve(object? value, DateTimeOffset now, string what, out DateTimeOffset? at, out string error, out string errorZh)
    {
        at = null;
        error = "";
        errorZh = "";
        try
        {
            switch (value)
            {
                case null:
                    return true;
                case DateTimeOffset dateTime:
                    at = dateTime;
                    return true;
                case DateOnly date:
                    at = EndOf(date);
                    return true;
                case TimeSpan span when span >= TimeSpan.Zero:
                    at = now + span;
                    return true;
                case YearMonthDuration { Months: >= 0 } months:
                    at = now.AddMonths(months.Months);
                    return true;
                case string text when Parse(text.Trim(), now) is { } parsed:
                    at = parsed;
                    return true;
                default:
                    error = $"{what} {Describe(value)} is not a date and time (2025-10-09T17:00:00+08:00), a date (2025-10-09) or a non-negative duration (P3D)";
                    errorZh = $"{what} {Describe(value)} 不是日期时间（2025-10-09T17:00:00+08:00）、日期（2025-10-09）或非负时长（P3D）";
                    return false;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            error = $"{what} {Describe(value)} lies outside the representable dates";
            errorZh = $"{what} {Describe(value)} 超出了可表示的日期范围";
            return false;
        }
    }

    private static DateTimeOffset EndOf(DateOnly date) => new(date.ToDateTime(EndOfDay), LocalOffset);

    private static DateTimeOffset? Parse(string text, DateTimeOffset now)
    {
        if (text.StartsWith('P')) return IsoDuration.TryParse(text, out var duration) ? duration.AddTo(now) : null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return EndOf(date);
        if (!text.Contains('T', StringComparison.Ordinal)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal)))
            return withOffset;
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), LocalOffset)
            : null;
    }

    private static string Describe(object? value) => value switch
    {
        string s => $"'{s}'",
        _ => $"{FeelTypes.Describe(value)}",
    };
}
