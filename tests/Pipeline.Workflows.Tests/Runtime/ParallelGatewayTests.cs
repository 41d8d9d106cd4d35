using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Tests.Definitions;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary><c>bpmn:parallelGateway</c>: fork, join (BPMN 2.0 §13.3.4), and activities with several outgoing flows.</summary>
public class ParallelGatewayTests
{
    private readonly Harness _h = new();

    private static readonly string ForkJoin = Start() + And("Fork") + Task("A") + Task("B") + And("Join") + End()
        + Chain("Start", "Fork", "A", "Join", "End") + Chain("Fork", "B", "Join");

    [Fact]
    public async Task Fork_StartsEveryBranch_AndTheJoinWaitsForAll()
    {
        var instance = await _h.StartAsync(ForkJoin);
        Assert.Equal(["A", "B"], Harness.Waiting(instance));
        Assert.Equal(2, instance.Tokens.Count);

        instance = await _h.CompleteAsync(instance, "A");
        Assert.Equal(InstanceStatus.Active, instance.Status);
        Assert.Equal(["B"], Harness.Waiting(instance));
        var joining = Assert.Single(instance.Tokens, t => t.State == TokenState.Joining);
        Assert.Equal(("Join", "F_A_Join"), (joining.NodeId, joining.ArrivedVia));

        instance = await _h.CompleteAsync(instance, "B");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var history = await _h.HistoryAsync(instance);
        Assert.Single(history, h => h is { Kind: HistoryKinds.GatewayForked, NodeId: "Fork", Detail: "F_Fork_A, F_Fork_B" });
        Assert.Single(history, h => h is { Kind: HistoryKinds.GatewayJoined, NodeId: "Join" });
        Assert.Single(history, h => h is { Kind: HistoryKinds.NodeEntered, NodeId: "End" });
    }

    [Fact]
    public async Task TokensArrivingAtDifferentTimes_AreJoinedOnce()
    {
        // One branch passes straight through to the join at start; the other waits on a task.
        var instance = await _h.StartAsync(Start() + And("Fork") + Task("A") + Pass("Quick") + And("Join") + Task("After") + End()
            + Chain("Start", "Fork", "A", "Join", "After", "End") + Chain("Fork", "Quick", "Join"));
        Assert.Equal(["A"], Harness.Waiting(instance));
        Assert.Equal("F_Quick_Join", Assert.Single(instance.Tokens, t => t.State == TokenState.Joining).ArrivedVia);

        instance = await _h.CompleteAsync(instance, "A");
        Assert.Equal(["After"], Harness.Waiting(instance));
        Assert.Single(instance.Tokens);
    }

    [Fact]
    public async Task SecondTokenOnTheSameFlow_WaitsForTheNextFiring()
    {
        // Two tokens reach the join by flow Fa before any arrives by Fb; each firing consumes one per flow.
        var instance = await _h.StartAsync(Start() + And("Split") + Task("A1") + Task("A2") + Task("B1") + Task("B2")
            + Xor("MergeA") + Xor("MergeB") + And("Join") + Task("C") + End()
            + Flow("Start", "Split") + Flow("Split", "A1") + Flow("Split", "A2") + Flow("Split", "B1") + Flow("Split", "B2")
            + Chain("A1", "MergeA") + Chain("A2", "MergeA") + Chain("B1", "MergeB") + Chain("B2", "MergeB")
            + Flow("MergeA", "Join", id: "Fa") + Flow("MergeB", "Join", id: "Fb") + Chain("Join", "C", "End"));
        Assert.Equal(["A1", "A2", "B1", "B2"], Harness.Waiting(instance));

        instance = await _h.CompleteAsync(instance, "A1");
        instance = await _h.CompleteAsync(instance, "A2");
        Assert.Equal(2, instance.Tokens.Count(t => t.State == TokenState.Joining && t.ArrivedVia == "Fa"));
        Assert.DoesNotContain("C", Harness.Waiting(instance));

        instance = await _h.CompleteAsync(instance, "B1");
        Assert.Single(instance.Bookmarks, b => b.NodeId == "C");
        Assert.Equal("Fa", Assert.Single(instance.Tokens, t => t.State == TokenState.Joining).ArrivedVia);

        instance = await _h.CompleteAsync(instance, "B2");
        Assert.Equal(2, instance.Bookmarks.Count(b => b.NodeId == "C"));
        Assert.DoesNotContain(instance.Tokens, t => t.State == TokenState.Joining);

        foreach (var c in instance.Bookmarks.ToList()) instance = await _h.CompleteAsync(instance, "C", task: c);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(2, (await _h.HistoryAsync(instance)).Count(h => h.Kind == HistoryKinds.GatewayJoined));
    }

    [Fact]
    public async Task ActivityWithTwoOutgoingFlows_ForksImplicitly()
    {
        var instance = await _h.StartAsync(Start() + Task("A") + Task("B") + Task("C") + And("Join") + End()
            + Chain("Start", "A", "B", "Join", "End") + Chain("A", "C", "Join"));
        instance = await _h.CompleteAsync(instance, "A");
        Assert.Equal(["B", "C"], Harness.Waiting(instance));
        instance = await _h.CompleteAsync(instance, "C");
        instance = await _h.CompleteAsync(instance, "B");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task JoinThatCanNeverFire_BecomesAnIncident_NotASilentWait()
    {
        // A parallel join after an exclusive split: only one branch ever arrives.
        var instance = await _h.StartAsync(Start() + Xor("Choose", "F_Choose_B") + Task("A") + Task("B") + And("Join") + End()
            + Flow("Start", "Choose") + Flow("Choose", "A", "=route = \"a\"") + Flow("Choose", "B") + Chain("A", "Join", "End") + Chain("B", "Join"),
            new Dictionary<string, object?> { ["route"] = "a" });
        instance = await _h.CompleteAsync(instance, "A");
        var stuck = Assert.Single(instance.Tokens);
        Assert.Equal(TokenState.Incident, stuck.State);
        Assert.Contains("F_B_Join", stuck.Incident);
        Assert.Equal(InstanceStatus.Active, instance.Status);
    }

    [Fact]
    public void ConditionOnAParallelFlow_IsAProblem()
    {
        var read = Pipeline.Workflows.Definitions.Bpmn.BpmnReader.Read(BpmnSamples.Process(Start() + And("Fork") + End("E1") + End("E2")
            + Flow("Start", "Fork") + Flow("Fork", "E1", "=x > 1") + Flow("Fork", "E2")));
        var problems = read.Processes.SelectMany(p => Pipeline.Workflows.Definitions.DefinitionValidator.Validate(p, Harness.Catalogue)).ToList();
        Assert.Contains(problems, p => p.ElementId == "F_Fork_E1" && p.Message.Contains("exclusive gateway"));
    }
}
