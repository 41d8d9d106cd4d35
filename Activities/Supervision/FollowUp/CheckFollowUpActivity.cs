using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Supervision.FollowUp;

/// <summary>Input of <see cref="CheckFollowUpActivity"/>.</summary>
public sealed record CheckFollowUpInput
{
    [ActivityInput("Jurisdiction profile name, e.g. guilin, jiaozuo", DescriptionZh = "辖区配置名称，如 guilin、jiaozuo")]
    public required string Profile { get; init; }

    [ActivityInput("The class's last day of training", DescriptionZh = "本班培训的最后一天（结业日期）")]
    public required DateOnly ClassEnd { get; init; }

    [ActivityInput("Trainees of the class, the base of the follow-up share", DescriptionZh = "本班学员人数，即回访比例的基数")]
    public required int TraineeCount { get; init; }

    [ActivityInput("The class is 以工代训 (share followUp.rateWorkBased)",
        DescriptionZh = "本班为以工代训（回访比例取 followUp.rateWorkBased）", Required = false)]
    public bool WorkBased { get; init; }

    [ActivityInput("Share in % where the profile sets none, or to raise it; without either the sample size is not checked",
        DescriptionZh = "辖区配置未规定时的回访比例（%），或用于提高该比例；两者都没有时不检查回访人数", Required = false)]
    public decimal? Rate { get; init; }

    [ActivityInput("Follow-up records (trainee, date, reached, employed, employer, sector, incomeBand, opinion)",
        DescriptionZh = "回访记录（trainee、date、reached、employed、employer、sector、incomeBand、opinion）", Required = false)]
    public IReadOnlyList<FollowUpRecord> Records { get; init; } = [];

    [ActivityInput("Trainees who started a business (trainee, date)", DescriptionZh = "自主创业的学员（trainee、date）", Required = false)]
    public IReadOnlyList<StartUp> StartUps { get; init; } = [];

    [ActivityInput("The day of the check (default: today, China time)", DescriptionZh = "检查日期（默认：今天，北京时间）", Required = false)]
    public DateOnly? AsOf { get; init; }
}

/// <summary>Output of <see cref="CheckFollowUpActivity"/>.</summary>
public sealed record CheckFollowUpOutput
{
    [ActivityOutput("Least trainees to reach, null where no share applies", DescriptionZh = "至少应回访到的学员人数；不适用回访比例时为 null")]
    public int? Required { get; init; }

    [ActivityOutput("Distinct trainees reached after the class and by the deadline", DescriptionZh = "结业后、截止日期前已回访到的学员人数（同一学员只计一次）")]
    public required int Reached { get; init; }

    [ActivityOutput("Deadline of the follow-up, null where the jurisdiction sets none", DescriptionZh = "回访截止日期；辖区未规定时为 null")]
    public DateOnly? DueBy { get; init; }

    [ActivityOutput("Each start-up's months with due dates and whether contacted", DescriptionZh = "每名创业学员逐月的联系截止日期及是否已联系")]
    public required IReadOnlyList<StartUpMonth> StartUpMonths { get; init; }

    [ActivityOutput("Error findings (any makes the follow-up incomplete)", DescriptionZh = "错误级问题数（有一项即回访不完整）")]
    public required int Errors { get; init; }

    [ActivityOutput("Findings citing R-GL-11, R-JZ-6, R-GL-7", DescriptionZh = "问题清单，引用 R-GL-11、R-JZ-6、R-GL-7")]
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
    DescriptionZh = "检查就业跟踪回访的学员比例、逾期回访，以及创业学员创业后的每月联系。",
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
