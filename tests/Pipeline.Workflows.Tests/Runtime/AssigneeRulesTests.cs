using Pipeline.Workflows.Definitions.Bpmn;
using Pipeline.Workflows.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>Co-signing and segregation of duties declared as <c>zeebe:properties</c> on user tasks.</summary>
public class AssigneeRulesTests
{
    private readonly Harness _h = new();

    private const string Distinct = """<zeebe:properties><zeebe:property name="pipeline:distinctAssignees" value="true" /></zeebe:properties>""";

    /// <summary>Two co-signatures; a rejection loops back to a new round of signing.</summary>
    private static readonly string CoSigned = Start() + Task("Sign", "approver", Loop(cardinality: "2"), Distinct)
        + Xor("Decide", "F_Decide_Sign") + End()
        + Chain("Start", "Sign", "Decide") + Flow("Decide", "End", "=outcome = \"approve\"") + Flow("Decide", "Sign");

    private Task<ProcessInstance> SignAsync(ProcessInstance instance, Bookmark task, string actor, string outcome = "approve") =>
        _h.CompleteAsync(instance, "Sign", actor, new Dictionary<string, object?> { ["outcome"] = outcome }, task, "approver");

    [Fact]
    public async Task CoSignedTask_RefusesTheSamePersonTwice_R_QJ_8()
    {
        var instance = await _h.StartAsync(CoSigned);
        var tasks = instance.Bookmarks.ToList();
        instance = await SignAsync(instance, tasks[0], "李科长");

        var conflict = await Assert.ThrowsAsync<AssigneeConflictException>(() => SignAsync(instance, tasks[1], "李科长"));
        Assert.Equal((BpmnReader.DistinctAssigneesProperty, "Sign", "李科长"), (conflict.Rule, conflict.TaskId, conflict.Person));
        Assert.Contains("different person", conflict.Message);
        var stored = (await _h.Instances.GetAsync(instance.Id, Harness.None))!;
        Assert.Equal(instance.Revision, stored.Revision);
        Assert.Contains(stored.Bookmarks, b => b.Id == tasks[1].Id);

        instance = await SignAsync(instance, tasks[1], "赵主任");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(["李科长", "赵主任"], instance.CompletedTasks.Select(c => c.Actor));
    }

    [Fact]
    public async Task CoSigning_IsPerRound_SoASignerOfARejectedRoundMaySignTheNextOne()
    {
        var instance = await _h.StartAsync(CoSigned);
        instance = await SignAsync(instance, instance.Bookmarks[0], "李科长", "reject");
        instance = await SignAsync(instance, instance.Bookmarks[0], "赵主任", "reject");
        Assert.Equal(2, instance.Bookmarks.Count);

        instance = await SignAsync(instance, instance.Bookmarks[0], "李科长");
        await Assert.ThrowsAsync<AssigneeConflictException>(() => SignAsync(instance, instance.Bookmarks[0], "李科长"));
        instance = await SignAsync(instance, instance.Bookmarks[0], "赵主任");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task WhoDidTheBusinessReview_MayNotDoTheFinancialApproval_R_YN_10()
    {
        var instance = await _h.StartAsync(Start() + Task("Task_Review", "reviewer") + Task("Task_Finance", "finance", properties: """<zeebe:properties><zeebe:property name="pipeline:notCompletedBy" value="Task_Review" /></zeebe:properties>""")
            + End() + Chain("Start", "Task_Review", "Task_Finance", "End"));
        instance = await _h.CompleteAsync(instance, "Task_Review", "王经办");

        var conflict = await Assert.ThrowsAsync<AssigneeConflictException>(() => _h.CompleteAsync(instance, "Task_Finance", "王经办", role: "finance"));
        Assert.Equal((BpmnReader.NotCompletedByProperty, "Task_Finance", "王经办"), (conflict.Rule, conflict.TaskId, conflict.Person));
        Assert.Contains("Task_Review", conflict.Message);

        instance = await _h.CompleteAsync(instance, "Task_Finance", "钱会计", role: "finance");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal([("Task_Review", "王经办"), ("Task_Finance", "钱会计")], instance.CompletedTasks.Select(c => (c.NodeId, c.Actor)));
    }

    [Fact]
    public async Task RoleIsCheckedBeforeTheRules()
    {
        var instance = await _h.StartAsync(CoSigned);
        await Assert.ThrowsAsync<TaskForbiddenException>(() => _h.CompleteAsync(instance, "Sign", "王经办", task: instance.Bookmarks[0], role: "reviewer"));
    }
}
