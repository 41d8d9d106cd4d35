using Pipeline.Activities;
using Pipeline.Activities.Catalogue;
using Pipeline.Activities.Documents;
using Pipeline.Host.Hosting;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Expressions;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Jobs;

/// <summary>
/// Interim job runner (Quartz.NET comes next session): reads <see cref="ChannelJobDispatcher"/>'s queue and runs each
/// job's catalogue activity, then completes the job with the activity's result. A failing job is tried up to the
/// service task's <c>retries</c> (default 3) with exponential back-off (1 s, 2 s, 4 s, …), then becomes an incident.
/// At start-up every open job bookmark whose token waits is queued again, so no job is lost over a restart.
/// </summary>
public sealed partial class JobWorker(
    ChannelJobDispatcher queue, IInstanceStore instances, IDefinitionStore definitions, WorkflowEngine engine,
    PackCheckingServices packs, PackReportStore reports, PipelineOptions options, ILogger<JobWorker> log) : BackgroundService
{
    private const int DefaultTries = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await RequeueOpenJobsAsync(stoppingToken);
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogJobLost(log, e, job.Bookmark.Name, job.InstanceId);
            }
        }
    }

    private async Task RequeueOpenJobsAsync(CancellationToken cancellationToken)
    {
        var open = await instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Job), cancellationToken);
        foreach (var (instance, bookmark) in open)
        {
            if (instance.Tokens.FirstOrDefault(t => t.Id == bookmark.TokenId) is not { State: TokenState.Waiting }) continue;
            LogRequeued(log, bookmark.Name, instance.Id);
            await queue.DispatchAsync(instance, bookmark, cancellationToken);
        }
    }

    private async Task RunAsync(JobRequest job, CancellationToken cancellationToken)
    {
        var tries = await TriesAsync(job, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            Dictionary<string, object?> result;
            try
            {
                result = await ExecuteActivityAsync(job, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var permanent = e is DocumentRejectedException or KeyNotFoundException or NotSupportedException;
                if (permanent || attempt >= tries)
                {
                    LogIncident(log, e, job.Bookmark.Name, job.InstanceId, attempt);
                    await Retrying(() => engine.RaiseJobIncidentAsync(job.InstanceId, job.Bookmark.Id,
                        $"{job.Bookmark.Name} failed after {attempt} tr{(attempt == 1 ? "y" : "ies")}: {e.Message}", cancellationToken));
                    return;
                }
                var delay = options.JobRetryDelay * Math.Pow(2, attempt - 1);
                LogRetry(log, e, job.Bookmark.Name, job.InstanceId, attempt, delay);
                await Task.Delay(delay, cancellationToken);
                continue;
            }
            await Retrying(() => engine.CompleteJobAsync(job.InstanceId, job.Bookmark.Id, result, cancellationToken));
            return;
        }
    }

    /// <summary>Runs the job's activity; returns the variables to complete the job with.</summary>
    private async Task<Dictionary<string, object?>> ExecuteActivityAsync(JobRequest job, CancellationToken cancellationToken)
    {
        switch (job.Bookmark.Name)
        {
            case "pack.check":
                var inputs = job.Bookmark.Inputs;
                var input = new CheckMaterialPackInput
                {
                    Document = Text(inputs, "document") ?? throw new KeyNotFoundException("pack.check has no input 'document'"),
                    Pack = Text(inputs, "pack") ?? throw new KeyNotFoundException("pack.check has no input 'pack'"),
                    Profile = Text(inputs, "profile"),
                    FileName = Text(inputs, "fileName"),
                };
                var done = await new CheckMaterialPackActivity(packs.Checker).ExecuteAsync(input, null, cancellationToken);
                await reports.SaveAsync(job.InstanceId, done.Output.Report, cancellationToken);
                return new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["verdict"] = done.Output.Verdict,
                    ["errors"] = FeelValues.From(done.Output.Errors),
                    ["missing"] = FeelValues.From(done.Output.Missing),
                    // The full report is kept by PackReportStore; the variable carries only its summary.
                    ["report"] = FeelValues.From(new Dictionary<string, object?>
                    {
                        ["sha256"] = done.Output.Report.Sha256,
                        ["file"] = done.Output.Report.File,
                        ["verdict"] = done.Output.Report.Verdict,
                    }),
                };
            default:
                throw new NotSupportedException($"no activity runs job type '{job.Bookmark.Name}'");
        }
    }

    private static string? Text(IReadOnlyDictionary<string, object?> inputs, string name) =>
        inputs.TryGetValue(name, out var value) && value is not null ? value.ToString() : null;

    private async Task<int> TriesAsync(JobRequest job, CancellationToken cancellationToken)
    {
        var instance = await instances.GetAsync(job.InstanceId, cancellationToken);
        if (instance is null) return DefaultTries;
        var process = await definitions.GetAsync(instance.ProcessId, instance.Version, cancellationToken);
        return process?.Model.Node(job.Bookmark.NodeId) is ServiceTask { Retries: > 0 and var retries } ? retries : DefaultTries;
    }

    /// <summary>Completing a job loses a race with a person's step now and then: reload and try again (a few times).</summary>
    private static async Task Retrying(Func<Task> save)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await save();
                return;
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt));
            }
            catch (BookmarkNotFoundException)
            {
                return; // completed meanwhile (e.g. re-queued twice)
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "re-queued job {JobType} of instance {InstanceId}")]
    private static partial void LogRequeued(ILogger logger, string jobType, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {JobType} of instance {InstanceId} failed (try {Attempt}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, Exception error, string jobType, Guid instanceId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "job {JobType} of instance {InstanceId} failed (try {Attempt}); incident raised")]
    private static partial void LogIncident(ILogger logger, Exception error, string jobType, Guid instanceId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "job {JobType} of instance {InstanceId} could not be completed or failed")]
    private static partial void LogJobLost(ILogger logger, Exception error, string jobType, Guid instanceId);
}
