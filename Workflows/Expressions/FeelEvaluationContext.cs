using Pipeline.Workflows.Calendar;

namespace Pipeline.Workflows.Expressions;

/// <summary>
/// What an evaluation may consult besides its variables: the clock behind <c>now()</c> and <c>today()</c>, and the
/// working-day calendar behind <c>addWorkingDays</c>, <c>workingDaysBetween</c> and <c>isWorkingDay</c>. Pass one
/// to <see cref="FeelExpression.Evaluate"/> to pin the time in tests or to use a jurisdiction's local calendar;
/// without one, <see cref="Default"/> applies (system clock, <see cref="WorkingDayCalendar.China"/>).
/// </summary>
/// <remarks>
/// Local time is China Standard Time, UTC+08:00 (Asia/Shanghai, no daylight saving since 1991), fixed as
/// <see cref="LocalOffset"/>: <c>now()</c> returns a date and time at that offset, <c>today()</c> the date there,
/// and a date and time written without an offset (<c>"2025-10-01T09:00:00"</c>) is taken to be at that offset.
/// </remarks>
public sealed class FeelEvaluationContext
{
    /// <summary>UTC+08:00, the offset of China Standard Time (Asia/Shanghai).</summary>
    public static readonly TimeSpan LocalOffset = ChinaTime.Offset;

    private readonly WorkingDayCalendar? _calendar;

    /// <summary>The system clock and the national calendar.</summary>
    public static FeelEvaluationContext Default { get; } = new();

    /// <summary>The clock read by <c>now()</c> and <c>today()</c>; <see cref="TimeProvider.System"/> unless set.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The working-day calendar of the working-day built-ins; <see cref="WorkingDayCalendar.China"/> unless set.</summary>
    public WorkingDayCalendar Calendar
    {
        get => _calendar ?? WorkingDayCalendar.China;
        init => _calendar = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The current instant at <see cref="LocalOffset"/>.</summary>
    public DateTimeOffset Now() => Clock.GetUtcNow().ToOffset(LocalOffset);
}
