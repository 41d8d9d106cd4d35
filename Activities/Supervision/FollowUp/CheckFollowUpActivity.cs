using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Supervision.FollowUp;

/// <summary>Input of <see cref="CheckFollowUpActivity"/>.</summary>
public sealed record CheckFollowUpInput
{
    [ActivityInput("Jurisdiction profile name, e.g. guilin, jiaozuo")]
    public required string Profile { get; init; }

    [ActivityInput("The class's last day of training")]
    public required DateOnly ClassEnd { get; init; }

    [ActivityInput("Trainees of the class, the base of the follow-up share")]
    public required int TraineeCount { get; init; }

    [ActivityInput("The class is 以工代训 (share followUp.rateWorkBased)", Required = false)]
    public bool WorkBased { get; init; }

    [ActivityInput("Share in % where the profile sets none, or to raise it; without either the sample size is not checked", Required = false)]
    public decimal? Rate { get; init; }

    [ActivityInput("Follow-up records (trainee, date, reached, employed, employer, sector, incomeBand, opinion)", Required = false)]
    public IReadOnlyList<FollowUpRecord> Records { get; init; } = [];

    [ActivityInput("Trainees who started a business (trainee, date)", Required = false)]
    public IReadOnlyList<StartUp> StartUps { get; init; } = [];

    [ActivityInput("The day of the check (default: today, China time)", Required = false)]
    public DateOnly? AsOf { get; init; }
}

/// <summary>Output of <see cref="CheckFollowUpActivity"/>.</summary>
public sealed record CheckFollowUpOutput
{
    [ActivityOutput("Least trainees to reach, null where no share applies")]
    public int? Required { get; init; }

    [ActivityOutput("Distinct trainees reached after the class and by the deadline")]
    public required int Reached { get; init; }

    [ActivityOutput("Deadline of the follow-up, null where the jurisdiction sets none")]
    public DateOnly? DueBy { get; init; }

    [ActivityOutput("Each start-up's months with due dates and whether contacted")]
    public required IReadOnlyList<StartUpMonth> StartUpMonths { get; init; }

    [ActivityOutput("Error findings (any makes the follow-up incomplete)")]
    public required int Errors { get; init; }

    [ActivityOutput("Findings citing R-GL-11, R-JZ-6, R-GL-7")]
    public required IReadOnlyList<Finding> Findings { get; init; }
}

/// <summary>
/// Catalogue activity <c>followup.check</c> (就业跟踪回访检查): checks a class's follow-up records against the
/// jurisdiction's rules (<see cref="FollowUpRules"/>). Outcome <c>incomplete</c> when any finding is an error, else
/// <c>complete</c>.
/// </summary>
[Activity("followup.check", "Supervision",
    DisplayName = "Check follow-up",
    DisplayNameZh = "就业跟踪回访检查",
    Description = "Checks the share of trainees followed up, calls after the deadline and the monthly contacts after a start-up.",
    Outcomes = [Complete, Incomplete],
    // A computation on its inputs: a retry would fail the same way, so a failure is an incident at once.
    Retries = 1)]
public sealed class CheckFollowUpActivity(ProfileCatalog profiles, TimeProvider? time = null) : IActivity<CheckFollowUpInput, CheckFollowUpOutput>
{
    public const string Complete = "complete";
    public const string Incomplete = "incomplete";

    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative trainee count; a rate out of range or below the profile's.</exception>
    public Task<ActivityResult<CheckFollowUpOutput>> ExecuteAsync(
        CheckFollowUpInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var asOf = input.AsOf ?? DateOnly.FromDateTime((time ?? TimeProvider.System).GetUtcNow().ToOffset(ChinaTime).DateTime);
        var report = FollowUpRules.Check(
            new FollowUpCase(input.ClassEnd, input.TraineeCount, asOf, input.WorkBased, input.Rate, input.StartUps ?? []),
            input.Records ?? [], profiles.Get(input.Profile));
        var errors = report.Findings.Count(f => f.Severity == Severities.Error);
        return Task.FromResult(new ActivityResult<CheckFollowUpOutput>(errors > 0 ? Incomplete : Complete, new CheckFollowUpOutput
        {
            Required = report.Required,
            Reached = report.Reached,
            DueBy = report.DueBy,
            StartUpMonths = report.StartUpMonths,
            Errors = errors,
            Findings = report.Findings,
        }));
    }
}
