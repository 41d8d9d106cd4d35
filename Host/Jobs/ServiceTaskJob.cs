using Pipeline.Activities.Documents;
using Pipeline.Workflows.Activities;
using Pipeline.Workflows.Runtime;
using Quartz;

namespace Pipeline.Host.Jobs;

/// <summary>
/// The Quartz job of a service task: runs the activity of the job bookmark (<see cref="JobActivities"/>) and
/// completes the bookmark with its result. A failure is thrown back to Quartz, which retries it by the trigger's
/// <see cref="RetryPolicy"/>; the last try's failure, or a permanent one (a rejected document, a missing input, an
/// unknown job type), holds the token in an incident instead. Progress is reported to Quartz as percent plus the
/// message <c>"{done}/{total} {unit}"</c> (<see cref="JobProgress.Parse"/>).
/// </summary>
/// <remarks>
/// Exactly once: a bookmark completes once (the engine refuses a second completion with
/// <see cref="BookmarkNotFoundException"/>, which ends a duplicate firing quietly), and a firing cut off by a killed
/// Host is recovered by Quartz and runs again from the start.
/// </remarks>
public sealed partial class ServiceTaskJob(
    IInstanceStore instances, WorkflowEngine engine, JobActivities activities, ILogger<ServiceTaskJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var instanceId = Guid.Parse(data.GetString(JobKeys.InstanceId)!);
        var bookmarkId = Guid.Parse(data.GetString(JobKeys.BookmarkId)!);
        var instance = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var job = instance?.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId && b.Kind == BookmarkKind.Job);
        if (instance is null || job is null || instance.Tokens.FirstOrDefault(t => t.Id == job.TokenId) is not { State: TokenState.Waiting })
        {
            LogGone(log, bookmarkId, instanceId);
            return;
        }
        if (context.Recovering) LogRecovering(log, job.Name, instanceId);

        Dictionary<string, object?> result;
        try
        {
            var progress = new SynchronousProgress(p => context.ReportProgress(
                p.Total > 0 ? (int)(100L * p.Done / p.Total) : 0, JobProgress.Format(p)));
            result = await activities.RunAsync(instanceId, job, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var tries = context.RetryAttempt + 1;
            var permanent = e is DocumentRejectedException or KeyNotFoundException or NotSupportedException;
            if (!permanent && context.RetryAttempt < (context.RetryPolicy?.MaxAttempts ?? 0))
            {
                LogRetry(log, e, job.Name, instanceId, tries);
                throw new JobExecutionException($"{job.Name} failed (try {tries}): {e.Message}", e);
            }
            LogIncident(log, e, job.Name, instanceId, tries);
            await SavingAsync(() => engine.RaiseJobIncidentAsync(instanceId, bookmarkId,
                $"{job.Name} failed after {tries} tr{(tries == 1 ? "y" : "ies")}: {e.Message}", cancellationToken)).ConfigureAwait(false);
            return;
        }
        await SavingAsync(() => engine.CompleteJobAsync(instanceId, bookmarkId, result, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Completing a job loses a race with a person's step now and then: reload and try again (a few times).</summary>
    private static async Task SavingAsync(Func<Task> save)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await save().ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt)).ConfigureAwait(false);
            }
            catch (BookmarkNotFoundException)
            {
                return; // completed meanwhile by another firing of the same bookmark
            }
        }
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder reports).</summary>
    private sealed class SynchronousProgress(Action<ActivityProgress> report) : IProgress<ActivityProgress>
    {
        public void Report(ActivityProgress value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "job bookmark {BookmarkId} of instance {InstanceId} is no longer open; nothing to run")]
    private static partial void LogGone(ILogger logger, Guid bookmarkId, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {JobType} of instance {InstanceId} recovered after a Host stop; running it again")]
    private static partial void LogRecovering(ILogger logger, string jobType, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {JobType} of instance {InstanceId} failed (try {Try}); Quartz retries it")]
    private static partial void LogRetry(ILogger logger, Exception error, string jobType, Guid instanceId, int @try);

    [LoggerMessage(Level = LogLevel.Error, Message = "job {JobType} of instance {InstanceId} failed (try {Try}); incident raised")]
    private static partial void LogIncident(ILogger logger, Exception error, string jobType, Guid instanceId, int @try);
}
