using Quartz;

namespace Pipeline.Host.Jobs;

/// <summary>
/// Reads job state and progress from Quartz's store, so it sees every node of a cluster: which dispatches of a job
/// bookmark are queued, running (with the progress the job last reported, at most a second old) or waiting for a
/// retry.
/// </summary>
public sealed class JobMonitor(ISchedulerFactory schedulers)
{
    /// <summary>The job of one bookmark, or null when none is queued or running (finished, or held by an incident).</summary>
    public async Task<JobProgress?> FindAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobKeys.Group(bookmarkId)), cancellationToken).ConfigureAwait(false);
        JobProgress? found = null;
        foreach (var key in keys)
            if (await DescribeAsync(scheduler, key, cancellationToken).ConfigureAwait(false) is { } progress
                && (found is null || progress.State == "running"))
                found = progress;
        return found;
    }

    /// <summary>Every job queued, running or waiting for a retry, running ones first.</summary>
    public async Task<IReadOnlyList<JobProgress>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken).ConfigureAwait(false);
        var list = new List<JobProgress>();
        foreach (var key in keys)
            if (await DescribeAsync(scheduler, key, cancellationToken).ConfigureAwait(false) is { } progress)
                list.Add(progress);
        return [.. list.OrderBy(p => p.State == "running" ? 0 : 1).ThenBy(p => p.InstanceId)];
    }

    private static async Task<JobProgress?> DescribeAsync(IScheduler scheduler, JobKey key, CancellationToken cancellationToken)
    {
        var detail = await scheduler.GetJobDetail(key, cancellationToken).ConfigureAwait(false);
        if (detail is null || detail.JobType.Type != typeof(ServiceTaskJob)) return null;
        var data = detail.JobDataMap;
        if (!Guid.TryParse(data.GetString(JobKeys.BookmarkId), out var bookmarkId) || !Guid.TryParse(data.GetString(JobKeys.InstanceId), out var instanceId))
            return null;
        var jobType = data.GetString(JobKeys.JobType) ?? "";

        var firings = await scheduler.QueryFireInstances(new FireInstanceQuery { Job = key }, cancellationToken).ConfigureAwait(false);
        var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken).ConfigureAwait(false);
        var trigger = triggers.FirstOrDefault();
        var attempt = (trigger?.RetryAttempt ?? 0) + 1;
        foreach (var firing in firings.Items)
        {
            var (done, total, unit) = JobProgress.Parse(firing.ProgressMessage);
            return new JobProgress(bookmarkId, instanceId, jobType, "running", attempt, firing.Progress, done, total, unit, null, firing.SchedulerInstanceId);
        }
        if (trigger is null) return null;
        var retrying = trigger.RetryAttempt > 0;
        return new JobProgress(bookmarkId, instanceId, jobType, retrying ? "retrying" : "queued", attempt, null, null, null, null,
            retrying ? trigger.NextFireTimeUtc : null, null);
    }
}
