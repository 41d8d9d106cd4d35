using Pipeline.Workflows.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>Embedded sub-processes (BPMN 2.0 §10.3.5, §13.3.5): a scope whose token waits for the tokens inside.</summary>
public class SubProcessTests
{
    private readonly Harness _h = new();

    private static readonly string Inner = Start("S_Start") + And("S_Fork") + Task("S_A") + Task("S_B") + And("S_Join") + End("S_End")
        + Chain("S_Start", "S_Fork", "S_A", "S_Join", "S_End") + Chain("S_Fork", "S_B", "S_Join");

    private static readonly string Withdrawn = Message("Msg_Withdrawn", "application-withdrawn");

    [Fact]
    public async Task RunsItsTokensInside_AndCompletesWhenNoneRemains()
    {
        var instance = await _h.StartAsync(Start() + SubProcess("Sub", Inner) + Task("After") + End() + Chain("Start", "Sub", "After", "End"));
        var scope = Assert.Single(instance.Tokens, t => t.NodeId == "Sub");
        Assert.Equal(TokenState.Scope, scope.State);
        Assert.All(instance.Tokens.Where(t => t != scope), t => Assert.Equal(scope.Id, t.ParentId));
        Assert.Equal(["S_A", "S_B"], Harness.Waiting(instance));

        instance = await _h.CompleteAsync(instance, "S_A");
        Assert.Equal(["S_B"], Harness.Waiting(instance));
        instance = await _h.CompleteAsync(instance, "S_B");
        Assert.Equal(["After"], Harness.Waiting(instance));
        var token = Assert.Single(instance.Tokens);
        Assert.Equal((scope.Id, (Guid?)null), (token.Id, token.ParentId));
        var history = await _h.HistoryAsync(instance);
        Assert.Single(history, h => h is { Kind: HistoryKinds.SubProcessCompleted, NodeId: "Sub" });
        Assert.Contains(history, h => h is { Kind: HistoryKinds.FlowTaken, Detail: "F_Sub_After → After" });
    }

    [Fact]
    public async Task NestedSubProcesses_CompleteOutwards()
    {
        var instance = await _h.StartAsync(Start() + SubProcess("Outer", Start("O_Start") + SubProcess("Sub", Inner) + End("O_End") + Chain("O_Start", "Sub", "O_End"))
            + End() + Chain("Start", "Outer", "End"));
        Assert.Equal(2, instance.Tokens.Count(t => t.State == TokenState.Scope));
        instance = await _h.CompleteAsync(instance, "S_A");
        instance = await _h.CompleteAsync(instance, "S_B");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task InterruptingBoundary_CancelsEveryTokenAndBookmarkInside()
    {
        var instance = await _h.StartAsync(Start() + SubProcess("Sub", Inner) + Boundary("Withdraw", "Sub", MessageDefinition("Msg_Withdrawn"))
            + Task("After") + Task("Archive") + End() + End("End2") + Chain("Start", "Sub", "After", "End") + Chain("Withdraw", "Archive", "End2"), extra: Withdrawn);
        Assert.Equal(["S_A", "S_B", "Withdraw"], Harness.Waiting(instance));
        instance = await _h.CompleteAsync(instance, "S_A");

        instance = TokenInvariants.Check((await _h.Engine.CorrelateMessageAsync("application-withdrawn", "JZ-2026-031",
            new Dictionary<string, object?> { ["reason"] = "班级取消" }, "institution", Harness.None))!);
        Assert.Equal(["Archive"], Harness.Waiting(instance));
        Assert.Single(instance.Tokens);
        Assert.Equal("班级取消", instance.Variables["reason"]);
        var history = await _h.HistoryAsync(instance);
        Assert.Contains(history, h => h is { Kind: HistoryKinds.BoundaryTriggered, NodeId: "Withdraw" } && h.Detail!.StartsWith("interrupting"));
        Assert.Contains(history, h => h is { Kind: HistoryKinds.ActivityCancelled, NodeId: "S_B" });
        Assert.Contains(history, h => h is { Kind: HistoryKinds.ActivityCancelled, NodeId: "S_Join" });
    }

    [Fact]
    public async Task NonInterruptingBoundary_LetsTheSubProcessRunOn()
    {
        var instance = await _h.StartAsync(Start() + SubProcess("Sub", Inner) + Boundary("Note", "Sub", MessageDefinition("Msg_Withdrawn"), interrupting: false)
            + Task("After") + Task("Acknowledge") + End() + End("End2") + Chain("Start", "Sub", "After", "End") + Chain("Note", "Acknowledge", "End2"), extra: Withdrawn);

        instance = TokenInvariants.Check((await _h.Engine.CorrelateMessageAsync("application-withdrawn", "JZ-2026-031", null, "institution", Harness.None))!);
        Assert.Equal(["Acknowledge", "S_A", "S_B"], Harness.Waiting(instance));
        instance = await _h.CompleteAsync(instance, "S_A");
        instance = await _h.CompleteAsync(instance, "S_B");
        Assert.Equal(["Acknowledge", "After"], Harness.Waiting(instance));
        instance = await _h.CompleteAsync(instance, "After");
        instance = await _h.CompleteAsync(instance, "Acknowledge");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task BoundaryOnATask_RemovedWhenTheTaskCompletes()
    {
        var instance = await _h.StartAsync(Start() + Task("Review") + Boundary("Withdraw", "Review", MessageDefinition("Msg_Withdrawn")) + Task("After") + End() + End("End2")
            + Chain("Start", "Review", "After", "End") + Chain("Withdraw", "End2"), extra: Withdrawn);
        Assert.Equal(["Review", "Withdraw"], Harness.Waiting(instance));
        instance = await _h.CompleteAsync(instance, "Review");
        Assert.Equal(["After"], Harness.Waiting(instance));
        Assert.Null(await _h.Engine.CorrelateMessageAsync("application-withdrawn", "JZ-2026-031", null, "institution", Harness.None));
    }
}
