using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Runtime;

/// <summary>
/// When the timer start events of a deployed version are due (BPMN 2.0 §10.5.5, §13.5.1; Zeebe semantics): a
/// <c>timeDate</c> once at that date-time; a <c>timeDuration</c> once, that long after the deployment; a
/// <c>timeCycle</c> <c>R[n]/duration</c> every interval counted from the deployment (first one interval after it),
/// <c>R[n]/start/duration</c> at <c>start + k × duration</c> (calendar months and years by calendar), skipping
/// occurrences already past at deployment. An expression (<c>=</c>) is evaluated without variables. The deployment
/// time is taken to the whole second so that the occurrences come out the same after a round trip through a database.
/// </summary>
public static class StartTimers
{
    /// <summary>The first due time after the deployment, or false with a readable <paramref name="error"/>.</summary>
    /// <param name="repeatsLeft">Occurrences after the first: 0 for a date, duration or last cycle repetition, -1 unbounded.</param>
    public static bool TryFirst(TimerStartEvent start, DateTimeOffset deployedAt, TimeZoneInfo zone, out DateTimeOffset dueAt, out int repeatsLeft, out string error) =>
        TryFirst(start, deployedAt, zone, out dueAt, out repeatsLeft, out error, out _);

    /// <inheritdoc cref="TryFirst(TimerStartEvent, DateTimeOffset, TimeZoneInfo, out DateTimeOffset, out int, out string)"/>
    /// <param name="errorZh"><paramref name="error"/> in Chinese, for deploy-time problems.</param>
    public static bool TryFirst(
        TimerStartEvent start, DateTimeOffset deployedAt, TimeZoneInfo zone, out DateTimeOffset dueAt, out int repeatsLeft, out string error, out string errorZh)
    {
        dueAt = default;
        repeatsLeft = 0;
        var origin = Origin(deployedAt);
        if (!TryValue(start, out var value, out error, out errorZh)) return false;
        if (start.Timer.Type == TimerType.Cycle)
        {
            if (value is not string text || !TimerSchedule.TryParseCycle(text, origin, zone, out var cycle, out error, out errorZh))
            {
                if (error.Length == 0)
                {
                    error = $"timeCycle '{value}' is not an ISO 8601 repeating interval such as R/2026-01-01T00:00:00+08:00/P3M";
                    errorZh = $"timeCycle '{value}' 不是 ISO 8601 重复间隔（如 R/2026-01-01T00:00:00+08:00/P3M）";
                }
                return false;
            }
            if (cycle.Next(origin) is not { } first)
            {
                error = $"timeCycle '{text}' has no occurrence after the deployment ({origin:O})";
                errorZh = $"timeCycle '{text}' 在部署时间（{origin:O}）之后没有触发时间";
                return false;
            }
            (dueAt, repeatsLeft) = first;
            return true;
        }
        if (!TimerSchedule.TryResolve(start.Timer.Type, value, origin, zone, out var due, out error, out errorZh)) return false;
        dueAt = due.At;
        return true;
    }

    /// <summary>The occurrence after <paramref name="dueAt"/> of a cycle, with the occurrences left after it; null for dates, durations and finished cycles.</summary>
    public static (DateTimeOffset At, int RepeatsLeft)? Next(TimerStartEvent start, DateTimeOffset deployedAt, DateTimeOffset dueAt, TimeZoneInfo zone)
    {
        if (start.Timer.Type != TimerType.Cycle || !TryValue(start, out var value, out _, out _) || value is not string text
            || !TimerSchedule.TryParseCycle(text, Origin(deployedAt), zone, out var cycle, out _))
            return null;
        return cycle.Next(dueAt);
    }

    private static DateTimeOffset Origin(DateTimeOffset deployedAt) =>
        new(deployedAt.UtcTicks - deployedAt.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static bool TryValue(TimerStartEvent start, out object? value, out string error, out string errorZh)
    {
        error = "";
        errorZh = "";
        value = start.Timer.Text;
        if (start.Timer.Expression is not { } expression) return true;
        try
        {
            value = expression.Evaluate(new Dictionary<string, object?>());
            return true;
        }
        catch (FeelEvaluationException e)
        {
            error = $"timer expression ({expression.Text}) failed without variables: {e.Message}";
            errorZh = $"定时器表达式（{expression.Text}）在没有变量时求值失败：{e.Message}";
            return false;
        }
    }
}
