using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Procurement.Lottery;

/// <summary>Input of <see cref="DrawQuotasActivity"/>.</summary>
public sealed record DrawQuotasInput
{
    [ActivityInput("Jurisdiction profile name (wenshui)", DescriptionZh = "辖区配置名称（wenshui）")]
    public required string Profile { get; init; }

    [ActivityInput("The contracted institutions (names or credit codes), each once; their order does not matter",
        DescriptionZh = "已签约的培训机构（名称或统一社会信用代码），每家一次；顺序不影响结果")]
    public required IReadOnlyList<string> Institutions { get; init; }

    [ActivityInput("The seed, fixed before the draw (an announced number); when absent one is drawn and returned",
        DescriptionZh = "随机种子，须在抽签前固定（如公布的号码）；不填时由系统生成并在结果中给出", Required = false)]
    public string? Seed { get; init; }

    [ActivityInput("Areas with their yearly quotas [{ area, quota }] (persons); when absent, the profile's setting lottery.areas",
        DescriptionZh = "培训区域及其年度任务数 [{ area, quota }]（人）；不填时取辖区配置 lottery.areas", Required = false)]
    public IReadOnlyList<LotteryArea>? Areas { get; init; }

    [ActivityInput("When given (yyyy-MM-dd), the areas and quotas drawn are written into each institution's contract current on that day (institutions then are organisation ids)",
        DescriptionZh = "填写日期（yyyy-MM-dd）时，将抽中的区域和任务数写入各机构当日有效的培训合同（此时培训机构须为机构编号 institution:…）", Required = false)]
    public DateOnly? AssignFrom { get; init; }
}

/// <summary>Output of <see cref="DrawQuotasActivity"/>.</summary>
public sealed record DrawQuotasOutput
{
    [ActivityOutput("The lottery: seed, seedDrawn, participants, drawOrder, lots, assignments [{ lot, area, institution, quota }], freeRecruitment, rule, method",
        DescriptionZh = "抽签结果：seed（种子）、seedDrawn、participants（参加机构）、drawOrder（抽签顺序）、lots、assignments（区域→机构、任务数）、freeRecruitment（不抽签区域）、rule、method")]
    public required QuotaLotteryResult Lottery { get; init; }

    [ActivityOutput("The contracts whose areas and quotas were written (empty without assignFrom)", DescriptionZh = "已写入抽签结果的合同编号（未填 assignFrom 时为空）")]
    public IReadOnlyList<string> Contracts { get; init; } = [];
}

/// <summary>
/// Catalogue activity <c>quota.draw</c> (抽签分配片区和名额, WS §二(二), R-WS-2): the areas and yearly quotas of the
/// contracted institutions assigned by a seeded, reproducible lottery (<see cref="QuotaLottery"/>). Areas come from the
/// input or from the profile's setting <c>lottery.areas</c> (the seed gives neither the areas nor their numbers: until an
/// administrator sets them the step stops with <see cref="RuleNotConfiguredException"/> citing R-WS-2); the
/// profile's free-recruitment areas (凤城镇四关四街) are never drawn. The output goes to the case history and
/// <c>form.render quota-lottery-record</c>; with <c>assignFrom</c> the lots are written into the contracts (<see cref="IContractRegistry.AssignAreasAsync"/>).
/// </summary>
[Activity("quota.draw", "Procurement",
    DisplayName = "Draw areas and quotas by lot",
    DisplayNameZh = "抽签分配片区和名额",
    Description = "Seeded, verifiable lottery assigning the areas and yearly quotas among the contracted institutions (R-WS-2).",
    DescriptionZh = "以可验证的随机种子抽签，在已签约培训机构之间分配培训区域和年度任务数（R-WS-2）。",
    Outcomes = [Drawn],
    // A computation on its inputs: a retry would fail the same way.
    Retries = 1)]
public sealed class DrawQuotasActivity(ProfileCatalog profiles, IContractRegistry? registry = null) : IActivity<DrawQuotasInput, DrawQuotasOutput>
{
    public const string Drawn = "drawn";

    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    /// <exception cref="ArgumentException">The jurisdiction has no quota lottery; bad institutions or areas (see <see cref="QuotaLottery.Draw"/>).</exception>
    /// <exception cref="RuleNotConfiguredException">No areas given and the setting <c>lottery.areas</c> not set (R-WS-2).</exception>
    /// <exception cref="InvalidOperationException"><c>assignFrom</c> given and no contract registry to write to.</exception>
    public async Task<ActivityResult<DrawQuotasOutput>> ExecuteAsync(DrawQuotasInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var profile = profiles.Get(input.Profile);
        var declared = profile.Find(ParameterKeys.LotteryAreas)
            ?? throw new ArgumentException(
                $"{profile.DisplayName}（{profile.Name}）的规定没有抽签分配培训区域和任务数 (profile {profile.Name} has no quota lottery, {ParameterKeys.LotteryAreas})", nameof(input));
        var areas = input.Areas is { Count: > 0 }
            ? input.Areas
            : declared.PersonsByArea.Select(p => new LotteryArea(p.Key, p.Value)).ToList();
        var free = profile.Find(ParameterKeys.FreeRecruitmentAreas) is { IsConfigured: true } f ? f.List : [];
        var lottery = QuotaLottery.Draw(input.Seed, input.Institutions ?? [], areas, free, declared.Rule);
        IReadOnlyList<string> contracts = [];
        if (input.AssignFrom is { } day)
        {
            if (registry is null) throw new InvalidOperationException("没有可写入的合同登记 (no contract registry to write the lots to)");
            // Every participant's contract gets what it drew, an empty list when it drew no lot.
            var byInstitution = lottery.Participants.ToDictionary(p => p, p => (IReadOnlyList<ContractQuota>)lottery.Assignments
                .Where(a => a.Institution == p).Select(a => new ContractQuota(a.Area, a.Quota)).ToList(), StringComparer.Ordinal);
            contracts = await registry.AssignAreasAsync(profile.Name, day, byInstitution, "quota.draw", cancellationToken).ConfigureAwait(false);
        }
        return new ActivityResult<DrawQuotasOutput>(Drawn, new DrawQuotasOutput { Lottery = lottery, Contracts = contracts });
    }
}
