using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Host.Tests.Http;
using Pipeline.Workflows.Runtime;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Institutions;

/// <summary>
/// The registry as the activities' contract port (<see cref="IContractRegistry"/>): a tender's award recorded once,
/// areas drawn by lot written into the contract (R-WS-2), and a class case's <c>contract.check</c> in
/// <c>class-opening</c> reading the registry and naming the contract the class opens under (R-WS-1).
/// </summary>
public sealed class RegistryContractsTests(HostFixture host) : IClassFixture<HostFixture>
{
    private IContractRegistry Registry => host.Services.GetRequiredService<IContractRegistry>();

    private async Task<string> SchoolAsync(string user)
    {
        await TestAccounts.EnsureAsync(host.Services, user, "institution", "wenshui");
        return "institution:" + TestAccounts.CreditCode(user);
    }

    private static ContractAward Award(string school, string number, DateOnly from) =>
        new("wenshui", school, number, ["电工"], [], from, from.AddYears(3).AddDays(-1), true, 30, "TENDER-WS-2026", "system");

    [Fact]
    public async Task An_award_is_recorded_once_and_its_areas_come_from_the_lottery()
    {
        var school = await SchoolAsync("ws-award-school");
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
        var id = await Registry.RecordAsync(Award(school, "文人社培〔2026〕A1号", from), default);
        Assert.Equal(id, await Registry.RecordAsync(Award(school, "文人社培〔2026〕A1号", from), default));
        var other = await SchoolAsync("ws-award-other");
        Assert.StartsWith("合同编号「文人社培〔2026〕A1号」已用于另一培训机构",
            (await Assert.ThrowsAsync<ArgumentException>(() => Registry.RecordAsync(Award(other, "文人社培〔2026〕A1号", from), default))).Message);

        var contract = Assert.Single(await Registry.ContractsOfAsync(school, default));
        Assert.Equal(ContractTerm.Current, ContractTerm.StatusOn(contract, from, null));
        Assert.True(contract.RenewedYearly);
        Assert.Empty(contract.Areas);

        Assert.Equal([id], await Registry.AssignAreasAsync("wenshui", from,
            new Dictionary<string, IReadOnlyList<ContractQuota>> { [school] = [new("开栅镇", 60), new("孝义镇", 40)] }, "王经办", default));
        var drawn = Assert.Single(await Registry.ContractsOfAsync(school, default));
        Assert.Equal(["开栅镇", "孝义镇"], drawn.Areas);
        Assert.Equal(100, drawn.Task);
        Assert.Equal(new ContractProgress(0, 0), await Registry.ProgressAsync(id, from, default));
        // Without a current contract there is nothing to assign the lot to.
        Assert.Contains("没有有效的培训合同", (await Assert.ThrowsAsync<ArgumentException>(() => Registry.AssignAreasAsync("wenshui", from,
            new Dictionary<string, IReadOnlyList<ContractQuota>> { [other] = [new("开栅镇", 60)] }, "王经办", default))).Message);

        var view = await host.Client.SendAsync(As(HttpMethod.Get, "/api/contracts", "ws-award-school", "institution"));
        var mine = Assert.Single((await JsonAsync(view)).AsArray());
        Assert.Equal(60, mine!["areas"]![0]!["quota"]!.GetValue<int>());
    }

    [Fact]
    public async Task R_WS_1_class_opening_checks_the_registry_contract_and_records_the_one_the_class_opens_under()
    {
        var school = await SchoolAsync("ws-opening-school");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        var id = await Registry.RecordAsync(Award(school, "文人社培〔2026〕B1号", start.AddDays(-30)) with { RenewedYearly = false }, default);
        await Registry.AssignAreasAsync("wenshui", start.AddDays(-30),
            new Dictionary<string, IReadOnlyList<ContractQuota>> { [school] = [new("凤城镇", 200)] }, "王经办", default);

        var form = Pack(Fixture("packs", "class-opening-complete.pdf"));
        form.Add(new StringContent("class-case"), "process");
        form.Add(new StringContent($$"""
            { "occupation": "电工", "startDate": "{{start:yyyy-MM-dd}}", "endDate": "{{start.AddDays(13):yyyy-MM-dd}}", "plannedHours": 80,
              "trainingDays": 10, "headcount": 20, "place": "凤城镇东街村",
              "theoryRoomArea": 80, "practicalGroupSize": 5 }
            """), "class");
        var accepted = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/WS-CONTRACT-0001/packs", "ws-opening-school", "institution", form));
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());

        var store = host.Services.GetRequiredService<IInstanceStore>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        ProcessInstance? opening = null;
        while (DateTime.UtcNow < deadline)
        {
            opening = (await store.ByBusinessKeyAsync("WS-CONTRACT-0001", default)).FirstOrDefault(i => i.ProcessId == "class-opening");
            if (opening?.Variables.ContainsKey("contract") == true) break;
            await Task.Delay(200);
        }
        Assert.NotNull(opening);
        Assert.True(opening!.Variables.ContainsKey("contract"), System.Text.Json.JsonSerializer.Serialize(opening.Variables.GetValueOrDefault("classFindings")));
        Assert.Equal(id, opening.Variables["contract"]);
        Assert.Equal(true, opening.Variables["contractAdmissible"]);
    }
}
