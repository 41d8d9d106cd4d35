using System.Text.Json.Serialization;

namespace Pipeline.Workflows.Runtime;

/// <summary>Lifecycle of a process instance.</summary>
public enum InstanceStatus
{
    /// <summary>At least one token is alive (ready, waiting on a bookmark, or held by an incident).</summary>
    Active,
    /// <summary>Every token reached an end event, or a terminate end event ended them all.</summary>
    Completed,
    /// <summary>Cancelled by an administrator, or with the call activity that started it: every token and bookmark was removed.</summary>
    Cancelled,
}

/// <summary>What a token is doing.</summary>
public enum TokenState
{
    /// <summary>About to execute its node.</summary>
    Ready,
    /// <summary>Waiting on a bookmark (user task, message, job).</summary>
    Waiting,
    /// <summary>Stopped by an incident (a failed expression or an exhausted job) until an administrator retries it.</summary>
    Incident,
    /// <summary>Arrived at a joining parallel gateway; waits for tokens on its other incoming flows.</summary>
    Joining,
    /// <summary>
    /// Inside a sub-process or a multi-instance activity: the token of the scope itself, waiting until the child
    /// tokens (<see cref="Token.ParentId"/> = its id) have finished.
    /// </summary>
    Scope,
}

/// <summary>
/// A token: a thread of control at one node of the process (BPMN §13.1). Tokens form a tree: a token inside a
/// sub-process or a multi-instance activity has the scope's token as <see cref="ParentId"/>. Stored as JSON with the
/// instance.
/// </summary>
public sealed class Token
{
    public required Guid Id { get; init; }
    public required string NodeId { get; set; }
    public TokenState State { get; set; } = TokenState.Ready;

    /// <summary>Why the token is held, when <see cref="State"/> is <see cref="TokenState.Incident"/>.</summary>
    public string? Incident { get; set; }

    /// <summary>The token of the enclosing sub-process or multi-instance activity; null at process level.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>The sequence flow the token arrived by at its node (what a joining parallel gateway counts); null after it leaves by none.</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>For an instance of a multi-instance activity: its 1-based index (<c>loopCounter</c>); null otherwise.</summary>
    public int? LoopCounter { get; set; }

    /// <summary>
    /// Local variables, visible to expressions evaluated for this token and the tokens inside it: a multi-instance
    /// instance's input element and <c>loopCounter</c>; a multi-instance activity's <c>nrOf…</c> counters and
    /// output collection. Null when none.
    /// </summary>
    [JsonConverter(typeof(FeelVariablesJsonConverter))]
    public Dictionary<string, object?>? Variables { get; set; }

    /// <summary>For a multi-instance activity's token: the input collection, evaluated once when it started.</summary>
    [JsonConverter(typeof(FeelListJsonConverter))]
    public List<object?>? LoopItems { get; set; }

    public Token Clone() => new()
    {
        Id = Id, NodeId = NodeId, State = State, Incident = Incident, ParentId = ParentId, ArrivedVia = ArrivedVia, LoopCounter = LoopCounter,
        Variables = Variables is null ? null : new Dictionary<string, object?>(Variables, StringComparer.Ordinal),
        LoopItems = LoopItems is null ? null : [.. LoopItems],
    };
}

/// <summary>
/// Who completed which user task of an instance, kept with the instance (not looked up in the history) so that
/// segregation-of-duties rules can be checked when a task is completed.
/// </summary>
/// <param name="NodeId">The user task's element id.</param>
/// <param name="Actor">The person who completed it.</param>
/// <param name="MultiInstanceId">For an instance of a multi-instance task: the token id of that activation of the task.</param>
public sealed record TaskCompletion(string NodeId, string Actor, DateTimeOffset At, Guid? MultiInstanceId = null);

/// <summary>
/// A running or finished instance of a deployed process: its tokens, variables, business key and open bookmarks.
/// <see cref="Revision"/> is the optimistic-concurrency stamp: a store refuses to save over a newer revision.
/// </summary>
public sealed class ProcessInstance
{
    public required Guid Id { get; init; }
    public required string ProcessId { get; init; }
    /// <summary>The deployed version the instance runs on; changed only by <see cref="WorkflowEngine.MigrateInstanceAsync"/>.</summary>
    public required int Version { get; set; }

    /// <summary>The case's business key (e.g. a class number), used to correlate messages. A call activity's child inherits its parent's.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>For an instance started by a call activity: the calling (parent) instance; null otherwise.</summary>
    public Guid? ParentInstanceId { get; init; }

    /// <summary>For an instance started by a call activity: the parent's <see cref="BookmarkKind.CallActivity"/> bookmark that waits for it.</summary>
    public Guid? ParentBookmarkId { get; init; }

    public InstanceStatus Status { get; set; } = InstanceStatus.Active;
    public Dictionary<string, object?> Variables { get; init; } = new(StringComparer.Ordinal);
    public List<Token> Tokens { get; init; } = [];
    public List<Bookmark> Bookmarks { get; init; } = [];

    /// <summary>Every user task completion of the instance, oldest first.</summary>
    public List<TaskCompletion> CompletedTasks { get; init; } = [];
    public long Revision { get; set; }

    /// <summary>Sequence number of the last history entry written for this instance.</summary>
    public long HistorySequence { get; set; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>A deep copy, so that a failed advance leaves the stored state untouched.</summary>
    public ProcessInstance Clone() => new()
    {
        Id = Id, ProcessId = ProcessId, Version = Version, BusinessKey = BusinessKey, Status = Status,
        ParentInstanceId = ParentInstanceId, ParentBookmarkId = ParentBookmarkId,
        Variables = new Dictionary<string, object?>(Variables, StringComparer.Ordinal),
        Tokens = Tokens.Select(t => t.Clone()).ToList(),
        Bookmarks = [.. Bookmarks],
        CompletedTasks = [.. CompletedTasks],
        Revision = Revision, HistorySequence = HistorySequence, StartedAt = StartedAt, EndedAt = EndedAt,
    };
}
