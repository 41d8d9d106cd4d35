namespace Pipeline.Workflows.Runtime;

/// <summary>
/// Makes timers fire (BPMN 2.0 §10.5.5): the Host implements it with persistent scheduled jobs that call
/// <see cref="WorkflowEngine.FireTimerAsync"/> at <see cref="Bookmark.DueAt"/>. Called after the commit that created
/// or removed the timer's bookmark. The database stays the source of truth: at start-up the Host finds due timers
/// with <see cref="BookmarkQuery.DueBefore"/> and re-schedules the open ones, and firing is idempotent, so a lost
/// or duplicate trigger does no harm.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Arranges for <paramref name="timer"/> (kind <see cref="BookmarkKind.Timer"/>) to be fired at its due time.</summary>
    Task ScheduleAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken);

    /// <summary>The timer was fired or cancelled (its activity completed or was interrupted): drop its trigger.</summary>
    Task CancelAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken);

    /// <summary>
    /// Arranges for <see cref="WorkflowEngine.FireStartTimerAsync"/>(<c>process.ProcessId</c>, <c>process.Version</c>,
    /// <paramref name="startEventId"/>, <paramref name="dueAt"/>) to be called at <paramref name="dueAt"/> (a timer start
    /// event, BPMN 2.0 §10.5.5). Called at deployment for the first occurrence and after each firing for the next one;
    /// scheduling the same (process, version, event, due time) twice must be harmless (firing is idempotent anyway).
    /// The default schedules nothing.
    /// </summary>
    /// <param name="repeatsLeft">Occurrences after this one: 0 for the last (or only), -1 when unbounded; for display.</param>
    Task ScheduleStartAsync(DeployedProcess process, string startEventId, DateTimeOffset dueAt, int repeatsLeft, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// A newer version of <paramref name="process"/> was deployed: drop every trigger of its start event
    /// <paramref name="startEventId"/> (Zeebe: the new version's timer start events replace the old version's). The
    /// default does nothing; a trigger left over only makes <see cref="WorkflowEngine.FireStartTimerAsync"/> a no-op.
    /// </summary>
    Task CancelStartAsync(DeployedProcess process, string startEventId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Schedules nothing: timers fire only when someone calls <see cref="WorkflowEngine.FireTimerAsync"/>.</summary>
    public static readonly ITimerScheduler None = new NoTimers();

    private sealed class NoTimers : ITimerScheduler
    {
        public Task ScheduleAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CancelAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>What <see cref="WorkflowEngine.FireTimerWhenDueAsync"/> did.</summary>
public enum TimerFiring
{
    /// <summary>The timer was due and fired.</summary>
    Fired,

    /// <summary>Too early: scheduled again for its due time, nothing changed.</summary>
    NotDue,

    /// <summary>Fired or cancelled already, or the instance is gone: nothing to do.</summary>
    Gone,
}
