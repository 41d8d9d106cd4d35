using System.Threading.Channels;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Jobs;

/// <summary>One job to run: a job bookmark of an instance.</summary>
public sealed record JobRequest(Guid InstanceId, Bookmark Bookmark);

/// <summary>
/// Interim job dispatch: queues job bookmarks in memory for <see cref="JobWorker"/> in this process. Quartz.NET with a
/// persistent (clustered) job store replaces it next session; until then nothing is lost over a restart because the
/// worker re-queues every open job bookmark at start-up (the database, not the queue, is the source of truth).
/// </summary>
public sealed class ChannelJobDispatcher : IJobDispatcher
{
    private readonly Channel<JobRequest> _queue = Channel.CreateUnbounded<JobRequest>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<JobRequest> Reader => _queue.Reader;

    public Task DispatchAsync(ProcessInstance instance, Bookmark job, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync(new JobRequest(instance.Id, job), cancellationToken).AsTask();
}
