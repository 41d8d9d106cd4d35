using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Subsidy;

/// <summary>
/// What the bureau established about one finished class before paying it (WS §五: 培训方式、培训人数、培训天数和每天培训补贴标准):
/// the input of <see cref="SubsidyCalculator.Compute"/>. Read from JSON by <see cref="ClassSettlementParser"/>, which
/// guarantees the invariants below.
/// </summary>
public sealed record ClassSettlement
{
    /// <summary>One of <see cref="TrainingModes"/>: order-based, general, project, employer.</summary>
    public required string TrainingMode { get; init; }

    /// <summary>Headcount on the class opening approval form (开班审批表人数), persons, at least 1: the base of the pass rate (R-WS-14).</summary>
    public required int ApprovedHeadcount { get; init; }

    /// <summary>Hours in the teaching plan (按教学计划规定的培训课时), more than 0: the base of the attendance rate (R-GL-4, R-YN-9c).</summary>
    public required decimal PlannedHours { get; init; }

    /// <summary>Training days of the class, days, 0 or more, before video gaps are deducted (R-WS-14).</summary>
    public required decimal TrainingDays { get; init; }

    /// <summary>Yuan per trainee per day by mode, overriding the profile's <c>subsidy.dailyRate.{mode}</c>; may be empty.</summary>
    public IReadOnlyDictionary<string, decimal> DailyRates { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>The class was awarded by tender (经招标确认), for the advance of project training (R-YN-1).</summary>
    public bool Tendered { get; init; }

    /// <summary>The approved subsidy of the class, yuan, the base of the advance (R-YN-1); null when not given.</summary>
    public decimal? ApprovedAmount { get; init; }

    /// <summary>Every trainee on the roster, at most <see cref="ClassSettlementParser.MaxTrainees"/>, identity numbers distinct.</summary>
    public required IReadOnlyList<SettlementTrainee> Trainees { get; init; }

    /// <summary>Half days and days without video (R-WS-14).</summary>
    public IReadOnlyList<VideoGap> VideoGaps { get; init; } = [];

    /// <summary>Impersonations (冒名顶替) found, one entry per person-time (人次) (R-JZ-4).</summary>
    public IReadOnlyList<Impersonation> Impersonations { get; init; } = [];
}

/// <summary>One trainee of the class as the bureau found them.</summary>
/// <param name="Name">Name as on the roster.</param>
/// <param name="IdNumber">Resident identity number; only ever printed masked (<see cref="Rosters.IdNumber.Mask"/>).</param>
/// <param name="TargetGroup">Target group (培训对象类别), e.g. 失业人员; null when not given (R-YN-1).</param>
/// <param name="AttendedHours">Hours attended, 0 or more (R-GL-4, R-YN-9c).</param>
/// <param name="Verified">Counted by on-site checks or video review (核实人数, R-WS-13).</param>
/// <param name="Passed">Passed the completion assessment / holds the certificate (R-WS-14, R-YN-5).</param>
/// <param name="Employed">Employed after training, with proof (R-WS-14).</param>
public sealed record SettlementTrainee(
    string Name, string IdNumber, string? TargetGroup, decimal AttendedHours, bool Verified, bool Passed, bool Employed)
{
    /// <summary>The trainee with the identity number masked: records print every member, and a full number is never printed.</summary>
    public override string ToString() =>
        $"{nameof(SettlementTrainee)} {{ Name = {Name}, IdNumber = {Rosters.IdNumber.Mask(IdNumber)}, TargetGroup = {TargetGroup}, AttendedHours = {AttendedHours}, Verified = {Verified}, Passed = {Passed}, Employed = {Employed} }}";
}

/// <summary>A half day or a day without video (影像资料缺失).</summary>
/// <param name="Date">The training day.</param>
/// <param name="Portion">One of <see cref="VideoGapPortions"/>: half-day, day.</param>
public sealed record VideoGap(DateOnly Date, string Portion);

/// <summary>One impersonation (冒名顶替) found by face recognition or video: one person-time (人次).</summary>
/// <param name="IdNumber">Identity number of the trainee who was impersonated; only ever printed masked.</param>
/// <param name="Date">The day it was found.</param>
public sealed record Impersonation(string IdNumber, DateOnly Date)
{
    /// <summary>The impersonation with the identity number masked.</summary>
    public override string ToString() => $"{nameof(Impersonation)} {{ IdNumber = {Rosters.IdNumber.Mask(IdNumber)}, Date = {Date:yyyy-MM-dd} }}";
}
