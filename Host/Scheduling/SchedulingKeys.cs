using System.Globalization;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// Names the Host keeps in the job storage beside Hangfire's own records: which Hangfire job serves which bookmark.
/// Hangfire has no job keys, so dispatching one commit twice (start-up reconciliation racing the engine, two nodes)
/// is made a no-op by a hash per bookmark under a distributed lock.
/// </summary>
public static class SchedulingKeys
{
    /// <summary>Queue of service-task jobs: served by its own workers (<see cref="SchedulingComposition.ServiceTaskWorkers"/> per node).</summary>
    public const string ServiceTasksQueue = "service-tasks";

    /// <summary>Queue of timer jobs: never behind a pack check.</summary>
    public const string TimersQueue = "timers";

    /// <summary>Job parameter holding the progress a running job last stored (<c>"3/7 pages"</c>).</summary>
    public const string ProgressParameter = "progress";

    /// <summary>Job parameter counting retries (0 on the first try), as Hangfire's own retry filter names it.</summary>
    public const string RetryCountParameter = "RetryCount";

    /// <summary>Hash of a job bookmark: field = instance revision that dispatched it, value = Hangfire job id.</summary>
    public static string JobHash(Guid bookmarkId) => "pipeline:job:" + bookmarkId.ToString("N");

    /// <summary>Hash of a timer bookmark: field <c>job</c> = the Hangfire job id of its latest schedule.</summary>
    public static string TimerHash(Guid bookmarkId) => "pipeline:timer:" + bookmarkId.ToString("N");

    /// <summary>Hash of a timer start event of one process version: field = due time (UTC ticks), value = Hangfire job id.</summary>
    public static string StartHash(string processId, int version, string startEventId) =>
        string.Create(CultureInfo.InvariantCulture, $"pipeline:start:{processId}:{version}:{startEventId}");

    public static string Lock(string hash) => hash + ":lock";
}
