using Pipeline.Workflows.Definitions;

namespace Pipeline.Workflows.Runtime;

/// <summary>
/// One step of an instance, in memory: applies an event (start, a resumed bookmark, a thrown job error, a fired timer,
/// a retried incident, a cancellation) and advances every ready token until it waits on a bookmark, ends, or hits an
/// incident. Records history as it goes. Expression failures become incidents on the token, never exceptions. Not
/// thread-safe; one per call. The behaviour of each kind of element lives in <c>Behaviours/</c>.
/// </summary>
/// <remarks>
/// Tokens form a tree (BPMN 2.0 §13.1 token semantics with scopes): a sub-process's token and a multi-instance
/// activity's token wait in <see cref="TokenState.Scope"/> while their child tokens run. A scope completes when no
/// child token remains; cancelling a token cancels its children and removes their bookmarks.
/// </remarks>
public sealed partial class InstanceAdvancer(ProcessModel model, ProcessInstance instance, string actor, TimeProvider time)
{
    /// <summary>Most node executions in one advance; beyond it the instance is taken to loop without waiting.</summary>
    public const int MaxStepsPerAdvance = 10_000;

    private readonly List<HistoryEntry> _history = [];
    private readonly List<Bookmark> _createdJobs = [];

    /// <summary>History entries this step produced, to append in the same transaction.</summary>
    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>Job bookmarks this step created (or re-armed by a retry), to dispatch after the commit.</summary>
    public IReadOnlyList<Bookmark> CreatedJobs => _createdJobs;

    /// <summary>
    /// Puts a token on the start event with the initial variables and advances. The business key is also the
    /// variable <c>businessKey</c> (unless given), so correlation keys can be <c>=businessKey</c>.
    /// </summary>
    /// <param name="startEventId">A message or timer start event to start at (BPMN 2.0 §10.5.2); null for the plain start event.</param>
    /// <exception cref="InvalidOperationException">No such start event (e.g. the process has no plain start event).</exception>
    public void Start(IReadOnlyDictionary<string, object?> variables, string? startEventId = null)
    {
        FlowNode start = startEventId is null
            ? model.StartEvents.SingleOrDefault() ?? throw new InvalidOperationException($"process '{model.Id}' has no plain start event: it starts by message or timer only")
            : model.Node(startEventId) is { } node and (StartEvent or MessageStartEvent or TimerStartEvent) && model.ScopeOf(node.Id) is null
                ? node : throw new InvalidOperationException($"'{startEventId}' is not a start event of process '{model.Id}'");
        var initial = new Dictionary<string, object?>(variables, StringComparer.Ordinal);
        if (instance.BusinessKey is { } key) initial.TryAdd("businessKey", key);
        SetVariables(initial, HistoryKinds.InstanceStarted, start.Id, $"version {instance.Version}");
        instance.Tokens.Add(NewToken(start.Id, null));
        Advance();
    }

    /// <summary>
    /// Consumes <paramref name="bookmark"/> and advances. For the token's own wait: merges <paramref name="variables"/>
    /// (through the node's output mappings) and completes the activity. For a boundary event's or an event-based
    /// gateway's subscription: triggers that event.
    /// </summary>
    public void Resume(Bookmark bookmark, IReadOnlyDictionary<string, object?> variables, string kind)
    {
        var token = TokenById(bookmark.TokenId);
        instance.Bookmarks.Remove(bookmark);
        if (bookmark.NodeId != token.NodeId)
        {
            TriggerEvent(token, bookmark, variables, kind);
            Advance();
            return;
        }
        var node = model.Node(token.NodeId)!;
        var outputs = node switch
        {
            ServiceTask s => s.Outputs,
            UserTask u => u.Outputs,
            CallActivity c => c.Outputs,
            _ => [],
        };
        if (!TryMapOutputs(token, outputs, variables, out var mapped)) return;
        if (kind == HistoryKinds.TaskCompleted)
            instance.CompletedTasks.Add(new TaskCompletion(node.Id, actor, time.GetUtcNow(), token.LoopCounter is null ? null : token.ParentId));
        SetVariables(mapped, kind, node.Id, $"{bookmark.Kind} '{bookmark.Name}'");
        token.State = TokenState.Ready;
        CompleteActivity(token);
        Advance();
    }

    /// <summary>
    /// Completes a user task on behalf of the actor after checking its segregation-of-duties rules
    /// (<see cref="AssigneeRules"/>); nothing changes when they refuse.
    /// </summary>
    /// <exception cref="AssigneeConflictException">The actor may not complete this task.</exception>
    public void CompleteUserTask(Bookmark bookmark, IReadOnlyDictionary<string, object?> variables)
    {
        AssigneeRules.Check(model, instance, bookmark, actor);
        Resume(bookmark, variables, HistoryKinds.TaskCompleted);
    }

    /// <summary>Fires a timer bookmark: the timer catch event completes, or its boundary event / event-based gateway branch is triggered.</summary>
    public void FireTimer(Bookmark timer) => Resume(timer, new Dictionary<string, object?>(), HistoryKinds.TimerFired);

    /// <summary>Holds a token in an incident with the error an administrator will read.</summary>
    public void RaiseIncident(Guid tokenId, string error)
    {
        var token = TokenById(tokenId);
        token.State = TokenState.Incident;
        token.Incident = error;
        Record(HistoryKinds.IncidentRaised, token.NodeId, error);
    }

    /// <summary>Clears an incident: a job token gets its job dispatched again; any other token re-runs its node.</summary>
    /// <exception cref="InvalidOperationException">The token holds no incident.</exception>
    public void RetryIncident(Guid tokenId)
    {
        var token = instance.Tokens.SingleOrDefault(t => t.Id == tokenId && t.State == TokenState.Incident)
            ?? throw new InvalidOperationException($"token {tokenId} holds no incident");
        Record(HistoryKinds.IncidentResolved, token.NodeId, token.Incident);
        token.Incident = null;
        if (instance.Bookmarks.FirstOrDefault(b => b.TokenId == token.Id && b.Kind == BookmarkKind.Job && b.NodeId == token.NodeId) is { } job)
        {
            token.State = TokenState.Waiting;
            _createdJobs.Add(job);
            return;
        }
        token.State = TokenState.Ready;
        Advance();
    }

    /// <summary>Cancels the whole instance: every token and bookmark is removed and the status becomes <see cref="InstanceStatus.Cancelled"/>.</summary>
    /// <exception cref="InvalidOperationException">The instance is not active.</exception>
    public void CancelInstance(string reason)
    {
        if (instance.Status != InstanceStatus.Active)
            throw new InvalidOperationException($"instance {instance.Id} is {instance.Status}, not active");
        foreach (var token in instance.Tokens.Where(t => t.ParentId is null).ToList()) Cancel(token, $"instance cancelled: {reason}");
        instance.Bookmarks.Clear();
        instance.Status = InstanceStatus.Cancelled;
        instance.EndedAt = time.GetUtcNow();
        Record(HistoryKinds.InstanceCancelled, null, reason);
    }

    private void Advance()
    {
        for (var steps = 0; instance.Tokens.FirstOrDefault(t => t.State == TokenState.Ready) is { } token; steps++)
        {
            if (steps == MaxStepsPerAdvance)
            {
                RaiseIncident(token.Id, $"more than {MaxStepsPerAdvance} steps without waiting: the process loops");
                return;
            }
            Execute(token, model.Node(token.NodeId)!);
        }
        RaiseDeadlockedJoins();
        if (instance.Tokens.Count == 0 && instance.Status == InstanceStatus.Active)
        {
            instance.Status = InstanceStatus.Completed;
            instance.EndedAt = time.GetUtcNow();
            instance.Bookmarks.Clear();
            Record(HistoryKinds.InstanceCompleted, null, null);
        }
    }

    private void Execute(Token token, FlowNode node)
    {
        Record(HistoryKinds.NodeEntered, node.Id, node.Name);
        // A token re-run after an incident may still hold subscriptions of its earlier run (boundary events).
        RemoveBookmarksOf(token.Id);
        if (node.Loop is not null && token.LoopCounter is null)
        {
            EnterMultiInstance(token, node);
            return;
        }
        switch (node)
        {
            case StartEvent or MessageStartEvent or TimerStartEvent or BoundaryEvent or PassThroughTask:
                CompleteActivity(token);
                break;
            case EndEvent:
                EndToken(token);
                break;
            case TerminateEndEvent terminate:
                Terminate(token, terminate);
                break;
            case ErrorEndEvent { Error: var error }:
                ThrowError(token, error?.Code ?? "", error?.Name, null);
                break;
            case ExclusiveGateway gateway:
                ChooseFlow(token, gateway);
                break;
            case ParallelGateway gateway:
                ForkOrJoin(token, gateway);
                break;
            case EventBasedGateway gateway:
                AwaitFirstEvent(token, gateway);
                break;
            case SubProcess subProcess:
                EnterSubProcess(token, subProcess);
                break;
            case CallActivity call:
                EnterCallActivity(token, call);
                break;
            case ServiceTask task when TryEvaluateInputs(token, task.Inputs, out var inputs) && TryPrepareBoundaries(token, node, out var boundaries):
                _createdJobs.Add(Wait(token, BookmarkKind.Job, task.TaskType!, null, [], inputs));
                Subscribe(token, boundaries);
                break;
            case UserTask task when TryEvaluateInputs(token, task.Inputs, out var inputs) && TryUserTaskBookmark(token, task, inputs, out var wait)
                                    && TryPrepareBoundaries(token, node, out var boundaries):
                Wait(token, wait);
                Subscribe(token, boundaries);
                break;
            case MessageCatch catchEvent when TryMessageBookmark(token, catchEvent.Id, catchEvent.Message!, out var wait) && TryPrepareBoundaries(token, node, out var boundaries):
                Wait(token, wait);
                Subscribe(token, boundaries);
                break;
            case TimerCatch timer when TryTimerBookmark(token, timer.Id, timer.Name, timer.Timer, out var wait):
                Wait(token, wait);
                break;
        }
    }

    private Token TokenById(Guid id) => instance.Tokens.Single(t => t.Id == id);

    private Token? Parent(Token token) => token.ParentId is { } id ? instance.Tokens.FirstOrDefault(t => t.Id == id) : null;

    private static Token NewToken(string nodeId, Guid? parentId) => new() { Id = Guid.NewGuid(), NodeId = nodeId, ParentId = parentId };
}
