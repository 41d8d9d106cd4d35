using Pipeline.Workflows.Runtime;
using Quartz;

namespace Pipeline.Host.Jobs;

/// <summary>
/// At start-up, after the scheduler started: dispatches every open job bookmark whose token waits. The engine
/// dispatches after its commit, so a Host stopped between the two would otherwise leave the bookmark without a job;
/// a bookmark with any job in Quartz (queued, running, recovering or waiting for a retry) is left alone.
/// </summary>
public sealed partial class OpenJobReconciliation(
    IInstanceStore instances, IJobDispatcher jobs, ISchedulerFactory schedulers, ILogger<OpenJobReconciliation> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var open = await instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Job), cancellationToken);
        foreach (var (instance, bookmark) in open)
        {
            if (instance.Tokens.FirstOrDefault(t => t.Id == bookmark.TokenId) is not { State: TokenState.Waiting }) continue;
            var held = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobKeys.Group(bookmark.Id)), cancellationToken);
            if (held.Count > 0) continue;
            LogRedispatched(log, bookmark.Name, instance.Id);
            await jobs.DispatchAsync(instance, bookmark, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {JobType} of instance {InstanceId} had no scheduled job (Host stopped right after its commit); dispatched it")]
    private static partial void LogRedispatched(ILogger logger, string jobType, Guid instanceId);
}
