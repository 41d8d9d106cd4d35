namespace Pipeline.Workflows.Definitions;

/// <summary>
/// <c>bpmn:startEvent</c> with <c>bpmn:messageEventDefinition</c> at process level (BPMN 2.0 §10.5.2, §13.5.1): a
/// published message named <see cref="MessageDefinition.Name"/> starts a new instance of the latest version of the
/// process there (see <c>WorkflowEngine.PublishMessageAsync</c>). The message's correlation key becomes the business key;
/// the start event needs no <c>zeebe:subscription</c>.
/// </summary>
/// <param name="Message">The referenced <c>bpmn:message</c>; null when the reference is missing or dangling (a deploy problem).</param>
public sealed record MessageStartEvent(string Id, string? Name, MessageDefinition? Message) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:startEvent";
}

/// <summary>
/// <c>bpmn:startEvent</c> with <c>bpmn:timerEventDefinition</c> at process level (BPMN 2.0 §10.5.5, §13.5.1): starts an
/// instance of the latest version when due. <c>timeDate</c> fires once at that time, <c>timeDuration</c> once that
/// long after the deployment, <c>timeCycle</c> (<c>R[n]/duration</c> from the deployment, or
/// <c>R[n]/start/duration</c>, e.g. quarterly <c>R/2026-01-01T00:00:00+08:00/P3M</c>) repeatedly. Deploying a new
/// version replaces the old version's start timers (see <c>WorkflowEngine.FireStartTimerAsync</c>).
/// </summary>
public sealed record TimerStartEvent(string Id, string? Name, TimerDefinition Timer) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:startEvent";
}
