using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Definitions;

/// <summary>
/// <c>bpmn:endEvent</c> with <c>bpmn:terminateEventDefinition</c> (BPMN 2.0 §10.5.3, §13.5.6): ends every token of
/// its scope at once. At process level the instance completes and its open bookmarks are removed; inside a
/// sub-process the sub-process completes and its token moves on.
/// </summary>
public sealed record TerminateEndEvent(string Id, string? Name) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:endEvent";
}

/// <summary>
/// <c>bpmn:endEvent</c> with <c>bpmn:errorEventDefinition errorRef</c> (BPMN 2.0 §10.5.4, §13.5.6): throws the error;
/// the nearest enclosing activity with a matching error boundary event (same <c>errorCode</c>, or a catch-all)
/// catches it and is cancelled. Uncaught, the token is held in an incident.
/// </summary>
/// <param name="Error">The referenced <c>bpmn:error</c>; null when the reference is missing or dangling (a deploy problem).</param>
public sealed record ErrorEndEvent(string Id, string? Name, ErrorDefinition? Error) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:endEvent";
}

/// <summary><c>bpmn:error</c> (BPMN 2.0 §8.4.6): a business error, matched by <paramref name="Code"/> (<c>errorCode</c>).</summary>
public sealed record ErrorDefinition(string Id, string? Name, string? Code);

/// <summary>What triggers a boundary event or an intermediate catch event (BPMN 2.0 §10.5.1 event definitions).</summary>
public abstract record EventTrigger
{
    /// <summary>The BPMN event definition element, e.g. <c>bpmn:timerEventDefinition</c>.</summary>
    public abstract string ElementType { get; }
}

/// <summary><c>bpmn:errorEventDefinition</c> on a boundary event. <paramref name="Error"/> null (no <c>errorRef</c>, or an error without code) catches every error.</summary>
public sealed record ErrorTrigger(ErrorDefinition? Error) : EventTrigger
{
    public override string ElementType => "bpmn:errorEventDefinition";

    /// <summary>True when this catches every error code.</summary>
    public bool CatchesAll => Error?.Code is null or "";
}

/// <summary><c>bpmn:messageEventDefinition messageRef</c>: waits for the message (correlated by its key).</summary>
public sealed record MessageTrigger(MessageDefinition? Message) : EventTrigger
{
    public override string ElementType => "bpmn:messageEventDefinition";
}

/// <summary><c>bpmn:timerEventDefinition</c> (BPMN 2.0 §10.5.5): waits until the timer is due.</summary>
public sealed record TimerTrigger(TimerDefinition Timer) : EventTrigger
{
    public override string ElementType => "bpmn:timerEventDefinition";
}

/// <summary>Which child of <c>bpmn:timerEventDefinition</c> a timer has.</summary>
public enum TimerType
{
    /// <summary><c>bpmn:timeDuration</c>: an ISO 8601 duration (<c>P3D</c>, <c>PT2H</c>, <c>P1M</c>) from when the timer starts.</summary>
    Duration,
    /// <summary><c>bpmn:timeDate</c>: an ISO 8601 date-time (<c>2026-05-01T09:00:00+08:00</c>) or date.</summary>
    Date,
    /// <summary><c>bpmn:timeCycle</c>: an ISO 8601 repeating interval <c>R[n]/duration</c>; non-interrupting boundary events only.</summary>
    Cycle,
}

/// <summary>
/// A timer's schedule: an ISO 8601 literal in <paramref name="Text"/>, or a FEEL expression (Zeebe <c>=</c> prefix)
/// whose value is a duration, a date(-time) or an ISO 8601 string.
/// </summary>
/// <param name="Text">The element text as written (trimmed).</param>
/// <param name="Expression">The parsed expression when <paramref name="Text"/> starts with <c>=</c>, else null.</param>
public sealed record TimerDefinition(TimerType Type, string Text, FeelExpression? Expression);

/// <summary>
/// <c>bpmn:boundaryEvent</c> (BPMN 2.0 §10.5.4 "attached to an activity boundary"): listens while the activity
/// <paramref name="AttachedToId"/> is active. When triggered, an interrupting one (<paramref name="CancelActivity"/>,
/// the default) cancels the activity with everything inside it; a non-interrupting one lets it run on. Either way a
/// new token leaves the boundary event on its outgoing flow. Error boundary events are always interrupting.
/// </summary>
public sealed record BoundaryEvent(string Id, string? Name, string AttachedToId, bool CancelActivity, EventTrigger? Trigger) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:boundaryEvent";
}

/// <summary>
/// <c>bpmn:intermediateCatchEvent</c> with <c>bpmn:timerEventDefinition</c> (BPMN 2.0 §10.5.5): the token waits on
/// a timer bookmark until the timer is due (<c>timeDuration</c> or <c>timeDate</c>).
/// </summary>
public sealed record TimerCatch(string Id, string? Name, TimerDefinition Timer) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:intermediateCatchEvent";
}
