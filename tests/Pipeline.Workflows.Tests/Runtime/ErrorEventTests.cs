using Pipeline.Workflows.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>Error end events, error boundary events and job errors (BPMN 2.0 §10.5.4, §13.5.6).</summary>
public class ErrorEventTests
{
    private readonly Harness _h = new();

    private static readonly string Errors = Error("Error_Incomplete", "PACK_INCOMPLETE") + Error("Error_Fraud", "FRAUD");

    /// <summary>A sub-process that throws <paramref name="errorRef"/> when <c>S_Check</c> completes, while <c>S_Other</c> runs beside it.</summary>
    private static string Throwing(string id, string errorRef, string prefix = "S") =>
        SubProcess(id, Start($"{prefix}_Start") + And($"{prefix}_Fork") + Task($"{prefix}_Other") + Task($"{prefix}_Check") + End($"{prefix}_End") + ErrorEnd($"{prefix}_Throw", errorRef)
            + Chain($"{prefix}_Start", $"{prefix}_Fork", $"{prefix}_Other", $"{prefix}_End") + Chain($"{prefix}_Fork", $"{prefix}_Check", $"{prefix}_Throw"));

    [Fact]
    public async Task ErrorEnd_IsCaughtByTheBoundaryWithItsCode_WhichCancelsTheSubProcess()
    {
        var instance = await _h.StartAsync(Start() + Throwing("Sub", "Error_Incomplete")
            + Boundary("Caught", "Sub", ErrorDefinition("Error_Incomplete")) + Task("Handle") + Task("After") + End() + End("End2")
            + Chain("Start", "Sub", "After", "End") + Chain("Caught", "Handle", "End2"), extra: Errors);
        Assert.Equal(["S_Check", "S_Other"], Harness.Waiting(instance));

        instance = await _h.CompleteAsync(instance, "S_Check");
        Assert.Equal(["Handle"], Harness.Waiting(instance));
        Assert.Single(instance.Tokens);
        var history = await _h.HistoryAsync(instance);
        Assert.Single(history, h => h is { Kind: HistoryKinds.ErrorThrown, NodeId: "S_Throw" } && h.Detail!.Contains("PACK_INCOMPLETE"));
        Assert.Single(history, h => h is { Kind: HistoryKinds.ErrorCaught, NodeId: "Caught" });
        Assert.Contains(history, h => h is { Kind: HistoryKinds.ActivityCancelled, NodeId: "S_Other" });
        Assert.Contains(history, h => h is { Kind: HistoryKinds.ActivityCancelled, NodeId: "Sub" });

        instance = await _h.CompleteAsync(instance, "Handle");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task TheNearestEnclosingBoundary_Catches()
    {
        var instance = await _h.StartAsync(Start()
            + SubProcess("Outer", Start("O_Start") + Throwing("Inner", "Error_Incomplete") + End("O_End") + Chain("O_Start", "Inner", "O_End")
                + Boundary("InnerCaught", "Inner", ErrorDefinition("Error_Incomplete")) + Task("InnerHandler") + End("O_End2") + Chain("InnerCaught", "InnerHandler", "O_End2"))
            + Boundary("OuterCaught", "Outer", ErrorDefinition()) + Task("OuterHandler") + End() + End("End2")
            + Chain("Start", "Outer", "End") + Chain("OuterCaught", "OuterHandler", "End2"), extra: Errors);

        instance = await _h.CompleteAsync(instance, "S_Check");
        Assert.Equal(["InnerHandler"], Harness.Waiting(instance));
        Assert.Equal(TokenState.Scope, Assert.Single(instance.Tokens, t => t.NodeId == "Outer").State);
    }

    [Fact]
    public async Task AnErrorWithoutAMatchingCode_PassesToAnOuterCatchAll()
    {
        var instance = await _h.StartAsync(Start()
            + SubProcess("Outer", Start("O_Start") + Throwing("Inner", "Error_Fraud") + End("O_End") + Chain("O_Start", "Inner", "O_End")
                + Boundary("InnerCaught", "Inner", ErrorDefinition("Error_Incomplete")) + Task("InnerHandler") + End("O_End2") + Chain("InnerCaught", "InnerHandler", "O_End2"))
            + Boundary("OuterCaught", "Outer", ErrorDefinition()) + Task("OuterHandler") + End() + End("End2")
            + Chain("Start", "Outer", "End") + Chain("OuterCaught", "OuterHandler", "End2"), extra: Errors);

        instance = await _h.CompleteAsync(instance, "S_Check");
        Assert.Equal(["OuterHandler"], Harness.Waiting(instance));
        Assert.Single(instance.Tokens);
    }

    [Fact]
    public async Task OnOneActivity_TheMatchingCodeWinsOverTheCatchAll()
    {
        var instance = await _h.StartAsync(Start() + Throwing("Sub", "Error_Fraud")
            + Boundary("CatchAll", "Sub", ErrorDefinition()) + Boundary("Fraud", "Sub", ErrorDefinition("Error_Fraud"))
            + Task("General") + Task("Police") + End() + End("End2") + End("End3")
            + Chain("Start", "Sub", "End") + Chain("CatchAll", "General", "End2") + Chain("Fraud", "Police", "End3"), extra: Errors);
        instance = await _h.CompleteAsync(instance, "S_Check");
        Assert.Equal(["Police"], Harness.Waiting(instance));
    }

    [Fact]
    public async Task UncaughtError_IsAnIncidentOnTheThrowingToken()
    {
        var instance = await _h.StartAsync(Start() + Throwing("Sub", "Error_Incomplete") + End() + Chain("Start", "Sub", "End"), extra: Errors);
        instance = await _h.CompleteAsync(instance, "S_Check");
        var held = Assert.Single(instance.Tokens, t => t.State == TokenState.Incident);
        Assert.Equal("S_Throw", held.NodeId);
        Assert.Contains("PACK_INCOMPLETE", held.Incident);
        Assert.Contains("not caught", held.Incident);
        Assert.Equal(["S_Other"], Harness.Waiting(instance));
    }

    [Fact]
    public async Task JobError_IsCaughtByTheTasksBoundary_WithItsVariables()
    {
        var instance = await _h.StartAsync(Start() + Job("Check", "pack.check") + Boundary("Unreadable", "Check", ErrorDefinition("Error_Incomplete"))
            + Task("Rescan") + End() + End("End2") + Chain("Start", "Check", "End") + Chain("Unreadable", "Rescan", "End2"), extra: Errors);
        var job = Assert.Single(instance.Bookmarks);

        instance = TokenInvariants.Check(await _h.Engine.ThrowJobErrorAsync(instance.Id, job.Id, "PACK_INCOMPLETE", "3 pages blank", Harness.None,
            new Dictionary<string, object?> { ["blankPages"] = new[] { 2, 3, 5 } }));
        Assert.Equal(["Rescan"], Harness.Waiting(instance));
        Assert.Equal(3, Assert.IsAssignableFrom<IReadOnlyList<object?>>(instance.Variables["blankPages"]).Count);
        Assert.Contains(await _h.HistoryAsync(instance), h => h is { Kind: HistoryKinds.ErrorThrown, NodeId: "Check" } && h.Detail!.Contains("3 pages blank"));
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => _h.Engine.CompleteJobAsync(instance.Id, job.Id, new Dictionary<string, object?>(), Harness.None));
    }

    [Fact]
    public async Task UncaughtJobError_KeepsTheJob_SoARetryRunsItAgain()
    {
        var instance = await _h.StartAsync(Start() + Job("Check", "pack.check") + End() + Chain("Start", "Check", "End"), extra: Errors);
        var job = Assert.Single(instance.Bookmarks);
        instance = TokenInvariants.Check(await _h.Engine.ThrowJobErrorAsync(instance.Id, job.Id, "FRAUD", null, Harness.None));
        var token = Assert.Single(instance.Tokens);
        Assert.Equal(TokenState.Incident, token.State);
        Assert.Contains("FRAUD", token.Incident);
        Assert.Same(job, Assert.Single(instance.Bookmarks));

        instance = TokenInvariants.Check(await _h.Engine.RetryIncidentAsync(instance.Id, token.Id, "admin", Harness.None));
        Assert.Equal(2, _h.Jobs.Dispatched.Count(j => j.Id == job.Id));
        instance = await _h.CompleteJobAsync(instance, "Check");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }
}
