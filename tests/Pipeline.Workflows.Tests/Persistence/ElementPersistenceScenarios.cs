using Microsoft.EntityFrameworkCore;
using Pipeline.Workflows.EntityFramework;
using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Tests.Definitions;
using Pipeline.Workflows.Tests.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Persistence;

/// <summary>
/// One scenario per element family, every step through a fresh engine on the database (state comes from the database
/// only): joins, errors, sub-processes with boundaries, co-signed multi-instance tasks, timers. Run by
/// <see cref="SqlitePersistenceTests"/> and <see cref="PostgresPersistenceTests"/>.
/// </summary>
public sealed class ElementPersistenceScenarios(IDbContextFactory<WorkflowDbContext> contexts)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly FakeTime _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    public RecordingTimers Timers { get; } = new();

    private EfInstanceStore Instances { get; } = new(contexts);

    private WorkflowEngine NewEngine() => new(new EfDefinitionStore(contexts), new EfInstanceStore(contexts), _time, new RecordingJobs(), Timers);

    private async Task<ProcessInstance> StartAsync(string name, string content, IReadOnlyDictionary<string, object?>? variables = null, string extra = "")
    {
        var processId = $"{name}-{_suffix}";
        await NewEngine().DeployAsync(BpmnSamples.Process(content, extra).Replace("Process_1", processId, StringComparison.Ordinal), Harness.Catalogue, "admin", None);
        return await LoadAsync((await NewEngine().StartAsync(processId, "JZ-" + _suffix, variables, "institution", None)).Id);
    }

    private async Task<ProcessInstance> LoadAsync(Guid id) => TokenInvariants.Check((await Instances.GetAsync(id, None))!);

    private async Task<ProcessInstance> CompleteAsync(ProcessInstance instance, Bookmark task, string actor, string role = "reviewer", string outcome = "approve")
    {
        await NewEngine().CompleteUserTaskAsync(instance.Id, task.Id, actor, [role], new Dictionary<string, object?> { ["outcome"] = outcome }, None);
        return await LoadAsync(instance.Id);
    }

    private static Bookmark At(ProcessInstance instance, string nodeId) => instance.Bookmarks.First(b => b.NodeId == nodeId);

    public async Task ParallelJoin_WaitsAcrossSaves()
    {
        var instance = await StartAsync("parallel", Start() + And("Fork") + Task("A") + Task("B") + And("Join") + End()
            + Chain("Start", "Fork", "A", "Join", "End") + Chain("Fork", "B", "Join"));
        instance = await CompleteAsync(instance, At(instance, "A"), "王经办");
        var joining = Assert.Single(instance.Tokens, t => t.State == TokenState.Joining);
        Assert.Equal("F_A_Join", joining.ArrivedVia);
        instance = await CompleteAsync(instance, At(instance, "B"), "王经办");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Single(await Instances.HistoryAsync(instance.Id, None), h => h.Kind == HistoryKinds.GatewayJoined);
    }

    public async Task ErrorBoundary_OnASubProcess_CatchesAJobError()
    {
        var instance = await StartAsync("errors", Start()
            + SubProcess("Sub", Start("S_Start") + And("S_Fork") + Task("S_Wait") + Job("S_Check", "pack.check") + End("S_End") + End("S_End2")
                + Chain("S_Start", "S_Fork", "S_Wait", "S_End") + Chain("S_Fork", "S_Check", "S_End2"))
            + Boundary("Caught", "Sub", ErrorDefinition("Error_X")) + Task("Handle") + End() + End("End2")
            + Chain("Start", "Sub", "End") + Chain("Caught", "Handle", "End2"), extra: Error("Error_X", "PACK_UNREADABLE"));
        Assert.Equal(3, instance.Tokens.Count);
        Assert.Equal(instance.Tokens.Single(t => t.NodeId == "Sub").Id, instance.Tokens.Single(t => t.NodeId == "S_Check").ParentId);

        await NewEngine().ThrowJobErrorAsync(instance.Id, At(instance, "S_Check").Id, "PACK_UNREADABLE", "blank scan", None);
        instance = await LoadAsync(instance.Id);
        Assert.Equal(["Handle"], Harness.Waiting(instance));
        Assert.Contains(await Instances.HistoryAsync(instance.Id, None), h => h is { Kind: HistoryKinds.ErrorCaught, NodeId: "Caught" });
    }

    public async Task CoSignedMultiInstance_KeepsItsStateAndSignersInTheDatabase()
    {
        var instance = await StartAsync("cosign", Start()
            + Task("Sign", "approver", Loop("""inputCollection="=approvers" inputElement="approver" outputCollection="outcomes" outputElement="=outcome" """, completion: "=nrOfCompletedInstances >= 2"),
                """<zeebe:properties><zeebe:property name="pipeline:distinctAssignees" value="true" /></zeebe:properties>""")
            + Task("After") + End() + Chain("Start", "Sign", "After", "End"),
            new Dictionary<string, object?> { ["approvers"] = new[] { "张三", "李四", "王五" } });
        var body = Assert.Single(instance.Tokens, t => t.State == TokenState.Scope);
        Assert.Equal(["张三", "李四", "王五"], body.LoopItems!);
        Assert.Equal(3m, body.Variables!["nrOfInstances"]);
        Assert.Equal("李四", instance.Tokens.Single(t => t.LoopCounter == 2).Variables!["approver"]);

        var tasks = instance.Bookmarks.ToList();
        instance = await CompleteAsync(instance, tasks[0], "李科长", "approver");
        Assert.Equal(("Sign", "李科长", body.Id), (instance.CompletedTasks.Single().NodeId, instance.CompletedTasks.Single().Actor, instance.CompletedTasks.Single().MultiInstanceId));
        await Assert.ThrowsAsync<AssigneeConflictException>(() => CompleteAsync(instance, tasks[1], "李科长", "approver"));
        instance = await CompleteAsync(instance, tasks[1], "赵主任", "approver", "reject");

        Assert.Equal(["After"], Harness.Waiting(instance));
        Assert.Equal(["approve", "reject", null], Assert.IsAssignableFrom<IReadOnlyList<object?>>(instance.Variables["outcomes"]));
    }

    public async Task EventGateway_MessageWins_CancelsTheTimer_AndTerminateEndsTheCase()
    {
        var instance = await StartAsync("publicity", Start() + And("Fork") + Task("Review") + End()
            + "<bpmn:eventBasedGateway id=\"FirstOf\" />"
            + $"<bpmn:intermediateCatchEvent id=\"Objection\">{MessageDefinition("Msg_Objection")}</bpmn:intermediateCatchEvent>"
            + $"<bpmn:intermediateCatchEvent id=\"PeriodOver\">{TimerDefinition("timeDuration", "P5D")}</bpmn:intermediateCatchEvent>"
            + Terminate("Stop") + End("Published")
            + Chain("Start", "Fork", "Review", "End") + Chain("Fork", "FirstOf", "Objection", "Stop") + Chain("FirstOf", "PeriodOver", "Published"),
            extra: Message("Msg_Objection", "objection-filed"));
        Assert.Equal(["Objection", "PeriodOver", "Review"], Harness.Waiting(instance));

        Assert.NotNull(await NewEngine().CorrelateMessageAsync("objection-filed", "JZ-" + _suffix, null, "public", None));
        instance = await LoadAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(instance.Bookmarks);
        Assert.Contains(Timers.Cancelled, c => c.NodeId == "PeriodOver");
        var history = await Instances.HistoryAsync(instance.Id, None);
        Assert.Contains(history, h => h.Kind == HistoryKinds.Terminated);
    }

    public async Task Timers_AreStoredWithTheirDueTime_FoundWhenDue_AndFiredOnce()
    {
        var instance = await StartAsync("timers", Start() + Task("Review") + Boundary("Remind", "Review", TimerDefinition("timeDuration", "P3D"), interrupting: false)
            + Boundary("Expire", "Review", TimerDefinition("timeDuration", "P1M")) + Task("Nudge") + Task("Escalate") + End() + End("End2") + End("End3")
            + Chain("Start", "Review", "End") + Chain("Remind", "Nudge", "End2") + Chain("Expire", "Escalate", "End3"));
        var remind = At(instance, "Remind");
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(8)), remind.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(8)), At(instance, "Expire").DueAt);

        var due = await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Timer, DueBefore: new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(8))), None);
        Assert.Equal(remind.Id, Assert.Single(due, d => d.Instance.Id == instance.Id).Bookmark.Id);

        Assert.NotNull(await NewEngine().FireTimerAsync(instance.Id, remind.Id, None));
        Assert.Null(await NewEngine().FireTimerAsync(instance.Id, remind.Id, None));
        instance = await LoadAsync(instance.Id);
        Assert.Equal(["Expire", "Nudge", "Review"], Harness.Waiting(instance));

        instance = await CompleteAsync(instance, At(instance, "Review"), "王经办");
        Assert.DoesNotContain(instance.Bookmarks, b => b.Kind == BookmarkKind.Timer);
        Assert.Contains(Timers.Cancelled, c => c.NodeId == "Expire");
    }
}
