using Pipeline.Activities.Tests.Procurement;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>The shipped <c>tender</c> and <c>annual-plan</c> definitions deploy and run on the engine, per jurisdiction.</summary>
public class ProcurementDefinitionsTests
{
    private static readonly DateTimeOffset BidsDue = new(2027, 1, 31, 17, 0, 0, TimeSpan.FromHours(8));
    private static readonly (string, string)[] QujingBids =
        [("institution:qj-a", "第一标段"), ("institution:qj-b", "第一标段"), ("institution:qj-c", "第一标段"), ("institution:qj-d", "第二标段"), ("institution:qj-e", "第二标段")];

    private static object QujingTender(string method = "invited") => new
    {
        profile = "qujing",
        notice = new
        {
            title = "麒麟区2027年职业技能培训项目招标公告", occupations = new[] { "中式烹调师", "育婴员" }, headcount = 150, method,
            lots = new object[]
            {
                new { name = "第一标段", occupations = new[] { "中式烹调师" }, headcount = 90, winners = 2, area = "麒麟区" },
                new { name = "第二标段", occupations = new[] { "育婴员" }, headcount = 60, winners = 1, area = "麒麟区" },
            },
        },
        plannedHeadcount = 150, evaluatorPool = TenderRun.Pool, evaluatorCount = 3, evaluatorSeed = BidEvaluationTests.Seed,
        contractStartsOn = "2027-03-01", contractEndsOn = "2027-12-31",
    };

    /// <summary>Points by institution: a > b > c in lot 1, e > d in lot 2, the same from every evaluator.</summary>
    private static decimal Points(string evaluator, string institution) => institution[^1] switch { 'a' => 90, 'b' => 85, 'c' => 70, 'd' => 60, 'e' => 80, _ => 50 };

    [Fact]
    public async Task QujingTender_ConsentFirst_ScoredByDrawnEvaluators_Publicised_ObjectionDismissed_ThenContracts_R_QJ_3_R_QJ_4()
    {
        var run = new TenderRun();
        const string key = "QJ-TENDER-2027-01";
        await run.RequestAsync(key, QujingTender());
        // Invited tender: the city agency's consent comes first (R-QJ-3); Qujing follows Yunnan's filing too (R-YN-2).
        Assert.Equal(["Task_Consent"], await run.Driver.WaitingAsync(key));
        await run.CompleteAsync(key, "Task_Consent", new { consentBy = "曲靖市劳动就业管理服务中心", consentOn = "2027-01-02", consentReference = "曲就业〔2027〕3号" }, role: "approver");
        await run.CompleteAsync(key, "Task_FilePrefecture", new { filedOn = "2027-01-03", filingReference = "曲人社备〔2027〕1号" });
        run.Driver.Time.Now = new DateTimeOffset(2027, 1, 8, 9, 0, 0, TimeSpan.FromHours(8)); // the notice is checked for publication on 8 January
        await run.CompleteAsync(key, "Task_FileProvince", new { filedOn = "2027-01-06", filingReference = "云人社备〔2027〕5号" });
        Assert.Equal(["Task_Publish"], await run.Driver.WaitingAsync(key));

        await run.PublishBidAndScoreAsync(key, BidsDue, QujingBids, Points);
        Assert.Equal(3, ((IReadOnlyList<object?>)(await run.VariableAsync(key, "sheets"))!).Count);
        Assert.Contains("\"seed\":\"" + BidEvaluationTests.Seed, await run.JsonAsync(key, "evaluatorDraw"));
        Assert.Equal(["Task_PublishWinners"], await run.Driver.WaitingAsync(key));
        var winners = await run.JsonAsync(key, "winners");
        Assert.Contains("institution:qj-a", winners);
        Assert.DoesNotContain("institution:qj-c", winners);

        await run.CompleteAsync(key, "Task_PublishWinners", new { sites = "曲靖市人社局网站、麒麟区人社局网站" });
        Assert.Equal(["Event_Objection", "Timer_PublicityEnds"], await run.Driver.WaitingAsync(key));
        // An objection during publicity opens an investigation; dismissed, the publicity runs to its end (7 days, the test's setting).
        await run.Driver.MessageAsync(key, "tender-objection", TenderRun.Vars(new { objection = "某机构实际师资不足" }));
        Assert.Equal(["Task_Investigate"], await run.Driver.WaitingAsync(key));
        await run.CompleteAsync(key, "Task_Investigate", new { upheld = false, findings = "经核实，师资符合要求" });
        Assert.Equal(["Event_Objection", "Timer_PublicityEnds"], await run.Driver.WaitingAsync(key));
        Assert.Empty(run.Registry.All);

        await run.Driver.AdvanceToAsync(key, run.Driver.Time.Now.AddDays(8));
        var instance = Assert.Single(await run.Driver.InstancesAsync(key));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(["institution:qj-a", "institution:qj-b", "institution:qj-e"], run.Registry.All.Select(c => c.Institution));
        Assert.All(run.Registry.All, c => Assert.Equal(new DateOnly(2027, 12, 31), c.To));
        Assert.All(run.Registry.All, c => Assert.Equal(["麒麟区"], c.Areas));
        Assert.Empty(run.Driver.Incidents);
    }

    [Fact]
    public async Task QujingTender_AnUpheldObjection_EndsWithoutContract_R_QJ_4()
    {
        var run = new TenderRun();
        const string key = "QJ-TENDER-2027-02";
        await run.RequestAsync(key, QujingTender("open"));
        await run.CompleteAsync(key, "Task_FilePrefecture", new { filedOn = "2027-01-02" });
        await run.CompleteAsync(key, "Task_FileProvince", new { filedOn = "2027-01-02" });
        await run.PublishBidAndScoreAsync(key, BidsDue, QujingBids, Points);
        await run.CompleteAsync(key, "Task_PublishWinners", new { sites = "曲靖市人社局网站" });
        await run.Driver.MessageAsync(key, "tender-objection");
        await run.CompleteAsync(key, "Task_Investigate", new { upheld = true, findings = "业绩材料造假，异议成立" });
        var instance = Assert.Single(await run.Driver.InstancesAsync(key));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(run.Registry.All);
    }

    [Fact]
    public async Task QujingTender_NegotiatedWithoutConsent_NeverPublishes_TheNoticeIsRevised_R_QJ_3()
    {
        var run = new TenderRun();
        const string key = "QJ-TENDER-2027-03";
        await run.RequestAsync(key, QujingTender("competitive-negotiation"));
        // The consent task records a consent dated after the day of publication: refused, the notice goes back for revision.
        await run.CompleteAsync(key, "Task_Consent", new { consentBy = "曲靖市劳动就业管理服务中心", consentOn = "2027-02-01" }, role: "approver");
        await run.CompleteAsync(key, "Task_FilePrefecture", new { filedOn = "2027-01-02" });
        await run.CompleteAsync(key, "Task_FileProvince", new { filedOn = "2027-01-02" });
        Assert.Equal(["Task_ReviseNotice"], await run.Driver.WaitingAsync(key));
        Assert.Contains("R-QJ-3", await run.JsonAsync(key, "noticeFindings"));
    }

    [Fact]
    public async Task WenshuiTender_SixWinners_ThreeYearContracts_ThenAreasByLot_R_WS_1_R_WS_2()
    {
        var run = new TenderRun();
        const string key = "WS-TENDER-2024";
        var institutions = Enumerable.Range(1, 8).Select(i => $"institution:ws-{i}").ToArray();
        await run.RequestAsync(key, new
        {
            profile = "wenshui",
            notice = new { title = "文水县职业技能提升培训招标公告", occupations = new[] { "中式烹调师", "电工", "育婴员" }, headcount = 600, method = "open" },
            evaluatorPool = TenderRun.Pool, evaluatorCount = 5, evaluatorSeed = "文水-2024-评审",
            contractStartsOn = "2027-03-01", lotterySeed = QuotaLotteryTests.Seed,
            lotteryAreas = QuotaLotteryTests.Areas.Select(a => new { area = a.Area, quota = a.Quota }),
        });
        Assert.Equal(["Task_Publish"], await run.Driver.WaitingAsync(key)); // open tender, no filing in WS
        await run.PublishBidAndScoreAsync(key, BidsDue, institutions.Select(i => (i, "全部")).ToArray(), (_, i) => 60 + i[^1] - '0');
        Assert.Equal(6, run.Registry.All.Count);
        Assert.DoesNotContain(run.Registry.All, c => c.Institution is "institution:ws-1" or "institution:ws-2");
        Assert.All(run.Registry.All, c => Assert.Equal((new DateOnly(2030, 2, 28), (bool?)true), (c.To, c.RenewedYearly)));
        // The lottery wrote every drawn area into the contracts (R-WS-2).
        Assert.Equal(QuotaLotteryTests.Areas.Sum(a => a.Quota), run.Registry.All.Sum(c => c.Task ?? 0));
        Assert.Equal(QuotaLotteryTests.Areas.Length, run.Registry.All.Sum(c => c.Areas.Count));
        Assert.Contains("\"seed\":\"" + QuotaLotteryTests.Seed, await run.JsonAsync(key, "lottery"));

        // 合同一年一订 (R-WS-1): each contract's renewals are a case of their own (contract-renewal); the tender ends contracted.
        Assert.Equal(InstanceStatus.Completed, Assert.Single(await run.Driver.InstancesAsync(key)).Status);
        Assert.Empty(run.Driver.Incidents);
    }

    [Fact]
    public async Task YunnanTender_IsFiledWithPrefectureThenProvince_BeforePublication_R_YN_2()
    {
        var run = new TenderRun();
        const string key = "YN-TENDER-2027";
        await run.RequestAsync(key, new
        {
            profile = "yunnan",
            notice = new { title = "某县2027年职业技能培训招标公告", occupations = new[] { "电工" }, headcount = 50, method = "open", shortlistOnly = true },
            evaluatorPool = TenderRun.Pool, evaluatorCount = 3, contractStartsOn = "2027-03-01", contractEndsOn = "2027-12-31",
        });
        Assert.Equal(["Task_FilePrefecture"], await run.Driver.WaitingAsync(key));
        await run.CompleteAsync(key, "Task_FilePrefecture", new { filedOn = "2027-01-02" });
        await run.CompleteAsync(key, "Task_FileProvince", new { filedOn = "2027-01-02" });
        // Restricted to short-listed institutions: refused before publication.
        Assert.Equal(["Task_ReviseNotice"], await run.Driver.WaitingAsync(key));
        Assert.Contains("禁止只招入围机构", await run.JsonAsync(key, "noticeFindings"));
    }

    [Fact]
    public async Task AnnualPlan_MissedDeadlines_OpenEscalations_AddedOccupationRefused_AdjustmentApproved_R_YN_2_R_YN_3()
    {
        var run = new TenderRun();
        const string key = "YN-PLAN-2027-麒麟区";
        await run.Driver.DeployAllAsync();
        run.Driver.Time.Now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
        await run.Driver.Engine.PublishMessageAsync("annual-plan", key, TenderRun.Vars(new { profile = "qujing", planYear = 2027, previousOccupations = new[] { "中式烹调师" } }), "reviewer", CaseDriver.None);
        await run.Driver.RunJobsAsync();
        Assert.Equal(["Task_Draft", "Timer_DraftDue"], await run.Driver.WaitingAsync(key));

        // 30 November passes without a draft: the escalation opens (R-YN-2).
        await run.Driver.AdvanceToAsync(key, new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.FromHours(8)));
        Assert.Equal(["Task_Draft", "Task_EscalateDraft"], await run.Driver.WaitingAsync(key));
        await run.CompleteAsync(key, "Task_EscalateDraft", role: "approver");

        // A draft adding an occupation without standard and evaluator is refused (R-YN-3) and goes back.
        var items = new object[] { new { occupation = "中式烹调师", headcount = 100, targetGroup = "农村转移就业劳动者" }, new { occupation = "无人机驾驶员", headcount = 30, targetGroup = "失业人员" } };
        await run.CompleteAsync(key, "Task_Draft", new { plan = new { year = 2027, county = "麒麟区", items } });
        Assert.Contains("R-YN-3", await run.JsonAsync(key, "planFindings"));
        Assert.Contains("Task_Draft", await run.Driver.WaitingAsync(key));
        items[1] = new { occupation = "无人机驾驶员", headcount = 30, targetGroup = "失业人员", nationalStandard = "4-99-00-00", evaluationInstitution = "云南省职业技能鉴定中心" };
        await run.CompleteAsync(key, "Task_Draft", new { plan = new { year = 2027, county = "麒麟区", items } });
        await run.CompleteAsync(key, "Task_PrefectureReview", new { outcome = "approve" }, actor: "州市科长", role: "approver");
        await run.Driver.AdvanceToAsync(key, new DateTimeOffset(2026, 12, 16, 0, 0, 1, TimeSpan.FromHours(8)));
        Assert.DoesNotContain("Task_EscalateSubmission", await run.Driver.WaitingAsync(key));
        await run.CompleteAsync(key, "Task_ProvinceApprove", new { outcome = "approve" }, actor: "省厅处长", role: "approver");
        Assert.Equal(130m, await run.VariableAsync(key, "plannedHeadcount"));
        Assert.Equal(["Event_Adjustment", "Timer_YearEnds"], await run.Driver.WaitingAsync(key));

        // An adjustment during the year takes effect once approved.
        await run.Driver.MessageAsync(key, "plan-adjustment", TenderRun.Vars(new { adjustedPlan = new { year = 2027, county = "麒麟区", items = new[] { new { occupation = "中式烹调师", headcount = 120, targetGroup = "农村转移就业劳动者" } } } }));
        await run.CompleteAsync(key, "Task_ApproveAdjustment", new { outcome = "approve" }, actor: "州市科长", role: "approver");
        Assert.Contains("\"headcount\":120", await run.JsonAsync(key, "plan"));
        await run.Driver.AdvanceToAsync(key, new DateTimeOffset(2028, 1, 1, 0, 0, 1, TimeSpan.FromHours(8)));
        Assert.Equal(InstanceStatus.Completed, Assert.Single(await run.Driver.InstancesAsync(key)).Status);
        Assert.Empty(run.Driver.Incidents);
    }
}
