using Pipeline.Activities.Catalogue;
using Pipeline.Host.Hosting;
using Pipeline.Workflows.Activities;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Runtime;
using Quartz;

namespace Pipeline.Host.Jobs;

/// <summary>
/// Dispatches a service task's job as a persistent Quartz job (<see cref="ServiceTaskJob"/>) that fires now, asks
/// for recovery (a Host killed while running it runs it again at start-up) and retries with Quartz's exponential
/// <see cref="RetryPolicy"/>: tries − 1 retries, the first after the back-off, each further one twice as late.
/// Tries: the service task's <c>zeebe:taskDefinition retries</c>, else the activity's
/// <see cref="ActivityDescriptor.Retries"/>, else <see cref="DefaultTries"/>; back-off: the service task's
/// <c>pipeline:retryBackoff</c>, else the activity's <see cref="ActivityDescriptor.RetryBackoff"/>, else
/// <see cref="PipelineOptions.JobRetryDelay"/>. Called by the engine
/// after the commit that opened the bookmark.
/// </summary>
public sealed partial class QuartzJobDispatcher(
    ISchedulerFactory schedulers, IDefinitionStore definitions, PipelineOptions options, ILogger<QuartzJobDispatcher> log) : IJobDispatcher
{
    /// <summary>Tries of a job whose service task names no <c>retries</c> (Zeebe's default).</summary>
    public const int DefaultTries = 3;

    public async Task DispatchAsync(ProcessInstance instance, Bookmark job, CancellationToken cancellationToken)
    {
        var (tries, backoff) = await RetrySettingsAsync(instance, job, cancellationToken).ConfigureAwait(false);
        var key = JobKeys.For(job.Id, instance.Revision);
        var detail = JobBuilder.Create<ServiceTaskJob>()
            .WithIdentity(key)
            .WithDescription($"{job.Name} for instance {instance.Id} at {job.NodeId}")
            .UsingJobData(JobKeys.InstanceId, instance.Id.ToString())
            .UsingJobData(JobKeys.BookmarkId, job.Id.ToString())
            .UsingJobData(JobKeys.JobType, job.Name)
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key.Name, key.Group)
            .ForJob(detail)
            .StartNow()
            .WithExecutionGroup(JobComposition.ServiceTasks)
            .WithRetryPolicy(tries <= 1 ? RetryPolicy.None : RetryPolicy.Exponential(tries - 1, backoff, 2.0, maxDelay: null))
            .Build();
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        try
        {
            await scheduler.ScheduleJob(detail, trigger, default, cancellationToken).ConfigureAwait(false);
            LogScheduled(log, job.Name, instance.Id, key.ToString(), tries);
        }
        catch (ObjectAlreadyExistsException)
        {
            // The same commit's job is scheduled already (start-up reconciliation, another node): nothing to do.
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "scheduled job {JobType} of instance {InstanceId} as {JobKey} ({Tries} tries)")]
    private static partial void LogScheduled(ILogger logger, string jobType, Guid instanceId, string jobKey, int tries);
}
