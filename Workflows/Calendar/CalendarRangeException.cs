namespace Pipeline.Workflows.Calendar;

/// <summary>
/// A working-day question was asked about a date the <see cref="WorkingDayCalendar"/> has no holiday arrangement
/// for: before the first or after the last year it covers. Raised rather than guessing, because a holiday week
/// taken for working days would make a deadline a week short.
/// </summary>
public sealed class CalendarRangeException : Exception
{
    /// <summary>
    /// Creates the exception for <paramref name="date"/>, outside <paramref name="firstDay"/>..<paramref name="lastDay"/>.
    /// <paramref name="reason"/> replaces the default "DATE is outside the working-day calendar"; the covered range is
    /// always appended.
    /// </summary>
    public CalendarRangeException(DateOnly date, DateOnly firstDay, DateOnly lastDay, string? reason = null)
        : base($"{reason ?? $"{date:yyyy-MM-dd} is outside the working-day calendar"} "
            + $"(it covers {firstDay:yyyy-MM-dd} to {lastDay:yyyy-MM-dd})")
    {
        Date = date;
        FirstDay = firstDay;
        LastDay = lastDay;
    }

    /// <summary>The date outside the calendar (for a count of working days that runs off the end: the start date).</summary>
    public DateOnly Date { get; }

    /// <summary>First day the calendar covers (1 January of its first year).</summary>
    public DateOnly FirstDay { get; }

    /// <summary>Last day the calendar covers (31 December of its last year).</summary>
    public DateOnly LastDay { get; }
}
