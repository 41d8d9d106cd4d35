namespace Pipeline.Workflows.Runtime;

/// <summary>What a waiting token waits for.</summary>
public enum BookmarkKind
{
    /// <summary>A person in one of the candidate groups completes a user task.</summary>
    UserTask,
    /// <summary>A message with this name and correlation key arrives.</summary>
    Message,
    /// <summary>A background job of a long-running activity finishes.</summary>
    Job,
    /// <summary>A timer is due (<see cref="Bookmark.DueAt"/>); an <see cref="ITimerScheduler"/> fires it.</summary>
    Timer,
    /// <summary>
    /// A call activity's child instance (id in <see cref="Bookmark.CorrelationKey"/>, process id in <see cref="Bookmark.Name"/>,
    /// variables handed to it in <see cref="Bookmark.Inputs"/>) completes (BPMN 2.0 §10.3.6).
    /// </summary>
    CallActivity,
}

/// <summary>
/// A point where an instance waits (Elsa's bookmark, Zeebe's job / message subscription / user task). Resuming
/// it moves its token on. Bookmarks are stored with the instance and are what task lists, message correlation
/// and the job runner look up.
/// </summary>
/// <remarks>
/// A bookmark belongs to the token <see cref="TokenId"/>. Usually it is that token's own wait (<see cref="NodeId"/> =
/// the token's node); a boundary event's subscription belongs to the token of the activity it is attached to, and an
/// event-based gateway's subscriptions to the gateway's token, with <see cref="NodeId"/> the event's id.
/// </remarks>
/// <param name="Name">Task type of a job (<c>pack.check</c>), message name, user task's element name, a timer's element name, or a call activity's called process id.</param>
/// <param name="CorrelationKey">For messages: the evaluated correlation key. For call activities: the child instance's id (<c>D</c> format).</param>
/// <param name="CandidateGroups">For user tasks: roles allowed to complete it.</param>
/// <param name="Inputs">The evaluated input mappings (job input or task form data); for a call activity, every variable handed to the child.</param>
public sealed record Bookmark(
    Guid Id,
    BookmarkKind Kind,
    Guid TokenId,
    string NodeId,
    string Name,
    string? CorrelationKey,
    IReadOnlyList<string> CandidateGroups,
    IReadOnlyDictionary<string, object?> Inputs,
    DateTimeOffset CreatedAt)
{
    /// <summary>
    /// For timers: when it is due. For user tasks: the task's due date (<c>zeebe:taskSchedule dueDate</c>, see
    /// <see cref="Definitions.TaskDates"/>), null when it has none; overdue tasks are found with
    /// <see cref="BookmarkQuery.DueBefore"/>. Null for other kinds.
    /// </summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>For user tasks: the follow-up date (<c>zeebe:taskSchedule followUpDate</c>); null when none, and for other kinds.</summary>
    public DateTimeOffset? FollowUpAt { get; init; }

    /// <summary>For user tasks: the id of the form it is worked with (<c>zeebe:formDefinition formId</c>); null when none, and for other kinds.</summary>
    public string? FormId { get; init; }

    /// <summary>
    /// For user tasks: the person who claimed it (Camunda Tasklist's assignee); null while unclaimed. Only the assignee
    /// completes a claimed task (<see cref="WorkflowEngine.ClaimUserTaskAsync"/>).
    /// </summary>
    public string? Assignee { get; init; }

    /// <summary>For a cycle timer (<c>R3/PT1H</c>): firings left after this one (-1 when unbounded); 0 otherwise.</summary>
    public int RepeatsLeft { get; init; }
}
