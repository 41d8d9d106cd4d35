using Pipeline.Host.Jobs;
using Pipeline.Workflows.Runtime;
using Quartz;

namespace Pipeline.Host.Timers;

/// <summary>
/// Fires one timer bookmark through <see cref="WorkflowEngine.FireTimerAsync"/> (a no-op when it was fired or
/// cancelled meanwhile). A lost race with another step of the instance is retried at once; any other failure goes
/// back to Quartz, which retries by the trigger's policy.
/// </summary>
public sealed partial class TimerJob(WorkflowEngine engine, ILogger<TimerJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var instanceId = Guid.Parse(data.GetString(JobKeys.InstanceId)!);
        var bookmarkId = Guid.Parse(data.GetString(JobKeys.BookmarkId)!);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var fired = await engine.FireTimerAsync(instanceId, bookmarkId, cancellationToken).ConfigureAwait(false);
                if (fired is null) LogGone(log, bookmarkId, instanceId);
                return;
            }
            catch (ConcurrencyException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new JobExecutionException($"timer {bookmarkId} of instance {instanceId} could not fire: {e.Message}", e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "timer {BookmarkId} of instance {InstanceId} was fired or cancelled already")]
    private static partial void LogGone(ILogger logger, Guid bookmarkId, Guid instanceId);
}
