using Pipeline.Workflows.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary><c>bpmn:exclusiveGateway</c> as a split and as a merge (BPMN 2.0 §13.3.2).</summary>
public class ExclusiveGatewayTests
{
    private readonly Harness _h = new();

    private static readonly string SplitAndMerge = Start() + Xor("Choose", "F_Choose_B") + Task("A") + Task("B") + Xor("Merge") + Task("After") + End()
        + Flow("Start", "Choose") + Flow("Choose", "A", "=route = \"a\"") + Flow("Choose", "B")
        + Chain("A", "Merge", "After", "End") + Chain("B", "Merge");

    [Theory]
    [InlineData("a", "A")]
    [InlineData("b", "B")]
    public async Task Merge_PassesEachArrivingTokenThrough(string route, string task)
    {
        var instance = await _h.StartAsync(SplitAndMerge, new Dictionary<string, object?> { ["route"] = route });
        Assert.Equal([task], Harness.Waiting(instance));
        instance = await _h.CompleteAsync(instance, task);
        Assert.Equal(["After"], Harness.Waiting(instance));
        instance = await _h.CompleteAsync(instance, "After");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task Merge_AfterAParallelSplit_PassesBothTokens()
    {
        var instance = await _h.StartAsync(Start() + And("Fork") + Xor("Merge") + Task("After") + End()
            + Chain("Start", "Fork") + Flow("Fork", "Merge", id: "F1") + Flow("Fork", "Merge", id: "F2") + Chain("Merge", "After", "End"));
        Assert.Equal(2, instance.Bookmarks.Count(b => b.NodeId == "After"));
    }

    [Fact]
    public async Task FailingCondition_IsAnIncident_RetriedAfterTheFix()
    {
        var instance = await _h.StartAsync(SplitAndMerge, new Dictionary<string, object?> { ["route"] = 3 });
        var token = Assert.Single(instance.Tokens);
        Assert.Equal(TokenState.Incident, token.State);
        Assert.Contains("F_Choose_A", token.Incident);

        // An administrator fixes the variable, then retries: the gateway runs again and takes the fixed route.
        instance = await _h.Engine.UpdateVariablesAsync(instance.Id, new Dictionary<string, object?> { ["route"] = "a" }, "管理员", Harness.None);
        Assert.Equal(TokenState.Incident, Assert.Single(instance.Tokens).State); // nothing moves on its own
        instance = TokenInvariants.Check(await _h.Engine.RetryIncidentAsync(instance.Id, token.Id, "管理员", Harness.None));
        Assert.Equal(["A"], Harness.Waiting(instance));
        var history = await _h.HistoryAsync(instance);
        var update = Assert.Single(history, h => h.Kind == HistoryKinds.VariablesUpdated);
        Assert.Equal("管理员", update.Actor);
        Assert.Contains("\"route\":3", update.VariablesBefore);
        Assert.Contains("\"route\":\"a\"", update.VariablesAfter);
    }

    [Fact]
    public async Task Variables_of_a_finished_instance_cannot_be_changed()
    {
        var instance = await _h.StartAsync(Start() + End() + Chain("Start", "End"));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _h.Engine.UpdateVariablesAsync(instance.Id, new Dictionary<string, object?> { ["x"] = 1 }, "管理员", Harness.None));
    }
}
