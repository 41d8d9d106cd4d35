using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Supervision.Draws;

/// <summary>Input of <see cref="DrawSupervisionSampleActivity"/>.</summary>
public sealed record DrawSupervisionSampleInput
{
    [ActivityInput("Jurisdiction profile name, e.g. qujing, guilin, yunnan", DescriptionZh = "辖区配置名称，如 qujing、guilin、yunnan")]
    public required string Profile { get; init; }

    [ActivityInput("The seed, fixed before the candidates are known (an announced number, a case id and date)",
        DescriptionZh = "随机种子，须在候选名单确定前固定（如公布的号码、案件编号和日期）")]
    public required string Seed { get; init; }

    [ActivityInput("spot-check (classes and inspectors), phone-check or follow-up (trainees)",
        DescriptionZh = "抽取类型：spot-check（抽查班级及督查人员）、phone-check（电话抽查学员）或 follow-up（回访学员）")]
    public required string Kind { get; init; }

    [ActivityInput("Ids of the year's classes (spot-check)", DescriptionZh = "本年度各培训班的 id（spot-check）", Required = false)]
    public IReadOnlyList<string> Classes { get; init; } = [];

    [ActivityInput("Ids of the inspectors available (spot-check)", DescriptionZh = "可派出的督查人员 id（spot-check）", Required = false)]
    public IReadOnlyList<string> Inspectors { get; init; } = [];

    [ActivityInput("Ids of the class's trainees (phone-check, follow-up); roster ids rather than ID numbers",
        DescriptionZh = "本班学员的 id（phone-check、follow-up）；用花名册中的 id，不用身份证号", Required = false)]
    public IReadOnlyList<string> Trainees { get; init; } = [];

    [ActivityInput("Inspectors per group where the profile sets none (spot-check)",
        DescriptionZh = "辖区配置未规定时每组督查人员人数（spot-check）", Required = false)]
    public int? GroupSize { get; init; }

    [ActivityInput("Share in % where the profile sets none, or to raise it (spot-check, follow-up)",
        DescriptionZh = "辖区配置未规定时的抽取比例（%），或用于提高该比例（spot-check、follow-up）", Required = false)]
    public decimal? Rate { get; init; }

    [ActivityInput("How many to draw, at least the rule's number (phone-check: required where the profile sets none)",
        DescriptionZh = "抽取数量，不少于规则规定的数量（phone-check：辖区配置未规定时必填）", Required = false)]
    public int? Count { get; init; }

    [ActivityInput("The class is 以工代训 (follow-up share followUp.rateWorkBased)",
        DescriptionZh = "本班为以工代训（follow-up 比例取 followUp.rateWorkBased）", Required = false)]
    public bool WorkBased { get; init; }
}

/// <summary>Output of <see cref="DrawSupervisionSampleActivity"/>.</summary>
public sealed record DrawSupervisionSampleOutput
{
    [ActivityOutput("The draw: kind, seed, candidates, required, chosen ids, rules, basis, method",
        DescriptionZh = "抽取结果：kind、seed、candidates、required、chosen（抽中的 id）、rules、basis、method")]
    public required DrawResult Draw { get; init; }

    [ActivityOutput("spot-check: the inspectors drawn for each class drawn", DescriptionZh = "spot-check：为每个抽中的班级抽取的督查人员")]
    public IReadOnlyList<InspectionGroupDraw> Groups { get; init; } = [];
}

/// <summary>
/// Catalogue activity <c>inspection.draw</c> (随机抽取): a seeded, reproducible draw (<see cref="SeededDraw"/>) of
/// spot-check classes with their inspectors (R-QJ-7, R-YN-7, R-GL-9), of trainees to phone during training (R-YN-9b)
/// or of trainees to phone after it (R-GL-11), sized by the jurisdiction's rule (<see cref="SupervisionDraws"/>). The
/// output is meant for the case history: it records the seed, the number of candidates, the ids drawn and the rules.
/// </summary>
[Activity("inspection.draw", "Supervision",
    DisplayName = "Draw for inspection",
    DisplayNameZh = "随机抽取",
    Description = "Seeded, verifiable draw of spot-check classes and inspectors, phone-check trainees or follow-up trainees, sized by the jurisdiction's rule.",
    DescriptionZh = "用可验证的种子随机抽取抽查班级及督查人员、电话抽查学员或回访学员，数量按辖区规则确定。",
    Outcomes = [Drawn],
    // A computation on its inputs: a retry would fail the same way, so a failure is an incident at once.
    Retries = 1)]
public sealed class DrawSupervisionSampleActivity(ProfileCatalog profiles) : IActivity<DrawSupervisionSampleInput, DrawSupervisionSampleOutput>
{
    public const string Drawn = "drawn";

    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    /// <exception cref="MissingParameterException">The profile sets no size for the draw and the input gives none.</exception>
    /// <exception cref="ArgumentException">An unknown kind; the candidates the kind needs are missing; see <see cref="SupervisionDraws"/>.</exception>
    public Task<ActivityResult<DrawSupervisionSampleOutput>> ExecuteAsync(
        DrawSupervisionSampleInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var profile = profiles.Get(input.Profile);
        var output = input.Kind switch
        {
            DrawKinds.SpotCheck => SpotCheck(SupervisionDraws.SpotCheck(profile, input.Seed, Required(input.Classes, "classes", input.Kind),
                input.Inspectors ?? [], input.Rate, input.GroupSize, input.Count)),
            DrawKinds.PhoneCheck => new DrawSupervisionSampleOutput
            {
                Draw = SupervisionDraws.PhoneCheck(profile, input.Seed, Required(input.Trainees, "trainees", input.Kind), input.Count),
            },
            DrawKinds.FollowUp => new DrawSupervisionSampleOutput
            {
                Draw = SupervisionDraws.FollowUp(profile, input.Seed, Required(input.Trainees, "trainees", input.Kind), input.WorkBased, input.Rate, input.Count),
            },
            _ => throw new ArgumentException(
                $"未知的抽取类型「{input.Kind}」(kind must be {DrawKinds.SpotCheck}, {DrawKinds.PhoneCheck} or {DrawKinds.FollowUp})", nameof(input)),
        };
        return Task.FromResult(new ActivityResult<DrawSupervisionSampleOutput>(Drawn, output));
    }

    private static DrawSupervisionSampleOutput SpotCheck(SpotCheckDraw draw) => new() { Draw = draw.Classes, Groups = draw.Groups };

    private static IReadOnlyList<string> Required(IReadOnlyList<string>? candidates, string name, string kind) =>
        candidates is { Count: > 0 } ? candidates : throw new ArgumentException($"{kind} 抽取须给出 {name} ({kind} needs {name})", name);
}
