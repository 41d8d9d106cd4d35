using System.Globalization;
using Pipeline.Host.Jobs;
using Pipeline.Workflows.Runtime;
using Quartz;

namespace Pipeline.Host.Timers;

/// <summary>
/// BPMN timers (intermediate, boundary, event-gateway, start; BPMN 2.0 §10.5.5) as persistent Quartz triggers: one
/// job per timer bookmark (<see cref="TimerJob"/>), due at <see cref="Bookmark.DueAt"/>, and one per occurrence of a
/// timer start event (<see cref="StartTimerJob"/>). A trigger whose time passed while
/// the Host was down misfires and fires at start-up (Quartz's fire-now misfire policy); firing is idempotent in the
/// engine, so a timer fires once. Scheduling the same bookmark twice is a no-op.
/// </summary>
public sealed partial class QuartzTimerScheduler(ISchedulerFactory schedulers, ILogger<QuartzTimerScheduler> log) : ITimerScheduler
{
    public const string Group = "timers";

    /// <summary>Quartz job key of a timer bookmark.</summary>
    public static JobKey KeyOf(Guid bookmarkId) => new(bookmarkId.ToString("N"), Group);

    public async Task ScheduleAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken)
    {
        var due = timer.DueAt ?? throw new ArgumentException($"timer bookmark {timer.Id} has no due time", nameof(timer));
        var key = KeyOf(timer.Id);
        var detail = JobBuilder.Create<TimerJob>()
            .WithIdentity(key)
            .WithDescription($"timer {timer.NodeId} of instance {instance.Id}")
            .UsingJobData(JobKeys.InstanceId, instance.Id.ToString())
            .UsingJobData(JobKeys.BookmarkId, timer.Id.ToString())
            .RequestRecovery()
            .Build();
        if (await ScheduleOnceAsync(detail, due, cancellationToken).ConfigureAwait(false)) LogScheduled(log, timer.NodeId, instance.Id, due);
    }

    public async Task CancelAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(KeyOf(timer.Id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Quartz job group of the occurrences of one timer start event of one process version.</summary>
    public static string StartGroup(string processId, int version, string startEventId) =>
        string.Create(CultureInfo.InvariantCulture, $"start:{processId}:{version}:{startEventId}");

    /// <summary>One occurrence of a timer start event (BPMN 2.0 §10.5.5): a trigger at <paramref name="dueAt"/>, fire-now on misfire.</summary>
    public async Task ScheduleStartAsync(DeployedProcess process, string startEventId, DateTimeOffset dueAt, int repeatsLeft, CancellationToken cancellationToken)
    {
        var key = new JobKey(dueAt.UtcTicks.ToString(CultureInfo.InvariantCulture), StartGroup(process.ProcessId, process.Version, startEventId));
        var detail = JobBuilder.Create<StartTimerJob>()
            .WithIdentity(key)
            .WithDescription($"timer start {startEventId} of {process.ProcessId} v{process.Version} at {dueAt:o} ({(repeatsLeft < 0 ? "unbounded" : repeatsLeft + " more")})")
            .UsingJobData(StartTimerJob.ProcessId, process.ProcessId)
            .UsingJobData(StartTimerJob.Version, process.Version.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(StartTimerJob.StartEventId, startEventId)
            .UsingJobData(StartTimerJob.DueAt, dueAt.ToString("o", CultureInfo.InvariantCulture))
            .RequestRecovery()
            .Build();
        if (await ScheduleOnceAsync(detail, dueAt, cancellationToken).ConfigureAwait(false))
            LogStartScheduled(log, startEventId, process.ProcessId, process.Version, dueAt);
    }

    /// <summary>
    /// Stores <paramref name="detail"/> with one trigger at <paramref name="at"/> (fire now when it misfired while the
    /// Host was down). Firing only fails when the database is unreachable: a few retries, then the start-up
    /// reconciliation of the next Host start picks it up. False when that key is scheduled already (reconciliation,
    /// another node).
    /// </summary>
    private async Task<bool> ScheduleOnceAsync(IJobDetail detail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity(detail.Key.Name, detail.Key.Group)
            .ForJob(detail)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .WithRetryPolicy(RetryPolicy.Exponential(5, TimeSpan.FromSeconds(2), 2.0, maxDelay: TimeSpan.FromMinutes(1)))
            .Build();
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        try
        {
            await scheduler.ScheduleJob(detail, trigger, default, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>A newer version replaced <paramref name="process"/>: its start event's pending occurrences are dropped.</summary>
    public async Task CancelStartAsync(DeployedProcess process, string startEventId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(StartGroup(process.ProcessId, process.Version, startEventId)), cancellationToken)
            .ConfigureAwait(false);
        foreach (var key in keys) await scheduler.DeleteJob(key, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "timer start {StartEventId} of {ProcessId} v{Version} due at {DueAt:o}")]
    private static partial void LogStartScheduled(ILogger logger, string startEventId, string processId, int version, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "timer {NodeId} of instance {InstanceId} due at {DueAt:o}")]
    private static partial void LogScheduled(ILogger logger, string nodeId, Guid instanceId, DateTimeOffset dueAt);
}
