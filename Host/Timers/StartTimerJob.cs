using System.Globalization;
using Pipeline.Workflows.Runtime;
using Quartz;

namespace Pipeline.Host.Timers;

/// <summary>
/// Fires one occurrence of a timer start event through <see cref="WorkflowEngine.FireStartTimerAsync"/>, which starts
/// the instance (once per occurrence, whichever node fires it) and schedules the next occurrence itself.
/// </summary>
public sealed partial class StartTimerJob(WorkflowEngine engine, ILogger<StartTimerJob> log) : IJob
{
    public const string ProcessId = "processId";
    public const string Version = "version";
    public const string StartEventId = "startEventId";
    public const string DueAt = "dueAt";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var processId = data.GetString(ProcessId)!;
        var version = int.Parse(data.GetString(Version)!, CultureInfo.InvariantCulture);
        var startEventId = data.GetString(StartEventId)!;
        var due = DateTimeOffset.Parse(data.GetString(DueAt)!, CultureInfo.InvariantCulture);
        try
        {
            var fired = await engine.FireStartTimerAsync(processId, version, startEventId, due, cancellationToken).ConfigureAwait(false);
            if (fired.Started is { } started) LogStarted(log, processId, version, startEventId, started.Id, fired.NextDueAt);
        }
        catch (KeyNotFoundException e)
        {
            LogGone(log, processId, version, startEventId, e.Message); // the definition changed under the trigger: nothing to start
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new JobExecutionException($"timer start {startEventId} of {processId} v{version} could not fire: {e.Message}", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "timer start {StartEventId} of {ProcessId} v{Version} started instance {InstanceId}; next at {NextDueAt:o}")]
    private static partial void LogStarted(ILogger logger, string processId, int version, string startEventId, Guid instanceId, DateTimeOffset? nextDueAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "timer start {StartEventId} of {ProcessId} v{Version} has nothing to start: {Reason}")]
    private static partial void LogGone(ILogger logger, string processId, int version, string startEventId, string reason);
}
