using Pipeline.Activities.Profiles;
using Pipeline.Activities.Subsidy;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Catalogue;

/// <summary>Input of <see cref="ComputeSubsidyActivity"/>.</summary>
public sealed record ComputeSubsidyInput
{
    [ActivityInput("The class settlement: mode, approved headcount, hours, days, trainees, video gaps, impersonations (see ClassSettlementParser)")]
    public required ClassSettlement Settlement { get; init; }

    [ActivityInput("Jurisdiction profile name, e.g. wenshui")]
    public required string Profile { get; init; }
}

/// <summary>Output of <see cref="ComputeSubsidyActivity"/>.</summary>
public sealed record ComputeSubsidyOutput
{
    [ActivityOutput("Subsidy of the class in yuan (2 decimals); null when a rate or rule is not configured")]
    public required decimal? Amount { get; init; }

    [ActivityOutput("Advance payment in yuan (R-YN-1); null when none applies")]
    public required decimal? Advance { get; init; }

    [ActivityOutput("Number of findings (reductions, exclusions, missing settings)")]
    public required int Findings { get; init; }

    [ActivityOutput("The full computation: amount, subsidisedHeadcount, creditedDays, dailyRate, advance, eligibleTrainees, findings")]
    public required SubsidyComputation Computation { get; init; }
}

/// <summary>
/// Catalogue activity <c>subsidy.compute</c> (补贴核算): the subsidy of one class under its jurisdiction's profile
/// (<see cref="SubsidyCalculator.Compute"/>, WS §五 with R-JZ-4, R-GL-4 / R-YN-9c, R-YN-5, R-YN-1). Ends
/// <c>computed</c>, or <c>not-configured</c> when the amount cannot be computed because a daily rate (or another
/// setting) is not set; the findings say which. Pure: no files, the same input gives the same result.
/// </summary>
[Activity("subsidy.compute", "Subsidy",
    DisplayName = "Compute subsidy",
    DisplayNameZh = "补贴核算",
    Description = "Subsidy of a class: verified trainees × credited days × daily rate, with every reduction a finding citing its rule.",
    Outcomes = [Computed, NotConfigured])]
public sealed class ComputeSubsidyActivity(ProfileCatalog profiles) : IActivity<ComputeSubsidyInput, ComputeSubsidyOutput>
{
    /// <summary>Outcome when the amount was computed (possibly 0).</summary>
    public const string Computed = "computed";

    /// <summary>Outcome when the amount is null for a setting not yet set.</summary>
    public const string NotConfigured = "not-configured";

    /// <exception cref="KeyNotFoundException">No such profile; the message lists the known ones.</exception>
    public Task<ActivityResult<ComputeSubsidyOutput>> ExecuteAsync(
        ComputeSubsidyInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var computation = SubsidyCalculator.Compute(input.Settlement, SubsidyPolicy.From(profiles.Get(input.Profile)));
        var output = new ComputeSubsidyOutput
        {
            Amount = computation.Amount,
            Advance = computation.Advance,
            Findings = computation.Findings.Count,
            Computation = computation,
        };
        return Task.FromResult(new ActivityResult<ComputeSubsidyOutput>(computation.Amount is null ? NotConfigured : Computed, output));
    }
}
