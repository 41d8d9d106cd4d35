using System.Text.Json;
using Pipeline.Activities.Catalogue;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>The shipped <c>spot-check-draw</c> definition: the city's yearly random spot checks.</summary>
public class SpotCheckDrawScenarioTests
{
    private static Dictionary<string, object?> Request(string profile, string seed, decimal? rate = null) => new()
    {
        ["profile"] = profile, ["seed"] = seed, ["rate"] = rate, ["groupSize"] = 2m,
        ["classes"] = Enumerable.Range(1, 25).Select(i => (object?)$"QJ-2026-{i:000}").ToList(),
        ["inspectors"] = new List<object?> { "督查员甲", "督查员乙", "督查员丙", "督查员丁" },
    };

    private static async Task<(ProcessInstance Instance, string Draw, CaseDriver Driver)> DrawAsync(string key, Dictionary<string, object?> request)
    {
        var driver = new CaseDriver(ClassCaseRun.Filed);
        await driver.DeployAllAsync();
        var started = Assert.Single((await driver.Engine.PublishMessageAsync("spot-check-draw", key, request, "admin", CaseDriver.None)).Started);
        await driver.RunJobsAsync();
        var instance = (await driver.Instances.GetAsync(started.Id, CaseDriver.None))!;
        return (instance, JsonSerializer.Serialize(ActivityInvoker.Plain(instance.Variables["spotCheck"])), driver);
    }

    [Fact]
    public async Task R_QJ_7_AtLeastTenPercentOfTheYearsClasses_AreDrawn_Reproducibly_WithTheSeedInTheHistory()
    {
        var (first, draw, driver) = await DrawAsync("QJ-SPOT-2026", Request("qujing", "2026年第1次抽查 随机数 83617"));
        Assert.Contains("\"required\":3", draw); // ⌈10 % × 25⌉
        Assert.Contains(await driver.Instances.HistoryAsync(first.Id, CaseDriver.None), h => h.VariablesAfter is { } v && v.Contains("83617"));
        var (_, again, _) = await DrawAsync("QJ-SPOT-2026-B", Request("qujing", "2026年第1次抽查 随机数 83617"));
        Assert.Equal(Chosen(draw), Chosen(again));
        Assert.Equal(["Task_Dispatch"], first.Bookmarks.Select(b => b.NodeId));
    }

    [Fact]
    public async Task R_YN_7_YunnanSetsNoShare_TheRequestMustGiveOne()
    {
        var (instance, draw, _) = await DrawAsync("YN-SPOT-2026", Request("yunnan", "seed-1", rate: 20m));
        Assert.Contains("\"required\":5", draw);
        Assert.Equal(InstanceStatus.Active, instance.Status);
    }

    private static string Chosen(string draw) => JsonDocument.Parse(draw).RootElement.GetProperty("chosen").ToString();
}
