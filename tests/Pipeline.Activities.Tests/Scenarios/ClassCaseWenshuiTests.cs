using System.Text.Json;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>A Wenshui (文水) class case: calendar-day lead time, finance filing, returned claims and the §五 subsidy.</summary>
public class ClassCaseWenshuiTests
{
    [Fact]
    public async Task Wenshui_ClassCase_ReturnedClaim_RateSetByTheAdministrator_PassRateCut_VideoGap()
    {
        var run = await ClassCaseRun.StartAsync("wenshui", "WS-E2E-1", ClassData.Skills(new DateOnly(2026, 6, 1), ClassCaseRun.Start));
        await run.OpenAsync();
        Assert.Contains(await run.Driver.HistoryAsync(run.Key), h => h.NodeId == "Task_FinanceFiling" && h.Kind == HistoryKinds.TaskCompleted);
        await run.InspectAsync(1, _ => ClassCaseRun.Inspection(new DateOnly(2026, 6, 17), 20, "督查员甲", "督查员乙"));
        await run.UploadSignInSheetAsync();
        var gapDay = new DateOnly(2026, 6, 19);
        await run.ReviewAttendanceAsync(videoGaps: [(gapDay, "half-day")]);

        // R-WS-15: an incomplete claim pack, then one the reviewer does not accept, go back to the institution.
        await run.FileClaimAsync("incomplete");
        Assert.Equal(["Task_WaitClaimPack"], await run.WaitingAsync());
        var acceptance = (await run.Driver.InstancesAsync(run.Key)).Single(i => i.ProcessId == "class-acceptance");
        var notice = run.Driver.Originals.Find((string)acceptance.Variables["returnNotice"]!);
        Assert.NotNull(notice); // the DOCX 材料退回补正通知书 with the findings, kept by its hash
        await run.FileClaimAsync();
        await run.AcceptAsync(outcome: "reject");
        Assert.Equal(["Task_WaitClaimPack"], await run.WaitingAsync());
        await run.FileClaimAsync();
        // 16 of 20 passed (80 %: no cut) would pay in full; 14 passed is 70 %: the cut is (80 % − 70 %) × 20 = 2 persons.
        await run.AcceptAsync(failed: ["学员01", "学员02", "学员03", "学员04", "学员05", "学员06"]);

        // R-WS-13: the daily rate is a setting nobody has set yet: an administrator's task.
        Assert.Equal(["Task_SetRates"], await run.WaitingAsync());
        Assert.Contains("R-WS-13", await ClassCaseJiaozuoTests.SubsidyJsonAsync(run));
        run.Driver.Profiles = ProfileCatalog.LoadEmbedded(ProfileSettings.Empty()
            .With("wenshui", ParameterKeys.DailyRatePrefix + "general", JsonDocument.Parse("60").RootElement, "admin", ClassCaseRun.Filed));
        await run.CompleteAsync("Task_SetRates", "系统管理员", "admin");

        // (20 − 2) persons × (10 − 0.5) days × 60 yuan = 10,260.00 (R-WS-14).
        Assert.Equal(10260m, await ClassCaseJiaozuoTests.SubsidyAmountAsync(run));
        var subsidy = await ClassCaseJiaozuoTests.SubsidyJsonAsync(run);
        Assert.Contains("R-WS-14", subsidy);
        await run.PayAsync(10260m);
        await run.FollowUpAsync(new DateOnly(2026, 9, 1), ["学员10"]);
        Assert.Equal(InstanceStatus.Completed, (await run.CaseAsync()).Status);
    }

    [Fact]
    public async Task R_WS_5_OrderBasedClassFiledTenDaysAhead_IsNotOpened()
    {
        var application = ClassData.Skills(new DateOnly(2026, 6, 5), ClassCaseRun.Start) with { TrainingMode = "order-based" };
        var run = await ClassCaseRun.StartAsync("wenshui", "WS-E2E-2", application);
        Assert.Contains(await run.Driver.HistoryAsync(run.Key), h => h.NodeId == "End_NotOpened");
        Assert.Contains("R-WS-5", await run.VariableJsonAsync("classFindings"));
    }
}
