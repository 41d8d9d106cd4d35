using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Supervision.Draws;

/// <summary>Input of <see cref="DrawSupervisionSampleActivity"/>.</summary>
public sealed record DrawSupervisionSampleInput
{
    [ActivityInput("Jurisdiction profile name, e.g. qujing, guilin, yunnan")]
    public required string Profile { get; init; }

    [ActivityInput("The seed, fixed before the candidates are known (an announced number, a case id and date)")]
    public required string Seed { get; init; }

    [ActivityInput("spot-check (classes and inspectors), phone-check or follow-up (trainees)")]
    public required string Kind { get; init; }

    [ActivityInput("Ids of the year's classes (spot-check)", Required = false)]
    public IReadOnlyList<string> Classes { get; init; } = [];

    [ActivityInput("Ids of the inspectors available (spot-check)", Required = false)]
    public IReadOnlyList<string> Inspectors { get; init; } = [];

    [ActivityInput("Ids of the class's trainees (phone-check, follow-up); roster ids rather than ID numbers", Required = false)]
    public IReadOnlyList<string> Trainees { get; init; } = [];

    [ActivityInput("Inspectors per group where the profile sets none (spot-check)", Required = false)]
    public int? GroupSize { get; init; }

    [ActivityInput("Share in % where the profile sets none, or to raise it (spot-check, follow-up)", Required = false)]
    public decimal? Rate { get; init; }

    [ActivityInput("How many to draw, at least the rule's number (phone-check: required where the profile sets none)", Required = false)]
    public int? Count { get; init; }

    [ActivityInput("The class is 以工代训 (follow-up share followUp.rateWorkBased)", Required = false)]
    public bool WorkBased { get; init; }
}

/// <summary>Output of <see cref="DrawSupervisionSampleActivity"/>.</summary>
public sealed record DrawSupervisionSampleOutput
{
    [ActivityOutput("The draw: kind, seed, candidates, required, chosen ids, rules, basis, method")]
    public required DrawResult Draw { get; init; }

    [ActivityOutput("spot-check: the inspectors drawn for each class drawn")]
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
