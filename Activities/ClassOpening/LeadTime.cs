using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Calendar;

namespace Pipeline.Activities.ClassOpening;

/// <summary>
/// The latest day a class opening may be filed for a given start (R-GL-3 3 working days, R-JZ-3 5 working days,
/// R-WS-5 one week or, for order-based training, 15 calendar days). "提前N个工作日" is read as: filed on or before the
/// N-th working day before the first day of training, on the State Council's working-day calendar (调休 included).
/// </summary>
public static class LeadTime
{
    /// <summary>The lead-time parameter that applies to the class (order-based training has its own where the profile sets one), or null.</summary>
    public static ProfileParameter? For(ClassApplication application, JurisdictionProfile profile) =>
        (application.TrainingMode == "order-based" ? profile.Find(ParameterKeys.LeadTimeOrderBased) : null)
        ?? profile.Find(ParameterKeys.LeadTime);

    /// <summary>The latest filing date for a class starting on <paramref name="start"/>.</summary>
    /// <exception cref="CalendarRangeException">The start is outside the loaded calendar years.</exception>
    /// <exception cref="InvalidDataException">The parameter's unit is neither working nor calendar days.</exception>
    public static DateOnly LatestFiling(DateOnly start, ProfileParameter lead, WorkingDayCalendar calendar) => lead.Unit switch
    {
        ParameterUnits.WorkingDays => calendar.AddWorkingDays(start, -lead.Count),
        ParameterUnits.CalendarDays => start.AddDays(-lead.Count),
        _ => throw new InvalidDataException($"lead time '{lead.Key}' ({lead.DeclaredBy}) is in {lead.Unit}, not days"),
    };
}
