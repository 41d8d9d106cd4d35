using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// BPMN timers (intermediate, boundary, event-gateway, start; BPMN 2.0 §10.5.5) as Hangfire scheduled jobs, one per
/// occurrence: a timer bookmark's <see cref="TimerJob"/> at <see cref="Bookmark.DueAt"/>, a timer start event's
/// <see cref="StartTimerJob"/> at each occurrence. A job due while the Host was down runs when it starts (Hangfire's
/// delayed-job scheduler enqueues every job whose time passed); firing is idempotent in the engine, so a timer fires once.
/// </summary>
public sealed partial class HangfireTimerScheduler(IBackgroundJobClient client, HangfireHashes hashes, ILogger<HangfireTimerScheduler> log) : ITimerScheduler
{
    private const string JobField = "job";

    public Task ScheduleAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken)
    {
        var due = timer.DueAt ?? throw new ArgumentException($"timer bookmark {timer.Id} has no due time", nameof(timer));
        hashes.Update(SchedulingKeys.TimerHash(timer.Id), (_, entries) =>
        {
            var id = client.Create(
                Job.FromExpression<TimerJob>(j => j.FireAsync(instance.Id, timer.Id, instance.BusinessKey ?? "", timer.NodeId, CancellationToken.None)),
                new ScheduledState(due.UtcDateTime));
            return new Dictionary<string, string>(entries) { [JobField] = id };
        });
        LogScheduled(log, timer.NodeId, instance.Id, due);
        return Task.CompletedTask;
    }

    public Task CancelAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken)
    {
        hashes.Update(SchedulingKeys.TimerHash(timer.Id), (_, entries) =>
        {
            if (entries.TryGetValue(JobField, out var id)) client.Delete(id);
            return null;
        });
        return Task.CompletedTask;
    }

    /// <summary>One occurrence of a timer start event; scheduling the same occurrence twice is a no-op.</summary>
    public Task ScheduleStartAsync(DeployedProcess process, string startEventId, DateTimeOffset dueAt, int repeatsLeft, CancellationToken cancellationToken)
    {
        var occurrence = dueAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
        var created = false;
        hashes.Update(SchedulingKeys.StartHash(process.ProcessId, process.Version, startEventId), (_, entries) =>
        {
            if (entries.ContainsKey(occurrence)) return entries;
            var id = client.Create(
                Job.FromExpression<StartTimerJob>(j => j.FireAsync(process.ProcessId, process.Version, startEventId, dueAt, CancellationToken.None)),
                new ScheduledState(dueAt.UtcDateTime));
            created = true;
            // Occurrences already run are dropped from the hash as the next is added.
            return new Dictionary<string, string> { [occurrence] = id };
        });
        if (created) LogStartScheduled(log, startEventId, process.ProcessId, process.Version, dueAt);
        return Task.CompletedTask;
    }

    /// <summary>A newer version replaced <paramref name="process"/>: its start event's pending occurrences are deleted.</summary>
    public Task CancelStartAsync(DeployedProcess process, string startEventId, CancellationToken cancellationToken)
    {
        hashes.Update(SchedulingKeys.StartHash(process.ProcessId, process.Version, startEventId), (_, entries) =>
        {
            foreach (var id in entries.Values) client.Delete(id);
            return null;
        });
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "timer start {StartEventId} of {ProcessId} v{Version} due at {DueAt:o}")]
    private static partial void LogStartScheduled(ILogger logger, string startEventId, string processId, int version, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "timer {NodeId} of instance {InstanceId} due at {DueAt:o}")]
    private static partial void LogScheduled(ILogger logger, string nodeId, Guid instanceId, DateTimeOffset dueAt);
}
