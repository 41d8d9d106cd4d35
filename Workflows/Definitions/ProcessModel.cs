namespace Pipeline.Workflows.Definitions;

/// <summary>
/// One executable process read from a BPMN 2.0 definition: its nodes and sequence flows, indexed for the runtime.
/// Immutable once built.
/// </summary>
/// <param name="id">The <c>bpmn:process id</c>: what cases and call activities refer to.</param>
/// <param name="isExecutable">The <c>isExecutable</c> attribute; only executable processes deploy.</param>
public sealed class ProcessModel(string id, string? name, bool isExecutable, IReadOnlyList<FlowNode> nodes, IReadOnlyList<SequenceFlow> flows)
{
    private readonly Dictionary<string, FlowNode> _nodes = nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
    private readonly ILookup<string, SequenceFlow> _outgoing = flows.ToLookup(f => f.SourceId);
    private readonly ILookup<string, SequenceFlow> _incoming = flows.ToLookup(f => f.TargetId);

    public string Id { get; } = id;
    public string? Name { get; } = name;
    public bool IsExecutable { get; } = isExecutable;

    /// <summary>Nodes in document order.</summary>
    public IReadOnlyList<FlowNode> Nodes { get; } = nodes;

    /// <summary>Sequence flows in document order.</summary>
    public IReadOnlyList<SequenceFlow> Flows { get; } = flows;

    public FlowNode? Node(string id) => _nodes.GetValueOrDefault(id);

    /// <summary>Outgoing flows of a node in document order (the order an exclusive gateway evaluates them).</summary>
    public IEnumerable<SequenceFlow> Outgoing(string nodeId) => _outgoing[nodeId];

    public IEnumerable<SequenceFlow> Incoming(string nodeId) => _incoming[nodeId];

    public IEnumerable<StartEvent> StartEvents => Nodes.OfType<StartEvent>();
}
