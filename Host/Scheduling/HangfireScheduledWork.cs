using Hangfire;
using Hangfire.States;
using Hangfire.Storage;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// What start-up reconciliation asks of Hangfire. A job left Processing by a server that is gone (the Host was
/// killed) is put back in its queue here, so it runs again at once instead of after the storage's invisibility
/// timeout; a server is gone when it no longer reports, when its heartbeat is older than
/// <see cref="SchedulingComposition.ServerTimeout"/>, or, on the embedded SQLite storage (one node by design), when it
/// was another process of this machine.
/// </summary>
public sealed partial class HangfireScheduledWork(
    JobStorage storage, IBackgroundJobClient client, HangfireHashes hashes, SchedulingOptions options, ILogger<HangfireScheduledWork> log) : IScheduledWork
{
    private static readonly string[] Open = [EnqueuedState.StateName, ProcessingState.StateName, ScheduledState.StateName, AwaitingState.StateName];

    public Task<bool> HoldsJobAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        var held = false;
        using var connection = storage.GetConnection();
        foreach (var id in hashes.Read(SchedulingKeys.JobHash(bookmarkId)).Values)
        {
            var state = connection.GetJobData(id)?.State;
            if (state is null || !Open.Contains(state)) continue;
            held = true;
            if (state == ProcessingState.StateName && HangfireJobMonitor.StateValue(connection, id, "ServerId") is var server && IsGone(server)
                && client.ChangeState(id, new EnqueuedState(SchedulingKeys.ServiceTasksQueue) { Reason = "its server stopped while running it" },
                    ProcessingState.StateName))
                LogRecovered(log, id, bookmarkId, server);
        }
        return Task.FromResult(held);
    }

    public Task<bool> HoldsTimerAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        var held = hashes.Read(SchedulingKeys.TimerHash(bookmarkId)).Values
            .Any(id => connection.GetJobData(id)?.State is { } state && Open.Contains(state));
        return Task.FromResult(held);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {JobId} of bookmark {BookmarkId} recovered: server {ServerId} stopped while running it; queued again")]
    private static partial void LogRecovered(ILogger logger, string jobId, Guid bookmarkId, string? serverId);

    private bool IsGone(string? serverId)
    {
        if (serverId is null) return true;
        var server = storage.GetMonitoringApi().Servers().FirstOrDefault(s => s.Name == serverId);
        if (server is null || server.Heartbeat is not { } beat || DateTime.UtcNow - beat > SchedulingComposition.ServerTimeout) return true;
        if (!options.SingleNode) return false;
        var parts = serverId.Split(':');
        return parts.Length >= 2 && parts[0].Equals(Environment.MachineName, StringComparison.OrdinalIgnoreCase)
            && parts[1] != Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
