using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Institutions;

/// <summary>
/// A class case is opened only by an institution eligible on the class's first day: in Wenshui, one holding a current
/// contract for the occupation (R-WS-1); a blacklisted one never (R-YN-12). Refused before anything is stored.
/// </summary>
public sealed class ClassCaseEligibilityTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static MultipartFormDataContent Opening(DateOnly start)
    {
        var form = Pack(Fixture("packs", "class-opening-complete.pdf"));
        form.Add(new StringContent("class-case"), "process");
        form.Add(new StringContent(new JsonObject
        {
            ["occupation"] = "电工", ["startDate"] = start.ToString("yyyy-MM-dd"), ["endDate"] = start.AddDays(13).ToString("yyyy-MM-dd"),
            ["plannedHours"] = 80, ["trainingDays"] = 10, ["headcount"] = 20,
        }.ToJsonString()), "class");
        return form;
    }

    [Fact]
    public async Task A_Wenshui_class_case_is_refused_without_a_current_contract_and_accepted_with_one()
    {
        await TestAccounts.EnsureAsync(host.Services, "ws-gate-school", "institution", "wenshui");
        await TestAccounts.EnsureAsync(host.Services, "ws.gate.reviewer", "reviewer", "wenshui");
        var school = "institution:" + TestAccounts.CreditCode("ws-gate-school");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);

        var refused = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/WS-GATE-0001/packs", "ws-gate-school", "institution", Opening(start)));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (await JsonAsync(refused))["detail"]!.GetValue<string>();
        Assert.StartsWith("贵机构不具备开班资格", detail);
        Assert.Contains("R-WS-1", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/cases/WS-GATE-0001")).StatusCode);

        var year = start.Year;
        var contract = await host.Client.SendAsync(As(HttpMethod.Post, "/api/contracts", "ws.gate.reviewer", "reviewer", ApiTests.JsonContent($$"""
            { "institutionId": "{{school}}", "number": "文人社培〔{{year}}〕9号", "occupations": ["电工"], "areas": [{ "area": "凤城镇", "quota": 40 }],
              "startsOn": "{{start.AddDays(-30):yyyy-MM-dd}}", "endsOn": "{{start.AddDays(300):yyyy-MM-dd}}", "renewedYearly": true }
            """)));
        Assert.True(contract.StatusCode == HttpStatusCode.Created, await contract.Content.ReadAsStringAsync());

        var accepted = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/WS-GATE-0001/packs", "ws-gate-school", "institution", Opening(start)));
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_blacklisted_Jiaozuo_institution_cannot_open_a_class_where_no_contract_is_needed()
    {
        await TestAccounts.EnsureAsync(host.Services, "jz-gate-school", "institution", "jiaozuo");
        await TestAccounts.EnsureAsync(host.Services, "jz.gate.reviewer", "reviewer", "jiaozuo");
        var school = "institution:" + TestAccounts.CreditCode("jz-gate-school");
        var form = new MultipartFormDataContent
        {
            { new StringContent("虚报培训人数"), "reason" }, { new StringContent("焦人社罚〔2026〕2号"), "decision" },
            { new ByteArrayContent("%PDF-1.4 evidence"u8.ToArray()), "evidence", "处罚决定.pdf" },
        };
        var listed = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/institutions/{Uri.EscapeDataString(school)}/blacklist", "jz.gate.reviewer", "reviewer", form));
        Assert.True(listed.IsSuccessStatusCode, await listed.Content.ReadAsStringAsync());

        var refused = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/JZ-GATE-0001/packs", "jz-gate-school", "institution",
            Opening(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60))));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("R-YN-12", (await JsonAsync(refused))["detail"]!.GetValue<string>());
    }
}
