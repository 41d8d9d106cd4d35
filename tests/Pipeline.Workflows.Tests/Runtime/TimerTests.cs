using Pipeline.Workflows.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>Intermediate timer catch events, boundary timers and event-based gateways (BPMN 2.0 §10.5.5, §13.3.6).</summary>
public class TimerTests
{
    private readonly Harness _h = new();

    private static string TimerCatch(string id, string kind, string value) =>
        $"""<bpmn:intermediateCatchEvent id="{id}">{TimerDefinition(kind, value)}</bpmn:intermediateCatchEvent>""";

    private async Task<ProcessInstance> FireAsync(ProcessInstance instance, string nodeId) =>
        TokenInvariants.Check((await _h.Engine.FireTimerAsync(instance.Id, instance.Bookmarks.Single(b => b.NodeId == nodeId && b.Kind == BookmarkKind.Timer).Id, Harness.None))!);

    [Fact]
    public async Task IntermediateTimer_WaitsUntilDue_IsScheduledAfterCommit_AndFiresOnce()
    {
        var instance = await _h.StartAsync(Start() + TimerCatch("Wait3Days", "timeDuration", "P3D") + Task("After") + End() + Chain("Start", "Wait3Days", "After", "End"));
        var timer = Assert.Single(instance.Bookmarks);
        Assert.Equal(BookmarkKind.Timer, timer.Kind);
        Assert.Equal(_h.Time.Now.AddDays(3), timer.DueAt);
        Assert.Equal(timer.Id, Assert.Single(_h.Timers.Scheduled).Id);

        _h.Time.Advance(TimeSpan.FromDays(3));
        var fired = await FireAsync(instance, "Wait3Days");
        Assert.Equal(["After"], Harness.Waiting(fired));
        Assert.Contains(await _h.HistoryAsync(instance), h => h is { Kind: HistoryKinds.TimerFired, NodeId: "Wait3Days" });

        Assert.Null(await _h.Engine.FireTimerAsync(instance.Id, timer.Id, Harness.None));
        Assert.Null(await _h.Engine.FireTimerAsync(Guid.NewGuid(), timer.Id, Harness.None));
        Assert.Equal(fired.Revision, (await _h.Instances.GetAsync(instance.Id, Harness.None))!.Revision);
    }

    [Fact]
    public async Task A_timer_job_that_runs_early_never_fires_the_timer_it_schedules_it_again()
    {
        var instance = await _h.StartAsync(Start() + TimerCatch("Wait", "timeDuration", "PT10S") + Task("After") + End() + Chain("Start", "Wait", "After", "End"));
        var timer = Assert.Single(instance.Bookmarks);

        // A scheduler that rounds due times runs the job 0.6 s early: nothing fires, the timer is scheduled again.
        _h.Time.Advance(TimeSpan.FromSeconds(9.4));
        var early = await _h.Engine.FireTimerWhenDueAsync(instance.Id, timer.Id, Harness.None);
        Assert.Equal(TimerFiring.NotDue, early.Outcome);
        Assert.Equal(2, _h.Timers.Scheduled.Count(t => t.Id == timer.Id));
        var unchanged = (await _h.Instances.GetAsync(instance.Id, Harness.None))!;
        Assert.Equal(instance.Revision, unchanged.Revision);
        Assert.DoesNotContain(await _h.HistoryAsync(instance), h => h.Kind == HistoryKinds.TimerFired);

        _h.Time.Advance(TimeSpan.FromSeconds(0.6));
        var due = await _h.Engine.FireTimerWhenDueAsync(instance.Id, timer.Id, Harness.None);
        Assert.Equal(TimerFiring.Fired, due.Outcome);
        Assert.Equal(["After"], Harness.Waiting(due.Instance!));
        Assert.Equal(TimerFiring.Gone, (await _h.Engine.FireTimerWhenDueAsync(instance.Id, timer.Id, Harness.None)).Outcome);
    }

    [Fact]
    public async Task TimerExpression_FromAVariable_AndTimeDate()
    {
        var instance = await _h.StartAsync(Start() + TimerCatch("Wait", "timeDuration", "=reminderDelay") + TimerCatch("Until", "timeDate", "=deadline") + End()
            + Chain("Start", "Wait", "Until", "End"),
            new Dictionary<string, object?> { ["reminderDelay"] = "PT2H", ["deadline"] = "2026-03-10T17:00:00+08:00" });
        Assert.Equal(_h.Time.Now.AddHours(2), Assert.Single(instance.Bookmarks).DueAt);
        instance = await FireAsync(instance, "Wait");
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 17, 0, 0, TimeSpan.FromHours(8)), Assert.Single(instance.Bookmarks).DueAt);
    }

    [Fact]
    public async Task FeelTemporalValues_ScheduleTimers()
    {
        var instance = await _h.StartAsync(Start() + TimerCatch("Wait", "timeDuration", "=duration(\"P1M\")") + TimerCatch("Until", "timeDate", "=date(\"2026-06-01\")") + End()
            + Chain("Start", "Wait", "Until", "End"));
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(8)), Assert.Single(instance.Bookmarks).DueAt);
        instance = await FireAsync(instance, "Wait");
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.FromHours(8)), Assert.Single(instance.Bookmarks).DueAt);
    }

    [Fact]
    public async Task TimerExpressionOfTheWrongKind_IsAnIncident()
    {
        var instance = await _h.StartAsync(Start() + TimerCatch("Wait", "timeDuration", "=reminderDelay") + End() + Chain("Start", "Wait", "End"),
            new Dictionary<string, object?> { ["reminderDelay"] = 3 });
        var token = Assert.Single(instance.Tokens);
        Assert.Equal(TokenState.Incident, token.State);
        Assert.Contains("ISO 8601 duration", token.Incident);
        Assert.Empty(_h.Timers.Scheduled);
    }

    [Fact]
    public async Task InterruptingBoundaryTimer_CancelsTheTask_AndEscalates()
    {
        var instance = await _h.StartAsync(Start() + Task("Review") + Boundary("Overdue", "Review", TimerDefinition("timeDuration", "P5D")) + Task("Escalate") + End() + End("End2")
            + Chain("Start", "Review", "End") + Chain("Overdue", "Escalate", "End2"));
        Assert.Equal(["Overdue", "Review"], Harness.Waiting(instance));
        var review = instance.Bookmarks.Single(b => b.NodeId == "Review");

        instance = await FireAsync(instance, "Overdue");
        Assert.Equal(["Escalate"], Harness.Waiting(instance));
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => _h.CompleteAsync(instance, "Review", task: review));
    }

    [Fact]
    public async Task CompletingTheTask_UnschedulesItsBoundaryTimers()
    {
        var instance = await _h.StartAsync(Start() + Task("Review") + Boundary("Overdue", "Review", TimerDefinition("timeDuration", "P5D")) + End() + End("End2")
            + Chain("Start", "Review", "End") + Chain("Overdue", "End2"));
        var timer = instance.Bookmarks.Single(b => b.Kind == BookmarkKind.Timer);
        instance = await _h.CompleteAsync(instance, "Review");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(timer.Id, Assert.Single(_h.Timers.Cancelled).Id);
        Assert.Empty(_h.Timers.Pending);
        Assert.Null(await _h.Engine.FireTimerAsync(instance.Id, timer.Id, Harness.None));
    }

    [Fact]
    public async Task TaskRerunAfterAnIncident_DoesNotDuplicateItsBoundaryTimer()
    {
        var instance = await _h.StartAsync(Start()
            + Task("Review", inner: "", properties: """<zeebe:ioMapping><zeebe:output source="=score + 1" target="next" /></zeebe:ioMapping>""")
            + Boundary("Overdue", "Review", TimerDefinition("timeDuration", "P5D")) + End() + End("End2")
            + Chain("Start", "Review", "End") + Chain("Overdue", "End2"));
        instance = await _h.CompleteAsync(instance, "Review", variables: new Dictionary<string, object?> { ["score"] = "high" });
        var token = Assert.Single(instance.Tokens);
        Assert.Equal(TokenState.Incident, token.State);
        Assert.Single(instance.Bookmarks, b => b.NodeId == "Overdue");

        instance = TokenInvariants.Check(await _h.Engine.RetryIncidentAsync(instance.Id, token.Id, "admin", Harness.None));
        Assert.Equal(["Overdue", "Review"], Harness.Waiting(instance));
        Assert.Equal(2, _h.Timers.Scheduled.Count);
        Assert.Single(_h.Timers.Pending);
    }

    [Fact]
    public async Task NonInterruptingCycle_RemindsRepeatedly_WhileTheTaskStaysOpen()
    {
        var instance = await _h.StartAsync(Start() + Task("Review") + Boundary("Remind", "Review", TimerDefinition("timeCycle", "R2/P1D"), interrupting: false)
            + Job("Nudge") + End() + End("End2") + Chain("Start", "Review", "End") + Chain("Remind", "Nudge", "End2"));
        var first = instance.Bookmarks.Single(b => b.NodeId == "Remind");
        Assert.Equal((_h.Time.Now.AddDays(1), 1), (first.DueAt, first.RepeatsLeft));

        instance = await FireAsync(instance, "Remind");
        var second = instance.Bookmarks.Single(b => b.NodeId == "Remind");
        Assert.Equal((first.DueAt!.Value.AddDays(1), 0), (second.DueAt, second.RepeatsLeft));
        Assert.Equal(["Nudge", "Remind", "Review"], Harness.Waiting(instance));

        instance = await FireAsync(instance, "Remind");
        Assert.Equal(["Nudge", "Nudge", "Review"], Harness.Waiting(instance));
        Assert.Equal(2, (await _h.HistoryAsync(instance)).Count(h => h is { Kind: HistoryKinds.BoundaryTriggered, NodeId: "Remind" }));
    }

    [Fact]
    public async Task BoundaryTimerOnASubProcess_CancelsEverythingInside()
    {
        var instance = await _h.StartAsync(Start()
            + SubProcess("Sub", Start("S_Start") + And("S_Fork") + Task("S_A") + TimerCatch("S_Wait", "timeDuration", "P1D") + End("S_End") + End("S_End2")
                + Chain("S_Start", "S_Fork", "S_A", "S_End") + Chain("S_Fork", "S_Wait", "S_End2"))
            + Boundary("Deadline", "Sub", TimerDefinition("timeDuration", "P10D")) + Task("Late") + End() + End("End2")
            + Chain("Start", "Sub", "End") + Chain("Deadline", "Late", "End2"));
        Assert.Equal(["Deadline", "S_A", "S_Wait"], Harness.Waiting(instance));

        instance = await FireAsync(instance, "Deadline");
        Assert.Equal(["Late"], Harness.Waiting(instance));
        Assert.Contains(_h.Timers.Cancelled, t => t.NodeId == "S_Wait");
    }

    private static readonly string Race = Start() + """<bpmn:eventBasedGateway id="Race" />"""
        + """<bpmn:intermediateCatchEvent id="Resubmitted">""" + MessageDefinition("Msg_Pack") + "</bpmn:intermediateCatchEvent>"
        + TimerCatch("TimedOut", "timeDuration", "P15D") + Task("Recheck") + Task("Close") + End() + End("End2")
        + Chain("Start", "Race", "Resubmitted", "Recheck", "End") + Chain("Race", "TimedOut", "Close", "End2");

    [Fact]
    public async Task EventBasedGateway_TheMessageWins_AndTheTimerIsCancelled()
    {
        var instance = await _h.StartAsync(Race, extra: Message("Msg_Pack", "pack-resubmitted"));
        Assert.Equal(["Resubmitted", "TimedOut"], Harness.Waiting(instance));
        Assert.Equal("Race", Assert.Single(instance.Tokens).NodeId);

        instance = TokenInvariants.Check((await _h.Engine.CorrelateMessageAsync("pack-resubmitted", "JZ-2026-031", null, "institution", Harness.None))!);
        Assert.Equal(["Recheck"], Harness.Waiting(instance));
        Assert.Equal("TimedOut", Assert.Single(_h.Timers.Cancelled).NodeId);
        Assert.Contains(await _h.HistoryAsync(instance), h => h is { Kind: HistoryKinds.FlowTaken, Detail: "F_Race_Resubmitted → Resubmitted" });
    }

    [Fact]
    public async Task EventBasedGateway_TheTimerWins_AndTheSubscriptionIsGone()
    {
        var instance = await _h.StartAsync(Race, extra: Message("Msg_Pack", "pack-resubmitted"));
        instance = await FireAsync(instance, "TimedOut");
        Assert.Equal(["Close"], Harness.Waiting(instance));
        Assert.Null(await _h.Engine.CorrelateMessageAsync("pack-resubmitted", "JZ-2026-031", null, "institution", Harness.None));
    }

    [Fact]
    public async Task TimersDue_AreFoundByDueTime_ForFiringAtStartUp()
    {
        await _h.StartAsync(Start() + TimerCatch("Soon", "timeDuration", "P1D") + End() + Chain("Start", "Soon", "End"), businessKey: "A");
        await _h.StartAsync(Start() + TimerCatch("Later", "timeDuration", "P9D") + End() + Chain("Start", "Later", "End"), businessKey: "B");
        var due = await _h.Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Timer, DueBefore: _h.Time.Now.AddDays(2)), Harness.None);
        Assert.Equal("Soon", Assert.Single(due).Bookmark.NodeId);
        Assert.Equal(["Soon", "Later"], (await _h.Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Timer, DueBefore: _h.Time.Now.AddDays(30)), Harness.None)).Select(d => d.Bookmark.NodeId));
    }

    [Fact]
    public async Task CancellingTheInstance_RemovesEverything_AndUnschedulesItsTimers()
    {
        var instance = await _h.StartAsync(Start() + Task("Review") + Boundary("Overdue", "Review", TimerDefinition("timeDuration", "P5D")) + End() + End("End2")
            + Chain("Start", "Review", "End") + Chain("Overdue", "End2"));
        instance = TokenInvariants.Check(await _h.Engine.CancelInstanceAsync(instance.Id, "admin", "duplicate case", Harness.None));
        Assert.Equal(InstanceStatus.Cancelled, instance.Status);
        Assert.Single(_h.Timers.Cancelled);
        Assert.Equal(HistoryKinds.InstanceCancelled, (await _h.HistoryAsync(instance))[^1].Kind);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Engine.CancelInstanceAsync(instance.Id, "admin", "again", Harness.None));
    }
}
