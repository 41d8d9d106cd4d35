using System.ComponentModel;
using Hangfire;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// Fires one timer bookmark through <see cref="WorkflowEngine.FireTimerWhenDueAsync"/>: never before its due time
/// (Hangfire keeps due times in whole seconds, so a job may run early: the engine schedules it again), a no-op when
/// it was fired or cancelled meanwhile. A lost race with another step of the instance is retried at once; any other
/// failure goes back to Hangfire, which retries it.
/// </summary>
public sealed partial class TimerJob(WorkflowEngine engine, ILogger<TimerJob> log)
{
    [Queue(SchedulingKeys.TimersQueue)]
    [DisplayName("timer · {2} · {3}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 4, 8, 16, 32])]
    public async Task FireAsync(Guid instanceId, Guid bookmarkId, string businessKey, string elementId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (outcome, _) = await engine.FireTimerWhenDueAsync(instanceId, bookmarkId, cancellationToken).ConfigureAwait(false);
                if (outcome != TimerFiring.Fired) LogNotFired(log, bookmarkId, instanceId, outcome);
                return;
            }
            catch (ConcurrencyException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "timer {BookmarkId} of instance {InstanceId} not fired: {Outcome}")]
    private static partial void LogNotFired(ILogger logger, Guid bookmarkId, Guid instanceId, TimerFiring outcome);
}

/// <summary>
/// Fires one occurrence of a timer start event through <see cref="WorkflowEngine.FireStartTimerAsync"/>, which starts
/// the instance (once per occurrence, whichever node runs it) and schedules the next occurrence itself. A job run
/// early (whole-second due times) waits out the remainder first.
/// </summary>
public sealed partial class StartTimerJob(WorkflowEngine engine, TimeProvider time, ILogger<StartTimerJob> log)
{
    [Queue(SchedulingKeys.TimersQueue)]
    [DisplayName("timer start · {0} v{1} · {2}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 4, 8, 16, 32])]
    public async Task FireAsync(string processId, int version, string startEventId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var early = dueAt - time.GetUtcNow();
        if (early > TimeSpan.Zero) await Task.Delay(early, time, cancellationToken).ConfigureAwait(false);
        try
        {
            var fired = await engine.FireStartTimerAsync(processId, version, startEventId, dueAt, cancellationToken).ConfigureAwait(false);
            if (fired.Started is { } started) LogStarted(log, processId, version, startEventId, started.Id, fired.NextDueAt);
        }
        catch (KeyNotFoundException e)
        {
            LogGone(log, processId, version, startEventId, e.Message); // the definition changed under the job: nothing to start
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "timer start {StartEventId} of {ProcessId} v{Version} started instance {InstanceId}; next at {NextDueAt:o}")]
    private static partial void LogStarted(ILogger logger, string processId, int version, string startEventId, Guid instanceId, DateTimeOffset? nextDueAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "timer start {StartEventId} of {ProcessId} v{Version} has nothing to start: {Reason}")]
    private static partial void LogGone(ILogger logger, string processId, int version, string startEventId, string reason);
}
