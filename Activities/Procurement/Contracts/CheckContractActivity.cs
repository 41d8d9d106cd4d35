using Pipeline.Activities.ClassOpening;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Procurement.Contracts;

/// <summary>Input of <see cref="CheckContractActivity"/>.</summary>
public sealed record CheckContractInput
{
    [ActivityInput("Jurisdiction profile name", DescriptionZh = "辖区配置名称")]
    public required string Profile { get; init; }

    [ActivityInput("The class data: occupation, startDate, trainingMode (order-based 订单式), headcount, place",
        DescriptionZh = "开班数据：occupation（职业/工种）、startDate（开班日期）、trainingMode（order-based 为订单式）、headcount、place")]
    public required ClassApplication Class { get; init; }

    [ActivityInput("The institution opening the class: its organisation id (institution:CODE) when the contracts come from the registry, else as the given contracts name it",
        DescriptionZh = "开班的培训机构：从合同登记读取合同时为机构编号（institution:统一社会信用代码），否则与所给合同中的写法一致；辖区要求合同时必填", Required = false)]
    public string? Institution { get; init; }

    [ActivityInput("The institution's contracts [{ id, institution, occupations, areas, from, to, renewedUntil?, task?, orderBasedShare? }]; when absent, read from the contract registry",
        DescriptionZh = "培训机构的职业培训合同 [{ id、institution、occupations、areas、from、to、renewedUntil?（续签后本年度合同截止日）、task?（任务数）、orderBasedShare? }]；不填时从合同登记读取", Required = false)]
    public IReadOnlyList<TrainingContract>? Contracts { get; init; }

    [ActivityInput("The class's area (培训区域); when absent, the class's place", DescriptionZh = "培训区域；不填时取开班数据的 place", Required = false)]
    public string? Area { get; init; }

    [ActivityInput("Trainees opened under the contract so far { trainees, orderBasedTrainees } (R-WS-3); when absent and the contracts come from the registry, counted there",
        DescriptionZh = "本合同已开班人数 { trainees（总人数）, orderBasedTrainees（订单式人数）}（R-WS-3）；不填且合同取自合同登记时，按登记的已开班数统计", Required = false)]
    public ContractProgress? Progress { get; init; }
}

/// <summary>Output of <see cref="CheckContractActivity"/>.</summary>
public sealed record CheckContractOutput
{
    [ActivityOutput("True when a current contract covers the class and no rule refuses it", DescriptionZh = "有覆盖本班的有效合同且没有规则不准开班时为 true")]
    public required bool Admissible { get; init; }

    [ActivityOutput("Findings: rule, severity, message (Chinese), page (null)", DescriptionZh = "问题清单：rule（规则编号）、severity（级别）、message（说明）、page（null）")]
    public required IReadOnlyList<Finding> Findings { get; init; }

    [ActivityOutput("The id of the contract the class opens under, or null", DescriptionZh = "本班所依据的合同编号；没有时为 null")]
    public string? Contract { get; init; }
}

/// <summary>
/// Catalogue activity <c>contract.check</c> (合同核验): may the institution open this class under its contracts
/// (<see cref="ContractCheck"/>: a current contract for the occupation and area, R-WS-1 / R-YN-2 / R-QJ-4; WS areas by
/// lot R-WS-2; WS order-based share R-WS-3)? Ends <c>admissible</c> or <c>refused</c>.
/// </summary>
[Activity("contract.check", "Procurement",
    DisplayName = "Check the training contract",
    DisplayNameZh = "合同核验",
    Description = "A current contract of the institution covering the class's occupation and area, and the order-based share of its task.",
    DescriptionZh = "核验培训机构是否有覆盖本班职业（工种）和培训区域的有效合同，以及订单式培训占任务数的比例。",
    Outcomes = ["admissible", "refused"],
    Retries = 1)]
public sealed class CheckContractActivity(ProfileCatalog profiles, IContractRegistry? registry = null) : IActivity<CheckContractInput, CheckContractOutput>
{
    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    /// <exception cref="ArgumentException">A blank institution where a contract is required, or inconsistent progress counts.</exception>
    /// <exception cref="InvalidOperationException">No contracts given and no contract registry to read them from.</exception>
    public async Task<ActivityResult<CheckContractOutput>> ExecuteAsync(CheckContractInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var profile = profiles.Get(input.Profile);
        var fromRegistry = input.Contracts is null;
        var contracts = input.Contracts
            ?? (profile.FlagRule(ParameterKeys.ContractRequired) is null ? []
                : registry is null ? throw new InvalidOperationException("没有给出合同，也没有可读取的合同登记 (no contracts given and no contract registry)")
                : await registry.ContractsOfAsync(input.Institution ?? "", cancellationToken).ConfigureAwait(false));
        var result = ContractCheck.Check(input.Class, input.Area, input.Institution, contracts, input.Progress, profile);
        // The order-based share (R-WS-3) needs what was opened under the contract: counted by the registry when it gave the contracts.
        if (fromRegistry && input.Progress is null && registry is not null && result.Contract is { } id && profile.RuleNumber(ParameterKeys.OrderBasedShareMin) is not null)
            result = ContractCheck.Check(input.Class, input.Area, input.Institution, contracts,
                await registry.ProgressAsync(id, input.Class.StartDate, cancellationToken).ConfigureAwait(false), profile);
        return new ActivityResult<CheckContractOutput>(result.Admissible ? "admissible" : "refused",
            new CheckContractOutput { Admissible = result.Admissible, Findings = result.Findings, Contract = result.Contract });
    }
}
