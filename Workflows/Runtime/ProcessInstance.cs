namespace Pipeline.Workflows.Runtime;

/// <summary>Lifecycle of a process instance.</summary>
public enum InstanceStatus
{
    /// <summary>At least one token is alive (ready, waiting on a bookmark, or held by an incident).</summary>
    Active,
    /// <summary>Every token reached an end event.</summary>
    Completed,
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
}

/// <summary>A token: a thread of control at one node of the process (BPMN §13.1).</summary>
public sealed class Token
{
    public required Guid Id { get; init; }
    public required string NodeId { get; set; }
    public TokenState State { get; set; } = TokenState.Ready;

    /// <summary>Why the token is held, when <see cref="State"/> is <see cref="TokenState.Incident"/>.</summary>
    public string? Incident { get; set; }

    public Token Clone() => new() { Id = Id, NodeId = NodeId, State = State, Incident = Incident };
}

/// <summary>
/// A running or finished instance of a deployed process: its tokens, variables, business key and open bookmarks.
/// <see cref="Revision"/> is the optimistic-concurrency stamp: a store refuses to save over a newer revision.
/// </summary>
public sealed class ProcessInstance
{
    public required Guid Id { get; init; }
    public required string ProcessId { get; init; }
    public required int Version { get; init; }

    /// <summary>The case's business key (e.g. a class number), used to correlate messages.</summary>
    public string? BusinessKey { get; init; }

    public InstanceStatus Status { get; set; } = InstanceStatus.Active;
    public Dictionary<string, object?> Variables { get; init; } = new(StringComparer.Ordinal);
    public List<Token> Tokens { get; init; } = [];
    public List<Bookmark> Bookmarks { get; init; } = [];
    public long Revision { get; set; }

    /// <summary>Sequence number of the last history entry written for this instance.</summary>
    public long HistorySequence { get; set; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>A deep copy, so that a failed advance leaves the stored state untouched.</summary>
    public ProcessInstance Clone() => new()
    {
        Id = Id, ProcessId = ProcessId, Version = Version, BusinessKey = BusinessKey, Status = Status,
        Variables = new Dictionary<string, object?>(Variables, StringComparer.Ordinal),
        Tokens = Tokens.Select(t => t.Clone()).ToList(),
        Bookmarks = [.. Bookmarks],
        Revision = Revision, HistorySequence = HistorySequence, StartedAt = StartedAt, EndedAt = EndedAt,
    };
}
