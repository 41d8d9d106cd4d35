using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Tests.Definitions;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>BPMN builders for call activities.</summary>
public static class Calls
{
    /// <summary><c>bpmn:callActivity</c> with <c>zeebe:calledElement processId</c> (+ attributes) and optional <c>zeebe:ioMapping</c> content.</summary>
    public static string Call(string id, string processId, string attributes = "", string mappings = "", string inner = "") =>
        $"""<bpmn:callActivity id="{id}"><bpmn:extensionElements><zeebe:calledElement processId="{processId}" {attributes} />"""
        + (mappings.Length == 0 ? "" : $"<zeebe:ioMapping>{mappings}</zeebe:ioMapping>")
        + $"</bpmn:extensionElements>{inner}</bpmn:callActivity>";

    public static string Input(string source, string target) => $"""<zeebe:input source="{source}" target="{target}" />""";

    public static string Output(string source, string target) => $"""<zeebe:output source="{source}" target="{target}" />""";

    /// <summary>A child process: start → user task <paramref name="task"/> → end.</summary>
    public static string TaskProcess(string id, string task, string extensions = "") =>
        BpmnSamples.ProcessElement(id, Start($"{id}_Start") + Task(task) + End($"{id}_End") + Chain($"{id}_Start", task, $"{id}_End"), extensions);
}

/// <summary>
/// Call activities (BPMN 2.0 §10.3.6, Zeebe's <c>zeebe:calledElement</c>): child instances, variables in and out, errors
/// passed to the caller, cancellation, nesting, version binding, repair after a crash between the saves.
/// </summary>
public class CallActivityTests
{
    private readonly Harness _h = new();

    private static readonly string Parent = BpmnSamples.ProcessElement("Parent",
        Start() + Calls.Call("Call", "Child") + Task("After") + End() + Chain("Start", "Call", "After", "End"));

    private async Task<ProcessInstance> StartAsync(string processId, IReadOnlyDictionary<string, object?>? variables, params string[] elements)
    {
        await _h.Engine.DeployAsync(BpmnSamples.Definitions(elements), Harness.Catalogue, "admin", Harness.None);
        return TokenInvariants.Check(await _h.Engine.StartAsync(processId, "JZ-2026-031", variables, "institution", Harness.None));
    }

    private async Task<ProcessInstance> ChildAsync(ProcessInstance parent) =>
        TokenInvariants.Check(Assert.Single(await _h.Instances.ChildrenAsync(parent.Id, Harness.None), c => c.Status == InstanceStatus.Active));

    private async Task<ProcessInstance> ReloadAsync(ProcessInstance instance) => TokenInvariants.Check((await _h.Instances.GetAsync(instance.Id, Harness.None))!);

    [Fact]
    public async Task ChildStarts_WithTheParentsVariablesAndBusinessKey_AndItsCompletionResumesTheParent()
    {
        var parent = await StartAsync("Parent", new Dictionary<string, object?> { ["classNo"] = "2026-031" }, Parent, Calls.TaskProcess("Child", "ChildTask"));
        var call = Assert.Single(parent.Bookmarks);
        Assert.Equal((BookmarkKind.CallActivity, "Child", "Call"), (call.Kind, call.Name, call.NodeId));
        var child = await ChildAsync(parent);
        Assert.Equal((call.CorrelationKey, parent.Id, call.Id, "JZ-2026-031"), (child.Id.ToString("D"), child.ParentInstanceId, child.ParentBookmarkId, child.BusinessKey));
        Assert.Equal("2026-031", child.Variables["classNo"]);
        Assert.Equal(["ChildTask"], Harness.Waiting(child));

        child = await _h.CompleteAsync(child, "ChildTask", variables: new Dictionary<string, object?> { ["outcome"] = "approve" });
        Assert.Equal(InstanceStatus.Completed, child.Status);
        parent = await ReloadAsync(parent);
        Assert.Equal(["After"], Harness.Waiting(parent));
        Assert.Equal("approve", parent.Variables["outcome"]);
        Assert.Contains(await _h.HistoryAsync(parent), h => h is { Kind: HistoryKinds.CallActivityCompleted, NodeId: "Call" });
    }

    [Fact]
    public async Task ChildThatCompletesAtOnce_ResumesTheParentInTheSameCall()
    {
        var parent = await StartAsync("Parent", null, Parent,
            BpmnSamples.ProcessElement("Child", Start("C_Start") + End("C_End") + Chain("C_Start", "C_End")));
        Assert.Equal(["After"], Harness.Waiting(parent));
        var child = Assert.Single(await _h.Instances.ChildrenAsync(parent.Id, Harness.None));
        Assert.Equal(InstanceStatus.Completed, child.Status);
    }

    [Fact]
    public async Task OnlyInputs_GoIn_WhenParentVariablesAreNotPropagated_AndOnlyOutputsComeBack()
    {
        var parent = await StartAsync("Parent", new Dictionary<string, object?> { ["secret"] = "x", ["count"] = 2 },
            BpmnSamples.ProcessElement("Parent", Start() + Calls.Call("Call", "Child", """propagateAllParentVariables="false" """,
                Calls.Input("=count * 10", "n") + Calls.Output("=outcome", "childOutcome")) + Task("After") + End() + Chain("Start", "Call", "After", "End")),
            Calls.TaskProcess("Child", "ChildTask"));
        var child = await ChildAsync(parent);
        Assert.Equal(20m, child.Variables["n"]);
        Assert.False(child.Variables.ContainsKey("secret"));
        Assert.Equal("JZ-2026-031", child.Variables["businessKey"]);

        await _h.CompleteAsync(child, "ChildTask", variables: new Dictionary<string, object?> { ["outcome"] = "reject", ["note"] = "n" });
        parent = await ReloadAsync(parent);
        Assert.Equal("reject", parent.Variables["childOutcome"]);
        Assert.False(parent.Variables.ContainsKey("outcome"));
        Assert.False(parent.Variables.ContainsKey("note"));
    }

    [Fact]
    public async Task NoChildVariablesComeBack_WhenPropagateAllChildVariablesIsFalse()
    {
        var parent = await StartAsync("Parent", null,
            BpmnSamples.ProcessElement("Parent", Start() + Calls.Call("Call", "Child", """propagateAllChildVariables="false" """) + Task("After") + End()
                + Chain("Start", "Call", "After", "End")),
            Calls.TaskProcess("Child", "ChildTask"));
        await _h.CompleteAsync(await ChildAsync(parent), "ChildTask", variables: new Dictionary<string, object?> { ["outcome"] = "approve" });
        parent = await ReloadAsync(parent);
        Assert.Equal(["After"], Harness.Waiting(parent));
        Assert.False(parent.Variables.ContainsKey("outcome"));
    }

    [Fact]
    public async Task NestedCalls_ACallsBCallsC_CompleteOutwards_AndCancellingTheRootCancelsAll()
    {
        string[] definitions =
        [
            BpmnSamples.ProcessElement("A", Start("A_Start") + Calls.Call("A_Call", "B") + Task("A_After") + End("A_End") + Chain("A_Start", "A_Call", "A_After", "A_End")),
            BpmnSamples.ProcessElement("B", Start("B_Start") + Calls.Call("B_Call", "C") + End("B_End") + Chain("B_Start", "B_Call", "B_End")),
            Calls.TaskProcess("C", "C_Task"),
        ];
        var a = await StartAsync("A", null, definitions);
        var b = await ChildAsync(a);
        var c = await ChildAsync(b);
        Assert.Equal(("B", "C", "JZ-2026-031"), (b.ProcessId, c.ProcessId, c.BusinessKey));

        await _h.CompleteAsync(c, "C_Task", variables: new Dictionary<string, object?> { ["fromC"] = 1 });
        Assert.Equal(InstanceStatus.Completed, (await ReloadAsync(b)).Status);
        a = await ReloadAsync(a);
        Assert.Equal(["A_After"], Harness.Waiting(a));
        Assert.Equal(1m, a.Variables["fromC"]);

        var second = await _h.Engine.StartAsync("A", "JZ-2026-032", null, "institution", Harness.None);
        var b2 = await ChildAsync(second);
        var c2 = await ChildAsync(b2);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Engine.CancelInstanceAsync(c2.Id, "admin", "only the child", Harness.None));
        TokenInvariants.Check(await _h.Engine.CancelInstanceAsync(second.Id, "admin", "class withdrawn", Harness.None));
        Assert.Equal(InstanceStatus.Cancelled, (await ReloadAsync(b2)).Status);
        Assert.Equal(InstanceStatus.Cancelled, (await ReloadAsync(c2)).Status);
        Assert.Contains(await _h.HistoryAsync(c2), h => h.Kind == HistoryKinds.InstanceCancelled);
    }

    [Fact]
    public async Task ErrorUncaughtInTheChild_IsCaughtByTheCallActivitysBoundary_AndTheChildIsCancelled()
    {
        var parent = await StartAsync("Parent", null,
            Error("Error_Incomplete", "PACK_INCOMPLETE"),
            BpmnSamples.ProcessElement("Parent", Start() + Calls.Call("Call", "Child") + Boundary("Caught", "Call", ErrorDefinition("Error_Incomplete"))
                + Task("After") + Task("Handle") + End() + End("End2") + Chain("Start", "Call", "After", "End") + Chain("Caught", "Handle", "End2")),
            BpmnSamples.ProcessElement("Child", Start("C_Start") + Task("Check") + ErrorEnd("C_Fail", "Error_Incomplete") + Chain("C_Start", "Check", "C_Fail")));
        var child = await ChildAsync(parent);
        child = await _h.CompleteAsync(child, "Check");
        Assert.Equal(InstanceStatus.Cancelled, child.Status);
        parent = await ReloadAsync(parent);
        Assert.Equal(["Handle"], Harness.Waiting(parent));
        Assert.Contains(await _h.HistoryAsync(parent), h => h is { Kind: HistoryKinds.ErrorCaught, NodeId: "Caught" });
    }

    [Fact]
    public async Task ErrorCaughtByNobody_StaysAnIncidentInTheChild_AndTheParentWaits()
    {
        var parent = await StartAsync("Parent", null, Error("Error_X", "X"), Parent,
            BpmnSamples.ProcessElement("Child", Start("C_Start") + ErrorEnd("C_Fail", "Error_X") + Chain("C_Start", "C_Fail")));
        var child = await ChildAsync(parent);
        var token = Assert.Single(child.Tokens);
        Assert.Equal(TokenState.Incident, token.State);
        Assert.Contains("instances that called this one", token.Incident);
        Assert.Equal(["Call"], Harness.Waiting(await ReloadAsync(parent)));
    }

    [Fact]
    public async Task ErrorPassesUpTwoLevels_ToTheGrandparent()
    {
        var a = await StartAsync("A", null, Error("Error_X", "X"),
            BpmnSamples.ProcessElement("A", Start("A_Start") + Calls.Call("A_Call", "B") + Boundary("A_Caught", "A_Call", ErrorDefinition()) + Task("A_Handle")
                + End("A_End") + End("A_End2") + Chain("A_Start", "A_Call", "A_End") + Chain("A_Caught", "A_Handle", "A_End2")),
            BpmnSamples.ProcessElement("B", Start("B_Start") + Calls.Call("B_Call", "C") + End("B_End") + Chain("B_Start", "B_Call", "B_End")),
            BpmnSamples.ProcessElement("C", Start("C_Start") + Task("C_Task") + ErrorEnd("C_Fail", "Error_X") + Chain("C_Start", "C_Task", "C_Fail")));
        var b = await ChildAsync(a);
        var c = await ChildAsync(b);
        await _h.CompleteAsync(c, "C_Task");
        Assert.Equal(["A_Handle"], Harness.Waiting(await ReloadAsync(a)));
        Assert.Equal(InstanceStatus.Cancelled, (await ReloadAsync(b)).Status);
        Assert.Equal(InstanceStatus.Cancelled, (await ReloadAsync(c)).Status);
    }

    [Fact]
    public async Task InterruptingTimerOnTheCallActivity_CancelsTheChild()
    {
        var parent = await StartAsync("Parent", null,
            BpmnSamples.ProcessElement("Parent", Start() + Calls.Call("Call", "Child") + Boundary("Late", "Call", TimerDefinition("timeDuration", "P10D"))
                + Task("Escalate") + End() + End("End2") + Chain("Start", "Call", "End") + Chain("Late", "Escalate", "End2")),
            Calls.TaskProcess("Child", "ChildTask"));
        var child = await ChildAsync(parent);
        parent = TokenInvariants.Check((await _h.Engine.FireTimerAsync(parent.Id, parent.Bookmarks.Single(b => b.Kind == BookmarkKind.Timer).Id, Harness.None))!);
        Assert.Equal(["Escalate"], Harness.Waiting(parent));
        Assert.Equal(InstanceStatus.Cancelled, (await ReloadAsync(child)).Status);
    }

    [Fact]
    public async Task CalledProcessNotDeployed_IsAnIncident_RetriedAfterDeploying()
    {
        var parent = await StartAsync("Parent", null, Parent);
        var token = Assert.Single(parent.Tokens);
        Assert.Equal(TokenState.Incident, token.State);
        Assert.Contains("'Child' is not deployed", token.Incident);
        Assert.Empty(await _h.Instances.ChildrenAsync(parent.Id, Harness.None));

        await _h.Engine.DeployAsync(BpmnSamples.Definitions(Calls.TaskProcess("Child", "ChildTask")), Harness.Catalogue, "admin", Harness.None);
        parent = TokenInvariants.Check(await _h.Engine.RetryIncidentAsync(parent.Id, token.Id, "admin", Harness.None));
        Assert.Equal(["Call"], Harness.Waiting(parent));
        Assert.Equal("Child", (await ChildAsync(parent)).ProcessId);
    }

    [Fact]
    public async Task FeelProcessId_AndVersionTagBinding()
    {
        await _h.Engine.DeployAsync(BpmnSamples.Definitions(Calls.TaskProcess("Child", "V1Task", """<zeebe:versionTag value="2026-Q1" />""")), Harness.Catalogue, "admin", Harness.None);
        await _h.Engine.DeployAsync(BpmnSamples.Definitions(Calls.TaskProcess("Child", "V2Task", """<zeebe:versionTag value="2026-Q2" />""")), Harness.Catalogue, "admin", Harness.None);
        var parent = await StartAsync("Parent", new Dictionary<string, object?> { ["kind"] = "Child" },
            BpmnSamples.ProcessElement("Parent", Start() + And("Fork") + Calls.Call("Pinned", "Child", """bindingType="versionTag" versionTag="2026-Q1" """)
                + Calls.Call("Latest", "=kind") + End() + End("End2") + Chain("Start", "Fork", "Pinned", "End") + Chain("Fork", "Latest", "End2")));
        var children = await _h.Instances.ChildrenAsync(parent.Id, Harness.None);
        Assert.Equal([1, 2], children.Select(c => c.Version).Order());
        Assert.Equal(["V1Task"], Harness.Waiting(children.Single(c => c.Version == 1)));
        Assert.Equal("Child", parent.Bookmarks.Single(b => b.NodeId == "Latest").Name);
    }

    [Fact]
    public async Task MultiInstanceCallActivity_StartsOneChildPerItem()
    {
        var parent = await StartAsync("Parent", new Dictionary<string, object?> { ["trainees"] = new[] { "张三", "李四" } },
            BpmnSamples.ProcessElement("Parent", Start() + Calls.Call("Call", "Child", inner: Loop("""inputCollection="=trainees" inputElement="trainee" outputCollection="results" outputElement="=result" """))
                + End() + Chain("Start", "Call", "End")),
            Calls.TaskProcess("Child", "ChildTask"));
        var children = await _h.Instances.ChildrenAsync(parent.Id, Harness.None);
        Assert.Equal(["张三", "李四"], children.Select(c => c.Variables["trainee"]).Order());
        foreach (var child in children)
            await _h.CompleteAsync(child, "ChildTask", variables: new Dictionary<string, object?> { ["result"] = "ok " + child.Variables["trainee"] });
        parent = await ReloadAsync(parent);
        Assert.Equal(InstanceStatus.Completed, parent.Status);
        Assert.Equal(2, Assert.IsAssignableFrom<IReadOnlyList<object?>>(parent.Variables["results"]).Count);
    }

    [Fact]
    public async Task CrashBetweenTheSaves_IsRepairedByReconciliation()
    {
        var store = new FlakyStore(new InMemoryInstanceStore());
        var engine = new WorkflowEngine(new InMemoryDefinitionStore(), store, _h.Time);
        await engine.DeployAsync(BpmnSamples.Definitions(Parent, Calls.TaskProcess("Child", "ChildTask")), Harness.Catalogue, "admin", Harness.None);

        // Crash after the parent's save, before the child's insert.
        store.FailChildInserts = true;
        await Assert.ThrowsAsync<IOException>(() => engine.StartAsync("Parent", "JZ-1", null, "institution", Harness.None));
        var parent = (await store.ByBusinessKeyAsync("JZ-1", Harness.None)).Single(i => i.ParentInstanceId is null);
        Assert.Equal(["Call"], Harness.Waiting(parent));
        Assert.Empty(await store.ChildrenAsync(parent.Id, Harness.None));
        store.FailChildInserts = false;
        Assert.Equal(1, await engine.ReconcileCallActivitiesAsync(Harness.None));
        var child = Assert.Single(await store.ChildrenAsync(parent.Id, Harness.None));
        Assert.Equal(parent.Bookmarks[0].CorrelationKey, child.Id.ToString("D"));
        Assert.Equal(0, await engine.ReconcileCallActivitiesAsync(Harness.None));

        // Crash after the child's completion, before the parent's resumption.
        store.FailParentUpdates = true;
        await Assert.ThrowsAsync<IOException>(() => engine.CompleteUserTaskAsync(child.Id, child.Bookmarks[0].Id, "王经办", ["reviewer"], new Dictionary<string, object?>(), Harness.None));
        Assert.Equal(InstanceStatus.Completed, (await store.GetAsync(child.Id, Harness.None))!.Status);
        Assert.Equal(["Call"], Harness.Waiting((await store.GetAsync(parent.Id, Harness.None))!));
        store.FailParentUpdates = false;
        Assert.Equal(1, await engine.ReconcileCallActivitiesAsync(Harness.None));
        Assert.Equal(["After"], Harness.Waiting(TokenInvariants.Check((await store.GetAsync(parent.Id, Harness.None))!)));
        Assert.Equal(0, await engine.ReconcileCallActivitiesAsync(Harness.None));
    }

    /// <summary>An instance store that can fail (as a crash would) the insert of child instances or the update of parent instances.</summary>
    private sealed class FlakyStore(IInstanceStore inner) : IInstanceStore
    {
        public bool FailChildInserts { get; set; }

        public bool FailParentUpdates { get; set; }

        public Task<ProcessInstance?> GetAsync(Guid id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public Task InsertAsync(ProcessInstance instance, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken) =>
            FailChildInserts && instance.ParentInstanceId is not null ? throw new IOException("crash") : inner.InsertAsync(instance, history, cancellationToken);

        public Task UpdateAsync(ProcessInstance instance, long expectedRevision, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken) =>
            FailParentUpdates && instance.ParentInstanceId is null ? throw new IOException("crash") : inner.UpdateAsync(instance, expectedRevision, history, cancellationToken);

        public Task<IReadOnlyList<(ProcessInstance Instance, Bookmark Bookmark)>> FindBookmarksAsync(BookmarkQuery query, CancellationToken cancellationToken) =>
            inner.FindBookmarksAsync(query, cancellationToken);

        public Task<IReadOnlyList<ProcessInstance>> ChildrenAsync(Guid parentInstanceId, CancellationToken cancellationToken) => inner.ChildrenAsync(parentInstanceId, cancellationToken);

        public Task<IReadOnlyList<ProcessInstance>> ByBusinessKeyAsync(string businessKey, CancellationToken cancellationToken) => inner.ByBusinessKeyAsync(businessKey, cancellationToken);
        public Task<IReadOnlyDictionary<(string ProcessId, int Version), int>> CountActiveByVersionAsync(CancellationToken cancellationToken) => inner.CountActiveByVersionAsync(cancellationToken);
        public Task<IReadOnlyList<ProcessInstance>> ActiveAsync(string processId, int version, int limit, CancellationToken cancellationToken) =>
            inner.ActiveAsync(processId, version, limit, cancellationToken);

        public Task<IReadOnlyList<ProcessInstance>> WithIncidentsAsync(int limit, CancellationToken cancellationToken) => inner.WithIncidentsAsync(limit, cancellationToken);

        public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid instanceId, CancellationToken cancellationToken) => inner.HistoryAsync(instanceId, cancellationToken);
    }
}
