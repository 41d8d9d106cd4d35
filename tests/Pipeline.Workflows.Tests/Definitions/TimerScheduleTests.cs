using Pipeline.Workflows.Definitions;

namespace Pipeline.Workflows.Tests.Definitions;

/// <summary>ISO 8601 durations, dates and cycles of timers (BPMN 2.0 §10.5.5), and FEEL values for them.</summary>
public class TimerScheduleTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("UTC+08", TimeSpan.FromHours(8), "CST", "CST");
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 9, 0, 0, TimeSpan.FromHours(8));

    private static DateTimeOffset Due(TimerType type, object? value)
    {
        Assert.True(TimerSchedule.TryResolve(type, value, Now, Beijing, out var due, out var error), error);
        return due.At;
    }

    [Theory]
    [InlineData("P3D", "2026-02-03T09:00:00+08:00")]
    [InlineData("PT2H30M", "2026-01-31T11:30:00+08:00")]
    [InlineData("P1W", "2026-02-07T09:00:00+08:00")]
    [InlineData("P1M", "2026-02-28T09:00:00+08:00")] // calendar month: 31 January + 1 month = 28 February
    [InlineData("P1Y1M", "2027-02-28T09:00:00+08:00")]
    [InlineData("PT0.5S", "2026-01-31T09:00:00.5+08:00")]
    public void Durations_AreAddedByCalendar(string duration, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Due(TimerType.Duration, duration));

    [Theory]
    [InlineData("3 days")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("-P1D")]
    [InlineData("P1DT")]
    public void MalformedDurations_AreRefused(string duration)
    {
        Assert.False(TimerSchedule.TryResolve(TimerType.Duration, duration, Now, Beijing, out _, out var error));
        Assert.Contains("ISO 8601 duration", error);
    }

    [Fact]
    public void Dates_WithOffset_WithoutOffset_AndDateOnly()
    {
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero), Due(TimerType.Date, "2026-05-01T01:00:00Z"));
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8)), Due(TimerType.Date, "2026-05-01T09:00:00"));
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.FromHours(8)), Due(TimerType.Date, "2026-05-01"));
        Assert.False(TimerSchedule.TryResolve(TimerType.Date, "next monday", Now, Beijing, out _, out _));
    }

    [Fact]
    public void FeelValues_DurationsAndDates_AreAccepted()
    {
        Assert.Equal(Now.AddHours(4), Due(TimerType.Duration, TimeSpan.FromHours(4)));
        Assert.Equal(new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.FromHours(8)), Due(TimerType.Date, new DateOnly(2026, 2, 2)));
        Assert.Equal(Now.AddDays(1), Due(TimerType.Date, Now.AddDays(1)));
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.FromHours(8)), Due(TimerType.Duration, new Pipeline.Workflows.Expressions.YearMonthDuration(2)));
        Assert.False(TimerSchedule.TryResolve(TimerType.Duration, new Pipeline.Workflows.Expressions.YearMonthDuration(-1), Now, Beijing, out _, out _));
        Assert.False(TimerSchedule.TryResolve(TimerType.Duration, 3m, Now, Beijing, out _, out _));
        Assert.False(TimerSchedule.TryResolve(TimerType.Duration, null, Now, Beijing, out _, out _));
    }

    [Fact]
    public void Cycles_HaveAnIntervalAndACount()
    {
        Assert.True(TimerSchedule.TryResolve(TimerType.Cycle, "R3/PT1H", Now, Beijing, out var due, out _));
        Assert.Equal((Now.AddHours(1), 3), (due.At, due.Repetitions));
        Assert.True(TimerSchedule.TryResolve(TimerType.Cycle, "R/P1D", Now, Beijing, out due, out _));
        Assert.Null(due.Repetitions);
        Assert.False(TimerSchedule.TryResolve(TimerType.Cycle, "0 0 9 * * ?", Now, Beijing, out _, out var error));
        Assert.Contains("cron", error);
    }
}
