using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;
using Pipeline.Workflows.Calendar;

namespace Pipeline.Activities.ClassOpening;

/// <summary>Input of <see cref="CheckClassOpeningActivity"/>.</summary>
public sealed record CheckClassOpeningInput
{
    [ActivityInput("The class data (开班申请表): occupation, kind, trainingMode, filedOn, startDate, endDate, hours, teachers, trainees…",
        DescriptionZh = "开班数据（开班申请表）：occupation、kind、trainingMode、filedOn、startDate、endDate、hours、teachers、trainees…")]
    public required ClassApplication Class { get; init; }

    [ActivityInput("Jurisdiction profile name", DescriptionZh = "辖区配置名称")]
    public required string Profile { get; init; }

    [ActivityInput("The institution's licensed occupations (R-GL-1)", DescriptionZh = "培训机构办学许可范围内的职业（工种）（R-GL-1）", Required = false)]
    public IReadOnlyList<string>? LicensedOccupations { get; init; }
}

/// <summary>Output of <see cref="CheckClassOpeningActivity"/>.</summary>
public sealed record CheckClassOpeningOutput
{
    [ActivityOutput("True when no rule refuses the opening", DescriptionZh = "没有任何规则不准开班时为 true")]
    public required bool Admissible { get; init; }

    [ActivityOutput("Findings: rule, severity, message", DescriptionZh = "问题清单：rule（规则编号）、severity（级别）、message（说明）")]
    public required IReadOnlyList<Finding> Findings { get; init; }

    [ActivityOutput("Latest day the opening could be filed (yyyy-MM-dd), null when no lead time applies",
        DescriptionZh = "开班申请最迟报送日期（yyyy-MM-dd）；不适用提前报送时限时为 null")]
    public DateOnly? LatestFiling { get; init; }
}

/// <summary>
/// Catalogue activity <c>class.check</c> (开班条件审核): checks the class data of an opening against the case's
/// jurisdiction profile (<see cref="ClassOpeningRules"/>) and ends <c>admissible</c> or <c>refused</c>.
/// </summary>
[Activity("class.check", "Class opening",
    DisplayName = "Check class opening conditions",
    DisplayNameZh = "开班条件审核",
    Description = "Lead time, standards, teachers, premises and trainees of a class opening against the jurisdiction's rules.",
    DescriptionZh = "按辖区规则审核开班申请的提前报送时限、职业标准、授课教师、培训场地和学员条件。",
    Outcomes = ["admissible", "refused"],
    Retries = 1)]
public sealed class CheckClassOpeningActivity(ProfileCatalog profiles) : IActivity<CheckClassOpeningInput, CheckClassOpeningOutput>
{
    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    /// <exception cref="ArgumentException">The class ends before it starts.</exception>
    public Task<ActivityResult<CheckClassOpeningOutput>> ExecuteAsync(CheckClassOpeningInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var (findings, latest) = ClassOpeningRules.Check(input.Class, profiles.Get(input.Profile), WorkingDayCalendar.China, input.LicensedOccupations);
        var admissible = !findings.Any(f => f.Severity == Severities.Error);
        return Task.FromResult(new ActivityResult<CheckClassOpeningOutput>(admissible ? "admissible" : "refused",
            new CheckClassOpeningOutput { Admissible = admissible, Findings = findings, LatestFiling = latest }));
    }
}
