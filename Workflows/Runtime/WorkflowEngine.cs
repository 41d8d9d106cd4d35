using System.Security.Cryptography;
using System.Text;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;

namespace Pipeline.Workflows.Runtime;

/// <summary>
/// The workflow runtime's front door: deploys BPMN definitions (versioned), starts instances, and resumes them at
/// their bookmarks (user task completed, message correlated, job finished). Each call loads the instance, advances
/// it synchronously until every token waits or ends (<see cref="InstanceAdvancer"/>), and saves it in one store
/// transaction guarded by the instance's revision, so two nodes never advance the same instance twice.
/// </summary>
public sealed class WorkflowEngine(IDefinitionStore definitions, IInstanceStore instances, TimeProvider time, IJobDispatcher? jobs = null)
{
    private readonly IJobDispatcher _jobs = jobs ?? IJobDispatcher.None;

    /// <summary>
    /// Reads, validates and stores every process of a BPMN file. A process whose XML is unchanged keeps its version;
    /// a changed one becomes version n + 1. Nothing is stored when any process has a problem.
    /// </summary>
    /// <param name="knownActivityTypes">The activity catalogue's task types.</param>
    /// <exception cref="DefinitionInvalidException">Every problem found, each with its element id.</exception>
    public async Task<IReadOnlyList<DeployedProcess>> DeployAsync(
        string xml, IReadOnlySet<string> knownActivityTypes, string actor, CancellationToken cancellationToken, string sourceName = "definitions")
    {
        var read = BpmnReader.Read(xml, sourceName);
        var problems = read.Problems.Concat(read.Processes.SelectMany(p => DefinitionValidator.Validate(p, knownActivityTypes))).ToList();
        if (problems.Count > 0) throw new DefinitionInvalidException(problems);

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        var deployed = new List<DeployedProcess>();
        foreach (var model in read.Processes)
        {
            var latest = await definitions.LatestAsync(model.Id, cancellationToken).ConfigureAwait(false);
            if (latest is not null && latest.Sha256 == sha)
            {
                deployed.Add(latest);
                continue;
            }
            var process = new DeployedProcess(model.Id, (latest?.Version ?? 0) + 1, sha, xml, model, time.GetUtcNow(), actor);
            await definitions.AddAsync(process, cancellationToken).ConfigureAwait(false);
            deployed.Add(process);
        }
        return deployed;
    }

    /// <summary>Starts an instance of the latest version of <paramref name="processId"/> and advances it.</summary>
    /// <exception cref="KeyNotFoundException">No such process deployed.</exception>
    public async Task<ProcessInstance> StartAsync(
        string processId, string? businessKey, IReadOnlyDictionary<string, object?>? variables, string actor, CancellationToken cancellationToken)
    {
        var process = await definitions.LatestAsync(processId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"process '{processId}' is not deployed");
        var now = time.GetUtcNow();
        var instance = new ProcessInstance
        {
            Id = Guid.CreateVersion7(now),
            ProcessId = process.ProcessId,
            Version = process.Version,
            BusinessKey = businessKey,
            StartedAt = now,
        };
        var step = new InstanceAdvancer(process.Model, instance, actor, time);
        step.Start(variables ?? new Dictionary<string, object?>());
        await instances.InsertAsync(instance, step.History, cancellationToken).ConfigureAwait(false);
        await DispatchJobsAsync(instance, step, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    /// <summary>
    /// Completes a user task on behalf of <paramref name="actor"/>, who must hold one of its candidate groups.
    /// <paramref name="variables"/> (e.g. <c>outcome</c>, <c>comment</c>) are merged into the instance, through the
    /// task's output mappings when it has any.
    /// </summary>
    /// <exception cref="BookmarkNotFoundException">No such open task.</exception>
    /// <exception cref="TaskForbiddenException">The actor holds none of the task's candidate groups.</exception>
    /// <exception cref="ConcurrencyException">The instance changed meanwhile.</exception>
    public Task<ProcessInstance> CompleteUserTaskAsync(
        Guid instanceId, Guid bookmarkId, string actor, IReadOnlyCollection<string> actorRoles,
        IReadOnlyDictionary<string, object?> variables, CancellationToken cancellationToken) =>
        ResumeAsync(instanceId, bookmarkId, BookmarkKind.UserTask, actor, cancellationToken, (step, bookmark) =>
        {
            if (!bookmark.CandidateGroups.Any(actorRoles.Contains))
                throw new TaskForbiddenException($"task '{bookmark.Name}' is for {string.Join(" / ", bookmark.CandidateGroups)}; {actor} holds {string.Join(", ", actorRoles)}");
            step.Resume(bookmark, variables, HistoryKinds.TaskCompleted);
        });

    /// <summary>
    /// Delivers a message to the oldest instance waiting for <paramref name="name"/> with <paramref name="correlationKey"/>.
    /// A message nobody waits for is refused (returns null): it is not buffered, so the sender learns at once that
    /// the case is not at that step.
    /// </summary>
    public async Task<ProcessInstance?> CorrelateMessageAsync(
        string name, string correlationKey, IReadOnlyDictionary<string, object?>? variables, string actor, CancellationToken cancellationToken)
    {
        var waiting = await instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Message, name, correlationKey), cancellationToken).ConfigureAwait(false);
        if (waiting.Count == 0) return null;
        var (instance, bookmark) = waiting[0];
        return await ResumeAsync(instance.Id, bookmark.Id, BookmarkKind.Message, actor, cancellationToken,
            (step, b) => step.Resume(b, variables ?? new Dictionary<string, object?>(), HistoryKinds.MessageCorrelated)).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes the job of a service task with the activity's result variables (mapped through the task's output
    /// mappings) and moves the instance on.
    /// </summary>
    public Task<ProcessInstance> CompleteJobAsync(
        Guid instanceId, Guid bookmarkId, IReadOnlyDictionary<string, object?> result, CancellationToken cancellationToken) =>
        ResumeAsync(instanceId, bookmarkId, BookmarkKind.Job, "system", cancellationToken,
            (step, bookmark) => step.Resume(bookmark, result, HistoryKinds.JobCompleted));

    /// <summary>Holds the job's token in an incident (retries exhausted); the bookmark stays for a later retry.</summary>
    public Task<ProcessInstance> RaiseJobIncidentAsync(Guid instanceId, Guid bookmarkId, string error, CancellationToken cancellationToken) =>
        ResumeAsync(instanceId, bookmarkId, BookmarkKind.Job, "system", cancellationToken,
            (step, bookmark) => step.RaiseIncident(bookmark.TokenId, error));

    /// <summary>
    /// Clears the incident on <paramref name="tokenId"/>: a job token is dispatched again, any other token re-runs
    /// its node (e.g. a gateway whose condition failed, after the variables were fixed).
    /// </summary>
    public async Task<ProcessInstance> RetryIncidentAsync(Guid instanceId, Guid tokenId, string actor, CancellationToken cancellationToken)
    {
        var (instance, process) = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var expected = instance.Revision;
        var step = new InstanceAdvancer(process.Model, instance, actor, time);
        step.RetryIncident(tokenId);
        await instances.UpdateAsync(instance, expected, step.History, cancellationToken).ConfigureAwait(false);
        await DispatchJobsAsync(instance, step, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    private async Task<ProcessInstance> ResumeAsync(
        Guid instanceId, Guid bookmarkId, BookmarkKind kind, string actor, CancellationToken cancellationToken, Action<InstanceAdvancer, Bookmark> resume)
    {
        var (instance, process) = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var bookmark = instance.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId && b.Kind == kind)
            ?? throw new BookmarkNotFoundException($"instance {instanceId} has no open {kind} {bookmarkId}");
        var expected = instance.Revision;
        var step = new InstanceAdvancer(process.Model, instance, actor, time);
        resume(step, bookmark);
        await instances.UpdateAsync(instance, expected, step.History, cancellationToken).ConfigureAwait(false);
        await DispatchJobsAsync(instance, step, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    private async Task<(ProcessInstance, DeployedProcess)> LoadAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"no process instance {instanceId}");
        var process = await definitions.GetAsync(instance.ProcessId, instance.Version, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"process '{instance.ProcessId}' version {instance.Version} is missing");
        return (instance, process);
    }

    /// <summary>Jobs leave only after the commit that created their bookmarks.</summary>
    private async Task DispatchJobsAsync(ProcessInstance instance, InstanceAdvancer step, CancellationToken cancellationToken)
    {
        foreach (var bookmark in step.CreatedJobs)
            await _jobs.DispatchAsync(instance, bookmark, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Runs the jobs of service tasks (a persistent Quartz job in the Host). Called after the commit that created the job's bookmark.</summary>
public interface IJobDispatcher
{
    Task DispatchAsync(ProcessInstance instance, Bookmark job, CancellationToken cancellationToken);

    /// <summary>Dispatches nothing: jobs are completed by whoever polls the bookmarks.</summary>
    public static readonly IJobDispatcher None = new NoJobs();

    private sealed class NoJobs : IJobDispatcher
    {
        public Task DispatchAsync(ProcessInstance instance, Bookmark job, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>A BPMN definition cannot be deployed; <see cref="Problems"/> lists every reason with its element id.</summary>
public sealed class DefinitionInvalidException(IReadOnlyList<DefinitionProblem> problems)
    : Exception($"definition not deployable: {problems.Count} problem(s); first: {problems[0]}")
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}

/// <summary>The bookmark (task, message subscription, job) is not open (any more).</summary>
public sealed class BookmarkNotFoundException(string message) : Exception(message);

/// <summary>The person may not complete this task (wrong role); maps to 403.</summary>
public sealed class TaskForbiddenException(string message) : Exception(message);
