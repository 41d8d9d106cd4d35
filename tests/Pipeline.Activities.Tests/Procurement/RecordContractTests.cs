using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Activities.Procurement.Tenders;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Tests.Procurement;

/// <summary>contract.record (签订合同): each winner's contract through IContractRegistry, the term from the profile.</summary>
public class RecordContractTests
{
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();
    private static readonly DateOnly Start = new(2024, 1, 1);

    private static TenderWinner Winner(string institution, string? area = null) =>
        new("全部", institution, ["中式烹调师", "电工"], area, 50, 80, 1);

    private static Task<Pipeline.Workflows.Activities.ActivityResult<RecordContractOutput>> RecordAsync(IContractRegistry registry, string profile, DateOnly? endsOn, params TenderWinner[] winners) =>
        new RecordContractActivity(Profiles, registry).ExecuteAsync(new RecordContractInput
        {
            Profile = profile, Tender = "WS-TENDER-2024", Winners = winners, StartsOn = Start, EndsOn = endsOn, RecordedBy = "经办人",
        }, null, CancellationToken.None);

    [Fact]
    public async Task ContractRecord_Wenshui_ThreeYearTerm_RenewedYearly_ForEachOfTheSixWinners_R_WS_1()
    {
        var registry = new InMemoryContractRegistry();
        var winners = Enumerable.Range(1, 6).Select(i => Winner($"institution:ws-{i}")).ToArray();
        var result = await RecordAsync(registry, "wenshui", null, winners);
        Assert.Equal(6, result.Output.Contracts.Count);
        var contract = registry.All.Single(c => c.Id == result.Output.Contracts[0].Id);
        Assert.Equal(("WS-TENDER-2024-01", new DateOnly(2026, 12, 31), (bool?)true), (contract.Number, contract.To, contract.RenewedYearly));
        Assert.Empty(contract.Areas); // areas come by lot (R-WS-2)
        Assert.Equal(winners.Select(w => w.Institution), result.Output.Institutions);
        // A retry records nothing twice.
        var again = await RecordAsync(registry, "wenshui", null, winners);
        Assert.Equal(result.Output.Contracts.Select(c => c.Id), again.Output.Contracts.Select(c => c.Id));
        Assert.Equal(6, registry.All.Count);
    }

    [Fact]
    public async Task ContractRecord_WhereTheRegulationSetsNoTerm_NeedsTheEnd_AndRecordsTheLotsArea_R_QJ_4()
    {
        var registry = new InMemoryContractRegistry();
        var e = await Assert.ThrowsAsync<ArgumentException>(() => RecordAsync(registry, "qujing", null, Winner("institution:qj-1", "麒麟区")));
        Assert.StartsWith("曲靖市的规定未给出服务期限，须写明合同截止日期", e.Message);
        var result = await RecordAsync(registry, "qujing", new DateOnly(2024, 12, 31), Winner("institution:qj-1", "麒麟区"));
        var contract = registry.All.Single(c => c.Id == Assert.Single(result.Output.Contracts).Id);
        Assert.Equal((new DateOnly(2024, 12, 31), (bool?)false), (contract.To, contract.RenewedYearly));
        Assert.Equal(["麒麟区"], contract.Areas);
        Assert.Equal(50, contract.Task);
        await Assert.ThrowsAsync<ArgumentException>(() => RecordAsync(registry, "qujing", new DateOnly(2023, 12, 31), Winner("institution:qj-1")));
    }
}
