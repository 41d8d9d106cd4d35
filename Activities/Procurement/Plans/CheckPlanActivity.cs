using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Procurement.Plans;

/// <summary>Input of <see cref="CheckPlanActivity"/>.</summary>
public sealed record CheckPlanInput
{
    [ActivityInput("Jurisdiction profile name", DescriptionZh = "辖区配置名称")]
    public required string Profile { get; init; }

    [ActivityInput("The plan { year, county, items: [{ occupation, headcount, targetGroup, category?, certificate?, nationalStandard?, evaluationInstitution? }] }",
        DescriptionZh = "培训计划 { year（计划年度）, county（县区）, items：[{ occupation（职业/工种）, headcount（人）, targetGroup（培训对象）, category?, certificate?, nationalStandard?（国家职业标准）, evaluationInstitution?（省内评价机构）}] }")]
    public required TrainingPlan Plan { get; init; }

    [ActivityInput("Occupations of last year's plan", DescriptionZh = "上年度计划的职业（工种）", Required = false)]
    public IReadOnlyList<string>? PreviousOccupations { get; init; }

    [ActivityInput("The occupation list in force (培训补贴工种目录)", DescriptionZh = "现行培训补贴工种目录", Required = false)]
    public IReadOnlyList<string>? OccupationList { get; init; }
}

/// <summary>Output of <see cref="CheckPlanActivity"/>.</summary>
public sealed record CheckPlanOutput
{
    [ActivityOutput("True when no finding is an error", DescriptionZh = "没有错误时为 true")]
    public required bool Admissible { get; init; }

    [ActivityOutput("Findings: rule, severity, message (Chinese), page (null)", DescriptionZh = "问题清单：rule（规则编号）、severity（级别）、message（说明）、page（null）")]
    public required IReadOnlyList<Finding> Findings { get; init; }

    [ActivityOutput("Occupations added this year (in neither last year's plan nor the list)", DescriptionZh = "本年度新增的职业（工种）")]
    public required IReadOnlyList<string> AddedOccupations { get; init; }

    [ActivityOutput("Every occupation of the plan", DescriptionZh = "计划中的全部职业（工种）")]
    public required IReadOnlyList<string> Occupations { get; init; }

    [ActivityOutput("Planned trainees in all, persons", DescriptionZh = "计划培训总人数（人）")]
    public required int Headcount { get; init; }
}

/// <summary>
/// Catalogue activity <c>plan.check</c> (培训计划审核, YN §四, QJ §二(一)): the plan's items complete, and an added
/// occupation only with a national standard and an in-province evaluation institution (R-YN-3); see <see cref="PlanCheck"/>.
/// Ends <c>admissible</c> or <c>refused</c>.
/// </summary>
[Activity("plan.check", "Procurement",
    DisplayName = "Check the annual training plan",
    DisplayNameZh = "培训计划审核",
    Description = "The plan's items (occupation, headcount, target group); an added occupation needs a national standard and an in-province evaluation institution (R-YN-3).",
    DescriptionZh = "审核年度培训计划各项（职业/工种、人数、培训对象）；新增职业（工种）须有国家职业标准和省内评价认定机构（R-YN-3）。",
    Outcomes = ["admissible", "refused"],
    Retries = 1)]
public sealed class CheckPlanActivity(ProfileCatalog profiles) : IActivity<CheckPlanInput, CheckPlanOutput>
{
    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    /// <exception cref="ArgumentException">An incomplete plan (see <see cref="PlanCheck.Check"/>).</exception>
    public Task<ActivityResult<CheckPlanOutput>> ExecuteAsync(CheckPlanInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var result = PlanCheck.Check(input.Plan, input.PreviousOccupations ?? [], input.OccupationList ?? [], profiles.Get(input.Profile));
        return Task.FromResult(new ActivityResult<CheckPlanOutput>(result.Admissible ? "admissible" : "refused", new CheckPlanOutput
        {
            Admissible = result.Admissible, Findings = result.Findings, AddedOccupations = result.AddedOccupations,
            Occupations = result.Occupations, Headcount = result.Headcount,
        }));
    }
}
