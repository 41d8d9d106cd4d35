using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
using Pipeline.Activities.Documents;
using Pipeline.Host.Jobs;
using Pipeline.Workflows.Activities;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// The Hangfire job of a service task: runs the activity of the job bookmark (<see cref="JobActivities"/>) and
/// completes the bookmark with its result. A failure is thrown back to Hangfire, which retries it by
/// <see cref="BookmarkRetryAttribute"/>; the last try's failure, or a permanent one (a rejected document, a missing
/// input, an unknown job type), holds the token in an incident instead. Progress is stored as the job parameter
/// <see cref="SchedulingKeys.ProgressParameter"/> (<c>"3/7 pages"</c>) at most once a second.
/// </summary>
/// <remarks>
/// Exactly once: a bookmark completes once (the engine refuses a second completion with
/// <see cref="BookmarkNotFoundException"/>, which ends a duplicate run quietly), and a run cut off by a killed Host is
/// run again from the start (its job goes back to the queue: <see cref="HangfireScheduledWork"/>, or the storage's
/// invisibility timeout).
/// </remarks>
public sealed partial class ServiceTaskJob(
    IInstanceStore instances, WorkflowEngine engine, JobActivities activities, TimeProvider time, ILogger<ServiceTaskJob> log)
{
    /// <summary>Runs one try. Arguments name the job in the dashboard: activity type · business key · element id.</summary>
    /// <param name="tries">Tries in all (the last one raises the incident).</param>
    /// <param name="backoffMs">First retry delay in milliseconds (doubled per retry, <see cref="BookmarkRetryAttribute"/>).</param>
    /// <param name="context">Hangfire's context (its job id and parameters); null when called directly.</param>
    [Queue(SchedulingKeys.ServiceTasksQueue)]
    [DisplayName("{2} · {3} · {4}")]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [BookmarkRetry]
    public async Task RunAsync(
        Guid instanceId, Guid bookmarkId, string jobType, string businessKey, string elementId, int tries, long backoffMs,
        PerformContext? context, CancellationToken cancellationToken)
    {
        var instance = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var job = instance?.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId && b.Kind == BookmarkKind.Job);
        if (instance is null || job is null || instance.Tokens.FirstOrDefault(t => t.Id == job.TokenId) is not { State: TokenState.Waiting })
        {
            LogGone(log, bookmarkId, instanceId);
            return;
        }
        var attempt = (context?.GetJobParameter<int>(SchedulingKeys.RetryCountParameter) ?? 0) + 1;
        // Progress stored and no retry counted: an earlier run of this try was cut off (its Host stopped).
        if (context?.Connection.GetJobParameter(context.BackgroundJob.Id, SchedulingKeys.ProgressParameter) is { Length: > 0 })
            LogRecovering(log, job.Name, instanceId, attempt);

        Dictionary<string, object?> result;
        try
        {
            var progress = context is null ? null : new StoredProgress(context, time);
            result = await activities.RunAsync(instanceId, job, progress, cancellationToken).ConfigureAwait(false);
            progress?.Flush();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var permanent = e is DocumentRejectedException or KeyNotFoundException or NotSupportedException;
            if (!permanent && attempt < tries)
            {
                // The next try starts from nothing (and is not taken for a recovered run).
                context?.Connection.SetJobParameter(context.BackgroundJob.Id, SchedulingKeys.ProgressParameter, "");
                LogRetry(log, e, job.Name, instanceId, attempt);
                throw new JobFailedException($"{job.Name} failed (try {attempt} of {tries}): {e.Message}", e);
            }
            LogIncident(log, e, job.Name, instanceId, attempt);
            await SavingAsync(() => engine.RaiseJobIncidentAsync(instanceId, bookmarkId,
                $"{job.Name} failed after {attempt} tr{(attempt == 1 ? "y" : "ies")}: {e.Message}", cancellationToken)).ConfigureAwait(false);
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
                return; // completed meanwhile by another run of the same bookmark
            }
        }
    }

    /// <summary>
    /// Stores progress in the job's parameters, visible from every node, at most once a second (and the last report
    /// on <see cref="Flush"/>); reports come on the calling thread, in order.
    /// </summary>
    private sealed class StoredProgress(PerformContext context, TimeProvider time) : IProgress<ActivityProgress>
    {
        private DateTimeOffset _stored = DateTimeOffset.MinValue;
        private ActivityProgress? _pending;

        public void Report(ActivityProgress value)
        {
            _pending = value;
            if (time.GetUtcNow() - _stored < TimeSpan.FromSeconds(1) && value.Done < value.Total) return;
            Flush();
        }

        public void Flush()
        {
            if (_pending is not { } value) return;
            // Stored as plain text (PerformContext.SetJobParameter would store it JSON-encoded).
            context.Connection.SetJobParameter(context.BackgroundJob.Id, SchedulingKeys.ProgressParameter, JobProgress.Format(value));
            _stored = time.GetUtcNow();
            _pending = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "job bookmark {BookmarkId} of instance {InstanceId} is no longer open; nothing to run")]
    private static partial void LogGone(ILogger logger, Guid bookmarkId, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {JobType} of instance {InstanceId} recovered after a stopped run (try {Try}); running it again")]
    private static partial void LogRecovering(ILogger logger, string jobType, Guid instanceId, int @try);

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {JobType} of instance {InstanceId} failed (try {Try}); it is retried")]
    private static partial void LogRetry(ILogger logger, Exception error, string jobType, Guid instanceId, int @try);

    [LoggerMessage(Level = LogLevel.Error, Message = "job {JobType} of instance {InstanceId} failed (try {Try}); incident raised")]
    private static partial void LogIncident(ILogger logger, Exception error, string jobType, Guid instanceId, int @try);
}

/// <summary>A try of a service-task job failed and will be retried (the message names the try).</summary>
public sealed class JobFailedException(string message, Exception inner) : Exception(message, inner);
