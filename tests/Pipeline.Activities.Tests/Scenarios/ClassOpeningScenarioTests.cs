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
        driver.Contracts.Sign(School, ClassData.Skills(new DateOnly(2026, 6, 1), Start).Occupation, Start);
        driver.Replaced["pack.check"] = _ => new() { ["verdict"] = "complete", ["missing"] = new List<object?>() };
        await driver.DeployAllAsync();
        return driver;
    }

    private static Dictionary<string, object?> Variables(string profile, DateOnly filed) => new()
    {
        ["document"] = new string('a', 64), ["fileName"] = "开班材料.pdf", ["profile"] = profile, ["institutionId"] = School,
        ["class"] = ClassData.Variable(ClassData.Skills(filed, Start)),
    };

    private const string School = "institution:HX";

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

    [Fact]
    public async Task R_WS_1_A_class_without_a_current_contract_is_not_admitted_and_one_with_it_opens_under_that_contract()
    {
        var driver = new CaseDriver(Now);
        driver.Replaced["pack.check"] = _ => new() { ["verdict"] = "complete", ["missing"] = new List<object?>() };
        await driver.DeployAllAsync();
        await driver.StartAsync("class-opening", "WS-NC", Variables("wenshui", new DateOnly(2026, 6, 1)));
        var refused = Assert.Single(await driver.InstancesAsync("WS-NC"));
        Assert.Equal(InstanceStatus.Completed, refused.Status);
        Assert.Contains(await driver.HistoryAsync("WS-NC"), h => h.NodeId == "End_NotAdmissible");
        var finding = Assert.Single((IEnumerable<object?>)refused.Variables["contractFindings"]!);
        Assert.Equal("R-WS-1", ((IReadOnlyDictionary<string, object?>)finding!)["rule"]);

        var signed = driver.Contracts.Sign(School, ClassData.Skills(new DateOnly(2026, 6, 1), Start).Occupation, Start);
        await driver.StartAsync("class-opening", "WS-C", Variables("wenshui", new DateOnly(2026, 6, 1)));
        Assert.Equal(["Task_Review"], await driver.WaitingAsync("WS-C"));
        Assert.Equal(signed.Id, Assert.Single(await driver.InstancesAsync("WS-C")).Variables["contract"]);
    }

    [Fact]
    public async Task R_WS_3_The_registry_counts_what_was_opened_under_the_contract_and_a_general_class_past_the_share_is_not_admitted()
    {
        var driver = new CaseDriver(Now);
        driver.Replaced["pack.check"] = _ => new() { ["verdict"] = "complete", ["missing"] = new List<object?>() };
        await driver.DeployAllAsync();
        var contract = driver.Contracts.Add(new Pipeline.Activities.Procurement.Contracts.TrainingContract
        {
            Id = "HT-WS", Institution = School, Occupations = [ClassData.Skills(new DateOnly(2026, 6, 1), Start).Occupation],
            From = new DateOnly(2026, 1, 1), To = new DateOnly(2028, 12, 31), RenewedYearly = false, Task = 100,
        });
        // 100 persons a year, ≥ 30 % order-based: at most 70 in general classes. 60 opened already, this class has 20.
        driver.Contracts.Progress[contract.Id] = new Pipeline.Activities.Procurement.Contracts.ContractProgress(60, 0);
        await driver.StartAsync("class-opening", "WS-SHARE", Variables("wenshui", new DateOnly(2026, 6, 1)));
        var instance = Assert.Single(await driver.InstancesAsync("WS-SHARE"));
        Assert.Contains(await driver.HistoryAsync("WS-SHARE"), h => h.NodeId == "End_NotAdmissible");
        var finding = (IReadOnlyDictionary<string, object?>)Assert.Single((IEnumerable<object?>)instance.Variables["contractFindings"]!)!;
        Assert.Equal("R-WS-3", finding["rule"]);
        Assert.Contains("非订单式至多 70 人", (string)finding["message"]!);
    }
}
