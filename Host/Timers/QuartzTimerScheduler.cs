using Pipeline.Host.Jobs;
using Pipeline.Workflows.Runtime;
using Quartz;

namespace Pipeline.Host.Timers;

/// <summary>
/// BPMN timers (intermediate, boundary, event-gateway; BPMN 2.0 §10.5.5) as persistent Quartz triggers: one job per
/// timer bookmark (<see cref="TimerJob"/>), due at <see cref="Bookmark.DueAt"/>. A trigger whose time passed while
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
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key.Name, key.Group)
            .ForJob(detail)
            .StartAt(due)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            // Firing only fails when the database is unreachable: try again a few times, then the start-up
            // reconciliation of the next Host start picks the timer up.
            .WithRetryPolicy(RetryPolicy.Exponential(5, TimeSpan.FromSeconds(2), 2.0, maxDelay: TimeSpan.FromMinutes(1)))
            .Build();
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        try
        {
            await scheduler.ScheduleJob(detail, trigger, default, cancellationToken).ConfigureAwait(false);
            LogScheduled(log, timer.NodeId, instance.Id, due);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Scheduled already (start-up reconciliation, another node).
        }
    }

    public async Task CancelAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(KeyOf(timer.Id), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "timer {NodeId} of instance {InstanceId} due at {DueAt:o}")]
    private static partial void LogScheduled(ILogger logger, string nodeId, Guid instanceId, DateTimeOffset dueAt);
}
