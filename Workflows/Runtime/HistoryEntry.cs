namespace Pipeline.Workflows.Runtime;

/// <summary>Kinds of history entries.</summary>
public static class HistoryKinds
{
    public const string InstanceStarted = "instance-started";
    public const string NodeEntered = "node-entered";
    public const string FlowTaken = "flow-taken";
    public const string BookmarkCreated = "bookmark-created";
    public const string TaskCompleted = "task-completed";
    public const string MessageCorrelated = "message-correlated";
    public const string JobCompleted = "job-completed";
    public const string IncidentRaised = "incident-raised";
    public const string IncidentResolved = "incident-resolved";
    public const string InstanceCompleted = "instance-completed";
}

/// <summary>
/// One append-only audit record of an instance (R-YN-13 全程留痕): who did what, when, at which node, and the
/// variables before and after when they changed. Never updated in place.
/// </summary>
/// <param name="Sequence">1, 2, … within the instance.</param>
/// <param name="Actor">The person (or <c>system</c>) whose action caused the step.</param>
/// <param name="Detail">Free text: the flow taken, the outcome chosen, the incident message.</param>
/// <param name="VariablesBefore">JSON of the variables before the step, when it changed them.</param>
/// <param name="VariablesAfter">JSON of the variables after the step, when it changed them.</param>
public sealed record HistoryEntry(
    Guid InstanceId, long Sequence, DateTimeOffset At, string Actor, string Kind, string? NodeId, string? Detail,
    string? VariablesBefore, string? VariablesAfter);
