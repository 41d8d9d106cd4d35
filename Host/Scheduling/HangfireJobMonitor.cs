using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// Job state and progress from Hangfire's storage (so it sees every node): a bookmark's latest job is queued
/// (Enqueued), running (Processing, with the progress it last stored) or waiting for a retry (Scheduled after a
/// failed try).
/// </summary>
public sealed class HangfireJobMonitor(JobStorage storage, HangfireHashes hashes) : IJobMonitor
{
    private const int Page = 500;

    public Task<JobProgress?> FindAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        var entries = hashes.Read(SchedulingKeys.JobHash(bookmarkId));
        if (entries.Count == 0) return Task.FromResult<JobProgress?>(null);
        var latest = entries.MaxBy(e => long.TryParse(e.Key, out var revision) ? revision : -1).Value;
        using var connection = storage.GetConnection();
        return Task.FromResult(Describe(connection, latest));
    }

    public Task<IReadOnlyList<JobProgress>> ListAsync(CancellationToken cancellationToken)
    {
        var monitoring = storage.GetMonitoringApi();
        var ids = monitoring.ProcessingJobs(0, Page).Where(j => Serves(j.Value.Job)).Select(j => j.Key)
            .Concat(monitoring.EnqueuedJobs(SchedulingKeys.ServiceTasksQueue, 0, Page).Where(j => Serves(j.Value.Job)).Select(j => j.Key))
            .Concat(monitoring.ScheduledJobs(0, Page).Where(j => Serves(j.Value.Job)).Select(j => j.Key))
            .Distinct();
        using var connection = storage.GetConnection();
        IReadOnlyList<JobProgress> list = [.. ids.Select(id => Describe(connection, id)).OfType<JobProgress>()
            .OrderBy(p => p.State == "running" ? 0 : 1).ThenBy(p => p.InstanceId)];
        return Task.FromResult(list);
    }

    private static bool Serves(Job? job) => job?.Type == typeof(ServiceTaskJob);

    /// <summary>A value of the job's current state data (<c>ServerId</c> of Processing, <c>EnqueueAt</c> of Scheduled).</summary>
    internal static string? StateValue(IStorageConnection connection, string jobId, string name) =>
        connection.GetStateData(jobId)?.Data is { } data && data.TryGetValue(name, out var value) ? value : null;

    /// <summary>A service-task job's progress, or null when it is finished, deleted or not a service-task job.</summary>
    internal static JobProgress? Describe(IStorageConnection connection, string jobId)
    {
        var data = connection.GetJobData(jobId);
        if (data?.Job is not { } job || job.Type != typeof(ServiceTaskJob) || job.Args.Count < 3) return null;
        if (job.Args[0] is not Guid instanceId || job.Args[1] is not Guid bookmarkId) return null;
        var jobType = job.Args[2] as string ?? "";
        var retries = int.TryParse(connection.GetJobParameter(jobId, SchedulingKeys.RetryCountParameter), out var n) ? n : 0;
        var attempt = retries + 1;
        var state = data.State;
        if (state == ProcessingState.StateName)
        {
            var (done, total, unit) = JobProgress.Parse(connection.GetJobParameter(jobId, SchedulingKeys.ProgressParameter));
            return new JobProgress(bookmarkId, instanceId, jobType, "running", attempt, total > 0 ? (int)(100L * done!.Value / total.Value) : null,
                done, total, unit, null, StateValue(connection, jobId, "ServerId"));
        }
        if (state == EnqueuedState.StateName)
            return new JobProgress(bookmarkId, instanceId, jobType, "queued", attempt, null, null, null, null, null, null);
        if (state == ScheduledState.StateName)
        {
            var at = StateValue(connection, jobId, "EnqueueAt");
            DateTimeOffset? next = at is not null && JobHelper.DeserializeNullableDateTime(at) is { } when ? new DateTimeOffset(when, TimeSpan.Zero) : null;
            return new JobProgress(bookmarkId, instanceId, jobType, "retrying", attempt + 1, null, null, null, null, next, null);
        }
        return null;
    }
}
