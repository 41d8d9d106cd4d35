namespace Pipeline.Workflows.Calendar;

/// <summary>
/// One holiday period of a year's arrangement (放假安排), as the notice words it: e.g. 春节 from 2024-02-10 to
/// 2024-02-17, with 2024-02-04 and 2024-02-18 as swapped working days (调休上班日).
/// </summary>
/// <param name="Name">The holiday's name as in the notice, in Chinese (e.g. <c>国庆节、中秋节</c>).</param>
/// <param name="First">First day off, inclusive.</param>
/// <param name="Last">Last day off, inclusive; never before <paramref name="First"/>.</param>
/// <param name="WorkingDays">
/// Weekend days (Saturday or Sunday) that the notice makes working days to compensate for this holiday; empty when
/// the holiday needs no swap.
/// </param>
public sealed record HolidayPeriod(string Name, DateOnly First, DateOnly Last, IReadOnlyList<DateOnly> WorkingDays)
{
    /// <summary>The days off, <see cref="First"/> to <see cref="Last"/> inclusive, in order.</summary>
    public IEnumerable<DateOnly> Days()
    {
        for (var day = First; day <= Last; day = day.AddDays(1)) yield return day;
    }
}
