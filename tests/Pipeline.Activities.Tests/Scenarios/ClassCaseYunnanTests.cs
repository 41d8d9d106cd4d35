using System.Text.Json;
using Pipeline.Activities.ClassOpening;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>Yunnan (云南) and Qujing (曲靖, within Yunnan) class cases: settings, co-signing, two inspections, publicity, advance, financial approval.</summary>
public class ClassCaseYunnanTests
{
    private static readonly Dictionary<string, object?> Rates = new() { ["project"] = 80m };

    /// <summary>A driver whose administrator set Yunnan's settings: 3 co-signers (R-YN-18), 7 days of publicity (R-YN-12b).</summary>
    private static CaseDriver Configured() => new(ClassCaseRun.Filed, ProfileCatalog.LoadEmbedded(ProfileSettings.Empty()
        .With("yunnan", ParameterKeys.CoSigners, JsonDocument.Parse("3").RootElement, "admin", ClassCaseRun.Filed)
        .With("yunnan", ParameterKeys.PublicityDays, JsonDocument.Parse("7").RootElement, "admin", ClassCaseRun.Filed)));

    /// <summary>A tendered project class for 失业人员 (R-YN-1 allows an advance).</summary>
    private static ClassApplication Project() => ClassData.Skills(new DateOnly(2026, 6, 1), ClassCaseRun.Start) with
    {
        TrainingMode = "project", Trainees = ClassData.Trainees(20, "失业人员"),
    };

    private static async Task<ClassCaseRun> ThroughAcceptanceAsync(string profile, string key, int coSigners)
    {
        var run = await ClassCaseRun.StartAsync(profile, key, Project(), Configured());
        await run.OpenAsync(coSigners);
        // R-YN-9b: two inspections, and a seeded draw of at least five trainees to phone.
        var supervision = (await run.Driver.InstancesAsync(run.Key)).Single(i => i.ProcessId == "training-supervision");
        Assert.Contains("\"required\":5", JsonSerializer.Serialize(Pipeline.Activities.Catalogue.ActivityInvoker.Plain(supervision.Variables["phoneCheckDraw"])));
        await run.InspectAsync(2, i => ClassCaseRun.Inspection(new DateOnly(2026, 6, 16 + i), 20, "督查员甲", "督查员乙"));
        await run.UploadSignInSheetAsync();
        await run.ReviewAttendanceAsync();
        await run.FileClaimAsync();
        // R-YN-5: 学员05 holds no certificate.
        await run.AcceptAsync(failed: ["学员05"], dailyRates: Rates, tendered: true, approvedAmount: 16000m);
        return run;
    }

    [Fact]
    public async Task Yunnan_ClassCase_Advance_Publicity_AndThreeSeparateApprovals()
    {
        var run = await ThroughAcceptanceAsync("yunnan", "YN-E2E-1", coSigners: 3);
        // 19 certified trainees × 10 days × 80 yuan; R-YN-1: 50 % of the approved 16,000 in advance.
        Assert.Equal(15200m, await ClassCaseJiaozuoTests.SubsidyAmountAsync(run));
        Assert.Contains("R-YN-5", await ClassCaseJiaozuoTests.SubsidyJsonAsync(run));
        Assert.Equal(["Task_PayAdvance"], await run.WaitingAsync());
        await run.CompleteAsync("Task_PayAdvance", "钱会计", "finance", new() { ["paidOn"] = "2026-07-05" });

        // R-YN-12b: publicity for the 7 days the administrator set, then the payment approvals.
        await run.CompleteAsync("Task_Publish", "王经办", "reviewer", new() { ["where"] = "云南省人社厅网站" });
        Assert.Contains("Timer_PublicityEnds", await run.WaitingAsync());
        await run.Driver.AdvanceToAsync(run.Key, ClassCaseRun.Filed.AddDays(40));
        await run.CompleteAsync("Task_Handle", "王经办", "reviewer", new() { ["outcome"] = "approve" });
        // R-YN-10: the handler may not also give the responsible approval, nor the financial one.
        await Assert.ThrowsAsync<AssigneeConflictException>(() => run.CompleteAsync("Task_Approve", "王经办", "approver", new() { ["outcome"] = "approve" }));
        await run.CompleteAsync("Task_Approve", "李科长", "approver", new() { ["outcome"] = "approve" });
        await Assert.ThrowsAsync<AssigneeConflictException>(() => run.CompleteAsync("Task_FinanceApprove", "李科长", "finance", new() { ["outcome"] = "approve" }));
        await run.CompleteAsync("Task_FinanceApprove", "钱会计", "finance", new() { ["outcome"] = "approve" });
        await run.CompleteAsync("Task_RecordPayment", "钱会计", "finance", new() { ["paidAmount"] = 7200m, ["paidOn"] = "2026-08-20", ["voucher"] = "拨字〔2026〕41号" });
        await run.FollowUpAsync(new DateOnly(2026, 9, 1), ["学员01"]);
        Assert.Equal(InstanceStatus.Completed, (await run.CaseAsync()).Status);
    }

    [Fact]
    public async Task R_YN_12b_AVerifiedObjectionDuringPublicity_CancelsEligibility()
    {
        var run = await ThroughAcceptanceAsync("yunnan", "YN-E2E-2", coSigners: 3);
        await run.CompleteAsync("Task_PayAdvance", "钱会计", "finance", new() { ["paidOn"] = "2026-07-05" });
        await run.CompleteAsync("Task_Publish", "王经办", "reviewer", new() { ["where"] = "云南省人社厅网站" });
        Assert.NotNull(await run.Driver.MessageAsync(run.Key, "subsidy-objection", new() { ["objection"] = "学员反映未实际参训" }));
        await run.CompleteAsync("Task_Investigate", "王经办", "reviewer", new() { ["verified"] = true, ["comment"] = "经查属实" });
        Assert.Contains(await run.Driver.HistoryAsync(run.Key), h => h.NodeId == "End_Cancelled");
        Assert.DoesNotContain("Task_Handle", await run.WaitingAsync());
    }

    [Fact]
    public async Task R_YN_12b_PublicityLengthNotSet_HoldsThePaymentWithAnIncident()
    {
        var driver = new CaseDriver(ClassCaseRun.Filed, ProfileCatalog.LoadEmbedded(ProfileSettings.Empty()
            .With("yunnan", ParameterKeys.CoSigners, JsonDocument.Parse("2").RootElement, "admin", ClassCaseRun.Filed)));
        var run = await ClassCaseRun.StartAsync("yunnan", "YN-E2E-3", Project(), driver);
        await run.OpenAsync(2);
        await run.InspectAsync(2, i => ClassCaseRun.Inspection(new DateOnly(2026, 6, 16 + i), 20, "督查员甲", "督查员乙"));
        await run.UploadSignInSheetAsync();
        await run.ReviewAttendanceAsync();
        await run.FileClaimAsync();
        await run.AcceptAsync(dailyRates: Rates);
        var (node, message) = Assert.Single(driver.Incidents);
        Assert.Equal("Task_LoadRules", node);
        Assert.Contains("R-YN-12b", message);
    }

    [Fact]
    public async Task Qujing_ClassCase_FollowsBothRegulations_TwoCoSignersAndCityFiling_WithYunnansPublicityAndFinance()
    {
        var run = await ClassCaseRun.StartAsync("qujing", "QJ-E2E-1", Project(), Configured());
        await run.CompleteAsync("Task_Review", "王经办", "reviewer", new() { ["outcome"] = "approve" });
        // R-QJ-8 overrides Yunnan's setting of 3: two co-signers, then the city filing (R-QJ-9).
        Assert.Equal(2, (await run.Driver.TasksAsync(run.Key)).Count(t => t.Task.NodeId == "Task_SignOff"));
        await run.CompleteAsync("Task_SignOff", "李科长", "approver", new() { ["outcome"] = "approve" });
        await run.CompleteAsync("Task_SignOff", "赵主任", "approver", new() { ["outcome"] = "approve" });
        await run.CompleteAsync("Task_CityFiling", "王经办", "reviewer", new() { ["filingReference"] = "曲就培备〔2026〕12号" });
        await run.InspectAsync(2, i => ClassCaseRun.Inspection(new DateOnly(2026, 6, 16 + i), 20, "督查员甲", "督查员乙"));
        await run.UploadSignInSheetAsync(t => t.Name == "学员20" ? 7 : 10);
        await run.ReviewAttendanceAsync();
        await run.FileClaimAsync();
        await run.AcceptAsync(dailyRates: Rates, tendered: true, approvedAmount: 16000m);
        // R-YN-9c applies to Qujing: 学员20 attended 70 %.
        Assert.Equal(15200m, await ClassCaseJiaozuoTests.SubsidyAmountAsync(run));
        Assert.Contains("R-YN-9c", await ClassCaseJiaozuoTests.SubsidyJsonAsync(run));
        await run.CompleteAsync("Task_PayAdvance", "钱会计", "finance", new() { ["paidOn"] = "2026-07-05" });
        await run.CompleteAsync("Task_Publish", "王经办", "reviewer", new() { ["where"] = "曲靖市人社局网站" });
        await run.Driver.AdvanceToAsync(run.Key, ClassCaseRun.Filed.AddDays(40));
        await run.PayAsync(7200m);
        await run.FollowUpAsync(new DateOnly(2026, 9, 1), ["学员01"]);
        Assert.Equal(InstanceStatus.Completed, (await run.CaseAsync()).Status);
    }
}
