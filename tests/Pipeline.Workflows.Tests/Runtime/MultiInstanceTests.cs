using Pipeline.Workflows.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>Multi-instance activities (BPMN 2.0 §13.3.7, Zeebe <c>zeebe:loopCharacteristics</c>).</summary>
public class MultiInstanceTests
{
    private readonly Harness _h = new();

    private static readonly Dictionary<string, object?> ThreeApprovers = new() { ["approvers"] = new[] { "张三", "李四", "王五" } };

    private static string Sign(string loop) =>
        Task("Sign", "approver", loop, """<zeebe:ioMapping><zeebe:input source="=approver" target="assignee" /></zeebe:ioMapping>""");

    private static string Process(string loop) => Start() + Sign(loop) + Task("After") + End() + Chain("Start", "Sign", "After", "End");

    private Task<ProcessInstance> SignAsync(ProcessInstance instance, Bookmark task, string actor, string outcome = "approve") =>
        _h.CompleteAsync(instance, "Sign", actor, new Dictionary<string, object?> { ["outcome"] = outcome }, task, "approver");

    [Fact]
    public async Task Parallel_OneTaskPerItem_WithItsOwnInputElement_AndOutputsCollectedByIndex()
    {
        var instance = await _h.StartAsync(Process(Loop("""inputCollection="=approvers" inputElement="approver" outputCollection="outcomes" outputElement="=outcome" """)), ThreeApprovers);
        Assert.Equal(["张三", "李四", "王五"], instance.Bookmarks.Select(b => (string)b.Inputs["assignee"]!));
        var body = Assert.Single(instance.Tokens, t => t.State == TokenState.Scope);
        Assert.Equal(3m, body.Variables!["nrOfInstances"]);
        Assert.Equal(3m, body.Variables["nrOfActiveInstances"]);

        var byName = instance.Bookmarks.ToDictionary(b => (string)b.Inputs["assignee"]!);
        instance = await SignAsync(instance, byName["王五"], "王五", "reject");
        instance = await SignAsync(instance, byName["张三"], "张三");
        Assert.Equal(["Sign"], Harness.Waiting(instance));
        instance = await SignAsync(instance, byName["李四"], "李四");

        Assert.Equal(["After"], Harness.Waiting(instance));
        Assert.Equal(["approve", "approve", "reject"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(instance.Variables["outcomes"]));
        Assert.False(instance.Variables.ContainsKey("approver"));
        Assert.False(instance.Variables.ContainsKey("nrOfInstances"));
        var history = await _h.HistoryAsync(instance);
        Assert.Single(history, h => h is { Kind: HistoryKinds.MultiInstanceStarted, Detail: "3 instance(s), parallel" });
        Assert.Single(history, h => h is { Kind: HistoryKinds.MultiInstanceCompleted, Detail: "3 of 3 completed" });
    }

    [Fact]
    public async Task CompletionCondition_CancelsTheRemainingInstances()
    {
        var instance = await _h.StartAsync(Process(Loop("""inputCollection="=approvers" inputElement="approver" """, completion: "=nrOfCompletedInstances >= 2")), ThreeApprovers);
        var tasks = instance.Bookmarks.ToList();
        instance = await SignAsync(instance, tasks[0], "张三");
        Assert.Equal(2, instance.Bookmarks.Count);
        instance = await SignAsync(instance, tasks[1], "李四");

        Assert.Equal(["After"], Harness.Waiting(instance));
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => SignAsync(instance, tasks[2], "王五"));
        var history = await _h.HistoryAsync(instance);
        Assert.Single(history, h => h is { Kind: HistoryKinds.ActivityCancelled, NodeId: "Sign" } && h.Detail!.Contains("completion condition"));
        Assert.Single(history, h => h is { Kind: HistoryKinds.MultiInstanceCompleted, Detail: "completion condition met after 2 of 3" });
    }

    [Fact]
    public async Task ZeebeCounterNames_AndInstanceVariables_AreVisibleToTheCompletionCondition()
    {
        var instance = await _h.StartAsync(Process(Loop("""inputCollection="=approvers" inputElement="approver" """, completion: "=outcome = \"reject\" or numberOfCompletedInstances = numberOfInstances")), ThreeApprovers);
        instance = await SignAsync(instance, instance.Bookmarks[1], "李四", "reject");
        Assert.Equal(["After"], Harness.Waiting(instance));
    }

    [Fact]
    public async Task Sequential_RunsOneInstanceAtATime_InCollectionOrder()
    {
        var instance = await _h.StartAsync(Process(Loop("""inputCollection="=approvers" inputElement="approver" outputCollection="order" outputElement="=loopCounter" """, sequential: true)), ThreeApprovers);
        foreach (var expected in new[] { "张三", "李四", "王五" })
        {
            var task = Assert.Single(instance.Bookmarks);
            Assert.Equal(expected, task.Inputs["assignee"]);
            instance = await SignAsync(instance, task, expected);
        }
        Assert.Equal(["After"], Harness.Waiting(instance));
        Assert.Equal([1m, 2m, 3m], Assert.IsAssignableFrom<IReadOnlyList<object?>>(instance.Variables["order"]));
    }

    [Fact]
    public async Task LoopCardinality_RunsThatManyInstances()
    {
        var instance = await _h.StartAsync(Process(Loop(cardinality: "2")));
        Assert.Equal(2, instance.Bookmarks.Count);
        instance = await SignAsync(instance, instance.Bookmarks[0], "张三");
        instance = await SignAsync(instance, instance.Bookmarks[0], "李四");
        Assert.Equal(["After"], Harness.Waiting(instance));
    }

    [Fact]
    public async Task EmptyCollection_CompletesAtOnce_WithAnEmptyOutput()
    {
        var instance = await _h.StartAsync(Process(Loop("""inputCollection="=approvers" inputElement="approver" outputCollection="outcomes" outputElement="=outcome" """)),
            new Dictionary<string, object?> { ["approvers"] = Array.Empty<string>() });
        Assert.Equal(["After"], Harness.Waiting(instance));
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<object?>>(instance.Variables["outcomes"]));
    }

    [Fact]
    public async Task InputCollectionThatIsNotAList_IsAnIncident()
    {
        var instance = await _h.StartAsync(Process(Loop("""inputCollection="=approvers" inputElement="approver" """)), new Dictionary<string, object?> { ["approvers"] = "张三" });
        var token = Assert.Single(instance.Tokens);
        Assert.Equal(TokenState.Incident, token.State);
        Assert.Contains("must be a list", token.Incident);
    }

    [Fact]
    public async Task ServiceTask_OneJobPerItem()
    {
        var instance = await _h.StartAsync(Start() + Job("Notify", inner: Loop("""inputCollection="=approvers" inputElement="recipient" """)) + Task("After") + End()
            + Chain("Start", "Notify", "After", "End"), ThreeApprovers);
        Assert.Equal(3, _h.Jobs.Dispatched.Count);
        foreach (var job in instance.Bookmarks.ToList())
            instance = TokenInvariants.Check(await _h.Engine.CompleteJobAsync(instance.Id, job.Id, new Dictionary<string, object?>(), Harness.None));
        Assert.Equal(["After"], Harness.Waiting(instance));
    }

    [Fact]
    public async Task SubProcess_RunsItsFlowPerItem()
    {
        var instance = await _h.StartAsync(Start()
            + SubProcess("PerTrainee", Start("S_Start") + Task("S_Check") + End("S_End") + Chain("S_Start", "S_Check", "S_End"), Loop("""inputCollection="=trainees" inputElement="trainee" """))
            + End() + Chain("Start", "PerTrainee", "End"), new Dictionary<string, object?> { ["trainees"] = new[] { "甲", "乙" } });
        Assert.Equal(2, instance.Bookmarks.Count);
        Assert.Equal(5, instance.Tokens.Count); // the multi-instance token, two instance scopes, two tokens inside
        instance = await _h.CompleteAsync(instance, "S_Check", task: instance.Bookmarks[0]);
        instance = await _h.CompleteAsync(instance, "S_Check", task: instance.Bookmarks[0]);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task JobErrorInOneInstance_IsCaughtByTheBoundaryOfTheMultiInstanceActivity()
    {
        var instance = await _h.StartAsync(Start() + Job("Notify", inner: Loop("""inputCollection="=approvers" inputElement="recipient" """))
            + Boundary("Failed", "Notify", ErrorDefinition()) + Task("After") + Task("Handle") + End() + End("End2")
            + Chain("Start", "Notify", "After", "End") + Chain("Failed", "Handle", "End2"), ThreeApprovers);
        instance = TokenInvariants.Check(await _h.Engine.ThrowJobErrorAsync(instance.Id, instance.Bookmarks[1].Id, "NO_PHONE", null, Harness.None));
        Assert.Equal(["Handle"], Harness.Waiting(instance));
        Assert.Single(instance.Tokens);
    }

    [Fact]
    public async Task InterruptingBoundary_CancelsEveryInstance()
    {
        var instance = await _h.StartAsync(Start() + Sign(Loop("""inputCollection="=approvers" inputElement="approver" """))
            + Boundary("Withdraw", "Sign", MessageDefinition("Msg_W")) + Task("After") + End() + End("End2")
            + Chain("Start", "Sign", "After", "End") + Chain("Withdraw", "End2"), ThreeApprovers, extra: Message("Msg_W", "withdrawn"));
        Assert.Single(instance.Bookmarks, b => b.NodeId == "Withdraw");
        instance = TokenInvariants.Check((await _h.Engine.CorrelateMessageAsync("withdrawn", "JZ-2026-031", null, "institution", Harness.None))!);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }
}
