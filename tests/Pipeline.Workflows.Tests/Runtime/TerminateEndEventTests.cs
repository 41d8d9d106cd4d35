using Pipeline.Workflows.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>Terminate end event (BPMN 2.0 §13.5.6): ends every token of its scope.</summary>
public class TerminateEndEventTests
{
    private readonly Harness _h = new();

    [Fact]
    public async Task AtProcessLevel_EndsEveryToken_RemovesBookmarks_AndCompletesTheInstance()
    {
        var instance = await _h.StartAsync(Start() + And("Fork") + Task("A") + Job("Notify") + Task("Withdraw") + End() + Terminate("Kill")
            + Chain("Start", "Fork", "A", "End") + Chain("Fork", "Notify", "End") + Chain("Fork", "Withdraw", "Kill"));
        Assert.Equal(["A", "Notify", "Withdraw"], Harness.Waiting(instance));

        instance = await _h.CompleteAsync(instance, "Withdraw");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(instance.Tokens);
        Assert.Empty(instance.Bookmarks);
        var history = await _h.HistoryAsync(instance);
        Assert.Single(history, h => h is { Kind: HistoryKinds.Terminated, NodeId: "Kill", Detail: "process" });
        Assert.Contains(history, h => h is { Kind: HistoryKinds.ActivityCancelled, NodeId: "A" });
        Assert.Contains(history, h => h is { Kind: HistoryKinds.ActivityCancelled, NodeId: "Notify" });
        Assert.Equal(HistoryKinds.InstanceCompleted, history[^1].Kind);
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => _h.Engine.CompleteJobAsync(instance.Id, Guid.NewGuid(), new Dictionary<string, object?>(), Harness.None));
    }

    [Fact]
    public async Task InsideASubProcess_EndsOnlyTheSubProcess_WhichThenMovesOn()
    {
        var instance = await _h.StartAsync(Start() + SubProcess("Sub",
                Start("S_Start") + And("S_Fork") + Task("S_A") + Task("S_B") + End("S_End") + Terminate("S_Kill")
                + Chain("S_Start", "S_Fork", "S_A", "S_End") + Chain("S_Fork", "S_B", "S_Kill"))
            + Task("Parallel") + Task("After") + End()
            + Chain("Start", "Sub", "After", "End") + Chain("Start", "Parallel", "End"));
        Assert.Equal(["Parallel", "S_A", "S_B"], Harness.Waiting(instance));

        instance = await _h.CompleteAsync(instance, "S_B");
        Assert.Equal(["After", "Parallel"], Harness.Waiting(instance));
        Assert.Single(await _h.HistoryAsync(instance), h => h is { Kind: HistoryKinds.Terminated, Detail: "sub-process Sub" });
    }
}
