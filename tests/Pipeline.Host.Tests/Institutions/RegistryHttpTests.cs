using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Pipeline.Activities.Documents.Storage;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Institutions;

/// <summary>The same scenarios on PostgreSQL (skipped when no server is configured).</summary>
public sealed class RegistryOnPostgresTests(HostFixture.OnPostgres host) : IClassFixture<HostFixture.OnPostgres>
{
    [PostgresFact]
    public async Task Contracts_and_standing_on_PostgreSQL()
    {
        var tests = new RegistryHttpTests(host);
        await tests.The_bureau_records_renews_and_terminates_a_contract_and_only_its_institution_reads_it();
        await tests.Eligibility_gives_the_reasons_with_their_rules_as_the_standing_changes();
        await tests.A_blacklist_entry_keeps_its_evidence_and_the_institution_sees_it();
        await tests.Qujing_institutions_need_city_registration();
    }
}

/// <summary>
/// The contracts and standing registry over HTTP (issue 14): Wenshui's bureau records a yearly-renewed contract,
/// renews and terminates it; who may record, who may read (another institution and another jurisdiction: 404);
/// grades, blacklist with evidence, registration; the eligibility endpoint's reasons with rule ids; the security log.
/// </summary>
public sealed class RegistryHttpTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static string Id(string user) => "institution:" + TestAccounts.CreditCode(user);

    private async Task<string> WenshuiSchoolAsync(string name)
    {
        await TestAccounts.EnsureAsync(host.Services, name, "institution", "wenshui");
        await TestAccounts.EnsureAsync(host.Services, "ws.reviewer", "reviewer", "wenshui");
        await TestAccounts.EnsureAsync(host.Services, "ws.approver", "approver", "wenshui");
        return Id(name);
    }

    private static StringContent Json(string json) => ApiTests.JsonContent(json);

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string url, string? user, string? roles, HttpContent? content = null)
    {
        var response = await host.Client.SendAsync(As(method, url, user, roles, content));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>A contract of <paramref name="institution"/>; its number is the institution's own (numbers are unique in a jurisdiction).</summary>
    private static string ContractJson(string institution, string occupations = "\"电工\"") => $$"""
        { "institutionId": "{{institution}}", "number": "文人社培〔2026〕{{institution[^4..]}}号", "occupations": [{{occupations}}],
          "areas": [{ "area": "凤城镇", "quota": 40 }, { "area": "孝义镇", "quota": 25 }],
          "startsOn": "2026-01-01", "endsOn": "2028-12-31", "renewedYearly": true, "orderBasedPercent": 30 }
        """;

    [Fact]
    public async Task The_bureau_records_renews_and_terminates_a_contract_and_only_its_institution_reads_it()
    {
        var school = await WenshuiSchoolAsync("ws-school-1");
        await TestAccounts.EnsureAsync(host.Services, "ws-other-1", "institution", "wenshui");

        // Only reviewers and administrators record; institutions and approvers are refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/api/contracts", "ws.approver", "approver", Json(ContractJson(school)))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/api/contracts", "ws-school-1", "institution", Json(ContractJson(school)))).Status);
        // A Jiaozuo reviewer does not reach a Wenshui institution.
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, "/api/contracts", "jz.reviewer", "reviewer", Json(ContractJson(school)))).Status);
        // An occupation outside the licence (R-GL-1) is refused in Chinese first.
        var outside = await SendAsync(HttpMethod.Post, "/api/contracts", "ws.reviewer", "reviewer", Json(ContractJson(school, "\"电工\", \"焊工\"")));
        Assert.Equal(HttpStatusCode.BadRequest, outside.Status);
        Assert.StartsWith("「焊工」不在该机构办学许可", outside.Body!["detail"]!.GetValue<string>());
        Assert.Equal("R-GL-1", outside.Body["rule"]!.GetValue<string>());
        var backwards = await SendAsync(HttpMethod.Post, "/api/contracts", "ws.reviewer", "reviewer",
            Json(ContractJson(school).Replace("2028-12-31", "2025-12-31")));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.Status);

        var created = await SendAsync(HttpMethod.Post, "/api/contracts", "ws.reviewer", "reviewer", Json(ContractJson(school)));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var contract = created.Body!;
        var id = contract["id"]!.GetValue<string>();
        Assert.Equal("wenshui", contract["jurisdiction"]!.GetValue<string>());
        Assert.Equal(40, contract["areas"]![0]!["quota"]!.GetValue<int>());
        Assert.Equal("2027-01-01", contract["nextRenewal"]!.GetValue<string>());
        Assert.Equal("ws.reviewer", contract["recordedBy"]!.GetValue<string>());

        // The institution reads its own; another institution, and a bureau out of reach, get 404 and an empty list.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"/api/contracts/{id}", "ws-school-1", "institution")).Status);
        Assert.Contains((await SendAsync(HttpMethod.Get, "/api/contracts", "ws-school-1", "institution")).Body!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/api/contracts/{id}", "ws-other-1", "institution")).Status);
        Assert.DoesNotContain((await SendAsync(HttpMethod.Get, "/api/contracts", "ws-other-1", "institution")).Body!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/api/contracts/{id}", "jz.reviewer", "reviewer")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"/api/contracts/{id}", "ws.approver", "approver")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/api/institutions/{Uri.EscapeDataString(school)}/standing", "ws-other-1", "institution")).Status);

        // Renewals: one per contract year after the first, then 409.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, $"/api/contracts/{id}/renewals", "ws-school-1", "institution", Json("{}"))).Status);
        var renewed = await SendAsync(HttpMethod.Post, $"/api/contracts/{id}/renewals", "ws.reviewer", "reviewer", Json("{}"));
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
        Assert.Equal("2027-01-01", renewed.Body!["renewals"]![0]!["periodStartsOn"]!.GetValue<string>());
        Assert.Equal("2028-01-01", renewed.Body["nextRenewal"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/contracts/{id}/renewals", "ws.reviewer", "reviewer", Json("{}"))).Status);
        var none = await SendAsync(HttpMethod.Post, $"/api/contracts/{id}/renewals", "ws.reviewer", "reviewer", Json("{}"));
        Assert.Equal(HttpStatusCode.Conflict, none.Status);
        Assert.StartsWith("合同期内各年度均已续签", none.Body!["detail"]!.GetValue<string>());

        // Termination needs a reason; then the contract reads terminated.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, $"/api/contracts/{id}/termination", "ws.reviewer", "reviewer", Json("{}"))).Status);
        var ended = await SendAsync(HttpMethod.Post, $"/api/contracts/{id}/termination", "ws.reviewer", "reviewer", Json("""{ "reason": "机构申请解除" }"""));
        Assert.Equal("terminated", ended.Body!["status"]!.GetValue<string>());
        Assert.Equal("已终止", ended.Body["statusName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"/api/contracts/{id}/termination", "ws.reviewer", "reviewer", Json("""{ "reason": "再次" }"""))).Status);

        // Every change is in the security log with who did it.
        var log = (await JsonAsync(await host.Client.GetAsync("/api/admin/security-log?limit=500"))).AsArray();
        foreach (var kind in new[] { "contract-recorded", "contract-renewed", "contract-terminated" })
            Assert.Contains(log, e => e!["kind"]!.GetValue<string>() == kind && e["userName"]!.GetValue<string>() == "ws.reviewer.reviewer");
    }

    [Fact]
    public async Task Eligibility_gives_the_reasons_with_their_rules_as_the_standing_changes()
    {
        var school = await WenshuiSchoolAsync("ws-school-2");
        var url = $"/api/institutions/{Uri.EscapeDataString(school)}/eligibility?occupation=电工&area=凤城镇&date=2026-06-01";

        var before = (await SendAsync(HttpMethod.Get, url, "ws-school-2", "institution")).Body!;
        Assert.False(before["eligible"]!.GetValue<bool>());
        Assert.Equal("R-WS-1", before["reasons"]![0]!["rule"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "/api/contracts", "ws.reviewer", "reviewer", Json(ContractJson(school)))).Status);
        Assert.True((await SendAsync(HttpMethod.Get, url, "ws.approver", "approver")).Body!["eligible"]!.GetValue<bool>());
        // The second contract year without its renewal: not current.
        var lapsed = (await SendAsync(HttpMethod.Get, url.Replace("2026-06-01", "2027-06-01"), "ws-school-2", "institution")).Body!;
        Assert.Contains("未续签", lapsed["reasons"]![0]!["message"]!.GetValue<string>());
        var licence = (await SendAsync(HttpMethod.Get, url.Replace("电工", "育婴员"), "ws.reviewer", "reviewer")).Body!;
        Assert.Contains(licence["reasons"]!.AsArray(), r => r!["rule"]!.GetValue<string>() == "R-GL-1");
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, url.Replace("2026-06-01", "2026-13-01"), "ws.reviewer", "reviewer")).Status);

        // Graded 不合格 for 2025: not eligible in 2026 (R-GL-13).
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, $"/api/institutions/{Uri.EscapeDataString(school)}/reviews", "ws.reviewer", "reviewer",
            Json("""{ "year": 2025, "grade": "良好", "publication": "2026-01-10 县人社局网站" }"""))).Status);
        var graded = await SendAsync(HttpMethod.Post, $"/api/institutions/{Uri.EscapeDataString(school)}/reviews", "ws.reviewer", "reviewer",
            Json("""{ "year": 2025, "grade": "不合格", "publication": "2026-01-10 县人社局网站" }"""));
        Assert.Equal(HttpStatusCode.OK, graded.Status);
        Assert.Equal("不合格", graded.Body!["latestReview"]!["gradeName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"/api/institutions/{Uri.EscapeDataString(school)}/reviews", "ws.reviewer", "reviewer",
            Json("""{ "year": 2025, "grade": "合格", "publication": "x" }"""))).Status);
    }

    [Fact]
    public async Task A_blacklist_entry_keeps_its_evidence_and_the_institution_sees_it()
    {
        var school = await WenshuiSchoolAsync("ws-school-3");
        var path = $"/api/institutions/{Uri.EscapeDataString(school)}/blacklist";
        MultipartFormDataContent Form(bool withFile)
        {
            var form = new MultipartFormDataContent { { new StringContent("虚报培训人数 12 人，学员 410802199001011239 未到课"), "reason" }, { new StringContent("文人社罚〔2026〕2号"), "decision" }, { new StringContent("true"), "licenceRevoked" } };
            if (withFile)
            {
                var file = new ByteArrayContent("%PDF-1.4 查处记录"u8.ToArray());
                file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(file, "evidence", "查处记录.pdf");
            }
            return form;
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, path, "ws.approver", "approver", Form(true))).Status);
        var missing = await SendAsync(HttpMethod.Post, path, "ws.reviewer", "reviewer", Form(false));
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("R-YN-12", missing.Body!["rule"]!.GetValue<string>());

        var listed = await SendAsync(HttpMethod.Post, path, "ws.reviewer", "reviewer", Form(true));
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        var entry = listed.Body!["blacklist"]![0]!;
        var sha = entry["evidenceSha256"]!.GetValue<string>();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("%PDF-1.4 查处记录"u8.ToArray())), sha);
        Assert.NotNull(host.Services.GetRequiredService<IOriginalStore>().Find(sha));
        Assert.True(entry["licenceRevoked"]!.GetValue<bool>());
        var evidenceUrl = $"{path}/{entry["id"]!.GetValue<string>()}/evidence";
        var download = await host.Client.SendAsync(As(HttpMethod.Get, evidenceUrl, "ws.reviewer", "reviewer"));
        Assert.Equal("%PDF-1.4 查处记录"u8.ToArray(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(As(HttpMethod.Get, evidenceUrl, "ws-school-3", "institution"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(As(HttpMethod.Get, evidenceUrl, "jz.reviewer", "reviewer"))).StatusCode);

        Assert.DoesNotContain("410802199001011239", entry["reason"]!.GetValue<string>());
        var own = (await SendAsync(HttpMethod.Get, $"/api/institutions/{Uri.EscapeDataString(school)}/standing", "ws-school-3", "institution")).Body!;
        Assert.True(own["blacklisted"]!.GetValue<bool>());
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var answer = (await SendAsync(HttpMethod.Get, $"/api/institutions/{Uri.EscapeDataString(school)}/eligibility?occupation=电工&date={today}", "ws-school-3", "institution")).Body!;
        Assert.Equal("R-YN-12", answer["reasons"]![0]!["rule"]!.GetValue<string>());
        var list = (await SendAsync(HttpMethod.Get, "/api/institutions", "ws.reviewer", "reviewer")).Body!.AsArray();
        Assert.Contains(list, i => i!["id"]!.GetValue<string>() == school && i["blacklisted"]!.GetValue<bool>());
        Assert.DoesNotContain((await SendAsync(HttpMethod.Get, "/api/institutions", "jz.reviewer", "reviewer")).Body!.AsArray(), i => i!["id"]!.GetValue<string>() == school);
    }

    [Fact]
    public async Task Qujing_institutions_need_city_registration()
    {
        await TestAccounts.EnsureAsync(host.Services, "qj-school", "institution", "qujing");
        await TestAccounts.EnsureAsync(host.Services, "qj.reviewer", "reviewer", "qujing");
        var school = Id("qj-school");
        var url = $"/api/institutions/{Uri.EscapeDataString(school)}/eligibility?occupation=电工&date=2026-06-01";
        var rules = (await SendAsync(HttpMethod.Get, url, "qj.reviewer", "reviewer")).Body!["reasons"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()).ToList();
        Assert.Equal(["R-QJ-1", "R-QJ-4"], rules);
        // Yunnan's bureau reaches its prefecture's institutions.
        await TestAccounts.EnsureAsync(host.Services, "yn.reviewer", "reviewer", "yunnan");
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, $"/api/institutions/{Uri.EscapeDataString(school)}/registration", "yn.reviewer", "reviewer",
            Json("""{ "level": "province", "registeredOn": "2026-01-01" }"""))).Status);
        var registered = await SendAsync(HttpMethod.Put, $"/api/institutions/{Uri.EscapeDataString(school)}/registration", "yn.reviewer", "reviewer",
            Json("""{ "level": "city", "registeredOn": "2026-01-01" }"""));
        Assert.Equal(HttpStatusCode.OK, registered.Status);
        Assert.Equal("市级", registered.Body!["registration"]!["levelName"]!.GetValue<string>());
        rules = (await SendAsync(HttpMethod.Get, url, "qj-school", "institution")).Body!["reasons"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()).ToList();
        Assert.Equal(["R-QJ-4"], rules);
    }
}
