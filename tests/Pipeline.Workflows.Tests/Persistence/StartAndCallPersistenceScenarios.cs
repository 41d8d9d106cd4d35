using Microsoft.EntityFrameworkCore;
using Pipeline.Workflows.EntityFramework;
using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Tests.Definitions;
using Pipeline.Workflows.Tests.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Persistence;

/// <summary>
/// Call activities, message starts and timer starts on a database, every step through a fresh engine: parent and child
/// survive a reload with their link, children and business-key queries. Run by <see cref="SqlitePersistenceTests"/>
/// and <see cref="PostgresPersistenceTests"/>.
/// </summary>
public sealed class StartAndCallPersistenceScenarios(IDbContextFactory<WorkflowDbContext> contexts)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly FakeTime _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    private EfInstanceStore Instances { get; } = new(contexts);

    private WorkflowEngine NewEngine() => new(new EfDefinitionStore(contexts), new EfInstanceStore(contexts), _time, new RecordingJobs(), new RecordingTimers());

    private async Task<ProcessInstance> LoadAsync(Guid id) => TokenInvariants.Check((await Instances.GetAsync(id, None))!);

    public async Task CallActivity_ParentAndChildSurviveAReload_AndTheChildrenQueryFindsThem()
    {
        string parentId = $"parent-{_suffix}", childId = $"child-{_suffix}";
        await NewEngine().DeployAsync(BpmnSamples.Definitions(
            BpmnSamples.ProcessElement(parentId, Start() + Calls.Call("Call", childId, mappings: Calls.Output("=outcome", "childOutcome")) + Task("After") + End()
                + Chain("Start", "Call", "After", "End")),
            Calls.TaskProcess(childId, "ChildTask")), Harness.Catalogue, "admin", None);
        var started = await NewEngine().StartAsync(parentId, "JZ-" + _suffix, new Dictionary<string, object?> { ["classNo"] = "031" }, "institution", None);

        var parent = await LoadAsync(started.Id);
        var call = Assert.Single(parent.Bookmarks);
        Assert.Equal((BookmarkKind.CallActivity, childId), (call.Kind, call.Name));
        Assert.Equal("031", call.Inputs["classNo"]);
        var child = TokenInvariants.Check(Assert.Single(await Instances.ChildrenAsync(parent.Id, None)));
        Assert.Equal((call.CorrelationKey, parent.Id, call.Id, "JZ-" + _suffix), (child.Id.ToString("D"), child.ParentInstanceId, child.ParentBookmarkId, child.BusinessKey));
        Assert.Equal(["ChildTask"], Harness.Waiting(child));
        Assert.Equal((child.ParentInstanceId, child.ParentBookmarkId), ((await LoadAsync(child.Id)).ParentInstanceId, (await LoadAsync(child.Id)).ParentBookmarkId));
        Assert.Equal(new[] { parent.Id, child.Id }.Order(), (await Instances.ByBusinessKeyAsync("JZ-" + _suffix, None)).Select(i => i.Id).Order());
        Assert.Empty(await Instances.ChildrenAsync(child.Id, None));
        var found = await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.CallActivity, CorrelationKey: child.Id.ToString("D")), None);
        Assert.Equal(parent.Id, Assert.Single(found).Instance.Id);

        await NewEngine().CompleteUserTaskAsync(child.Id, child.Bookmarks[0].Id, "王经办", ["reviewer"], new Dictionary<string, object?> { ["outcome"] = "approve" }, None);
        Assert.Equal(InstanceStatus.Completed, (await LoadAsync(child.Id)).Status);
        parent = await LoadAsync(parent.Id);
        Assert.Equal(["After"], Harness.Waiting(parent));
        Assert.Equal("approve", parent.Variables["childOutcome"]);
        Assert.Equal(0, await NewEngine().ReconcileCallActivitiesAsync(None));
    }

    public async Task CancellingTheParent_CancelsTheChildOnTheDatabase()
    {
        string parentId = $"cparent-{_suffix}", childId = $"cchild-{_suffix}";
        await NewEngine().DeployAsync(BpmnSamples.Definitions(
            BpmnSamples.ProcessElement(parentId, Start() + Calls.Call("Call", childId) + End() + Chain("Start", "Call", "End")),
            Calls.TaskProcess(childId, "ChildTask")), Harness.Catalogue, "admin", None);
        var parent = await NewEngine().StartAsync(parentId, "JZ-c-" + _suffix, null, "institution", None);
        var child = Assert.Single(await Instances.ChildrenAsync(parent.Id, None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => NewEngine().CancelInstanceAsync(child.Id, "admin", "child only", None));
        await NewEngine().CancelInstanceAsync(parent.Id, "admin", "class withdrawn", None);
        Assert.Equal(InstanceStatus.Cancelled, (await LoadAsync(child.Id)).Status);
        Assert.Empty((await LoadAsync(child.Id)).Bookmarks);
    }

    public async Task MessageAndTimerStarts_StartOnce_OnTheDatabase()
    {
        string processId = $"starts-{_suffix}", key = "INST-" + _suffix;
        await NewEngine().DeployAsync(BpmnSamples.Definitions(Message("Msg_Registered", $"registered-{_suffix}"), BpmnSamples.ProcessElement(processId,
            $"""<bpmn:startEvent id="ByMessage">{MessageDefinition("Msg_Registered")}</bpmn:startEvent>"""
            + $"""<bpmn:startEvent id="ByTimer">{TimerDefinition("timeCycle", "R/2026-01-01T00:00:00+08:00/P3M")}</bpmn:startEvent>"""
            + Task("Work") + End() + Chain("ByMessage", "Work", "End") + Flow("ByTimer", "Work"))), Harness.Catalogue, "admin", None);

        var published = await NewEngine().PublishMessageAsync($"registered-{_suffix}", key, null, "institution", None);
        Assert.Equal(key, (await LoadAsync(Assert.Single(published.Started).Id)).BusinessKey);
        Assert.True((await NewEngine().PublishMessageAsync($"registered-{_suffix}", key, null, "institution", None)).Refused);

        var due = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var fired = await NewEngine().FireStartTimerAsync(processId, 1, "ByTimer", due, None);
        Assert.NotNull(fired.Started);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)), fired.NextDueAt);
        Assert.Null((await NewEngine().FireStartTimerAsync(processId, 1, "ByTimer", due, None)).Started);
        Assert.Single(await Instances.ByBusinessKeyAsync(fired.Started!.BusinessKey!, None));
    }

    public async Task ActiveInstances_AreCountedAndListedByVersion()
    {
        var processId = $"versions-{_suffix}";
        await NewEngine().DeployAsync(BpmnSamples.Definitions(Calls.TaskProcess(processId, "Review")), Harness.Catalogue, "admin", None);
        var first = await NewEngine().StartAsync(processId, "V1-a-" + _suffix, null, "institution", None);
        var second = await NewEngine().StartAsync(processId, "V1-b-" + _suffix, null, "institution", None);
        await NewEngine().DeployAsync(BpmnSamples.Definitions(Calls.TaskProcess(processId, "Check")), Harness.Catalogue, "admin", None);
        var third = await NewEngine().StartAsync(processId, "V2-a-" + _suffix, null, "institution", None);
        await NewEngine().CompleteUserTaskAsync(first.Id, first.Bookmarks[0].Id, "王经办", ["reviewer"], new Dictionary<string, object?>(), None);

        var counts = await Instances.CountActiveByVersionAsync(None);
        Assert.Equal(1, counts[(processId, 1)]);
        Assert.Equal(1, counts[(processId, 2)]);
        Assert.Equal([second.Id], (await Instances.ActiveAsync(processId, 1, 10, None)).Select(i => i.Id));
        var onTwo = Assert.Single(await Instances.ActiveAsync(processId, 2, 10, None));
        Assert.Equal(third.Id, onTwo.Id);
        Assert.Equal(["Check"], Harness.Waiting(onTwo));
        Assert.Empty(await Instances.ActiveAsync(processId, 3, 10, None));
        Assert.Empty(await Instances.ActiveAsync(processId, 1, 0, None));
    }
}
