using Pipeline.Activities.Procurement.Tenders;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Procurement.Contracts;

/// <summary>Input of <see cref="RecordContractActivity"/>.</summary>
public sealed record RecordContractInput
{
    [ActivityInput("Jurisdiction profile name", DescriptionZh = "辖区配置名称")]
    public required string Profile { get; init; }

    [ActivityInput("The tender's business key: the source of the awards and the stem of the contract numbers", DescriptionZh = "招标办件编号：合同来源及合同编号前缀")]
    public required string Tender { get; init; }

    [ActivityInput("The winners [{ lot, institution (organisation id), occupations, area?, quota? }] (tender.evaluate's winners)",
        DescriptionZh = "入围机构 [{ lot, institution（机构编号）, occupations, area?, quota? }]（tender.evaluate 评标结果的 winners）")]
    public required IReadOnlyList<TenderWinner> Winners { get; init; }

    [ActivityInput("First day of the service term", DescriptionZh = "服务期起始日")]
    public required DateOnly StartsOn { get; init; }

    [ActivityInput("Last day of the service term; required where the profile sets no contract.termYears",
        DescriptionZh = "服务期截止日；辖区配置未规定服务期限（contract.termYears）时必填", Required = false)]
    public DateOnly? EndsOn { get; init; }

    [ActivityInput("Who records the contracts", DescriptionZh = "签订登记人", Required = false)]
    public string? RecordedBy { get; init; }
}

/// <summary>A contract recorded for a winner.</summary>
/// <param name="Id">The registry's contract id.</param>
/// <param name="Number">The contract number (<c>{tender}-{nn}</c>).</param>
/// <param name="Institution">The institution.</param>
/// <param name="Lot">The lot won.</param>
/// <param name="StartsOn">First day of the term.</param>
/// <param name="EndsOn">Last day of the term.</param>
/// <param name="RenewedYearly">True when each further year needs a renewal (WS 合同一年一订, R-WS-1).</param>
public sealed record RecordedContract(string Id, string Number, string Institution, string Lot, DateOnly StartsOn, DateOnly EndsOn, bool RenewedYearly);

/// <summary>Output of <see cref="RecordContractActivity"/>.</summary>
public sealed record RecordContractOutput
{
    [ActivityOutput("The contracts recorded [{ id, number, institution, lot, startsOn, endsOn, renewedYearly }]", DescriptionZh = "已登记的合同 [{ id, number（合同编号）, institution, lot, startsOn, endsOn, renewedYearly（一年一订）}]")]
    public required IReadOnlyList<RecordedContract> Contracts { get; init; }

    [ActivityOutput("The contracted institutions, each once, in winner order (the participants of a quota lottery, R-WS-2)", DescriptionZh = "已签约的培训机构（每家一次，按入围顺序；抽签分配片区的参加机构，R-WS-2）")]
    public required IReadOnlyList<string> Institutions { get; init; }
}

/// <summary>
/// Catalogue activity <c>contract.record</c> (签订合同): records each winner's contract through <see cref="IContractRegistry.RecordAsync"/>
/// (R-QJ-4: the workflow reaches it only after a publicity without standing objection). The term runs <c>contract.termYears</c>
/// from the start where the profile sets it (WS 3, R-WS-1), else to the given end; renewed yearly where
/// <c>contract.renewalYears</c> is set (WS 1, "合同一年一订"). Numbers are <c>{tender}-{nn}</c> in winner order, so recording
/// again (a retry) returns the same contracts.
/// </summary>
[Activity("contract.record", "Procurement",
    DisplayName = "Record the training contracts",
    DisplayNameZh = "签订合同",
    Description = "Records each winner's training contract (term from the profile, yearly renewal where set) in the contract register (R-WS-1, R-QJ-4).",
    DescriptionZh = "为每家入围机构登记职业培训合同（服务期限按辖区配置，规定一年一订的按年续签）（R-WS-1、R-QJ-4）。",
    Outcomes = ["recorded"])]
public sealed class RecordContractActivity(ProfileCatalog profiles, IContractRegistry registry) : IActivity<RecordContractInput, RecordContractOutput>
{
    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    /// <exception cref="ArgumentException">No winner, a winner without occupations, no end where the profile sets no term, an end
    /// before the start; the registry's refusals (unknown institution).</exception>
    public async Task<ActivityResult<RecordContractOutput>> ExecuteAsync(RecordContractInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var profile = profiles.Get(input.Profile);
        if (input.Winners is not { Count: > 0 })
            throw new ArgumentException("没有入围机构，无合同可签 (no winners)", nameof(input));
        var endsOn = profile.Number(ParameterKeys.ContractTermYears) is { } years
            ? input.StartsOn.AddYears((int)years).AddDays(-1)
            : input.EndsOn ?? throw new ArgumentException(
                $"{profile.DisplayName}的规定未给出服务期限，须写明合同截止日期 endsOn (the profile sets no contract term: give endsOn)", nameof(input));
        if (endsOn < input.StartsOn)
            throw new ArgumentException($"合同截止日期 {endsOn:yyyy-MM-dd} 早于起始日期 {input.StartsOn:yyyy-MM-dd} (the end is before the start)", nameof(input));
        var renewed = profile.Number(ParameterKeys.ContractRenewalYears) is not null;
        var recorded = new List<RecordedContract>();
        for (var i = 0; i < input.Winners.Count; i++)
        {
            var winner = input.Winners[i];
            if (winner.Occupations is not { Count: > 0 })
                throw new ArgumentException($"「{winner.Institution}」的合同没有职业（工种） (a winner has no occupation)", nameof(input));
            var number = $"{input.Tender}-{i + 1:00}";
            var areas = winner.Area is { Length: > 0 } area ? new[] { new ContractQuota(area, winner.Quota) } : [];
            var id = await registry.RecordAsync(new ContractAward(profile.Name, winner.Institution, number, winner.Occupations, areas,
                input.StartsOn, endsOn, renewed, null, input.Tender, input.RecordedBy ?? "system"), cancellationToken).ConfigureAwait(false);
            recorded.Add(new RecordedContract(id, number, winner.Institution, winner.Lot, input.StartsOn, endsOn, renewed));
        }
        return new ActivityResult<RecordContractOutput>("recorded", new RecordContractOutput
        {
            Contracts = recorded, Institutions = recorded.Select(c => c.Institution).Distinct(StringComparer.Ordinal).ToList(),
        });
    }
}
