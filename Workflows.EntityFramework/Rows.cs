namespace Pipeline.Workflows.EntityFramework;

/// <summary>A row of <c>wf_deployed_processes</c>: one version of a process definition. The parsed model is not stored.</summary>
public sealed class DeployedProcessRow
{
    public required string ProcessId { get; set; }
    public int Version { get; set; }
    public required string Sha256 { get; set; }
    public required string Xml { get; set; }
    public DateTimeOffset DeployedAt { get; set; }
    public required string DeployedBy { get; set; }
}

/// <summary>A row of <c>wf_process_instances</c>. Variables and tokens are JSON text; bookmarks have their own table.</summary>
public sealed class ProcessInstanceRow
{
    public Guid Id { get; set; }
    public required string ProcessId { get; set; }
    public int Version { get; set; }
    public string? BusinessKey { get; set; }

    /// <summary>For an instance started by a call activity: the calling instance (indexed, for "child cases"); null otherwise.</summary>
    public Guid? ParentInstanceId { get; set; }

    /// <summary>For an instance started by a call activity: the parent's call-activity bookmark waiting for it; null otherwise.</summary>
    public Guid? ParentBookmarkId { get; set; }
    public required string Status { get; set; }

    /// <summary>Tokens held by an incident (derived from the tokens on every save; a filtered index finds the instances that have some).</summary>
    public int IncidentCount { get; set; }

    /// <summary>The optimistic-concurrency token: every save checks and increments it.</summary>
    public long Revision { get; set; }
    public long HistorySequence { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public required string VariablesJson { get; set; }
    public required string TokensJson { get; set; }

    /// <summary>Who completed which user task (<see cref="Pipeline.Workflows.Runtime.ProcessInstance.CompletedTasks"/>), JSON; <c>[]</c> for none.</summary>
    public string CompletedTasksJson { get; set; } = "[]";
}

/// <summary>A row of <c>wf_bookmarks</c>: an open wait of an instance, replaced wholesale on every save of the instance.</summary>
public sealed class BookmarkRow
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>Position in <see cref="Pipeline.Workflows.Runtime.ProcessInstance.Bookmarks"/>, so the list comes back in order.</summary>
    public int Ordinal { get; set; }
    public required string Kind { get; set; }
    public Guid TokenId { get; set; }
    public required string NodeId { get; set; }
    public required string Name { get; set; }
    public string? CorrelationKey { get; set; }

    /// <summary>Candidate groups as <c>|a|b|</c> (empty string for none), so "holds group g" is <c>LIKE '%|g|%'</c> on every provider.</summary>
    public required string CandidateGroups { get; set; }
    public required string InputsJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>For timers: when due; for user tasks: the due date, if any (indexed with the kind, for "timers due" and "overdue tasks" queries); null otherwise.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>For user tasks: the follow-up date, if any; null otherwise.</summary>
    public DateTimeOffset? FollowUpAt { get; set; }

    /// <summary>For cycle timers: firings left after this one (-1 unbounded); 0 otherwise.</summary>
    public int RepeatsLeft { get; set; }

    /// <summary>For user tasks: the form it is worked with (<c>zeebe:formDefinition formId</c>); null otherwise.</summary>
    public string? FormId { get; set; }

    /// <summary>For user tasks: who claimed it; null while unclaimed.</summary>
    public string? Assignee { get; set; }
}

/// <summary>A row of <c>wf_history</c>: append-only, keyed by instance id and sequence.</summary>
public sealed class HistoryRow
{
    public Guid InstanceId { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Kind { get; set; }
    public string? NodeId { get; set; }
    public string? Detail { get; set; }
    public string? VariablesBefore { get; set; }
    public string? VariablesAfter { get; set; }
}
