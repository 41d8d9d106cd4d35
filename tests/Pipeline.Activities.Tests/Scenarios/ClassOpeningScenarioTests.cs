using System.Text.Json;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>The shipped <c>class-opening</c> definition per jurisdiction: the rules that differ are profile data.</summary>
public class ClassOpeningScenarioTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Start = new(2026, 6, 15);

    private static async Task<CaseDriver> DriverAsync()
    {
        var driver = new CaseDriver(Now);
        driver.Replaced["pack.check"] = _ => new() { ["verdict"] = "complete", ["missing"] = new List<object?>() };
        await driver.DeployAllAsync();
        return driver;
    }

    private static Dictionary<string, object?> Variables(string profile, DateOnly filed) => new()
    {
        ["document"] = new string('a', 64), ["fileName"] = "开班材料.pdf", ["profile"] = profile,
        ["class"] = ClassData.Variable(ClassData.Skills(filed, Start)),
    };

    [Fact]
    public async Task R_QJ_8_TwoDistinctApproversCoSign_NeitherTheReviewer_ThenTheCityFiling_R_QJ_9()
    {
        var driver = await DriverAsync();
        await driver.StartAsync("class-opening", "QJ-1", Variables("qujing", new DateOnly(2026, 6, 1)));
        await driver.CompleteAsync("QJ-1", "Task_Review", "王经办", "reviewer", new() { ["outcome"] = "approve" });
        var signatures = (await driver.TasksAsync("QJ-1")).Where(t => t.Task.NodeId == "Task_SignOff").ToList();
        Assert.Equal(2, signatures.Count);
        Assert.All(signatures, s => Assert.Equal(new DateTimeOffset(2026, 6, 14, 23, 59, 59, TimeSpan.FromHours(8)), s.Task.DueAt));

        await Assert.ThrowsAsync<AssigneeConflictException>(() => driver.CompleteAsync("QJ-1", "Task_SignOff", "王经办", "approver", new() { ["outcome"] = "approve" }));
        await driver.CompleteAsync("QJ-1", "Task_SignOff", "李科长", "approver", new() { ["outcome"] = "approve" });
        await Assert.ThrowsAsync<AssigneeConflictException>(() => driver.CompleteAsync("QJ-1", "Task_SignOff", "李科长", "approver", new() { ["outcome"] = "approve" }));
        await driver.CompleteAsync("QJ-1", "Task_SignOff", "赵主任", "approver", new() { ["outcome"] = "approve" });

        Assert.Equal(["Task_CityFiling"], await driver.WaitingAsync("QJ-1"));
        await driver.CompleteAsync("QJ-1", "Task_CityFiling", "王经办", "reviewer", new() { ["filingReference"] = "曲就培备〔2026〕12号" });
        var instance = Assert.Single(await driver.InstancesAsync("QJ-1"));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Contains(await driver.HistoryAsync("QJ-1"), h => h.NodeId == "End_Approved");
    }

    [Fact]
    public async Task R_YN_18_CoSignersNotConfigured_HoldsTheCaseWithAnIncident_UntilAnAdministratorSetsThem()
    {
        var driver = await DriverAsync();
        await driver.StartAsync("class-opening", "YN-1", Variables("yunnan", new DateOnly(2026, 6, 1)));
        var (node, message) = Assert.Single(driver.Incidents);
        Assert.Equal("Task_LoadRules", node);
        Assert.Contains("R-YN-18", message);

        driver.Profiles = ProfileCatalog.LoadEmbedded(ProfileSettings.Empty()
            .With("yunnan", ParameterKeys.CoSigners, JsonDocument.Parse("3").RootElement, "admin", Now));
        var instance = Assert.Single(await driver.InstancesAsync("YN-1"));
        await driver.Engine.RetryIncidentAsync(instance.Id, instance.Tokens.Single().Id, "admin", CaseDriver.None);
        await driver.RunJobsAsync();
        await driver.CompleteAsync("YN-1", "Task_Review", "王经办", "reviewer", new() { ["outcome"] = "approve" });
        Assert.Equal(3, (await driver.TasksAsync("YN-1")).Count(t => t.Task.NodeId == "Task_SignOff"));
    }

    [Fact]
    public async Task R_WS_5_ApprovedOpening_IsFiledWithTheFinanceBureau()
    {
        var driver = await DriverAsync();
        await driver.StartAsync("class-opening", "WS-1", Variables("wenshui", new DateOnly(2026, 6, 1)));
        await driver.CompleteAsync("WS-1", "Task_Review", "王经办", "reviewer", new() { ["outcome"] = "approve" });
        await driver.CompleteAsync("WS-1", "Task_SignOff", "李科长", "approver", new() { ["outcome"] = "approve" });
        Assert.Equal(["Task_FinanceFiling"], await driver.WaitingAsync("WS-1"));
    }

    [Fact]
    public async Task R_JZ_3_LateFiling_EndsNotAdmissible_WithTheFinding()
    {
        var driver = await DriverAsync();
        var instance = await driver.StartAsync("class-opening", "JZ-1", Variables("jiaozuo", new DateOnly(2026, 6, 10)));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Contains(await driver.HistoryAsync("JZ-1"), h => h.NodeId == "End_NotAdmissible");
        Assert.Contains("R-JZ-3", JsonSerializer.Serialize(instance.Variables["classFindings"]));
    }
}
