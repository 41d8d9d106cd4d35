using System.Security.Cryptography;
using System.Text;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;

namespace Pipeline.Workflows.Runtime;

/// <summary>
/// The workflow runtime's front door: deploys BPMN definitions (versioned), starts instances, and resumes them at
/// their bookmarks (user task completed, message correlated, job finished). Each call loads the instance, advances
/// it synchronously until every token waits or ends (<see cref="InstanceAdvancer"/>), and saves it in one store
/// transaction guarded by the instance's revision, so two nodes never advance the same instance twice. Side effects
/// (job dispatch, timer scheduling and unscheduling) leave only after the commit.
/// </summary>
public sealed partial class WorkflowEngine(
    IDefinitionStore definitions, IInstanceStore instances, TimeProvider time, IJobDispatcher? jobs = null, ITimerScheduler? timers = null)
{
    private readonly IJobDispatcher _jobs = jobs ?? IJobDispatcher.None;
    private readonly ITimerScheduler _timers = timers ?? ITimerScheduler.None;

    /// <summary>
    /// Reads, validates and stores every process of a BPMN file. A process whose XML is unchanged keeps its version;
    /// a changed one becomes version n + 1. Nothing is stored when any process has a problem. The timer start events
    /// of a new version are scheduled (<see cref="ITimerScheduler.ScheduleStartAsync"/>) and replace those of the
    /// version before (<see cref="ITimerScheduler.CancelStartAsync"/>); only the latest version starts by message.
    /// </summary>
    /// <param name="knownActivityTypes">The activity catalogue's task types.</param>
    /// <exception cref="DefinitionInvalidException">Every problem found, each with its element id.</exception>
    public async Task<IReadOnlyList<DeployedProcess>> DeployAsync(
        string xml, IReadOnlySet<string> knownActivityTypes, string actor, CancellationToken cancellationToken, string sourceName = "definitions")
    {
        var read = BpmnReader.Read(xml, sourceName);
        var problems = read.Problems.Concat(read.Processes.SelectMany(p => DefinitionValidator.Validate(p, knownActivityTypes))).ToList();
        if (problems.Count == 0) problems.AddRange(StartTimerProblems(read.Processes, time.GetUtcNow()));
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
            await ReplaceStartTimersAsync(latest, process, cancellationToken).ConfigureAwait(false);
            deployed.Add(process);
        }
        return deployed;
    }

    /// <summary>Starts an instance of the latest version of <paramref name="processId"/> at its plain start event and advances it.</summary>
    /// <exception cref="KeyNotFoundException">No such process deployed.</exception>
    /// <param name="instanceId">The new instance's id when the caller reserved one (a case recorded before its instance
    /// starts, so a retry after a crash starts the same instance); a new version-7 GUID when null.</param>
    /// <exception cref="InvalidOperationException">The process has no plain start event (it starts by message or timer only).</exception>
    public async Task<ProcessInstance> StartAsync(
        string processId, string? businessKey, IReadOnlyDictionary<string, object?>? variables, string actor, CancellationToken cancellationToken,
        Guid? instanceId = null)
    {
        var process = await definitions.LatestAsync(processId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"process '{processId}' is not deployed");
        var now = time.GetUtcNow();
        var instance = new ProcessInstance
        {
            Id = instanceId ?? Guid.CreateVersion7(now),
            ProcessId = process.ProcessId,
            Version = process.Version,
            BusinessKey = businessKey,
            StartedAt = now,
        };
        var step = new InstanceAdvancer(process.Model, instance, actor, time);
        step.Start(variables ?? new Dictionary<string, object?>());
        await instances.InsertAsync(instance, step.History, cancellationToken).ConfigureAwait(false);
        return await AfterCommitAsync(instance, [], step, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Completes a user task on behalf of <paramref name="actor"/>, who must hold one of its candidate groups.
    /// <paramref name="variables"/> (e.g. <c>outcome</c>, <c>comment</c>) are merged into the instance, through the
    /// task's output mappings when it has any.
    /// </summary>
    /// <exception cref="BookmarkNotFoundException">No such open task.</exception>
    /// <exception cref="TaskForbiddenException">The actor holds none of the task's candidate groups.</exception>
    /// <exception cref="AssigneeConflictException">A segregation-of-duties rule of the task forbids the actor (see <see cref="AssigneeRules"/>).</exception>
    /// <exception cref="TaskClaimedException">Someone else has claimed the task.</exception>
    /// <exception cref="ConcurrencyException">The instance changed meanwhile.</exception>
    public Task<ProcessInstance> CompleteUserTaskAsync(
        Guid instanceId, Guid bookmarkId, string actor, IReadOnlyCollection<string> actorRoles,
        IReadOnlyDictionary<string, object?> variables, CancellationToken cancellationToken) =>
        ResumeAsync(instanceId, bookmarkId, BookmarkKind.UserTask, actor, cancellationToken, (step, bookmark) =>
        {
            if (!bookmark.CandidateGroups.Any(actorRoles.Contains))
                throw new TaskForbiddenException($"task '{bookmark.Name}' is for {string.Join(" / ", bookmark.CandidateGroups)}; {actor} holds {string.Join(", ", actorRoles)}");
            if (bookmark.Assignee is { } assignee && assignee != actor) throw new TaskClaimedException(bookmark.Name, assignee);
            step.CompleteUserTask(bookmark, variables);
        });

    /// <summary>
    /// Delivers a message to the oldest instance waiting for <paramref name="name"/> with <paramref name="correlationKey"/>
    /// (a receive task, an intermediate message catch event, a message boundary event or an event-based gateway's
    /// branch; BPMN 2.0 §10.5.4). Rule for early messages: a message nobody waits for is refused (returns null); it is
    /// not buffered, so a catch event reached later does not see it and the sender learns at once that the case is
    /// not at that step. Message start events are not considered here; <see cref="PublishMessageAsync"/> also starts
    /// instances.
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

    /// <summary>
    /// Ends the job of a service task with a BPMN error (BPMN 2.0 §10.5.4; Zeebe's <c>ThrowError</c>) instead of a
    /// result: the nearest error boundary event with <paramref name="errorCode"/> (or a catch-all), on the task or an
    /// enclosing sub-process, catches it and cancels that activity; <paramref name="variables"/> are merged then.
    /// Uncaught, the token is held in an incident and the job stays for a retry.
    /// </summary>
    /// <exception cref="BookmarkNotFoundException">No such open job.</exception>
    /// <exception cref="ConcurrencyException">The instance changed meanwhile.</exception>
    public Task<ProcessInstance> ThrowJobErrorAsync(
        Guid instanceId, Guid bookmarkId, string errorCode, string? message, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, object?>? variables = null) =>
        ResumeAsync(instanceId, bookmarkId, BookmarkKind.Job, "system", cancellationToken,
            (step, bookmark) => step.ThrowJobError(bookmark, errorCode, message, variables));

    /// <summary>
    /// Fires a timer bookmark (called by the <see cref="ITimerScheduler"/> when it is due, or at start-up for overdue
    /// ones found with <see cref="BookmarkQuery.DueBefore"/>). Idempotent: a timer already fired or cancelled, or an
    /// instance gone or finished, is a no-op that returns null. The due time is not checked: the caller decides.
    /// </summary>
    /// <exception cref="ConcurrencyException">The instance changed meanwhile (fire again).</exception>
    public async Task<ProcessInstance?> FireTimerAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken)
    {
        try
        {
            return await ResumeAsync(instanceId, bookmarkId, BookmarkKind.Timer, "system", cancellationToken,
                (step, bookmark) => step.FireTimer(bookmark)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BookmarkNotFoundException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// What a timer job does when it runs (BPMN 2.0 §10.5.5): fires the timer if it is due, and never before. A job
    /// scheduler may run a job early (one that keeps due times in whole seconds); then the timer is scheduled again
    /// for its due time through the <see cref="ITimerScheduler"/> and nothing else changes.
    /// </summary>
    /// <returns><see cref="TimerFiring.Fired"/> with the instance; <see cref="TimerFiring.NotDue"/> (re-scheduled);
    /// <see cref="TimerFiring.Gone"/> when the timer was fired or cancelled already, or the instance is gone.</returns>
    /// <exception cref="ConcurrencyException">The instance changed meanwhile (run again).</exception>
    public async Task<(TimerFiring Outcome, ProcessInstance? Instance)> FireTimerWhenDueAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken)
    {
        var instance = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (instance?.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId && b.Kind == BookmarkKind.Timer) is not { } timer) return (TimerFiring.Gone, null);
        if (timer.DueAt is { } due && due > time.GetUtcNow())
        {
            await _timers.ScheduleAsync(instance, timer, cancellationToken).ConfigureAwait(false);
            return (TimerFiring.NotDue, instance);
        }
        var fired = await FireTimerAsync(instanceId, bookmarkId, cancellationToken).ConfigureAwait(false);
        return fired is null ? (TimerFiring.Gone, null) : (TimerFiring.Fired, fired);
    }

    /// <summary>
    /// Cancels an active instance: every token and bookmark is removed (timers unscheduled), status
    /// <see cref="InstanceStatus.Cancelled"/>; the child instances of its call activities are cancelled with it.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such instance.</exception>
    /// <exception cref="InvalidOperationException">The instance is not active, or it is the child of a call activity that still waits for it (cancel the parent).</exception>
    /// <exception cref="ConcurrencyException">The instance changed meanwhile.</exception>
    public async Task<ProcessInstance> CancelInstanceAsync(Guid instanceId, string actor, string reason, CancellationToken cancellationToken)
    {
        var (instance, process) = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (instance.Status == InstanceStatus.Active) await EnsureNotAwaitedAsync(instance, cancellationToken).ConfigureAwait(false);
        var expected = instance.Revision;
        var before = instance.Bookmarks.ToList();
        var step = new InstanceAdvancer(process.Model, instance, actor, time);
        step.CancelInstance(reason);
        await instances.UpdateAsync(instance, expected, step.History, cancellationToken).ConfigureAwait(false);
        return await AfterCommitAsync(instance, before, step, cancellationToken).ConfigureAwait(false);
    }

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
        var before = instance.Bookmarks.ToList();
        var step = new InstanceAdvancer(process.Model, instance, actor, time);
        step.RetryIncident(tokenId);
        await instances.UpdateAsync(instance, expected, step.History, cancellationToken).ConfigureAwait(false);
        return await AfterCommitAsync(instance, before, step, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProcessInstance> ResumeAsync(
        Guid instanceId, Guid bookmarkId, BookmarkKind kind, string actor, CancellationToken cancellationToken, Action<InstanceAdvancer, Bookmark> resume)
    {
        var (instance, process) = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var bookmark = instance.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId && b.Kind == kind)
            ?? throw new BookmarkNotFoundException($"instance {instanceId} has no open {kind} {bookmarkId}");
        var expected = instance.Revision;
        var before = instance.Bookmarks.ToList();
        var step = new InstanceAdvancer(process.Model, instance, actor, time);
        resume(step, bookmark);
        await instances.UpdateAsync(instance, expected, step.History, cancellationToken).ConfigureAwait(false);
        return await AfterCommitAsync(instance, before, step, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(ProcessInstance, DeployedProcess)> LoadAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"no process instance {instanceId}");
        var process = await definitions.GetAsync(instance.ProcessId, instance.Version, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"process '{instance.ProcessId}' version {instance.Version} is missing");
        return (instance, process);
    }

    /// <summary>
    /// Jobs and timers leave only after the commit that created their bookmarks: new jobs are dispatched, new timers
    /// scheduled, and timers whose bookmarks the step removed (fired or cancelled) unscheduled. Then call activities
    /// follow (children started, cancelled, parents resumed; see <see cref="FollowCallActivitiesAsync"/>).
    /// </summary>
    /// <returns>The latest saved state of <paramref name="instance"/>: a child completing in the same call may have resumed it.</returns>
    private async Task<ProcessInstance> AfterCommitAsync(
        ProcessInstance instance, IReadOnlyList<Bookmark> before, InstanceAdvancer step, CancellationToken cancellationToken, Cascade? cascade = null)
    {
        cascade ??= new Cascade();
        cascade.Latest[instance.Id] = instance;
        foreach (var bookmark in step.CreatedJobs)
            await _jobs.DispatchAsync(instance, bookmark, cancellationToken).ConfigureAwait(false);
        var after = instance.Bookmarks.Where(b => b.Kind == BookmarkKind.Timer).Select(b => b.Id).ToHashSet();
        var earlier = before.Where(b => b.Kind == BookmarkKind.Timer).Select(b => b.Id).ToHashSet();
        foreach (var removed in before.Where(b => b.Kind == BookmarkKind.Timer && !after.Contains(b.Id)))
            await _timers.CancelAsync(instance, removed, cancellationToken).ConfigureAwait(false);
        foreach (var added in instance.Bookmarks.Where(b => b.Kind == BookmarkKind.Timer && !earlier.Contains(b.Id)))
            await _timers.ScheduleAsync(instance, added, cancellationToken).ConfigureAwait(false);
        await FollowCallActivitiesAsync(instance, before, step, cascade, cancellationToken).ConfigureAwait(false);
        return cascade.Latest[instance.Id];
    }
}

/// <summary>Runs the jobs of service tasks (a persistent background job in the Host). Called after the commit that created the job's bookmark.</summary>
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
