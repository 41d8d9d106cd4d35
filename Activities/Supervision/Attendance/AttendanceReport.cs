using Pipeline.Activities.Packs;

namespace Pipeline.Activities.Supervision.Attendance;

/// <summary>One trainee's attendance over the sheet.</summary>
/// <param name="Name">姓名 as on the trainee's first row.</param>
/// <param name="IdNumberMasked">Identity number masked as <c>410802********1234</c>.</param>
/// <param name="Days">Distinct days the trainee has a row for.</param>
/// <param name="HalfDaysAttended">Half-days with both a sign-in and a later sign-out.</param>
/// <param name="AttendedHours">Scheduled hours of those half-days (学时).</param>
/// <param name="PlannedHours">The class's planned hours (学时).</param>
/// <param name="RatePercent">Attendance rate, attended ÷ planned × 100 (R-GL-4), rounded to 2 decimals; may pass 100 when the sheet holds more days than the plan.</param>
/// <param name="BelowMinRate">Below the profile's <c>attendance.minRate</c> (compared unrounded); false where the profile sets none.</param>
public sealed record TraineeAttendance(
    string Name, string IdNumberMasked, int Days, int HalfDaysAttended, decimal AttendedHours, decimal PlannedHours,
    decimal RatePercent, bool BelowMinRate);

/// <summary>A sign-in sheet judged against a teaching plan and a jurisdiction's attendance rules.</summary>
/// <param name="Trainees">One entry per identity number, in the order the sheet first lists them.</param>
/// <param name="BelowThreshold">How many trainees are below the least rate.</param>
/// <param name="MinRatePercent">The profile's <c>attendance.minRate</c> (GL, YN: 80), null where it sets none.</param>
/// <param name="MinRateRule">Its rule id (R-GL-4, R-YN-9c), null where none.</param>
/// <param name="Findings">Sheet problems and rule findings, in row order; identity numbers masked.</param>
public sealed record AttendanceReport(
    IReadOnlyList<TraineeAttendance> Trainees, int BelowThreshold, decimal? MinRatePercent, string? MinRateRule,
    IReadOnlyList<Finding> Findings);
