using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Workflows.Runtime;
using static Pipeline.Host.Tests.Http.HostFixture;
using static Pipeline.Host.Tests.Http.Processes;

namespace Pipeline.Host.Tests.Http;

/// <summary>
/// Per jurisdiction, the procurement lifecycle over the HTTP API on the real Host: annual plan → tender → evaluation →
/// publicity (Qujing, with one objection dismissed) → contracts recorded (→ Wenshui's quota lottery) → a class case of a
/// losing bidder refused (409, with the rule) and one of a winner accepted.
/// </summary>
public sealed class ProcurementScenarioTests(ProcurementScenarioTests.ProcurementHost host) : IClassFixture<ProcurementScenarioTests.ProcurementHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The Host with the settings the seeds leave to an administrator: bid evaluation weights, Qujing's publicity period.</summary>
    public sealed class ProcurementHost : HostFixture
    {
        public override Task InitializeAsync()
        {
            Directory.CreateDirectory(DataFolder);
            var weights = """{ "teachers": 20, "facilities": 15, "trackRecord": 15, "employmentRate": 20, "trainingTime": 10, "passRate": 10, "financialCompliance": 10 }""";
            File.WriteAllText(Path.Combine(DataFolder, "profile-settings.json"), $$"""
                {
                  "yunnan": { "tender.weights": { "value": {{weights}}, "by": "admin", "at": "2026-11-01T09:00:00+08:00" } },
                  "qujing": { "tender.weights": { "value": {{weights}}, "by": "admin", "at": "2026-11-01T09:00:00+08:00" },
                              "tender.publicityDays": { "value": 7, "by": "admin", "at": "2026-11-01T09:00:00+08:00" } },
                  "wenshui": { "tender.weights": { "value": {{weights}}, "by": "admin", "at": "2026-11-01T09:00:00+08:00" } }
                }
                """);
            return base.InitializeAsync();
        }
    }

    private static readonly string[] Pool = ["专家甲", "专家乙", "专家丙", "专家丁", "专家戊", "专家己", "专家庚"];
    private static readonly string[] Criteria = ["teachers", "facilities", "trackRecord", "employmentRate", "trainingTime", "passRate", "financialCompliance"];
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private sealed record Staff(string Reviewer, string Approver, string Approver2);

    private async Task<Staff> StaffAsync(string jurisdiction)
    {
        var staff = new Staff($"{jurisdiction}.proc.reviewer", $"{jurisdiction}.proc.approver", $"{jurisdiction}.proc.approver2");
        await TestAccounts.EnsureAsync(host.Services, staff.Reviewer, "reviewer", jurisdiction);
        await TestAccounts.EnsureAsync(host.Services, staff.Approver, "approver", jurisdiction);
        await TestAccounts.EnsureAsync(host.Services, staff.Approver2, "approver", jurisdiction);
        return staff;
    }

    /// <summary>Bidding institutions of the jurisdiction (licensed for 电工): their organisation ids.</summary>
    private async Task<List<string>> BiddersAsync(string jurisdiction, int count)
    {
        var ids = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            await TestAccounts.EnsureAsync(host.Services, Bidder(jurisdiction, i), "institution", jurisdiction);
            ids.Add("institution:" + TestAccounts.CreditCode(Bidder(jurisdiction, i)));
        }
        return ids;
    }

    private static string Bidder(string jurisdiction, int i) => $"{jurisdiction}-bidder-{i}";

    private async Task PublishAsync(string name, string key, object? variables, string? jurisdiction = null)
    {
        var body = new JsonObject { ["name"] = name, ["correlationKey"] = key, ["variables"] = variables is null ? null : JsonSerializer.SerializeToNode(variables) };
        if (jurisdiction is not null) body["jurisdiction"] = jurisdiction;
        var response = await host.Client.PostAsync("/api/messages", ApiTests.JsonContent(body.ToJsonString()));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits for the user task <paramref name="node"/> of the case and completes it as <paramref name="user"/>.</summary>
    private async Task CompleteAsync(string key, string node, string user, string role, object? variables = null, string outcome = "done")
    {
        var view = await PollAsync(host.Client, key, v => v["waiting"]!.AsArray().Any(w => w!["nodeId"]!.GetValue<string>() == node), Patience);
        var task = view["waiting"]!.AsArray().First(w => w!["nodeId"]!.GetValue<string>() == node)!;
        var body = new JsonObject { ["outcome"] = outcome, ["variables"] = variables is null ? new JsonObject() : JsonSerializer.SerializeToNode(variables) };
        var done = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{view["instanceId"]}/{task["bookmarkId"]}/complete", user, role,
            ApiTests.JsonContent(body.ToJsonString())));
        Assert.True(done.StatusCode == HttpStatusCode.OK, $"{node}: {await done.Content.ReadAsStringAsync()}");
    }

    private Task<JsonNode> WaitForAsync(string key, string node) =>
        PollAsync(host.Client, key, v => v["waiting"]!.AsArray().Any(w => w!["nodeId"]!.GetValue<string>() == node), Patience);

    /// <summary>The annual plan drafted, reviewed and approved; returns its planned headcount.</summary>
    private async Task<int> PlanAsync(string jurisdiction, string key, Staff staff)
    {
        await PublishAsync("annual-plan", key, new { planYear = Today.Year + 1, previousOccupations = new[] { "电工" } }, jurisdiction);
        await CompleteAsync(key, "Task_Draft", staff.Reviewer, "reviewer", new
        {
            plan = new { year = Today.Year + 1, county = "测试县", items = new[] { new { occupation = "电工", headcount = 120, targetGroup = "农村转移就业劳动者" } } },
        });
        await CompleteAsync(key, "Task_PrefectureReview", staff.Approver, "approver", outcome: "approve");
        await CompleteAsync(key, "Task_ProvinceApprove", staff.Approver2, "approver", outcome: "approve");
        var view = await WaitForAsync(key, "Event_Adjustment");
        Assert.Empty(view["variables"]!["planFindings"]!.AsArray());
        return view["variables"]!["plannedHeadcount"]!.GetValue<int>();
    }

    /// <summary>From publication to the evaluation: the bid deadline passes (a real timer), bids, every drawn evaluator's sheet.</summary>
    private async Task BidAndScoreAsync(string key, Staff staff, IReadOnlyList<string> bidders, int evaluators)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(2).ToOffset(TimeSpan.FromHours(8));
        await CompleteAsync(key, "Task_Publish", staff.Reviewer, "reviewer", new
        {
            publishedOn = Today.ToString("yyyy-MM-dd"), bidDeadline = deadline.ToString("yyyy-MM-ddTHH:mm:sszzz"), sites = "人社局网站",
        });
        await CompleteAsync(key, "Task_RecordBids", staff.Reviewer, "reviewer", new { bids = bidders.Select(b => new { institution = b }) });
        for (var e = 0; e < evaluators; e++)
        {
            var scores = bidders.Select((b, i) =>
            {
                var row = new JsonObject { ["institution"] = b };
                foreach (var c in Criteria) row[c] = 90 - 5 * i; // the first bidders score best
                return row;
            }).ToList();
            await CompleteAsync(key, "Task_Score", staff.Reviewer, "reviewer", new { scores });
        }
    }

    private object Tender(string jurisdiction, string method, int headcount, int winners, string? lotterySeed = null) => new
    {
        notice = new
        {
            title = "测试县职业技能培训项目招标公告", occupations = new[] { "电工" }, headcount, method,
            lots = new[] { new { name = "全部", occupations = new[] { "电工" }, headcount, winners, area = jurisdiction == "wenshui" ? null : "测试县" } },
        },
        plannedHeadcount = headcount, evaluatorPool = Pool, evaluatorCount = 3, evaluatorSeed = $"{jurisdiction}-评审专家-seed",
        contractStartsOn = Today.ToString("yyyy-MM-dd"), contractEndsOn = jurisdiction == "wenshui" ? null : Today.AddDays(364).ToString("yyyy-MM-dd"),
        lotterySeed,
        lotteryAreas = jurisdiction == "wenshui" ? new[] { new { area = "开栅镇", quota = 120 }, new { area = "南庄镇", quota = 100 }, new { area = "南安镇", quota = 90 } } : null,
    };

    private static MultipartFormDataContent Opening()
    {
        var start = Today.AddDays(60);
        var form = Pack(Fixture("packs", "class-opening-complete.pdf"));
        form.Add(new StringContent("class-case"), "process");
        form.Add(new StringContent(new JsonObject
        {
            ["occupation"] = "电工", ["startDate"] = start.ToString("yyyy-MM-dd"), ["endDate"] = start.AddDays(13).ToString("yyyy-MM-dd"),
            ["plannedHours"] = 80, ["trainingDays"] = 10, ["headcount"] = 20,
        }.ToJsonString()), "class");
        return form;
    }

    /// <summary>A class case of the loser is refused with <paramref name="rule"/>; one of the winner is accepted.</summary>
    private async Task ClassCasesAsync(string jurisdiction, string winner, string loser, string rule)
    {
        var refused = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/cases/{jurisdiction.ToUpperInvariant()}-PROC-LOSER/packs", loser, "institution", Opening()));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (await JsonAsync(refused))["detail"]!.GetValue<string>();
        Assert.StartsWith("贵机构不具备开班资格", detail);
        Assert.Contains(rule, detail);
        var accepted = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/cases/{jurisdiction.ToUpperInvariant()}-PROC-WINNER/packs", winner, "institution", Opening()));
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
    }

    private async Task<JsonArray> ContractsAsync(string user) =>
        (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/contracts", user, "reviewer")))).AsArray();

    [Fact]
    public async Task Procurement_Qujing_PlanTenderWithConsent_PublicityObjectionDismissed_ContractsGate_R_QJ_3_R_QJ_4()
    {
        var staff = await StaffAsync("qujing");
        var bidders = await BiddersAsync("qujing", 3);
        foreach (var b in bidders) // registered with the city (R-QJ-1), so only the contract decides
            Assert.True((await host.Client.SendAsync(As(HttpMethod.Put, $"/api/institutions/{Uri.EscapeDataString(b)}/registration", staff.Reviewer, "reviewer",
                ApiTests.JsonContent($$"""{ "level": "city", "registeredOn": "{{Today.AddYears(-1):yyyy-MM-dd}}" }""")))).IsSuccessStatusCode);
        var planned = await PlanAsync("qujing", "QJ-PLAN-PROC", staff);

        const string key = "QJ-TENDER-PROC";
        await PublishAsync("tender-requested", key, Tender("qujing", "invited", planned, 2), "qujing");
        await CompleteAsync(key, "Task_Consent", staff.Approver, "approver", new { consentBy = "曲靖市劳动就业管理服务中心", consentOn = Today.ToString("yyyy-MM-dd"), consentReference = "曲就业〔2027〕3号" });
        await CompleteAsync(key, "Task_FilePrefecture", staff.Reviewer, "reviewer", new { filedOn = Today.ToString("yyyy-MM-dd") });
        await CompleteAsync(key, "Task_FileProvince", staff.Reviewer, "reviewer", new { filedOn = Today.ToString("yyyy-MM-dd") });
        await BidAndScoreAsync(key, staff, bidders, 3);
        await CompleteAsync(key, "Task_PublishWinners", staff.Reviewer, "reviewer", new { sites = "曲靖市人社局网站、测试县人社局网站" });

        // An objection during publicity (R-QJ-4): investigated and dismissed; no contract while it stands.
        await WaitForAsync(key, "Event_Objection");
        // A losing bidder sees the publicised selection on /tenders (no scores) and objects there (POST /api/tenders/{key}/objections).
        var seen = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/tenders", Bidder("qujing", 3), "institution")))).AsArray()
            .Single(t => t!["key"]!.GetValue<string>() == key)!;
        Assert.True(seen["inPublicity"]!.GetValue<bool>());
        Assert.Equal(2, seen["winners"]!.AsArray().Count);
        Assert.All(seen["winners"]!.AsArray(), w => Assert.Null(w!["score"]));
        var objected = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tenders/{key}/objections", Bidder("qujing", 3), "institution",
            ApiTests.JsonContent("""{ "text": "投标机构业绩不实" }""")));
        Assert.True(objected.StatusCode == HttpStatusCode.Accepted, await objected.Content.ReadAsStringAsync());
        await CompleteAsync(key, "Task_Investigate", staff.Reviewer, "reviewer", new { upheld = false, findings = "经核实，业绩属实" });
        var publicity = await WaitForAsync(key, "Timer_PublicityEnds");
        Assert.DoesNotContain(await ContractsAsync(staff.Reviewer), c => c!.ToJsonString().Contains(key));

        // Seven days later (the administrator's setting) the publicity ends: the timer fires.
        var engine = host.Services.GetRequiredService<WorkflowEngine>();
        var timer = publicity["waiting"]!.AsArray().First(w => w!["nodeId"]!.GetValue<string>() == "Timer_PublicityEnds")!;
        await engine.FireTimerAsync(publicity["instanceId"]!.GetValue<Guid>(), timer["bookmarkId"]!.GetValue<Guid>(), CancellationToken.None);
        var done = await PollAsync(host.Client, key, v => v["status"]!.GetValue<string>() == "Completed", Patience);
        Assert.Equal(2, done["variables"]!["contracts"]!.AsArray().Count);

        await ClassCasesAsync("qujing", Bidder("qujing", 1), Bidder("qujing", 3), "R-QJ-4");
    }

    [Fact]
    public async Task Procurement_Yunnan_PlanTenderFiledBeforePublication_ContractsGate_R_YN_2_R_YN_3()
    {
        var staff = await StaffAsync("yunnan");
        var bidders = await BiddersAsync("yunnan", 2);
        var planned = await PlanAsync("yunnan", "YN-PLAN-PROC", staff);

        const string key = "YN-TENDER-PROC";
        await PublishAsync("tender-requested", key, Tender("yunnan", "open", planned, 1), "yunnan");
        await CompleteAsync(key, "Task_FilePrefecture", staff.Reviewer, "reviewer", new { filedOn = Today.ToString("yyyy-MM-dd") });
        await CompleteAsync(key, "Task_FileProvince", staff.Reviewer, "reviewer", new { filedOn = Today.ToString("yyyy-MM-dd") });
        await BidAndScoreAsync(key, staff, bidders, 3);
        var done = await PollAsync(host.Client, key, v => v["status"]!.GetValue<string>() == "Completed", Patience);
        Assert.Single(done["variables"]!["contracts"]!.AsArray());

        await ClassCasesAsync("yunnan", Bidder("yunnan", 1), Bidder("yunnan", 2), "R-YN-2");
    }

    [Fact]
    public async Task Procurement_Wenshui_SixWinnersThreeYears_QuotaLottery_ContractsGate_R_WS_1_R_WS_2()
    {
        var staff = await StaffAsync("wenshui");
        var bidders = await BiddersAsync("wenshui", 7);
        var planned = await PlanAsync("wenshui", "WS-PLAN-PROC", staff);

        const string key = "WS-TENDER-PROC";
        await PublishAsync("tender-requested", key, Tender("wenshui", "open", planned, 6, lotterySeed: "文水-抽签-seed"), "wenshui");
        await BidAndScoreAsync(key, staff, bidders, 3);
        var done = await PollAsync(host.Client, key, v => v["status"]!.GetValue<string>() == "Completed", Patience);
        Assert.Equal(6, done["variables"]!["contracts"]!.AsArray().Count);
        Assert.Equal("文水-抽签-seed", done["variables"]!["lottery"]!["seed"]!.GetValue<string>());
        Assert.Equal(6, done["variables"]!["areaContracts"]!.AsArray().Count);
        var contracts = (await ContractsAsync(staff.Reviewer)).Where(c => c!.ToJsonString().Contains(key)).ToList();
        Assert.Equal(6, contracts.Count);
        // The three areas drawn by lot are in the contracts, with their quotas (R-WS-2).
        Assert.Equal(310, contracts.Sum(c => c!["areas"]!.AsArray().Sum(a => a!["quota"]!.GetValue<int>())));
        Assert.All(contracts, c => Assert.True(c!["renewedYearly"]!.GetValue<bool>()));
        // Contracts signed a year at a time (R-WS-1): each one's renewal is a case of its own, waiting for its second contract year.
        foreach (var c in contracts)
            await WaitForAsync($"CONTRACT-{c!["id"]!.GetValue<string>()}", "Timer_YearBegins");

        await ClassCasesAsync("wenshui", Bidder("wenshui", 1), Bidder("wenshui", 7), "R-WS-1");
    }
}
