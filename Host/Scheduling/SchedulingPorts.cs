using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// Where service-task jobs stand, read from the job storage so that every node sees every job (the case view, the
/// job list). Besides the engine's <see cref="IJobDispatcher"/> and <see cref="ITimerScheduler"/>, this and
/// <see cref="IScheduledWork"/> are all the Host knows of its job library.
/// </summary>
public interface IJobMonitor
{
    /// <summary>The job of one bookmark, or null when none is queued, running or waiting for a retry.</summary>
    Task<JobProgress?> FindAsync(Guid bookmarkId, CancellationToken cancellationToken);

    /// <summary>Every job queued, running or waiting for a retry, running ones first.</summary>
    Task<IReadOnlyList<JobProgress>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>What start-up reconciliation asks of the job storage: is this bookmark's work still arranged?</summary>
public interface IScheduledWork
{
    /// <summary>Whether a job of the bookmark is queued, running or waiting for a retry (one of a dead server is put back in its queue first).</summary>
    Task<bool> HoldsJobAsync(Guid bookmarkId, CancellationToken cancellationToken);

    /// <summary>Whether the timer bookmark has a scheduled (or running) job.</summary>
    Task<bool> HoldsTimerAsync(Guid bookmarkId, CancellationToken cancellationToken);
}
