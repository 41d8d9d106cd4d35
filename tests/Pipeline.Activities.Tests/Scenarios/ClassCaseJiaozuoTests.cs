using Pipeline.Workflows.Runtime;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>A Jiaozuo (焦作) class case from opening to follow-up on the test clock.</summary>
public class ClassCaseJiaozuoTests
{
    private static readonly Dictionary<string, object?> Rates = new() { ["general"] = 60m };

    [Fact]
    public async Task Jiaozuo_ClassCase_RunsFromOpeningToFollowUp()
    {
        var run = await ClassCaseRun.StartAsync("jiaozuo", "JZ-E2E-1", ClassData.Skills(new DateOnly(2026, 6, 1), ClassCaseRun.Start));
        await run.OpenAsync();
        Assert.Equal(["Task_Inspect", "Task_WaitSignInSheet"], await run.WaitingAsync());

        await run.InspectAsync(1, _ => ClassCaseRun.Inspection(new DateOnly(2026, 6, 17), 20, "督查员甲", "督查员乙"));
        await run.UploadSignInSheetAsync();
        await run.ReviewAttendanceAsync();
        Assert.Equal(["Task_WaitClaimPack"], await run.WaitingAsync());

        await run.FileClaimAsync();
        await run.AcceptAsync(dailyRates: Rates);
        // 20 trainees × 10 days × 60 yuan (R-WS-13's formula; JZ sets no rate, the contract's is given).
        Assert.Equal(12000m, (await run.CaseAsync()).Variables.GetValueOrDefault("amount") as decimal? ?? await SubsidyAmountAsync(run));
        await run.PayAsync(12000m);

        var follow = Assert.Single(await run.Driver.TasksAsync(run.Key), t => t.Task.NodeId == "Task_FollowUp");
        // R-JZ-6: due within 6 months of the end (2026-06-28 → 2026-12-28).
        Assert.Equal(new DateOnly(2026, 12, 28), DateOnly.FromDateTime(follow.Task.DueAt!.Value.ToOffset(TimeSpan.FromHours(8)).DateTime));
        run.Driver.Time.Now = new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));
        await run.FollowUpAsync(new DateOnly(2026, 9, 1), run.Class.Trainees.Take(3).Select(t => t.Name));
        var top = await run.CaseAsync();
        Assert.Equal(InstanceStatus.Completed, top.Status);
        Assert.Contains(await run.Driver.HistoryAsync(run.Key), h => h.NodeId == "End_Closed");
    }

    [Fact]
    public async Task R_JZ_4_ThreeImpersonations_CancelTheWholeClassSubsidy()
    {
        var run = await ClassCaseRun.StartAsync("jiaozuo", "JZ-E2E-2", ClassData.Skills(new DateOnly(2026, 6, 1), ClassCaseRun.Start));
        await run.OpenAsync();
        await run.InspectAsync(1, _ => ClassCaseRun.Inspection(new DateOnly(2026, 6, 17), 20, "督查员甲", "督查员乙"));
        await run.UploadSignInSheetAsync();
        var day = new DateOnly(2026, 6, 18);
        await run.ReviewAttendanceAsync([("学员01", day), ("学员02", day), ("学员03", day.AddDays(1))]);
        await run.FileClaimAsync();
        await run.AcceptAsync(dailyRates: Rates);
        Assert.Equal(0m, await SubsidyAmountAsync(run));
        Assert.Contains("R-JZ-4", await SubsidyJsonAsync(run));
    }

    [Fact]
    public async Task R_JZ_3_LateFiling_EndsTheCaseNotOpened()
    {
        var run = await ClassCaseRun.StartAsync("jiaozuo", "JZ-E2E-3", ClassData.Skills(new DateOnly(2026, 6, 10), ClassCaseRun.Start));
        var top = await run.CaseAsync();
        Assert.Equal(InstanceStatus.Completed, top.Status);
        Assert.Contains(await run.Driver.HistoryAsync(run.Key), h => h.NodeId == "End_NotOpened");
    }

    internal static async Task<decimal?> SubsidyAmountAsync(ClassCaseRun run)
    {
        var payment = (await run.Driver.InstancesAsync(run.Key)).Single(i => i.ProcessId == "subsidy-payment");
        return payment.Variables.GetValueOrDefault("amount") as decimal?;
    }

    internal static async Task<string> SubsidyJsonAsync(ClassCaseRun run)
    {
        var payment = (await run.Driver.InstancesAsync(run.Key)).Single(i => i.ProcessId == "subsidy-payment");
        return System.Text.Json.JsonSerializer.Serialize(Pipeline.Activities.Catalogue.ActivityInvoker.Plain(payment.Variables.GetValueOrDefault("subsidy")),
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
