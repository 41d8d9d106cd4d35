using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Activities.Rosters;
using Pipeline.Host.Data;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Institutions;

/// <summary>
/// The teacher pool (师资库, YN §九): the institution keeps its own, ID numbers masked in every answer and in the security
/// log; reviewers record annual checks (a failed one clears the teacher out) and exclusions with evidence, fraud barring
/// the person from every pool for life (R-YN-6c); in Qujing an entrepreneurship class case is refused at the gate while
/// the pool has fewer than the profile's two SIYB teachers in it (R-QJ-2).
/// </summary>
public abstract class TeacherPoolHttpTests(HostFixture host)
{
    /// <summary>A valid resident ID number from its first 17 digits.</summary>
    private static string Id(string first17) => first17 + IdNumber.CheckCharacter(first17);

    private static string Teacher(string name, string id, params string[] certificates) => new JsonObject
    {
        ["name"] = name, ["idNumber"] = id, ["occupations"] = new JsonArray("电工"),
        ["certificates"] = new JsonArray(certificates.Select(k => (JsonNode)new JsonObject { ["kind"] = k, ["number"] = $"{k.ToUpperInvariant()}-{name}" }).ToArray()),
    }.ToJsonString();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string user, string roles, HttpContent? content = null) =>
        host.Client.SendAsync(As(method, url, user, roles, content));

    private static string Pool(string institution) => $"/api/institutions/{Uri.EscapeDataString(institution)}/teachers";

    protected async Task The_institution_keeps_its_pool_and_ID_numbers_leave_masked()
    {
        await TestAccounts.EnsureAsync(host.Services, "tp-school", "institution", "qujing");
        await TestAccounts.EnsureAsync(host.Services, "tp-other", "institution", "qujing");
        await TestAccounts.EnsureAsync(host.Services, "tp.reviewer", "reviewer", "qujing");
        await TestAccounts.EnsureAsync(host.Services, "tp.jz.reviewer", "reviewer", "jiaozuo");
        var school = "institution:" + TestAccounts.CreditCode("tp-school");
        var id = Id("53030219800101123");

        var added = await SendAsync(HttpMethod.Post, Pool(school), "tp-school", "institution", ApiTests.JsonContent(Teacher("李老师", id, "siyb", "skill-level")));
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var teacher = await JsonAsync(added);
        Assert.Equal(IdNumber.Mask(id), teacher["idNumberMasked"]!.GetValue<string>());
        Assert.True(teacher["siyb"]!.GetValue<bool>());
        Assert.Equal("SIYB创业培训讲师", teacher["certificates"]![0]!["kindName"]!.GetValue<string>());

        var pool = await SendAsync(HttpMethod.Get, Pool(school), "tp.reviewer", "reviewer");
        var body = await pool.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, pool.StatusCode);
        Assert.DoesNotContain(id, body, StringComparison.Ordinal);
        var view = JsonNode.Parse(body)!;
        Assert.Equal(2, view["siybRequired"]!.GetValue<int>());
        Assert.Equal("R-QJ-2", view["siybRule"]!.GetValue<string>());
        Assert.Equal(1, view["siybActive"]!.GetValue<int>());

        // Another institution and another city do not reach it; a bureau reviewer does not maintain it.
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, Pool(school), "tp-other", "institution")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, Pool(school), "tp.jz.reviewer", "reviewer")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, Pool(school), "tp.reviewer", "reviewer", ApiTests.JsonContent(Teacher("王老师", Id("53030219800101124"))))).StatusCode);

        // Bad input is refused in Chinese first; the same person twice is a conflict.
        var bad = await SendAsync(HttpMethod.Post, Pool(school), "tp-school", "institution", ApiTests.JsonContent(Teacher("王老师", "530302198001011230")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("身份证号码", (await JsonAsync(bad))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, Pool(school), "tp-school", "institution",
            ApiTests.JsonContent("""{ "name": "王老师", "idNumber": "", "certificates": [] }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, Pool(school), "tp-school", "institution",
            ApiTests.JsonContent(Teacher("王老师", Id("53030219800101125"), "diploma")))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, Pool(school), "tp-school", "institution", ApiTests.JsonContent(Teacher("李老师", id)))).StatusCode);

        // A change keeps the ID number when none is given.
        var changed = await SendAsync(HttpMethod.Put, $"{Pool(school)}/{teacher["id"]}", "tp-school", "institution",
            ApiTests.JsonContent("""{ "name": "李明", "idNumber": "", "occupations": ["电工", "焊工"], "certificates": [{ "kind": "siyb", "number": "SIYB-2020-001" }] }"""));
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        Assert.Equal(IdNumber.Mask(id), (await JsonAsync(changed))["idNumberMasked"]!.GetValue<string>());

        // Every change is in the security log, the ID number masked.
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        var events = await db.SecurityEvents.Where(e => e.Kind == "teacher-added" || e.Kind == "teacher-updated").ToListAsync();
        Assert.Contains(events, e => e.Kind == "teacher-added" && e.Detail!.Contains(IdNumber.Mask(id)));
        Assert.Contains(events, e => e.Kind == "teacher-updated");
        Assert.DoesNotContain(events, e => e.Detail!.Contains(id));
    }

    protected async Task A_failed_check_clears_a_teacher_out_and_fraud_bars_the_person_for_life_R_YN_6c()
    {
        await TestAccounts.EnsureAsync(host.Services, "tx-school", "institution", "yunnan");
        await TestAccounts.EnsureAsync(host.Services, "tx-next", "institution", "qujing");
        await TestAccounts.EnsureAsync(host.Services, "tx.reviewer", "reviewer", "yunnan");
        await TestAccounts.EnsureAsync(host.Services, "tx.approver", "approver", "yunnan");
        var school = "institution:" + TestAccounts.CreditCode("tx-school");
        var next = "institution:" + TestAccounts.CreditCode("tx-next");
        var checkedId = Id("53030219800202123");
        var fraudId = Id("53030219800303123");
        var first = await JsonAsync(await SendAsync(HttpMethod.Post, Pool(school), "tx-school", "institution", ApiTests.JsonContent(Teacher("张老师", checkedId, "siyb"))));
        var second = await JsonAsync(await SendAsync(HttpMethod.Post, Pool(school), "tx-school", "institution", ApiTests.JsonContent(Teacher("赵老师", fraudId, "siyb"))));

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, $"{Pool(school)}/{first["id"]}/checks", "tx.approver", "approver",
            ApiTests.JsonContent("""{ "year": 2026, "passed": false }"""))).StatusCode);
        var failed = await SendAsync(HttpMethod.Post, $"{Pool(school)}/{first["id"]}/checks", "tx.reviewer", "reviewer",
            ApiTests.JsonContent("""{ "year": 2026, "passed": false, "note": "授课评价不合格" }"""));
        Assert.True(failed.IsSuccessStatusCode, await failed.Content.ReadAsStringAsync());
        var cleared = await JsonAsync(failed);
        Assert.Equal("excluded", cleared["status"]!.GetValue<string>());
        Assert.StartsWith("2026年度检查未通过", cleared["excludedBecause"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"{Pool(school)}/{first["id"]}/checks", "tx.reviewer", "reviewer",
            ApiTests.JsonContent("""{ "year": 2026, "passed": true }"""))).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, $"{Pool(school)}/{second["id"]}/exclusion", "tx.reviewer", "reviewer",
            new MultipartFormDataContent { { new StringContent("代替学员刷课"), "reason" }, { new StringContent("true"), "fraud" } })).StatusCode);
        var excluded = await SendAsync(HttpMethod.Post, $"{Pool(school)}/{second["id"]}/exclusion", "tx.reviewer", "reviewer", new MultipartFormDataContent
        {
            { new StringContent("组织学员刷课，骗取培训补贴"), "reason" }, { new StringContent("true"), "fraud" },
            { new ByteArrayContent("%PDF-1.4 evidence"u8.ToArray()), "evidence", "调查笔录.pdf" },
        });
        Assert.True(excluded.IsSuccessStatusCode, await excluded.Content.ReadAsStringAsync());
        var barred = await JsonAsync(excluded);
        Assert.True(barred["exclusions"]![0]!["lifetime"]!.GetValue<bool>());
        Assert.StartsWith("参与弄虚作假，终身取消师资入库资格", barred["excludedBecause"]!.GetValue<string>());

        // The evidence is for bureau staff; the pool counts no excluded teacher.
        var evidence = $"{Pool(school)}/{second["id"]}/exclusions/{barred["exclusions"]![0]!["id"]}/evidence";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, evidence, "tx.reviewer", "reviewer")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, evidence, "tx-school", "institution")).StatusCode);
        Assert.Equal(0, (await JsonAsync(await SendAsync(HttpMethod.Get, Pool(school), "tx-school", "institution")))["siybActive"]!.GetValue<int>());

        // For life, in every pool: another institution cannot take the person in.
        var again = await SendAsync(HttpMethod.Post, Pool(next), "tx-next", "institution", ApiTests.JsonContent(Teacher("赵老师", fraudId, "siyb")));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("R-YN-6c", (await JsonAsync(again))["rule"]!.GetValue<string>());
        // A teacher cleared out by a check, not for fraud, may join another pool.
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, Pool(next), "tx-next", "institution", ApiTests.JsonContent(Teacher("张老师", checkedId)))).StatusCode);
    }

    private static MultipartFormDataContent Opening(DateOnly start, string kind)
    {
        var form = Pack(Fixture("packs", "class-opening-complete.pdf"));
        form.Add(new StringContent("class-case"), "process");
        form.Add(new StringContent(new JsonObject
        {
            ["occupation"] = "电工", ["kind"] = kind, ["startDate"] = start.ToString("yyyy-MM-dd"), ["endDate"] = start.AddDays(13).ToString("yyyy-MM-dd"),
            ["plannedHours"] = 80, ["trainingDays"] = 10, ["headcount"] = 20,
        }.ToJsonString()), "class");
        return form;
    }

    protected async Task A_Qujing_entrepreneurship_class_needs_two_SIYB_teachers_in_the_pool_R_QJ_2()
    {
        await TestAccounts.EnsureAsync(host.Services, "qj-siyb-school", "institution", "qujing");
        await TestAccounts.EnsureAsync(host.Services, "qj.siyb.reviewer", "reviewer", "qujing");
        var school = "institution:" + TestAccounts.CreditCode("qj-siyb-school");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        var escaped = Uri.EscapeDataString(school);
        Assert.True((await SendAsync(HttpMethod.Put, $"/api/institutions/{escaped}/registration", "qj.siyb.reviewer", "reviewer",
            ApiTests.JsonContent($$"""{ "level": "city", "registeredOn": "{{start.AddDays(-90):yyyy-MM-dd}}" }"""))).IsSuccessStatusCode);
        var contract = await SendAsync(HttpMethod.Post, "/api/contracts", "qj.siyb.reviewer", "reviewer", ApiTests.JsonContent($$"""
            { "institutionId": "{{school}}", "number": "曲人社培〔{{start.Year}}〕7号", "occupations": ["电工"], "areas": [],
              "startsOn": "{{start.AddDays(-30):yyyy-MM-dd}}", "endsOn": "{{start.AddDays(300):yyyy-MM-dd}}", "renewedYearly": false }
            """));
        Assert.True(contract.StatusCode == HttpStatusCode.Created, await contract.Content.ReadAsStringAsync());
        async Task<JsonNode> Eligibility(string kind) => await JsonAsync(await SendAsync(HttpMethod.Get,
            $"/api/institutions/{escaped}/eligibility?occupation=电工&kind={kind}&date={start:yyyy-MM-dd}", "qj.siyb.reviewer", "reviewer"));

        // No teachers: a job-skills class is eligible, an entrepreneurship class is not, for R-QJ-2 alone.
        Assert.True((await Eligibility("skills"))["eligible"]!.GetValue<bool>());
        var none = await Eligibility("entrepreneurship");
        Assert.Equal(["R-QJ-2"], none["reasons"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()));
        var refused = await SendAsync(HttpMethod.Post, "/api/cases/QJ-SIYB-0001/packs", "qj-siyb-school", "institution", Opening(start, "entrepreneurship"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (await JsonAsync(refused))["detail"]!.GetValue<string>();
        Assert.Contains("师资库现有0名", detail);
        Assert.Contains("（R-QJ-2）", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/cases/QJ-SIYB-0001")).StatusCode);

        // One SIYB teacher and one without the certificate: still one short.
        async Task<JsonNode> AddAsync(string name, string first17, params string[] certificates) =>
            await JsonAsync(await SendAsync(HttpMethod.Post, Pool(school), "qj-siyb-school", "institution", ApiTests.JsonContent(Teacher(name, Id(first17), certificates))));
        var one = await AddAsync("甲老师", "53030219810101123", "siyb");
        await AddAsync("乙老师", "53030219810202123", "skill-level");
        Assert.Contains("师资库现有1名", (await Eligibility("entrepreneurship"))["reasons"]![0]!["message"]!.GetValue<string>());

        // Two: eligible; one of them failing the annual check makes it one short again.
        await AddAsync("丙老师", "53030219810303123", "siyb");
        Assert.True((await Eligibility("entrepreneurship"))["eligible"]!.GetValue<bool>());
        Assert.True((await SendAsync(HttpMethod.Post, $"{Pool(school)}/{one["id"]}/checks", "qj.siyb.reviewer", "reviewer",
            ApiTests.JsonContent($$"""{ "year": {{start.Year - 1}}, "passed": false }"""))).IsSuccessStatusCode);
        Assert.False((await Eligibility("entrepreneurship"))["eligible"]!.GetValue<bool>());
        await AddAsync("丁老师", "53030219810404123", "siyb");

        var accepted = await SendAsync(HttpMethod.Post, "/api/cases/QJ-SIYB-0001/packs", "qj-siyb-school", "institution", Opening(start, "entrepreneurship"));
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
    }
}

public sealed class TeacherPoolSqliteTests(HostFixture host) : TeacherPoolHttpTests(host), IClassFixture<HostFixture>
{
    [Fact] public Task Pool_and_masking() => The_institution_keeps_its_pool_and_ID_numbers_leave_masked();
    [Fact] public Task Checks_and_exclusions_R_YN_6c() => A_failed_check_clears_a_teacher_out_and_fraud_bars_the_person_for_life_R_YN_6c();
    [Fact] public Task Siyb_gate_R_QJ_2() => A_Qujing_entrepreneurship_class_needs_two_SIYB_teachers_in_the_pool_R_QJ_2();
}

public sealed class TeacherPoolPostgresTests(HostFixture.OnPostgres host) : TeacherPoolHttpTests(host), IClassFixture<HostFixture.OnPostgres>
{
    [PostgresFact] public Task Pool_and_masking() => The_institution_keeps_its_pool_and_ID_numbers_leave_masked();
    [PostgresFact] public Task Checks_and_exclusions_R_YN_6c() => A_failed_check_clears_a_teacher_out_and_fraud_bars_the_person_for_life_R_YN_6c();
    [PostgresFact] public Task Siyb_gate_R_QJ_2() => A_Qujing_entrepreneurship_class_needs_two_SIYB_teachers_in_the_pool_R_QJ_2();
}
