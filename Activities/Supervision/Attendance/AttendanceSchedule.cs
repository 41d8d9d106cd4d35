namespace Pipeline.Activities.Supervision.Attendance;

/// <summary>
/// The hours a sign-in sheet is measured against, from the class's teaching plan (教学计划).
/// </summary>
/// <param name="MorningHours">Scheduled teaching hours (学时) of one morning, e.g. 4; counted for a morning with both marks.</param>
/// <param name="AfternoonHours">Scheduled teaching hours of one afternoon.</param>
/// <param name="PlannedHours">The class's planned hours in all (按教学计划规定的培训课时), the denominator of the rate (R-GL-4).</param>
public sealed record AttendanceSchedule(decimal MorningHours, decimal AfternoonHours, decimal PlannedHours)
{
    /// <summary>Refuses hours that cannot be a teaching plan's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Planned hours not above zero; half-day hours negative, both zero, or above 12.</exception>
    public void Validate()
    {
        if (PlannedHours <= 0)
            throw new ArgumentOutOfRangeException(nameof(PlannedHours), PlannedHours, "计划学时须大于 0 (plannedHours must be above 0)");
        if (MorningHours is < 0 or > 12)
            throw new ArgumentOutOfRangeException(nameof(MorningHours), MorningHours, "上午学时须在 0 至 12 之间 (morningHours must be 0–12)");
        if (AfternoonHours is < 0 or > 12)
            throw new ArgumentOutOfRangeException(nameof(AfternoonHours), AfternoonHours, "下午学时须在 0 至 12 之间 (afternoonHours must be 0–12)");
        if (MorningHours == 0 && AfternoonHours == 0)
            throw new ArgumentOutOfRangeException(nameof(MorningHours), MorningHours, "上午、下午学时不能都为 0 (morningHours and afternoonHours cannot both be 0)");
    }
}
