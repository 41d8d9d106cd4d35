namespace Pipeline.Workflows.Definitions;

/// <summary>
/// <c>bpmn:subProcess</c>, embedded (BPMN 2.0 §10.3.5, §13.3 "sub-process"): a scope. Its token waits while the
/// tokens started at its one plain start event run inside; when none remains inside, the sub-process completes and
/// its token moves on. Boundary events attached to it listen while it runs; an interrupting one cancels every token
/// and bookmark inside. Its child nodes are the nodes whose <see cref="ProcessModel.ScopeOf"/> is its id. Variables
/// are shared with the process (no local variable scope).
/// </summary>
public sealed record SubProcess(string Id, string? Name) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:subProcess";
}
