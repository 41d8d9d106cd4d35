using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Supervision.Inspections;

/// <summary>Input of <see cref="CheckInspectionsActivity"/>.</summary>
public sealed record CheckInspectionsInput
{
    [ActivityInput("Jurisdiction profile name, e.g. guilin, yunnan", DescriptionZh = "辖区配置名称，如 guilin、yunnan")]
    public required string Profile { get; init; }

    [ActivityInput("The class's inspection records (date, inspectors, leader, items, phoneChecks, confirmedByInstitution, confirmedByInspectors)",
        DescriptionZh = "本班的督查记录（date、inspectors、leader、items、phoneChecks、confirmedByInstitution、confirmedByInspectors）")]
    public IReadOnlyList<InspectionRecord> Inspections { get; init; } = [];
}

/// <summary>Output of <see cref="CheckInspectionsActivity"/>.</summary>
public sealed record CheckInspectionsOutput
{
    [ActivityOutput("Inspections recorded", DescriptionZh = "已记录的督查次数")]
    public required int Count { get; init; }

    [ActivityOutput("Error findings (any makes the inspections insufficient)", DescriptionZh = "错误级问题数（有一项即督查不足）")]
    public required int Errors { get; init; }

    [ActivityOutput("Findings, each citing its rule (R-GL-9, R-GL-10, R-YN-9b)", DescriptionZh = "问题清单，每项注明依据的规则（R-GL-9、R-GL-10、R-YN-9b）")]
    public required IReadOnlyList<Finding> Findings { get; init; }
}

/// <summary>
/// Catalogue activity <c>inspection.check</c> (督查记录审核): checks a class's inspection records against the
/// jurisdiction's rules (<see cref="InspectionRules"/>). Outcome <c>insufficient</c> when any finding is an error,
/// else <c>sufficient</c>.
/// </summary>
[Activity("inspection.check", "Supervision",
    DisplayName = "Check inspections",
    DisplayNameZh = "督查记录审核",
    Description = "Counts a class's on-site inspections, their inspectors, items, signatures and phone checks against the jurisdiction's rules.",
    DescriptionZh = "按辖区规则核查本班现场督查的次数、督查人员、督查事项、双方签字和电话抽查。",
    Outcomes = [Sufficient, Insufficient],
    // A computation on its inputs: a retry would fail the same way, so a failure is an incident at once.
    Retries = 1)]
public sealed class CheckInspectionsActivity(ProfileCatalog profiles) : IActivity<CheckInspectionsInput, CheckInspectionsOutput>
{
    public const string Sufficient = "sufficient";
    public const string Insufficient = "insufficient";

    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    public Task<ActivityResult<CheckInspectionsOutput>> ExecuteAsync(
        CheckInspectionsInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var inspections = input.Inspections ?? []; // an explicit JSON null
        var findings = InspectionRules.Check(inspections, profiles.Get(input.Profile));
        var errors = findings.Count(f => f.Severity == Severities.Error);
        return Task.FromResult(new ActivityResult<CheckInspectionsOutput>(errors > 0 ? Insufficient : Sufficient,
            new CheckInspectionsOutput { Count = inspections.Count, Errors = errors, Findings = findings }));
    }
}
