using Pipeline.Activities.ClassOpening;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>A Guilin (桂林) class case: an entrepreneurship class from opening to the monthly start-up follow-up.</summary>
public class ClassCaseGuilinTests
{
    private static readonly Dictionary<string, object?> Rates = new() { ["general"] = 50m };

    private static ClassApplication Entrepreneurship(int trainees = 20) => ClassData.Skills(new DateOnly(2026, 6, 1), ClassCaseRun.Start, trainees) with
    {
        Kind = ClassKinds.Entrepreneurship, Occupation = "创业者",
        Teachers = [new Teacher("王老师", "theory"), new Teacher("赵老师", "theory")],
    };

    [Fact]
    public async Task Guilin_EntrepreneurshipClass_RunsFromOpeningToMonthlyStartUpFollowUp()
    {
        var run = await ClassCaseRun.StartAsync("guilin", "GL-E2E-1", Entrepreneurship());
        await run.OpenAsync();
        await run.InspectAsync(1, _ => ClassCaseRun.Inspection(new DateOnly(2026, 6, 17), 20, "督查员甲", "督查员乙"));
        // R-GL-4: 学员01 attended 7 of 10 days (70 %): no subsidy for them.
        await run.UploadSignInSheetAsync(t => t.Name == "学员01" ? 7 : 10);
        var supervision = (await run.Driver.InstancesAsync(run.Key)).Single(i => i.ProcessId == "training-supervision");
        Assert.Equal(1m, supervision.Variables["belowThreshold"]);
        await run.ReviewAttendanceAsync();
        await run.FileClaimAsync();
        await run.AcceptAsync(dailyRates: Rates);
        // 19 trainees × 10 days × 50 yuan.
        Assert.Equal(9500m, await ClassCaseJiaozuoTests.SubsidyAmountAsync(run));
        Assert.Contains("R-GL-4", await ClassCaseJiaozuoTests.SubsidyJsonAsync(run));
        await run.PayAsync(9500m);

        // R-GL-11: at least 10 % of 20 trainees drawn for the phone follow-up, with the seed recorded.
        var followUp = (await run.Driver.InstancesAsync(run.Key)).Single(i => i.ProcessId == "employment-follow-up");
        var draw = System.Text.Json.JsonSerializer.Serialize(Pipeline.Activities.Catalogue.ActivityInvoker.Plain(followUp.Variables["followUpDraw"]));
        Assert.Contains("\"seed\":\"GL-E2E-1@", draw);
        run.Driver.Time.Now = new DateTimeOffset(2026, 8, 1, 10, 0, 0, TimeSpan.FromHours(8));
        await run.FollowUpAsync(new DateOnly(2026, 8, 1), ["学员02", "学员03"], [("学员02", new DateOnly(2026, 7, 10))]);

        // R-GL-7: six monthly start-up follow-ups, one after the other.
        for (var month = 1; month <= 6; month++)
            await run.CompleteAsync("Task_StartUpFollowUp", "华信培训学校", "institution", new() { ["record"] = $"第{month}个月回访" });
        Assert.Equal(InstanceStatus.Completed, (await run.CaseAsync()).Status);
    }

    [Fact]
    public async Task R_GL_7_EntrepreneurshipClassOf31_IsNotOpened()
    {
        var run = await ClassCaseRun.StartAsync("guilin", "GL-E2E-2", Entrepreneurship(31));
        Assert.Contains(await run.Driver.HistoryAsync(run.Key), h => h.NodeId == "End_NotOpened");
        Assert.Contains("R-GL-7", await run.VariableJsonAsync("classFindings"));
    }

    [Fact]
    public async Task R_GL_9_InspectionByOneInspector_IsAFindingOfTheCase()
    {
        var run = await ClassCaseRun.StartAsync("guilin", "GL-E2E-3", Entrepreneurship());
        await run.OpenAsync();
        await run.InspectAsync(1, _ => ClassCaseRun.Inspection(new DateOnly(2026, 6, 17), 20, "督查员甲"));
        await run.UploadSignInSheetAsync();
        await run.ReviewAttendanceAsync();
        Assert.Contains("R-GL-9", await run.VariableJsonAsync("inspectionFindings"));
    }
}
