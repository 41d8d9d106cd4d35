using Pipeline.Workflows.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>User-task due and follow-up dates (<c>zeebe:taskSchedule</c>), evaluated when the task is created, and the overdue-task query.</summary>
public class UserTaskScheduleTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly Harness _h = new();

    private static string Scheduled(string id, string attributes, string groups = "reviewer") =>
        $"""<bpmn:userTask id="{id}" name="{id}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="{groups}" /><zeebe:taskSchedule {attributes} /></bpmn:extensionElements></bpmn:userTask>""";

    private void SetNow(DateTimeOffset now) => _h.Time.Advance(now - _h.Time.Now);

    [Fact]
    public async Task DueDate_FromALiteral_FollowUp_FromADuration()
    {
        var instance = await _h.StartAsync(Start() + Scheduled("Review", """dueDate="2026-03-10T17:00:00+08:00" followUpDate="P1D" """) + End() + Chain("Start", "Review", "End"));
        var task = Assert.Single(instance.Bookmarks);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 17, 0, 0, Beijing), task.DueAt);
        Assert.Equal(_h.Time.Now.AddDays(1), task.FollowUpAt);
        Assert.Empty(_h.Timers.Scheduled);
        Assert.Contains(await _h.HistoryAsync(instance), h => h is { Kind: HistoryKinds.BookmarkCreated, NodeId: "Review" } && h.Detail!.Contains("due 2026-03-10T17:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddWorkingDays_SkipsNationalDay_OnTheEnginesClock()
    {
        // 2025-09-30 (Tuesday): 1–8 October are the National Day and Mid-Autumn holiday; Saturday 11 October is a working day (调休).
        SetNow(new DateTimeOffset(2025, 9, 30, 10, 0, 0, Beijing));
        var instance = await _h.StartAsync(Start() + Scheduled("Review", """dueDate="=addWorkingDays(today(), 3)" followUpDate="=now() + duration(&quot;PT2H&quot;)" """) + End()
            + Chain("Start", "Review", "End"));
        var task = Assert.Single(instance.Bookmarks);
        Assert.Equal(new DateTimeOffset(2025, 10, 11, 23, 59, 59, Beijing), task.DueAt);
        Assert.Equal(new DateTimeOffset(2025, 9, 30, 12, 0, 0, Beijing), task.FollowUpAt);
    }

    [Fact]
    public async Task DueDate_FromAVariable_PerMultiInstanceTask()
    {
        var instance = await _h.StartAsync(Start()
            + $"""<bpmn:userTask id="Sign" name="Sign"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="approver" /><zeebe:taskSchedule dueDate="=deadline" /></bpmn:extensionElements>{Loop(cardinality: "2")}</bpmn:userTask>"""
            + End() + Chain("Start", "Sign", "End"),
            new Dictionary<string, object?> { ["deadline"] = "2026-03-06" });
        Assert.Equal(2, instance.Bookmarks.Count);
        Assert.All(instance.Bookmarks, b => Assert.Equal(new DateTimeOffset(2026, 3, 6, 23, 59, 59, Beijing), b.DueAt));
    }

    [Theory]
    [InlineData("=addWorkingDays(start, 3)", "dueDate of Review (=addWorkingDays(start, 3)) failed")]
    [InlineData("=3", "dueDate of Review: dueDate number 3 is not a date and time")]
    public async Task DueDateThatFails_IsAnIncident_AndNoTaskIsCreated(string expression, string message)
    {
        var instance = await _h.StartAsync(Start() + Scheduled("Review", $"""dueDate="{expression}" """) + End() + Chain("Start", "Review", "End"),
            new Dictionary<string, object?> { ["start"] = "2026-03-02" });
        var token = Assert.Single(instance.Tokens);
        Assert.Equal(TokenState.Incident, token.State);
        Assert.StartsWith(message, token.Incident, StringComparison.Ordinal);
        Assert.Empty(instance.Bookmarks);
    }

    [Fact]
    public async Task NullDueDate_MeansNone()
    {
        var instance = await _h.StartAsync(Start() + Scheduled("Review", """dueDate="=if urgent then duration(&quot;P1D&quot;) else null" """) + End() + Chain("Start", "Review", "End"),
            new Dictionary<string, object?> { ["urgent"] = false });
        Assert.Null(Assert.Single(instance.Bookmarks).DueAt);
    }

    [Fact]
    public async Task OverdueQuery_ReturnsOnlyOverdueTasks_OldestDueFirst()
    {
        var instance = await _h.StartAsync(Start() + And("Fork")
            + Scheduled("Soon", """dueDate="PT4H" """) + Scheduled("Sooner", """dueDate="PT1H" """) + Scheduled("Later", """dueDate="P5D" """) + Task("Whenever")
            + Boundary("Remind", "Whenever", TimerDefinition("timeDuration", "PT1H"), interrupting: false) + End() + End("E2") + End("E3") + End("E4") + End("E5")
            + Chain("Start", "Fork", "Soon", "End") + Chain("Fork", "Sooner", "E2") + Chain("Fork", "Later", "E3") + Chain("Fork", "Whenever", "E4") + Chain("Remind", "E5"));
        _h.Time.Advance(TimeSpan.FromHours(6));

        var overdue = await _h.Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.UserTask, DueBefore: _h.Time.Now), Harness.None);
        Assert.Equal(["Sooner", "Soon"], overdue.Select(o => o.Bookmark.NodeId));
        Assert.All(overdue, o => Assert.Equal(instance.Id, o.Instance.Id));
        var forReviewers = await _h.Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.UserTask, CandidateGroups: ["reviewer"], DueBefore: _h.Time.Now.AddDays(10)), Harness.None);
        Assert.Equal(["Sooner", "Soon", "Later"], forReviewers.Select(o => o.Bookmark.NodeId));
        // Timers stay apart from tasks.
        Assert.Equal("Remind", Assert.Single(await _h.Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Timer, DueBefore: _h.Time.Now), Harness.None)).Bookmark.NodeId);

        await _h.CompleteAsync(instance, "Sooner");
        Assert.Equal("Soon", Assert.Single(await _h.Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.UserTask, DueBefore: _h.Time.Now), Harness.None)).Bookmark.NodeId);
    }
}
