using Pipeline.Activities.Procurement.Lottery;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Procurement.Contracts;

/// <summary>Input of <see cref="RecordAreasActivity"/>.</summary>
public sealed record RecordAreasInput
{
    [ActivityInput("Jurisdiction profile name (wenshui)", DescriptionZh = "辖区配置名称（wenshui）")]
    public required string Profile { get; init; }

    [ActivityInput("The lottery quota.draw returned (its assignments [{ lot, area, institution, quota }])", DescriptionZh = "抽签结果（quota.draw 的输出，含 assignments）")]
    public required QuotaLotteryResult Lottery { get; init; }

    [ActivityInput("The day the drawn areas hold from (a contract current on it is updated)", DescriptionZh = "抽签结果生效日（当日有效的合同被更新）")]
    public required DateOnly From { get; init; }

    [ActivityInput("Who records the areas", DescriptionZh = "登记人", Required = false)]
    public string? RecordedBy { get; init; }
}

/// <summary>Output of <see cref="RecordAreasActivity"/>.</summary>
public sealed record RecordAreasOutput
{
    [ActivityOutput("The ids of the contracts updated", DescriptionZh = "已更新的合同编号")]
    public required IReadOnlyList<string> Contracts { get; init; }
}

/// <summary>
/// Catalogue activity <c>contract.recordAreas</c> (登记抽签片区和名额, WS §二(二), R-WS-2): writes a quota lottery's assignments into the
/// current contracts of the jurisdiction through <see cref="IContractRegistry.AssignAreasAsync"/>, each institution's contract getting
/// the areas it drew with their yearly quotas.
/// </summary>
[Activity("contract.recordAreas", "Procurement",
    DisplayName = "Record the areas drawn in the contracts",
    DisplayNameZh = "登记抽签片区和名额",
    Description = "Writes the areas and yearly quotas drawn by lot into the institutions' current contracts (R-WS-2).",
    DescriptionZh = "将抽签确定的培训区域和年度任务数登记到各培训机构的有效合同（R-WS-2）。",
    Outcomes = ["recorded"])]
public sealed class RecordAreasActivity(IContractRegistry registry) : IActivity<RecordAreasInput, RecordAreasOutput>
{
    /// <exception cref="ArgumentException">A lottery without assignments; an institution without a current contract (the registry's).</exception>
    public async Task<ActivityResult<RecordAreasOutput>> ExecuteAsync(RecordAreasInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        if (input.Lottery.Assignments is not { Count: > 0 })
            throw new ArgumentException("抽签结果没有分配 (the lottery assigns nothing)", nameof(input));
        var areas = input.Lottery.Assignments.GroupBy(a => a.Institution, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ContractQuota>)g.Select(a => new ContractQuota(a.Area, a.Quota)).ToList(), StringComparer.Ordinal);
        var updated = await registry.AssignAreasAsync(input.Profile, input.From, areas, input.RecordedBy ?? "system", cancellationToken).ConfigureAwait(false);
        return new ActivityResult<RecordAreasOutput>("recorded", new RecordAreasOutput { Contracts = updated });
    }
}
