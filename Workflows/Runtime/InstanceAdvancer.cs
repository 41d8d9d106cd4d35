using System.Text.Json;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Runtime;

/// <summary>
/// One step of an instance, in memory: applies an event (start, a resumed bookmark, a retried incident) and
/// advances every ready token until it waits on a bookmark, ends, or hits an incident. Records history as it
/// goes. Expression failures become incidents on the token, never exceptions. Not thread-safe; one per call.
/// </summary>
public sealed class InstanceAdvancer(ProcessModel model, ProcessInstance instance, string actor, TimeProvider time)
{
    /// <summary>Most node executions in one advance; beyond it the instance is taken to loop without waiting.</summary>
    public const int MaxStepsPerAdvance = 10_000;

    private readonly List<HistoryEntry> _history = [];
    private readonly List<Bookmark> _createdJobs = [];

    /// <summary>History entries this step produced, to append in the same transaction.</summary>
    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>Job bookmarks this step created, to dispatch after the commit.</summary>
    public IReadOnlyList<Bookmark> CreatedJobs => _createdJobs;

    /// <summary>
    /// Puts a token on the start event with the initial variables and advances. The business key is also the
    /// variable <c>businessKey</c> (unless given), so correlation keys can be <c>=businessKey</c>.
    /// </summary>
    public void Start(IReadOnlyDictionary<string, object?> variables)
    {
        var start = model.StartEvents.Single();
        var initial = new Dictionary<string, object?>(variables, StringComparer.Ordinal);
        if (instance.BusinessKey is { } key) initial.TryAdd("businessKey", key);
        SetVariables(initial, HistoryKinds.InstanceStarted, start.Id, $"version {instance.Version}");
        instance.Tokens.Add(new Token { Id = Guid.NewGuid(), NodeId = start.Id });
        Advance();
    }

    /// <summary>Consumes <paramref name="bookmark"/>, merges <paramref name="variables"/> (through the node's output mappings), moves its token on and advances.</summary>
    public void Resume(Bookmark bookmark, IReadOnlyDictionary<string, object?> variables, string kind)
    {
        var token = instance.Tokens.Single(t => t.Id == bookmark.TokenId);
        var node = model.Node(token.NodeId)!;
        var outputs = node switch
        {
            ServiceTask s => s.Outputs,
            UserTask u => u.Outputs,
            _ => [],
        };
        instance.Bookmarks.Remove(bookmark);
        if (!TryMapOutputs(token, outputs, variables, out var mapped)) return;
        SetVariables(mapped, kind, node.Id, $"{bookmark.Kind} '{bookmark.Name}'");
        token.State = TokenState.Ready;
        TakeSingleOutgoing(token, node);
        Advance();
    }

    /// <summary>Holds a token in an incident with the error an administrator will read.</summary>
    public void RaiseIncident(Guid tokenId, string error)
    {
        var token = instance.Tokens.Single(t => t.Id == tokenId);
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
        if (instance.Bookmarks.FirstOrDefault(b => b.TokenId == token.Id && b.Kind == BookmarkKind.Job) is { } job)
        {
            token.State = TokenState.Waiting;
            _createdJobs.Add(job);
            return;
        }
        token.State = TokenState.Ready;
        Advance();
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
        if (instance.Tokens.Count == 0 && instance.Status == InstanceStatus.Active)
        {
            instance.Status = InstanceStatus.Completed;
            instance.EndedAt = time.GetUtcNow();
            Record(HistoryKinds.InstanceCompleted, null, null);
        }
    }

    private void Execute(Token token, FlowNode node)
    {
        Record(HistoryKinds.NodeEntered, node.Id, node.Name);
        switch (node)
        {
            case StartEvent or PassThroughTask:
                TakeSingleOutgoing(token, node);
                break;
            case EndEvent:
                instance.Tokens.Remove(token);
                break;
            case ExclusiveGateway gateway:
                ChooseFlow(token, gateway);
                break;
            case ServiceTask task when TryEvaluateInputs(token, task.Inputs, out var inputs):
                _createdJobs.Add(Wait(token, BookmarkKind.Job, task.TaskType!, null, [], inputs));
                break;
            case UserTask task when TryEvaluateInputs(token, task.Inputs, out var inputs):
                Wait(token, BookmarkKind.UserTask, task.Name ?? task.Id, null, task.CandidateGroups, inputs);
                break;
            case MessageCatch { Message: { } message } when TryEvaluate(token, message.CorrelationKey!, "correlation key", out var key):
                if (key is null) RaiseIncident(token.Id, $"correlation key ({message.CorrelationKey!.Text}) of message '{message.Name}' is null");
                else Wait(token, BookmarkKind.Message, message.Name, FeelTypes.Format(key, quoteStrings: false), [], new Dictionary<string, object?>());
                break;
        }
    }

    private void ChooseFlow(Token token, ExclusiveGateway gateway)
    {
        var vars = instance.Variables;
        foreach (var flow in model.Outgoing(gateway.Id).Where(f => f.Id != gateway.DefaultFlowId))
        {
            bool holds;
            try
            {
                holds = flow.Condition is null || flow.Condition.EvaluateCondition(vars);
            }
            catch (FeelEvaluationException e)
            {
                RaiseIncident(token.Id, $"condition of {flow.Id} ({flow.Condition!.Text}) failed: {e.Message}");
                return;
            }
            if (holds)
            {
                Take(token, flow);
                return;
            }
        }
        var fallback = model.Outgoing(gateway.Id).FirstOrDefault(f => f.Id == gateway.DefaultFlowId);
        if (fallback is null) RaiseIncident(token.Id, $"no condition of gateway {gateway.Id} holds and it has no default flow");
        else Take(token, fallback);
    }

    private Bookmark Wait(Token token, BookmarkKind kind, string name, string? correlationKey, IReadOnlyList<string> groups, IReadOnlyDictionary<string, object?> inputs)
    {
        var bookmark = new Bookmark(Guid.CreateVersion7(time.GetUtcNow()), kind, token.Id, token.NodeId, name, correlationKey, groups, inputs, time.GetUtcNow());
        instance.Bookmarks.Add(bookmark);
        token.State = TokenState.Waiting;
        Record(HistoryKinds.BookmarkCreated, token.NodeId, $"{kind} '{name}'" + (correlationKey is null ? "" : $" key {correlationKey}"));
        return bookmark;
    }

    private void TakeSingleOutgoing(Token token, FlowNode node) => Take(token, model.Outgoing(node.Id).Single());

    private void Take(Token token, SequenceFlow flow)
    {
        token.NodeId = flow.TargetId;
        Record(HistoryKinds.FlowTaken, flow.SourceId, $"{flow.Id} → {flow.TargetId}");
    }

    private bool TryEvaluateInputs(Token token, IReadOnlyList<IoMapping> mappings, out IReadOnlyDictionary<string, object?> inputs)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        inputs = result;
        foreach (var mapping in mappings)
        {
            if (!TryEvaluate(token, mapping.Source, $"input '{mapping.Target}'", out var value)) return false;
            result[mapping.Target] = value;
        }
        return true;
    }

    /// <summary>Output mappings evaluate against the result layered over the instance's variables; without mappings the result is merged whole.</summary>
    private bool TryMapOutputs(Token token, IReadOnlyList<IoMapping> mappings, IReadOnlyDictionary<string, object?> result, out IReadOnlyDictionary<string, object?> mapped)
    {
        var converted = result.ToDictionary(kv => kv.Key, kv => FeelValues.From(kv.Value), StringComparer.Ordinal);
        mapped = converted;
        if (mappings.Count == 0) return true;
        var scope = new Dictionary<string, object?>(instance.Variables, StringComparer.Ordinal);
        foreach (var (key, value) in converted) scope[key] = value;
        var output = new Dictionary<string, object?>(StringComparer.Ordinal);
        mapped = output;
        foreach (var mapping in mappings)
        {
            try
            {
                output[mapping.Target] = mapping.Source.Evaluate(scope);
            }
            catch (FeelEvaluationException e)
            {
                RaiseIncident(token.Id, $"output '{mapping.Target}' ({mapping.Source.Text}) failed: {e.Message}");
                return false;
            }
        }
        return true;
    }

    private bool TryEvaluate(Token token, FeelExpression expression, string what, out object? value)
    {
        try
        {
            value = expression.Evaluate(instance.Variables);
            return true;
        }
        catch (FeelEvaluationException e)
        {
            value = null;
            RaiseIncident(token.Id, $"{what} ({expression.Text}) failed: {e.Message}");
            return false;
        }
    }

    private void SetVariables(IReadOnlyDictionary<string, object?> changes, string kind, string? nodeId, string? detail)
    {
        if (changes.Count == 0)
        {
            Record(kind, nodeId, detail);
            return;
        }
        var before = Json(instance.Variables);
        foreach (var (key, value) in changes) instance.Variables[key] = FeelValues.From(value);
        Record(kind, nodeId, detail, before, Json(instance.Variables));
    }

    private void Record(string kind, string? nodeId, string? detail, string? before = null, string? after = null) =>
        _history.Add(new HistoryEntry(instance.Id, ++instance.HistorySequence, time.GetUtcNow(), actor, kind, nodeId, detail, before, after));

    /// <summary>Variables as JSON for the audit trail, Chinese kept readable.</summary>
    private static string Json(IReadOnlyDictionary<string, object?> variables) =>
        JsonSerializer.Serialize(variables.ToDictionary(kv => kv.Key, kv => FeelValues.ToJsonNode(kv.Value)), HistoryJson);

    private static readonly JsonSerializerOptions HistoryJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
