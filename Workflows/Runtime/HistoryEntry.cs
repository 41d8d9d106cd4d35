namespace Pipeline.Workflows.Runtime;

/// <summary>Kinds of history entries.</summary>
public static class HistoryKinds
{
    public const string InstanceStarted = "instance-started";
    public const string NodeEntered = "node-entered";
    public const string FlowTaken = "flow-taken";
    public const string BookmarkCreated = "bookmark-created";
    public const string TaskCompleted = "task-completed";

    /// <summary>Someone claimed a user task (detail: the task's name); they alone complete it until it is unclaimed.</summary>
    public const string TaskClaimed = "task-claimed";

    /// <summary>A claimed user task was released (detail: the task's name and, when an administrator did it, whose claim).</summary>
    public const string TaskUnclaimed = "task-unclaimed";
    public const string MessageCorrelated = "message-correlated";
    public const string JobCompleted = "job-completed";
    public const string IncidentRaised = "incident-raised";
    public const string IncidentResolved = "incident-resolved";
    public const string InstanceCompleted = "instance-completed";

    /// <summary>A parallel gateway (or an activity with several outgoing flows) sent a token down each outgoing flow.</summary>
    public const string GatewayForked = "gateway-forked";

    /// <summary>A joining parallel gateway had a token on every incoming flow and sent one on.</summary>
    public const string GatewayJoined = "gateway-joined";

    /// <summary>An error end event or a job threw a BPMN error (detail: code and message).</summary>
    public const string ErrorThrown = "error-thrown";

    /// <summary>An error boundary event caught a thrown error.</summary>
    public const string ErrorCaught = "error-caught";

    /// <summary>A terminate end event ended every token of its scope.</summary>
    public const string Terminated = "terminated";

    /// <summary>An activity (its token, bookmarks and everything inside it) was cancelled; detail says why.</summary>
    public const string ActivityCancelled = "activity-cancelled";

    /// <summary>No token remained inside an embedded sub-process, so it completed and its token moves on.</summary>
    public const string SubProcessCompleted = "sub-process-completed";

    /// <summary>A boundary event was triggered (detail: interrupting or not).</summary>
    public const string BoundaryTriggered = "boundary-triggered";

    /// <summary>A multi-instance activity started its instances (detail: how many, parallel or sequential).</summary>
    public const string MultiInstanceStarted = "multi-instance-started";

    /// <summary>A multi-instance activity completed (detail: how many instances completed, whether the completion condition held).</summary>
    public const string MultiInstanceCompleted = "multi-instance-completed";

    /// <summary>A timer bookmark was fired.</summary>
    public const string TimerFired = "timer-fired";

    /// <summary>The instance moved to another version of its process (detail: from and to version, active element → target element).</summary>
    public const string InstanceMigrated = "instance-migrated";

    /// <summary>An administrator cancelled the instance (or its calling instance was cancelled or moved past the call).</summary>
    /// <summary>Variables set from outside the flow (<see cref="WorkflowEngine.UpdateVariablesAsync"/>).</summary>
    public const string VariablesUpdated = "variables-updated";

    public const string InstanceCancelled = "instance-cancelled";

    /// <summary>A call activity's child instance completed and its variables came back (detail: the child instance id).</summary>
    public const string CallActivityCompleted = "call-activity-completed";
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
