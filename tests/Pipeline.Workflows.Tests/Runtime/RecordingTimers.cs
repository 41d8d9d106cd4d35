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
}
