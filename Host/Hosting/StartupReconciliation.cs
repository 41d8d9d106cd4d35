using Pipeline.Host.Scheduling;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Hosting;

/// <summary>
/// At start-up, after the scheduler started, puts back whatever a Host stopped between a commit and its follow-up
/// left undone (the database is the source of truth, every step here is idempotent):
/// <list type="bullet">
/// <item>every open job bookmark whose token waits gets a job, unless the job storage holds one (queued, running,
/// waiting for a retry; one a dead server was running goes back to its queue);</item>
/// <item>every open timer gets its job (one whose time passed while the Host was down runs at once);</item>
/// <item>every timer start event of the latest versions has its next occurrence scheduled;</item>
/// <item>call activities: a missing child instance is started, a parent whose child completed is resumed
/// (<see cref="WorkflowEngine.ReconcileCallActivitiesAsync"/>).</item>
/// </list>
/// </summary>
public sealed partial class StartupReconciliation(
    IInstanceStore instances, WorkflowEngine engine, IJobDispatcher jobs, ITimerScheduler timers, IScheduledWork scheduled, TimeProvider time,
    ILogger<StartupReconciliation> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (instance, bookmark) in await instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Job), cancellationToken))
        {
            if (instance.Tokens.FirstOrDefault(t => t.Id == bookmark.TokenId) is not { State: TokenState.Waiting }) continue;
            if (await scheduled.HoldsJobAsync(bookmark.Id, cancellationToken)) continue;
            LogRescheduled(log, "job", bookmark.Name, instance.Id);
            await jobs.DispatchAsync(instance, bookmark, cancellationToken);
        }
        foreach (var (instance, bookmark) in await instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Timer), cancellationToken))
        {
            if (await scheduled.HoldsTimerAsync(bookmark.Id, cancellationToken)) continue;
            LogRescheduled(log, "timer", bookmark.NodeId, instance.Id);
            await timers.ScheduleAsync(instance, bookmark, cancellationToken);
        }
        foreach (var (process, startEventId, dueAt, repeatsLeft) in await engine.PendingStartTimersAsync(time.GetUtcNow(), cancellationToken))
            await timers.ScheduleStartAsync(process, startEventId, dueAt, repeatsLeft, cancellationToken);
        var calls = await engine.ReconcileCallActivitiesAsync(cancellationToken);
        if (calls > 0) LogCallsReconciled(log, calls);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} {Name} of instance {InstanceId} had nothing scheduled (Host stopped right after its commit); scheduled it")]
    private static partial void LogRescheduled(ILogger logger, string what, string name, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} call activit(y/ies) left half-done by a stop were completed")]
    private static partial void LogCallsReconciled(ILogger logger, int count);
}
