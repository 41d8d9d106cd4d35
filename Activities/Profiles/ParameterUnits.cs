namespace Pipeline.Activities.Profiles;

/// <summary>The units a profile parameter may be in; a profile file naming another is refused at load.</summary>
public static class ParameterUnits
{
    public const string WorkingDays = "working-days";
    public const string CalendarDays = "calendar-days";
    public const string Months = "months";
    public const string Years = "years";
    public const string YuanPerTraineeDay = "yuan-per-trainee-day";
    public const string Percent = "percent";
    public const string Persons = "persons";
    public const string PersonTimes = "person-times";
    public const string Checks = "checks";
    public const string Hours = "hours";
    public const string SquareMetres = "square-metres";
    public const string Flag = "flag";
    public const string List = "list";
    public const string RangeYears = "range-years";
    public const string Count = "count";
    /// <summary>An object of persons per area, <c>{ "开栅镇": 120 }</c> (WS quotas per area, R-WS-2).</summary>
    public const string PersonsByArea = "persons-by-area";
    /// <summary>An object of percent per criterion, <c>{ "teachers": 20, … }</c> summing to 100 (bid evaluation weights, R-QJ-3).</summary>
    public const string PercentByCriterion = "percent-by-criterion";
    /// <summary>A day of the year as <c>MM-dd</c>, <c>"11-30"</c> (the plan deadlines of R-YN-2).</summary>
    public const string MonthDay = "month-day";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        WorkingDays, CalendarDays, Months, Years, YuanPerTraineeDay, Percent, Persons, PersonTimes, Checks, Hours,
        SquareMetres, Flag, List, RangeYears, Count, PersonsByArea, PercentByCriterion, MonthDay,
    };
}
