using Quartz;

namespace Pipeline.Host.Jobs;

/// <summary>
/// How a service task's job is named in Quartz: group = the job bookmark's id, name = the instance revision that
/// dispatched it. One bookmark can be dispatched more than once (an incident retried by an administrator), each a
/// new job; dispatching the same commit twice (the start-up reconciliation racing the engine, or two cluster nodes)
/// hits the same key and is a no-op.
/// </summary>
public static class JobKeys
{
    public const string InstanceId = "instanceId";
    public const string BookmarkId = "bookmarkId";
    public const string JobType = "jobType";

    public static JobKey For(Guid bookmarkId, long revision) => new(revision.ToString(System.Globalization.CultureInfo.InvariantCulture), Group(bookmarkId));

    /// <summary>The Quartz job group of every dispatch of one job bookmark.</summary>
    public static string Group(Guid bookmarkId) => bookmarkId.ToString("N");
}
