using Microsoft.EntityFrameworkCore;
using Pipeline.Workflows.EntityFramework;
using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Tests.Definitions;
using Pipeline.Workflows.Tests.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Persistence;

/// <summary>
/// Instance migration and user-task due dates on the database, every step through a fresh engine (state comes from the
/// database only). Run by <see cref="SqlitePersistenceTests"/> and <see cref="PostgresPersistenceTests"/>.
/// </summary>
public sealed class EngineFeatureScenarios(IDbContextFactory<WorkflowDbContext> contexts)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly FakeTime _time = new(new DateTimeOffset(2025, 9, 30, 10, 0, 0, TimeSpan.FromHours(8)));

    private EfInstanceStore Instances { get; } = new(contexts);

    private WorkflowEngine NewEngine() => new(new EfDefinitionStore(contexts), new EfInstanceStore(contexts), _time, new RecordingJobs(), new RecordingTimers());

    private async Task<int> DeployAsync(string processId, string content) =>
        Assert.Single(await NewEngine().DeployAsync(BpmnSamples.Process(content).Replace("Process_1", processId, StringComparison.Ordinal), Harness.Catalogue, "admin", None)).Version;

    private async Task<ProcessInstance> LoadAsync(Guid id) => TokenInvariants.Check((await Instances.GetAsync(id, None))!);

    public async Task MigratedInstance_ReloadsOnTheNewVersion()
    {
        var processId = $"migrate-{_suffix}";
        await DeployAsync(processId, Start() + Task("Review") + Boundary("Remind", "Review", TimerDefinition("timeDuration", "P3D"), interrupting: false)
            + End() + End("E2") + Chain("Start", "Review", "End") + Chain("Remind", "E2"));
        var instance = await LoadAsync((await NewEngine().StartAsync(processId, "JZ-" + _suffix, null, "institution", None)).Id);
        var task = instance.Bookmarks.Single(b => b.Kind == BookmarkKind.UserTask);
        var timer = instance.Bookmarks.Single(b => b.Kind == BookmarkKind.Timer);
        var v2 = await DeployAsync(processId, Start() + Task("Task_Review", "senior-reviewer") + Boundary("Remind", "Task_Review", TimerDefinition("timeDuration", "P5D"), interrupting: false)
            + Task("SignOff", "approver") + End() + End("E2") + Chain("Start", "Task_Review", "SignOff", "End") + Chain("Remind", "E2"));

        await NewEngine().MigrateInstanceAsync(instance.Id, v2, new Dictionary<string, string> { ["Review"] = "Task_Review" }, "admin", None);
        var migrated = await LoadAsync(instance.Id);
        Assert.Equal((v2, instance.Revision + 1), (migrated.Version, migrated.Revision));
        var kept = migrated.Bookmarks.Single(b => b.Kind == BookmarkKind.UserTask);
        Assert.Equal((task.Id, "Task_Review", "Task_Review"), (kept.Id, kept.NodeId, kept.Name));
        Assert.Equal(["senior-reviewer"], kept.CandidateGroups);
        var keptTimer = migrated.Bookmarks.Single(b => b.Kind == BookmarkKind.Timer);
        Assert.Equal((timer.Id, timer.DueAt, timer.RepeatsLeft, timer.TokenId), (keptTimer.Id, keptTimer.DueAt, keptTimer.RepeatsLeft, keptTimer.TokenId));
        Assert.Equal("Task_Review", migrated.Tokens.Single().NodeId);
        Assert.Contains(await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.UserTask, CandidateGroups: ["senior-reviewer"]), None), f => f.Bookmark.Id == task.Id);
        Assert.Contains(await Instances.HistoryAsync(instance.Id, None), h => h is { Kind: HistoryKinds.InstanceMigrated, Detail: var d } && d!.Contains("Review → Task_Review", StringComparison.Ordinal));

        // It runs on: the new version's flows, through the old task link.
        await NewEngine().CompleteUserTaskAsync(instance.Id, task.Id, "王经办", ["senior-reviewer"], new Dictionary<string, object?>(), None);
        Assert.Equal(["SignOff"], Harness.Waiting(await LoadAsync(instance.Id)));
    }

    public async Task UserTaskDueDates_SurviveTheDatabase_AndOverdueTasksAreFound()
    {
        var processId = $"due-{_suffix}";
        await DeployAsync(processId, Start() + And("Fork")
            + """<bpmn:userTask id="Review" name="审核"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /><zeebe:taskSchedule dueDate="=addWorkingDays(today(), 3)" followUpDate="P1D" /></bpmn:extensionElements></bpmn:userTask>"""
            + Task("Undated") + End() + End("E2") + Chain("Start", "Fork", "Review", "End") + Chain("Fork", "Undated", "E2"));
        var instance = await LoadAsync((await NewEngine().StartAsync(processId, "JZ-" + _suffix, null, "institution", None)).Id);
        var review = instance.Bookmarks.Single(b => b.NodeId == "Review");
        Assert.Equal(new DateTimeOffset(2025, 10, 11, 23, 59, 59, Beijing), review.DueAt);
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 10, 0, 0, Beijing), review.FollowUpAt);
        Assert.Null(instance.Bookmarks.Single(b => b.NodeId == "Undated").DueAt);

        async Task<IEnumerable<Guid>> OverdueAt(DateTimeOffset now) =>
            (await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.UserTask, DueBefore: now), None)).Where(f => f.Instance.Id == instance.Id).Select(f => f.Bookmark.Id);
        Assert.Empty(await OverdueAt(new DateTimeOffset(2025, 10, 11, 23, 0, 0, Beijing)));
        Assert.Equal([review.Id], await OverdueAt(new DateTimeOffset(2025, 10, 12, 0, 0, 0, Beijing)));
        Assert.DoesNotContain(await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Timer, DueBefore: new DateTimeOffset(2025, 12, 1, 0, 0, 0, Beijing)), None),
            f => f.Instance.Id == instance.Id);

        // A later save (another task completed) keeps the dates.
        await NewEngine().CompleteUserTaskAsync(instance.Id, instance.Bookmarks.Single(b => b.NodeId == "Undated").Id, "王经办", ["reviewer"], new Dictionary<string, object?>(), None);
        var reloaded = (await LoadAsync(instance.Id)).Bookmarks.Single();
        Assert.Equal((review.Id, review.DueAt, review.FollowUpAt), (reloaded.Id, reloaded.DueAt, reloaded.FollowUpAt));
    }

    public async Task ClaimedTask_AndItsForm_SurviveTheDatabase()
    {
        var processId = $"claim-{_suffix}";
        await DeployAsync(processId, Start() + Task("Review", properties: """<zeebe:formDefinition formId="acceptance-review" />""") + End() + Chain("Start", "Review", "End"));
        var instance = await LoadAsync((await NewEngine().StartAsync(processId, "JZ-" + _suffix, null, "institution", None)).Id);
        var task = instance.Bookmarks.Single();
        Assert.Equal(("acceptance-review", null), (task.FormId, task.Assignee));

        await NewEngine().ClaimUserTaskAsync(instance.Id, task.Id, "张三", ["reviewer"], None);
        var claimed = (await LoadAsync(instance.Id)).Bookmarks.Single();
        Assert.Equal((task.Id, "acceptance-review", "张三"), (claimed.Id, claimed.FormId, claimed.Assignee));
        var found = await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.UserTask, CandidateGroups: ["reviewer"]), None);
        Assert.Equal("张三", found.Single(f => f.Bookmark.Id == task.Id).Bookmark.Assignee);
        await Assert.ThrowsAsync<TaskClaimedException>(() => NewEngine().CompleteUserTaskAsync(instance.Id, task.Id, "李四", ["reviewer"], new Dictionary<string, object?>(), None));

        await NewEngine().UnclaimUserTaskAsync(instance.Id, task.Id, "张三", anyone: false, None);
        Assert.Null((await LoadAsync(instance.Id)).Bookmarks.Single().Assignee);
        var history = await Instances.HistoryAsync(instance.Id, None);
        Assert.Equal([HistoryKinds.TaskClaimed, HistoryKinds.TaskUnclaimed], history.Where(e => e.Kind.StartsWith("task-", StringComparison.Ordinal) && e.Kind != HistoryKinds.TaskCompleted).Select(e => e.Kind));
    }
}
