using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;
using static Pipeline.Host.Tests.Http.Processes;

namespace Pipeline.Host.Tests.Tenders;

/// <summary>
/// <c>/api/tenders</c>: a Qujing reviewer starts a tender from the page's form, bureau staff follow its stage, an
/// institution sees it once the notice is published (R-YN-2: a notice is public) but never the scores, and an
/// objection is taken only while the selection is publicised (R-QJ-4).
/// </summary>
public sealed class TenderEndpointsTests(ProcurementScenarioTests.ProcurementHost host) : IClassFixture<ProcurementScenarioTests.ProcurementHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static string Request(string title = "麒麟区2027年职业技能培训项目招标公告", int headcount = 120) => $$"""
        { "title": "{{title}}", "method": "open", "occupations": ["电工", "育婴员"], "headcount": {{headcount}},
          "lots": [{ "name": "第一标段", "occupations": ["电工"], "headcount": 70, "winners": 2, "area": "麒麟区" },
                   { "name": "第二标段", "occupations": ["育婴员"], "headcount": 50, "winners": 1, "area": "麒麟区" }],
          "evaluatorPool": ["专家甲", "专家乙", "专家丙", "专家丁", "专家戊"], "evaluatorCount": 3,
          "contractStartsOn": "2027-01-01", "contractEndsOn": "2027-12-31" }
        """;

    private static string Today => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");

    private Task CompleteAsync(string key, string node, JsonObject variables) => CompleteAsync(key, node, "qj.tender.reviewer", "reviewer", variables);

    private async Task CompleteAsync(string key, string node, string user, string role, JsonObject variables, string outcome = "done")
    {
        var view = await PollAsync(host.Client, key, v => v["waiting"]!.AsArray().Any(w => w!["nodeId"]!.GetValue<string>() == node), Patience);
        var task = view["waiting"]!.AsArray().First(w => w!["nodeId"]!.GetValue<string>() == node)!;
        var done = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{view["instanceId"]}/{task["bookmarkId"]}/complete", user, role,
            ApiTests.JsonContent(new JsonObject { ["outcome"] = outcome, ["variables"] = variables }.ToJsonString())));
        Assert.True(done.StatusCode == HttpStatusCode.OK, $"{node}: {await done.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonNode> ListAsync(string user, string role) =>
        await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/tenders", user, role)));

    [Fact]
    public async Task A_reviewer_starts_a_tender_staff_follow_it_and_institutions_see_it_once_published()
    {
        await TestAccounts.EnsureAsync(host.Services, "qj.tender.reviewer", "reviewer", "qujing");
        await TestAccounts.EnsureAsync(host.Services, "qj.tender.approver", "approver", "qujing");
        await TestAccounts.EnsureAsync(host.Services, "qj-tender-school", "institution", "qujing");
        await TestAccounts.EnsureAsync(host.Services, "jz-tender-school", "institution", "jiaozuo");

        // Shape errors come back in Chinese before anything starts; only reviewers and administrators start tenders.
        var bad = await host.Client.SendAsync(As(HttpMethod.Post, "/api/tenders", "qj.tender.reviewer", "reviewer", ApiTests.JsonContent(Request(headcount: 100))));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("各标段人数之和（120）应等于计划培训人数（100）", (await JsonAsync(bad))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(As(HttpMethod.Post, "/api/tenders", "qj.tender.approver", "approver", ApiTests.JsonContent(Request())))).StatusCode);

        var started = await host.Client.SendAsync(As(HttpMethod.Post, "/api/tenders", "qj.tender.reviewer", "reviewer", ApiTests.JsonContent(Request())));
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var key = (await JsonAsync(started))["key"]!.GetValue<string>();
        Assert.StartsWith("TENDER-QUJING-", key);

        await PollAsync(host.Client, key, v => v["waiting"]!.AsArray().Any(w => w!["nodeId"]!.GetValue<string>() == "Task_FilePrefecture"), Patience);
        var listed = (await ListAsync("qj.tender.approver", "approver")).AsArray().Single(t => t!["key"]!.GetValue<string>() == key)!;
        Assert.Equal("报州(市)备案审核", listed["stage"]![0]!.GetValue<string>());
        // Filed with the prefecture and the province before publication (R-YN-2), then checked and published.
        await CompleteAsync(key, "Task_FilePrefecture", new JsonObject { ["filedOn"] = Today });
        await CompleteAsync(key, "Task_FileProvince", new JsonObject { ["filedOn"] = Today });
        var view = await PollAsync(host.Client, key, v => v["waiting"]!.AsArray().Any(w => w!["nodeId"]!.GetValue<string>() == "Task_Publish"), Patience);
        listed = (await ListAsync("qj.tender.approver", "approver")).AsArray().Single(t => t!["key"]!.GetValue<string>() == key)!;
        Assert.Equal("麒麟区2027年职业技能培训项目招标公告", listed["title"]!.GetValue<string>());
        Assert.Equal("公开招标", listed["methodName"]!.GetValue<string>());
        Assert.Equal(120, listed["headcount"]!.GetValue<int>());
        Assert.Equal(["第一标段", "第二标段"], listed["lots"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        Assert.Equal("发布招标公告", listed["stage"]![0]!.GetValue<string>());
        // Not published yet: no institution sees it.
        Assert.DoesNotContain((await ListAsync("qj-tender-school", "institution")).AsArray(), t => t!["key"]!.GetValue<string>() == key);

        await CompleteAsync(key, "Task_Publish", new JsonObject
        {
            ["publishedOn"] = Today, ["sites"] = "曲靖市人社局网站",
            ["bidDeadline"] = DateTimeOffset.UtcNow.AddDays(20).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
        });

        // Published: a Qujing institution sees the notice, one of another city does not.
        JsonNode? seen = null;
        for (var i = 0; i < 100 && seen is null; i++, await Task.Delay(100))
            seen = (await ListAsync("qj-tender-school", "institution")).AsArray().FirstOrDefault(t => t!["key"]!.GetValue<string>() == key);
        Assert.NotNull(seen);
        Assert.NotNull(seen!["bidDeadline"]);
        Assert.Empty(seen["contracts"]!.AsArray());
        Assert.DoesNotContain((await ListAsync("jz-tender-school", "institution")).AsArray(), t => t!["key"]!.GetValue<string>() == key);

        // An objection outside the publicity period is refused with the rule; to a tender out of reach: not found.
        var early = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tenders/{key}/objections", "qj-tender-school", "institution", ApiTests.JsonContent("""{ "text": "评分不公" }""")));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("R-QJ-4", (await JsonAsync(early))["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tenders/{key}/objections", "jz-tender-school", "institution",
            ApiTests.JsonContent("""{ "text": "评分不公" }""")))).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_starts_next_years_plan_and_bureau_staff_follow_it_R_YN_2()
    {
        await TestAccounts.EnsureAsync(host.Services, "yn.plan.reviewer", "reviewer", "yunnan");
        await TestAccounts.EnsureAsync(host.Services, "yn.plan.approver", "approver", "yunnan");
        await TestAccounts.EnsureAsync(host.Services, "yn-plan-school", "institution", "yunnan");
        var year = DateTime.UtcNow.AddHours(8).Year + 1;

        var bad = await host.Client.SendAsync(As(HttpMethod.Post, "/api/plans", "yn.plan.reviewer", "reviewer", ApiTests.JsonContent($$"""{ "planYear": {{year + 5}} }""")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("计划年度应为", (await JsonAsync(bad))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(As(HttpMethod.Post, "/api/plans", "yn.plan.approver", "approver",
            ApiTests.JsonContent($$"""{ "planYear": {{year}} }""")))).StatusCode);

        var started = await host.Client.SendAsync(As(HttpMethod.Post, "/api/plans", "yn.plan.reviewer", "reviewer",
            ApiTests.JsonContent($$"""{ "planYear": {{year}}, "previousOccupations": ["电工"] }""")));
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var key = (await JsonAsync(started))["key"]!.GetValue<string>();
        await PollAsync(host.Client, key, v => v["waiting"]!.AsArray().Any(w => w!["nodeId"]!.GetValue<string>() == "Task_Draft"), Patience);

        var plan = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/plans", "yn.plan.approver", "approver")))).AsArray()
            .Single(p => p!["key"]!.GetValue<string>() == key)!;
        Assert.Equal(year, plan["planYear"]!.GetValue<int>());
        Assert.Contains("县级编制次年培训计划", plan["stage"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.False(plan["inForce"]!.GetValue<bool>());

        // Drafted, reviewed by the prefecture, approved by the province (another approver): in force, a tender may follow it.
        await TestAccounts.EnsureAsync(host.Services, "yn.plan.approver2", "approver", "yunnan");
        await CompleteAsync(key, "Task_Draft", "yn.plan.reviewer", "reviewer", JsonNode.Parse($$"""
            { "plan": { "year": {{year}}, "county": "测试县", "items": [{ "occupation": "电工", "headcount": 120, "targetGroup": "农村转移就业劳动者" }] } }
            """)!.AsObject());
        await CompleteAsync(key, "Task_PrefectureReview", "yn.plan.approver", "approver", new JsonObject(), "approve");
        await CompleteAsync(key, "Task_ProvinceApprove", "yn.plan.approver2", "approver", new JsonObject(), "approve");
        await PollAsync(host.Client, key, v => v["waiting"]!.AsArray().Any(w => w!["nodeId"]!.GetValue<string>() == "Event_Adjustment"), Patience);
        plan = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/plans", "yn.plan.approver", "approver")))).AsArray()
            .Single(p => p!["key"]!.GetValue<string>() == key)!;
        Assert.True(plan["inForce"]!.GetValue<bool>());
        Assert.Equal((120, "测试县"), (plan["plannedHeadcount"]!.GetValue<int>(), plan["county"]!.GetValue<string>()));
        Assert.Equal(["电工"], plan["occupations"]!.AsArray().Select(o => o!.GetValue<string>()));
        // A plan is the bureau's own: institutions get 403 for the list.
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/plans", "yn-plan-school", "institution"))).StatusCode);
    }
}
