using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Procurement.Contracts;

/// <summary>Input of <see cref="NextRenewalActivity"/> and <see cref="RenewContractActivity"/>.</summary>
public sealed record ContractRenewalInput
{
    [ActivityInput("The contract's id in the registry", DescriptionZh = "合同登记编号")]
    public required string Contract { get; init; }

    [ActivityInput("Who records the renewal", DescriptionZh = "续签登记人", Required = false)]
    public string? RecordedBy { get; init; }
}

/// <summary>Output of <see cref="NextRenewalActivity"/>.</summary>
public sealed record NextRenewalOutput
{
    [ActivityOutput("The first day of the next contract year to renew (yyyy-MM-dd), or null when none is left",
        DescriptionZh = "下一个须续签的合同年度的起始日（yyyy-MM-dd）；没有时为 null")]
    public DateOnly? RenewalDue { get; init; }
}

/// <summary>Output of <see cref="RenewContractActivity"/>.</summary>
public sealed record RenewContractOutput
{
    [ActivityOutput("The first day of the contract year renewed", DescriptionZh = "已续签的合同年度的起始日")]
    public required DateOnly Renewed { get; init; }
}

/// <summary>
/// Catalogue activity <c>contract.nextRenewal</c> (合同续签日, WS "合同一年一订", R-WS-1): the next contract year of a
/// yearly-renewed contract that still needs its renewal (<see cref="IContractRegistry.NextRenewalAsync"/>); ends
/// <c>due</c> with the day, or <c>none</c> when the term has no year left to renew (or the contract ended).
/// </summary>
[Activity("contract.nextRenewal", "Procurement",
    DisplayName = "Next contract year to renew",
    DisplayNameZh = "合同续签日",
    Description = "The first day of the next contract year a yearly-renewed contract must be renewed for (R-WS-1).",
    DescriptionZh = "一年一订的合同下一个须续签年度的起始日（R-WS-1）。",
    Outcomes = ["due", "none"])]
public sealed class NextRenewalActivity(IContractRegistry registry) : IActivity<ContractRenewalInput, NextRenewalOutput>
{
    /// <exception cref="KeyNotFoundException">No such contract.</exception>
    public async Task<ActivityResult<NextRenewalOutput>> ExecuteAsync(ContractRenewalInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var due = await registry.NextRenewalAsync(input.Contract, cancellationToken).ConfigureAwait(false);
        return new ActivityResult<NextRenewalOutput>(due is null ? "none" : "due", new NextRenewalOutput { RenewalDue = due });
    }
}

/// <summary>
/// Catalogue activity <c>contract.renew</c> (续签合同, R-WS-1): records the renewal of the next contract year
/// (<see cref="IContractRegistry.RenewAsync"/>) after the bureau decided to renew.
/// </summary>
[Activity("contract.renew", "Procurement",
    DisplayName = "Record the contract's renewal",
    DisplayNameZh = "登记合同续签",
    Description = "Records the renewal of the next contract year of a yearly-renewed contract (R-WS-1).",
    DescriptionZh = "登记一年一订合同下一年度的续签（R-WS-1）。",
    Outcomes = ["renewed"])]
public sealed class RenewContractActivity(IContractRegistry registry) : IActivity<ContractRenewalInput, RenewContractOutput>
{
    /// <exception cref="KeyNotFoundException">No such contract.</exception>
    /// <exception cref="ArgumentException">Nothing to renew (the registry's message).</exception>
    public async Task<ActivityResult<RenewContractOutput>> ExecuteAsync(ContractRenewalInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var renewed = await registry.RenewAsync(input.Contract, input.RecordedBy ?? "system", cancellationToken).ConfigureAwait(false);
        return new ActivityResult<RenewContractOutput>("renewed", new RenewContractOutput { Renewed = renewed });
    }
}
