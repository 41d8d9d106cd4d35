using Pipeline.Host.Hosting;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Runtime;
using Quartz;

namespace Pipeline.Host.Jobs;

/// <summary>
/// Dispatches a service task's job as a persistent Quartz job (<see cref="ServiceTaskJob"/>) that fires now, asks
/// for recovery (a Host killed while running it runs it again at start-up) and retries with Quartz's exponential
/// <see cref="RetryPolicy"/>: <c>retries</c> of the service task (Zeebe's <c>zeebe:taskDefinition retries</c>, total
/// tries, default <see cref="DefaultTries"/>) − 1 retries, waiting <see cref="PipelineOptions.JobRetryDelay"/>,
/// then twice that, and so on. Called by the engine after the commit that opened the bookmark.
/// </summary>
public sealed partial class QuartzJobDispatcher(
    ISchedulerFactory schedulers, IDefinitionStore definitions, PipelineOptions options, ILogger<QuartzJobDispatcher> log) : IJobDispatcher
{
    /// <summary>Tries of a job whose service task names no <c>retries</c> (Zeebe's default).</summary>
    public const int DefaultTries = 3;

    public async Task DispatchAsync(ProcessInstance instance, Bookmark job, CancellationToken cancellationToken)
    {
        var tries = await TriesAsync(instance, job, cancellationToken).ConfigureAwait(false);
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
            .WithRetryPolicy(tries <= 1 ? RetryPolicy.None : RetryPolicy.Exponential(tries - 1, options.JobRetryDelay, 2.0, maxDelay: null))
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

    private async Task<int> TriesAsync(ProcessInstance instance, Bookmark job, CancellationToken cancellationToken)
    {
        var process = await definitions.GetAsync(instance.ProcessId, instance.Version, cancellationToken).ConfigureAwait(false);
        return process?.Model.Node(job.NodeId) is ServiceTask { Retries: > 0 and var retries } ? retries : DefaultTries;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "scheduled job {JobType} of instance {InstanceId} as {JobKey} ({Tries} tries)")]
    private static partial void LogScheduled(ILogger logger, string jobType, Guid instanceId, string jobKey, int tries);
}
