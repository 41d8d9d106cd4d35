using Pipeline.Activities.Profiles;
using Pipeline.Activities.Subsidy;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Catalogue;

/// <summary>Input of <see cref="ComputeSubsidyActivity"/>.</summary>
public sealed record ComputeSubsidyInput
{
    [ActivityInput("The class settlement: mode, approved headcount, hours, days, trainees, video gaps, impersonations (see ClassSettlementParser)",
        DescriptionZh = "班级结算记录：培训方式、开班审批人数、学时、天数、学员、视频缺失、冒名顶替（格式见 ClassSettlementParser）")]
    public required ClassSettlement Settlement { get; init; }

    [ActivityInput("Jurisdiction profile name, e.g. wenshui", DescriptionZh = "辖区配置名称，如 wenshui")]
    public required string Profile { get; init; }
}

/// <summary>Output of <see cref="ComputeSubsidyActivity"/>.</summary>
public sealed record ComputeSubsidyOutput
{
    [ActivityOutput("Subsidy of the class in yuan (2 decimals); null when a rate or rule is not configured",
        DescriptionZh = "本班补贴金额（元，保留 2 位小数）；补贴标准或规则未配置时为 null")]
    public required decimal? Amount { get; init; }

    [ActivityOutput("Advance payment in yuan (R-YN-1); null when none applies", DescriptionZh = "预拨金额（元）（R-YN-1）；不适用预拨时为 null")]
    public required decimal? Advance { get; init; }

    [ActivityOutput("Number of findings (reductions, exclusions, missing settings)", DescriptionZh = "问题数（扣减、剔除、缺少的设置）")]
    public required int Findings { get; init; }

    [ActivityOutput("The full computation: amount, subsidisedHeadcount, creditedDays, dailyRate, advance, eligibleTrainees, findings",
        DescriptionZh = "完整核算结果：amount、subsidisedHeadcount、creditedDays、dailyRate、advance、eligibleTrainees、findings")]
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
    DescriptionZh = "核算一个班的培训补贴：核实人数 × 计补天数 × 每天培训补贴标准，每项扣减都列为问题并注明依据的规则。",
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
