namespace Pipeline.Workflows.Definitions;

/// <summary>
/// <c>bpmn:parallelGateway</c> (AND, BPMN 2.0 §13.3.4): as a split, one token leaves on every outgoing flow; as a
/// join, it waits until a token has arrived on every incoming flow, consumes one token per incoming flow and sends
/// one on. A second token arriving on the same incoming flow waits for the next firing. Outgoing flows carry no
/// conditions.
/// </summary>
public sealed record ParallelGateway(string Id, string? Name) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:parallelGateway";
}

/// <summary>
/// <c>bpmn:eventBasedGateway</c> (BPMN 2.0 §13.3.6): the token waits on every intermediate catch event (message or
/// timer) its outgoing flows lead to; the first event that occurs takes the token, the other subscriptions are
/// cancelled.
/// </summary>
public sealed record EventBasedGateway(string Id, string? Name) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:eventBasedGateway";
}
