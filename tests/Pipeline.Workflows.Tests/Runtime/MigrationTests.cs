using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Runtime.Migration;
using Pipeline.Workflows.Tests.Definitions;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>Process instance migration to another version (Camunda 8 semantics): mapping, refusals, bookmarks kept, concurrency.</summary>
public class MigrationTests
{
    private static readonly IReadOnlyDictionary<string, string> SameIds = new Dictionary<string, string>();
    private readonly Harness _h = new();

    private async Task<int> DeployAsync(string content, string extra = "") =>
        Assert.Single(await _h.Engine.DeployAsync(BpmnSamples.Process(content, extra), Harness.Catalogue, "admin", Harness.None)).Version;

    private async Task<ProcessInstance> MigrateAsync(ProcessInstance instance, int version, IReadOnlyDictionary<string, string>? mapping = null) =>
        TokenInvariants.Check(await _h.Engine.MigrateInstanceAsync(instance.Id, version, mapping ?? SameIds, "admin", Harness.None));

    private async Task<MigrationRefusedException> RefusedAsync(ProcessInstance instance, int version, IReadOnlyDictionary<string, string>? mapping = null)
    {
        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => _h.Engine.MigrateInstanceAsync(instance.Id, version, mapping ?? SameIds, "admin", Harness.None));
        var stored = (await _h.Instances.GetAsync(instance.Id, Harness.None))!;
        Assert.Equal((instance.Version, instance.Revision), (stored.Version, stored.Revision));
        Assert.DoesNotContain(await _h.HistoryAsync(instance), h => h.Kind == HistoryKinds.InstanceMigrated);
        return refused;
    }

    [Fact]
    public async Task UserTask_KeepsItsBookmark_TakesTheTargetsGroups_AndContinuesOnTheNewFlows()
    {
        var instance = await _h.StartAsync(Start() + Task("Review") + End() + Chain("Start", "Review", "End"));
        var task = Assert.Single(instance.Bookmarks);
        var v2 = await DeployAsync(Start() + Task("Review", "senior-reviewer") + Task("SignOff", "approver") + End() + Chain("Start", "Review", "SignOff", "End"));

        var migrated = await MigrateAsync(instance, v2);
        Assert.Equal(2, migrated.Version);
        var kept = Assert.Single(migrated.Bookmarks);
        Assert.Equal((task.Id, task.TokenId, task.CreatedAt, "Review"), (kept.Id, kept.TokenId, kept.CreatedAt, kept.NodeId));
        Assert.Equal(["senior-reviewer"], kept.CandidateGroups);
        var entry = Assert.Single(await _h.HistoryAsync(instance), h => h.Kind == HistoryKinds.InstanceMigrated);
        Assert.Equal(("admin", "from version 1 to version 2; Review → Review"), (entry.Actor, entry.Detail));
        Assert.Equal(migrated.HistorySequence, entry.Sequence);

        await Assert.ThrowsAsync<TaskForbiddenException>(() => _h.CompleteAsync(migrated, "Review", role: "reviewer"));
        var after = await _h.CompleteAsync(migrated, "Review", role: "senior-reviewer");
        Assert.Equal(["SignOff"], Harness.Waiting(after));
        after = await _h.CompleteAsync(after, "SignOff", "李科长", role: "approver");
        Assert.Equal(InstanceStatus.Completed, after.Status);
    }

    [Fact]
    public async Task RenamedElements_AreMappedExplicitly_AndCompletedTasksFollow()
    {
        var instance = await _h.StartAsync(Start() + Task("Review") + Task("Finance", "finance") + End() + Chain("Start", "Review", "Finance", "End"));
        instance = await _h.CompleteAsync(instance, "Review", "王经办");
        var finance = Assert.Single(instance.Bookmarks);
        var v2 = await DeployAsync(Start() + Task("Task_Review") + Task("Task_Finance", "finance",
                properties: """<zeebe:properties><zeebe:property name="pipeline:notCompletedBy" value="Task_Review" /></zeebe:properties>""") + End()
            + Chain("Start", "Task_Review", "Task_Finance", "End"));

        var migrated = await MigrateAsync(instance, v2, new Dictionary<string, string> { ["Review"] = "Task_Review", ["Finance"] = "Task_Finance" });
        var kept = Assert.Single(migrated.Bookmarks);
        Assert.Equal((finance.Id, "Task_Finance", "Task_Finance"), (kept.Id, kept.NodeId, kept.Name));
        Assert.Equal("Task_Finance", Assert.Single(migrated.Tokens).NodeId);
        Assert.Equal("Task_Review", Assert.Single(migrated.CompletedTasks).NodeId);
        Assert.Contains("Finance → Task_Finance", Assert.Single(await _h.HistoryAsync(instance), h => h.Kind == HistoryKinds.InstanceMigrated).Detail, StringComparison.Ordinal);

        // The target's segregation-of-duties rule sees the renamed review.
        await Assert.ThrowsAsync<AssigneeConflictException>(() => _h.CompleteAsync(migrated, "Task_Finance", "王经办", role: "finance"));
        var done = await _h.CompleteAsync(migrated, "Task_Finance", "李会计", role: "finance");
        Assert.Equal(InstanceStatus.Completed, done.Status);
    }

    [Fact]
    public async Task ADryRun_ReportsWhereEachActiveElementGoes_OrEveryProblem_AndChangesNothing()
    {
        var instance = await _h.StartAsync(Start() + Task("Review") + End() + Chain("Start", "Review", "End"));
        var v2 = await DeployAsync(Start() + Task("Task_Review") + End() + Chain("Start", "Task_Review", "End"));

        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => _h.Engine.CheckMigrationAsync(instance.Id, v2, SameIds, Harness.None));
        Assert.Equal("Review", Assert.Single(refused.Problems).ElementId);
        var plan = await _h.Engine.CheckMigrationAsync(instance.Id, v2, new Dictionary<string, string> { ["Review"] = "Task_Review" }, Harness.None);
        Assert.Equal(new Dictionary<string, string> { ["Review"] = "Task_Review" }, plan);

        var stored = (await _h.Instances.GetAsync(instance.Id, Harness.None))!;
        Assert.Equal((1, instance.Revision), (stored.Version, stored.Revision));
        Assert.DoesNotContain(await _h.HistoryAsync(instance), h => h.Kind == HistoryKinds.InstanceMigrated);
    }

    [Fact]
    public async Task UnmappedActiveElements_AreRefused_EveryProblemListed_NothingSaved()
    {
        var instance = await _h.StartAsync(Start() + And("Fork") + Task("A") + Task("B") + Boundary("Late", "B", TimerDefinition("timeDuration", "P5D")) + End() + End("E2") + End("E3")
            + Chain("Start", "Fork", "A", "End") + Chain("Fork", "B", "E2") + Chain("Late", "E3"));
        var v2 = await DeployAsync(Start() + Task("C") + End() + Chain("Start", "C", "End"));

        var refused = await RefusedAsync(instance, v2, new Dictionary<string, string> { ["Gone"] = "C", ["A"] = "Nowhere" });
        Assert.Equal(["A", "B", "Gone", "Late"], refused.Problems.Select(p => p.ElementId).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(refused.Problems, p => p is { ElementId: "Gone" } && p.Message.Contains("no element of version 1", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p is { ElementId: "A" } && p.Message.Contains("'Nowhere', which is no element of version 2", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p is { ElementId: "B" } && p.Message.Contains("is not mapped", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p is { ElementId: "Late" } && p.Message.Contains("bpmn:boundaryEvent 'Late' is not mapped", StringComparison.Ordinal));
        Assert.Contains("4 problem(s)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeChanges_ScopeChanges_AndMissingVersions_AreRefused()
    {
        var instance = await _h.StartAsync(Start() + And("Fork") + Task("Review") + Task("Other") + Job("Check") + End() + End("E2") + End("E3")
            + Chain("Start", "Fork", "Review", "End") + Chain("Fork", "Other", "E2") + Chain("Fork", "Check", "E3"));
        var v2 = await DeployAsync(Start() + And("Fork") + Job("Review") + Job("Check", "pack.check")
            + SubProcess("Sub", Start("S_Start") + Task("Other") + End("S_End") + Chain("S_Start", "Other", "S_End")) + End() + End("E2") + End("E3")
            + Chain("Start", "Fork", "Review", "End") + Chain("Fork", "Sub", "E2") + Chain("Fork", "Check", "E3"));

        var refused = await RefusedAsync(instance, v2);
        Assert.Contains(refused.Problems, p => p is { ElementId: "Review" } && p.Message.Contains("is a bpmn:userTask but 'Review' is a bpmn:serviceTask", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p is { ElementId: "Other" } && p.Message.Contains("inside sub-process 'Sub'", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p is { ElementId: "Check" } && p.Message.Contains("runs activity 'notify.send' but 'Check' names 'pack.check'", StringComparison.Ordinal));
        Assert.Equal(3, refused.Problems.Count);

        Assert.Contains("version 7", Assert.Single((await RefusedAsync(instance, 7)).Problems).Message, StringComparison.Ordinal);
        Assert.Contains("runs on version 1 already", Assert.Single((await RefusedAsync(instance, 1)).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobAndTimer_KeepTheirBookmarks_NothingIsDispatchedOrScheduledAgain()
    {
        var instance = await _h.StartAsync(Start() + And("Fork") + Job("Check") + """<bpmn:intermediateCatchEvent id="Wait">""" + TimerDefinition("timeDuration", "P2D") + "</bpmn:intermediateCatchEvent>"
            + End() + End("E2") + Chain("Start", "Fork", "Check", "End") + Chain("Fork", "Wait", "E2"));
        var job = instance.Bookmarks.Single(b => b.Kind == BookmarkKind.Job);
        var timer = instance.Bookmarks.Single(b => b.Kind == BookmarkKind.Timer);
        _h.Time.Advance(TimeSpan.FromDays(1));
        var v2 = await DeployAsync(Start() + And("Fork") + Job("Check") + """<bpmn:intermediateCatchEvent id="Wait">""" + TimerDefinition("timeDuration", "P10D") + "</bpmn:intermediateCatchEvent>"
            + Task("AfterCheck") + Task("AfterWait") + End() + End("E2") + Chain("Start", "Fork", "Check", "AfterCheck", "End") + Chain("Fork", "Wait", "AfterWait", "E2"));

        var migrated = await MigrateAsync(instance, v2);
        Assert.Equal(job, migrated.Bookmarks.Single(b => b.Kind == BookmarkKind.Job));
        Assert.Equal(timer, migrated.Bookmarks.Single(b => b.Kind == BookmarkKind.Timer));
        Assert.Single(_h.Jobs.Dispatched);
        Assert.Single(_h.Timers.Scheduled);
        Assert.Empty(_h.Timers.Cancelled);

        migrated = TokenInvariants.Check((await _h.Engine.FireTimerAsync(instance.Id, timer.Id, Harness.None))!);
        migrated = await _h.CompleteJobAsync(migrated, "Check");
        Assert.Equal(["AfterCheck", "AfterWait"], Harness.Waiting(migrated));
    }

    [Fact]
    public async Task MessageSubscription_KeepsItsCorrelationKey_NewBoundaryTimer_IsSubscribed()
    {
        var instance = await _h.StartAsync(Start() + """<bpmn:receiveTask id="Resubmit" messageRef="Msg" />""" + End() + Chain("Start", "Resubmit", "End"),
            extra: Message("Msg", "pack-resubmitted"));
        var wait = Assert.Single(instance.Bookmarks);
        var v2 = await DeployAsync(Start() + """<bpmn:receiveTask id="Resubmit" messageRef="Msg" />""" + Boundary("Overdue", "Resubmit", TimerDefinition("timeDuration", "P7D"))
            + Task("Chase") + End() + End("E2") + Chain("Start", "Resubmit", "End") + Chain("Overdue", "Chase", "E2"),
            extra: """<bpmn:message id="Msg" name="pack-resubmitted"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseNumber" /></bpmn:extensionElements></bpmn:message>""");

        var migrated = await MigrateAsync(instance, v2);
        Assert.Equal(wait, migrated.Bookmarks.Single(b => b.Kind == BookmarkKind.Message));
        var overdue = migrated.Bookmarks.Single(b => b.NodeId == "Overdue");
        Assert.Equal(_h.Time.Now.AddDays(7), overdue.DueAt);
        Assert.Equal(overdue.Id, Assert.Single(_h.Timers.Scheduled).Id);

        var correlated = await _h.Engine.CorrelateMessageAsync("pack-resubmitted", "JZ-2026-031", null, "institution", Harness.None);
        Assert.Equal(InstanceStatus.Completed, TokenInvariants.Check(correlated!).Status);
        Assert.Equal(overdue.Id, Assert.Single(_h.Timers.Cancelled).Id);
    }

    [Fact]
    public async Task SubProcessAndMultiInstance_MigrateWithTheirScopes_LoopChangesAreRefused()
    {
        const string sign = """inputCollection="=approvers" inputElement="approver" """;
        var instance = await _h.StartAsync(Start()
            + SubProcess("Sub", Start("S_Start") + Task("S_Sign", "approver", Loop(sign)) + End("S_End") + Chain("S_Start", "S_Sign", "S_End"))
            + Boundary("Deadline", "Sub", TimerDefinition("timeDuration", "P10D")) + End() + End("E2") + Chain("Start", "Sub", "End") + Chain("Deadline", "E2"),
            new Dictionary<string, object?> { ["approvers"] = new[] { "张三", "李四" } });
        var sequential = await DeployAsync(Start()
            + SubProcess("Sub", Start("S_Start") + Task("S_Sign", "approver", Loop(sign, sequential: true)) + End("S_End") + Chain("S_Start", "S_Sign", "S_End"))
            + Boundary("Deadline", "Sub", TimerDefinition("timeDuration", "P10D")) + End() + End("E2") + Chain("Start", "Sub", "End") + Chain("Deadline", "E2"));
        Assert.Contains("in parallel but 'S_Sign' sequentially", Assert.Single((await RefusedAsync(instance, sequential)).Problems).Message, StringComparison.Ordinal);

        var renamed = await DeployAsync(Start()
            + SubProcess("Phase", Start("S_Start") + Task("Sign", "leader", Loop(sign)) + End("S_End") + Chain("S_Start", "Sign", "S_End"))
            + Boundary("Deadline", "Phase", TimerDefinition("timeDuration", "P10D")) + Task("Archive") + End() + End("E2") + Chain("Start", "Phase", "Archive", "End") + Chain("Deadline", "E2"));
        var migrated = await MigrateAsync(instance, renamed, new Dictionary<string, string> { ["Sub"] = "Phase", ["S_Sign"] = "Sign" });
        Assert.Equal(["Deadline", "Sign", "Sign"], Harness.Waiting(migrated));
        Assert.All(migrated.Bookmarks.Where(b => b.Kind == BookmarkKind.UserTask), b => Assert.Equal(["leader"], b.CandidateGroups));
        Assert.Equal(2, migrated.Tokens.Count(t => t is { NodeId: "Sign", LoopCounter: not null }));

        foreach (var task in migrated.Bookmarks.Where(b => b.Kind == BookmarkKind.UserTask).ToList())
            migrated = await _h.CompleteAsync(migrated, "Sign", "赵组长", task: task, role: "leader");
        Assert.Equal(["Archive"], Harness.Waiting(migrated));
    }

    [Fact]
    public async Task AFinishedInstance_IsRefused()
    {
        var instance = await _h.StartAsync(Start() + Task("Review") + End() + Chain("Start", "Review", "End"));
        instance = await _h.CompleteAsync(instance, "Review");
        var v2 = await DeployAsync(Start() + Task("Review", "approver") + End() + Chain("Start", "Review", "End"));
        Assert.Contains("is completed", Assert.Single((await RefusedAsync(instance, v2)).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConcurrentChange_MakesTheMigrationFail_WithNothingSaved()
    {
        var definitions = new InMemoryDefinitionStore();
        var stored = new InMemoryInstanceStore();
        var (racingStore, racing) = RacingInstanceStore.Around(stored);
        var engine = new WorkflowEngine(definitions, racingStore, _h.Time);
        var other = new WorkflowEngine(definitions, stored, _h.Time);
        await engine.DeployAsync(BpmnSamples.Process(Start() + Task("Review") + End() + Chain("Start", "Review", "End")), Harness.Catalogue, "admin", Harness.None);
        var instance = await engine.StartAsync("Process_1", "JZ-1", null, "institution", Harness.None);
        await engine.DeployAsync(BpmnSamples.Process(Start() + Task("Review", "approver") + End() + Chain("Start", "Review", "End")), Harness.Catalogue, "admin", Harness.None);

        // Someone completes the task between the migration's load and its save.
        racing.BeforeNextUpdate = () => other.CompleteUserTaskAsync(instance.Id, instance.Bookmarks[0].Id, "王经办", ["reviewer"], new Dictionary<string, object?>(), Harness.None);
        await Assert.ThrowsAsync<ConcurrencyException>(() => engine.MigrateInstanceAsync(instance.Id, 2, SameIds, "admin", Harness.None));

        var after = (await stored.GetAsync(instance.Id, Harness.None))!;
        Assert.Equal((1, InstanceStatus.Completed), (after.Version, after.Status));
        Assert.DoesNotContain(await stored.HistoryAsync(instance.Id, Harness.None), h => h.Kind == HistoryKinds.InstanceMigrated);
    }

    /// <summary>
    /// An instance store that lets a test run another write just before the next update, to lose a race on purpose. A
    /// proxy, so that it follows <see cref="IInstanceStore"/> as it grows: every other call goes straight through.
    /// </summary>
    public class RacingInstanceStore : System.Reflection.DispatchProxy
    {
        private IInstanceStore _inner = null!;

        public Func<Task>? BeforeNextUpdate { get; set; }

        public static (IInstanceStore Store, RacingInstanceStore Control) Around(IInstanceStore inner)
        {
            var store = Create<IInstanceStore, RacingInstanceStore>();
            var control = (RacingInstanceStore)(object)store;
            control._inner = inner;
            return (store, control);
        }

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IInstanceStore.UpdateAsync) && BeforeNextUpdate is { } race)
            {
                BeforeNextUpdate = null;
                return RaceThenAsync(race, targetMethod, args);
            }
            return Call(targetMethod, args);
        }

        /// <summary>Calls the real store, throwing what it throws (not wrapped in a <see cref="System.Reflection.TargetInvocationException"/>).</summary>
        private object? Call(System.Reflection.MethodInfo method, object?[]? args)
        {
            try
            {
                return method.Invoke(_inner, args);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }

        private async Task RaceThenAsync(Func<Task> race, System.Reflection.MethodInfo update, object?[]? args)
        {
            await race();
            await (Task)Call(update, args)!;
        }
    }
}
