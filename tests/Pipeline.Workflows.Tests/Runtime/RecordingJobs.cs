using Pipeline.Workflows.Runtime;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>A job dispatcher that only records what it was asked to run.</summary>
public sealed class RecordingJobs : IJobDispatcher
{
    public List<Bookmark> Dispatched { get; } = [];

    public Task DispatchAsync(ProcessInstance instance, Bookmark job, CancellationToken cancellationToken)
    {
        lock (Dispatched) Dispatched.Add(job);
        return Task.CompletedTask;
    }
}
