using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Pipeline.Activities.Catalogue;
using Pipeline.Host.Hosting;
using Pipeline.Workflows.Activities;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// Dispatches a service task's job as a Hangfire background job (<see cref="ServiceTaskJob"/>) on the
/// <see cref="SchedulingKeys.ServiceTasksQueue"/> queue, called by the engine after the commit that opened the
/// bookmark. One job per (bookmark, instance revision): dispatching the same commit twice is a no-op; an incident
/// retried later is a new revision and a new job. Tries: the service task's <c>zeebe:taskDefinition retries</c>, else
/// the activity's <see cref="ActivityDescriptor.Retries"/>, else <see cref="DefaultTries"/>; first back-off: the
/// service task's <c>pipeline:retryBackoff</c>, else the activity's <see cref="ActivityDescriptor.RetryBackoff"/>,
/// else <see cref="PipelineOptions.JobRetryDelay"/>, doubled for each further retry (<see cref="BookmarkRetryAttribute"/>).
/// </summary>
public sealed partial class HangfireJobDispatcher(
    IBackgroundJobClient client, HangfireHashes hashes, IDefinitionStore definitions, PipelineOptions options, ILogger<HangfireJobDispatcher> log) : IJobDispatcher
{
    /// <summary>Tries of a job whose service task names no <c>retries</c> (Zeebe's default).</summary>
    public const int DefaultTries = 3;

    public async Task DispatchAsync(ProcessInstance instance, Bookmark job, CancellationToken cancellationToken)
    {
        var (tries, backoff) = await RetrySettingsAsync(instance, job, cancellationToken).ConfigureAwait(false);
        var revision = instance.Revision.ToString(CultureInfo.InvariantCulture);
        string? created = null;
        hashes.Update(SchedulingKeys.JobHash(job.Id), (_, entries) =>
        {
            if (entries.ContainsKey(revision)) return entries;
            created = client.Create(
                Job.FromExpression<ServiceTaskJob>(j => j.RunAsync(instance.Id, job.Id, job.Name, instance.BusinessKey ?? "", job.NodeId, tries,
                    (long)backoff.TotalMilliseconds, null, CancellationToken.None)),
                new EnqueuedState(SchedulingKeys.ServiceTasksQueue));
            return new Dictionary<string, string>(entries) { [revision] = created };
        });
        if (created is not null) LogDispatched(log, job.Name, instance.Id, created, tries);
    }

    /// <summary>Tries and first back-off: the service task's own, else its activity's, else the Host's defaults.</summary>
    private async Task<(int Tries, TimeSpan Backoff)> RetrySettingsAsync(ProcessInstance instance, Bookmark job, CancellationToken cancellationToken)
    {
        var activity = ActivityCatalogue.Descriptors.FirstOrDefault(d => d.Type == job.Name);
        var process = await definitions.GetAsync(instance.ProcessId, instance.Version, cancellationToken).ConfigureAwait(false);
        var task = process?.Model.Node(job.NodeId) as ServiceTask;
        var tries = task is { Retries: > 0 and var retries } ? retries : activity?.Retries ?? DefaultTries;
        var backoff = task?.RetryBackoff ?? activity?.RetryBackoff ?? options.JobRetryDelay;
        return (tries, backoff);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "dispatched job {JobType} of instance {InstanceId} as Hangfire job {JobId} ({Tries} tries)")]
    private static partial void LogDispatched(ILogger logger, string jobType, Guid instanceId, string jobId, int tries);
}
