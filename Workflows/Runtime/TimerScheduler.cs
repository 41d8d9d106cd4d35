namespace Pipeline.Workflows.Runtime;

/// <summary>
/// Makes timers fire (BPMN 2.0 §10.5.5): the Host implements it with persistent Quartz triggers that call
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

    /// <summary>Schedules nothing: timers fire only when someone calls <see cref="WorkflowEngine.FireTimerAsync"/>.</summary>
    public static readonly ITimerScheduler None = new NoTimers();

    private sealed class NoTimers : ITimerScheduler
    {
        public Task ScheduleAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CancelAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
