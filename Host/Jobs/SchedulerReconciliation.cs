using Pipeline.Host.Timers;
using Pipeline.Workflows.Runtime;
using Quartz;

namespace Pipeline.Host.Jobs;

/// <summary>
/// At start-up, after the scheduler started: makes sure every open job bookmark whose token waits has a Quartz job,
/// and every open timer a trigger. The engine schedules after its commit, so a Host stopped between the two would
/// otherwise leave a bookmark that nothing resumes. Jobs and timers Quartz already holds (queued, running,
/// recovering, waiting for a retry, misfired) are left alone: a misfired timer fires now by its own policy.
/// </summary>
public sealed partial class SchedulerReconciliation(
    IInstanceStore instances, IJobDispatcher jobs, ITimerScheduler timers, ISchedulerFactory schedulers, ILogger<SchedulerReconciliation> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var (instance, bookmark) in await instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Job), cancellationToken))
        {
            if (instance.Tokens.FirstOrDefault(t => t.Id == bookmark.TokenId) is not { State: TokenState.Waiting }) continue;
            var held = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobKeys.Group(bookmark.Id)), cancellationToken);
            if (held.Count > 0) continue;
            LogRescheduled(log, "job", bookmark.Name, instance.Id);
            await jobs.DispatchAsync(instance, bookmark, cancellationToken);
        }
        foreach (var (instance, bookmark) in await instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Timer), cancellationToken))
        {
            if (await scheduler.Exists(QuartzTimerScheduler.KeyOf(bookmark.Id), cancellationToken)) continue;
            LogRescheduled(log, "timer", bookmark.NodeId, instance.Id);
            await timers.ScheduleAsync(instance, bookmark, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} {Name} of instance {InstanceId} had nothing scheduled (Host stopped right after its commit); scheduled it")]
    private static partial void LogRescheduled(ILogger logger, string what, string name, Guid instanceId);
}
