using Pipeline.Workflows.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>Claiming and releasing user tasks (Camunda Tasklist's claim): only the assignee completes a claimed task.</summary>
public class ClaimTests
{
    private readonly Harness _h = new();
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string Review = Start() + Task("Review") + End() + Chain("Start", "Review", "End");

    [Fact]
    public async Task ClaimedTask_IsCompletedOnlyByItsAssignee()
    {
        var instance = await _h.StartAsync(Review);
        var task = instance.Bookmarks.Single();
        instance = await _h.Engine.ClaimUserTaskAsync(instance.Id, task.Id, "张三", ["reviewer"], None);
        Assert.Equal("张三", instance.Bookmarks.Single().Assignee);
        Assert.Equal(task.Id, instance.Bookmarks.Single().Id);

        var refused = await Assert.ThrowsAsync<TaskClaimedException>(() => _h.CompleteAsync(instance, "Review", "李四"));
        Assert.Equal("张三", refused.Assignee);
        await Assert.ThrowsAsync<TaskClaimedException>(() => _h.Engine.ClaimUserTaskAsync(instance.Id, task.Id, "李四", ["reviewer"], None));

        instance = await _h.CompleteAsync((await _h.Instances.GetAsync(instance.Id, None))!, "Review", "张三");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task Unclaim_ByTheAssigneeOrAnAdministrator_FreesTheTask_AndTheHistoryRecordsBoth()
    {
        var instance = await _h.StartAsync(Review);
        var task = instance.Bookmarks.Single();
        await _h.Engine.ClaimUserTaskAsync(instance.Id, task.Id, "张三", ["reviewer"], None);
        await Assert.ThrowsAsync<TaskClaimedException>(() => _h.Engine.UnclaimUserTaskAsync(instance.Id, task.Id, "李四", anyone: false, None));

        instance = await _h.Engine.UnclaimUserTaskAsync(instance.Id, task.Id, "张三", anyone: false, None);
        Assert.Null(instance.Bookmarks.Single().Assignee);
        await _h.Engine.ClaimUserTaskAsync(instance.Id, task.Id, "李四", ["reviewer"], None);
        instance = await _h.Engine.UnclaimUserTaskAsync(instance.Id, task.Id, "admin", anyone: true, None);
        Assert.Null(instance.Bookmarks.Single().Assignee);

        var history = (await _h.HistoryAsync(instance)).Where(e => e.Kind is HistoryKinds.TaskClaimed or HistoryKinds.TaskUnclaimed).ToList();
        Assert.Equal([(HistoryKinds.TaskClaimed, "张三"), (HistoryKinds.TaskUnclaimed, "张三"), (HistoryKinds.TaskClaimed, "李四"), (HistoryKinds.TaskUnclaimed, "admin")],
            history.Select(e => (e.Kind, e.Actor)));
        Assert.Contains("李四", history[^1].Detail);
    }

    [Fact]
    public async Task Claim_NeedsACandidateGroup_AndPassesTheTasksRules_AndIsIdempotent()
    {
        var instance = await _h.StartAsync(Start() + Task("Task_Review") + Task("Task_Finance", "finance", properties: """<zeebe:properties><zeebe:property name="pipeline:notCompletedBy" value="Task_Review" /></zeebe:properties>""")
            + End() + Chain("Start", "Task_Review", "Task_Finance", "End"));
        await Assert.ThrowsAsync<TaskForbiddenException>(() => _h.Engine.ClaimUserTaskAsync(instance.Id, instance.Bookmarks.Single().Id, "钱会计", ["finance"], None));
        instance = await _h.CompleteAsync(instance, "Task_Review", "王经办");
        var finance = instance.Bookmarks.Single();
        await Assert.ThrowsAsync<AssigneeConflictException>(() => _h.Engine.ClaimUserTaskAsync(instance.Id, finance.Id, "王经办", ["finance"], None));

        var claimed = await _h.Engine.ClaimUserTaskAsync(instance.Id, finance.Id, "钱会计", ["finance"], None);
        var again = await _h.Engine.ClaimUserTaskAsync(instance.Id, finance.Id, "钱会计", ["finance"], None);
        Assert.Equal(claimed.Revision, again.Revision);
    }
}
