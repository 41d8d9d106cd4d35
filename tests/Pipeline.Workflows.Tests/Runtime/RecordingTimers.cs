using Pipeline.Workflows.Runtime;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>An <see cref="ITimerScheduler"/> that records what it was asked to schedule and cancel; tests fire timers themselves.</summary>
public sealed class RecordingTimers : ITimerScheduler
{
    private readonly Lock _lock = new();

    public List<Bookmark> Scheduled { get; } = [];
    public List<Bookmark> Cancelled { get; } = [];

    /// <summary>Scheduled and neither cancelled nor fired yet (as the scheduler knows it).</summary>
    public IReadOnlyList<Bookmark> Pending
    {
        get { lock (_lock) return Scheduled.Where(s => !Cancelled.Any(c => c.Id == s.Id)).ToList(); }
    }

    public Task ScheduleAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken)
    {
        lock (_lock) Scheduled.Add(timer);
        return Task.CompletedTask;
    }

    public Task CancelAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken)
    {
        lock (_lock) Cancelled.Add(timer);
        return Task.CompletedTask;
    }

    /// <summary>Timer start events scheduled: (process id, version, start event id, due, repeats left).</summary>
    public List<(string ProcessId, int Version, string StartEventId, DateTimeOffset DueAt, int RepeatsLeft)> StartsScheduled { get; } = [];

    /// <summary>Timer start events whose triggers were dropped: (process id, version, start event id).</summary>
    public List<(string ProcessId, int Version, string StartEventId)> StartsCancelled { get; } = [];

    public Task ScheduleStartAsync(DeployedProcess process, string startEventId, DateTimeOffset dueAt, int repeatsLeft, CancellationToken cancellationToken)
    {
        lock (_lock) StartsScheduled.Add((process.ProcessId, process.Version, startEventId, dueAt, repeatsLeft));
        return Task.CompletedTask;
    }

    public Task CancelStartAsync(DeployedProcess process, string startEventId, CancellationToken cancellationToken)
    {
        lock (_lock) StartsCancelled.Add((process.ProcessId, process.Version, startEventId));
        return Task.CompletedTask;
    }
}
