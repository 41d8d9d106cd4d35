namespace Pipeline.Workflows.Definitions;

/// <summary>
/// One executable process read from a BPMN 2.0 definition: its nodes and sequence flows, indexed for the runtime.
/// Immutable once built.
/// </summary>
/// <param name="id">The <c>bpmn:process id</c>: what cases and call activities refer to.</param>
/// <param name="isExecutable">The <c>isExecutable</c> attribute; only executable processes deploy.</param>
/// <param name="nodes">Every node, those inside sub-processes included, in document order.</param>
/// <param name="scopes">Node id → id of the sub-process that contains it, for nodes inside sub-processes (others are at process level).</param>
public sealed class ProcessModel(
    string id, string? name, bool isExecutable, IReadOnlyList<FlowNode> nodes, IReadOnlyList<SequenceFlow> flows,
    IReadOnlyDictionary<string, string>? scopes = null)
{
    private readonly IReadOnlyDictionary<string, string> _scopes = scopes ?? new Dictionary<string, string>();
    private readonly ILookup<string, BoundaryEvent> _boundaries = nodes.OfType<BoundaryEvent>().ToLookup(b => b.AttachedToId);
    private readonly Dictionary<string, FlowNode> _nodes = nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
    private readonly ILookup<string, SequenceFlow> _outgoing = flows.ToLookup(f => f.SourceId);
    private readonly ILookup<string, SequenceFlow> _incoming = flows.ToLookup(f => f.TargetId);

    public string Id { get; } = id;
    public string? Name { get; } = name;
    public bool IsExecutable { get; } = isExecutable;

    /// <summary>The process's <c>zeebe:versionTag value</c>, if any: what a call activity with <c>bindingType="versionTag"</c> matches.</summary>
    public string? VersionTag { get; init; }

    /// <summary>Nodes in document order.</summary>
    public IReadOnlyList<FlowNode> Nodes { get; } = nodes;

    /// <summary>Sequence flows in document order.</summary>
    public IReadOnlyList<SequenceFlow> Flows { get; } = flows;

    public FlowNode? Node(string id) => _nodes.GetValueOrDefault(id);

    /// <summary>Outgoing flows of a node in document order (the order an exclusive gateway evaluates them).</summary>
    public IEnumerable<SequenceFlow> Outgoing(string nodeId) => _outgoing[nodeId];

    public IEnumerable<SequenceFlow> Incoming(string nodeId) => _incoming[nodeId];

    /// <summary>The plain start events at process level (not inside sub-processes).</summary>
    public IEnumerable<StartEvent> StartEvents => StartEventsOf(null);

    /// <summary>The message start events (process level only), in document order.</summary>
    public IEnumerable<MessageStartEvent> MessageStartEvents => Nodes.OfType<MessageStartEvent>();

    /// <summary>The timer start events (process level only), in document order.</summary>
    public IEnumerable<TimerStartEvent> TimerStartEvents => Nodes.OfType<TimerStartEvent>();

    /// <summary>The plain start events directly inside <paramref name="scopeId"/> (a sub-process id), or at process level for null.</summary>
    public IEnumerable<StartEvent> StartEventsOf(string? scopeId) => Nodes.OfType<StartEvent>().Where(s => ScopeOf(s.Id) == scopeId);

    /// <summary>The id of the sub-process directly containing <paramref name="nodeId"/>, or null at process level.</summary>
    public string? ScopeOf(string nodeId) => _scopes.GetValueOrDefault(nodeId);

    /// <summary>The boundary events attached to an activity, in document order.</summary>
    public IEnumerable<BoundaryEvent> BoundaryEvents(string activityId) => _boundaries[activityId];
}
