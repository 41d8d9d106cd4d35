namespace Pipeline.Workflows.Runtime;

/// <summary>
/// Claiming and releasing user tasks (Camunda Tasklist's claim / unclaim): a claimed task's bookmark names its
/// <see cref="Bookmark.Assignee"/>, and only the assignee completes it. Nothing moves: the token stays on the task.
/// Each claim and release is one revision-guarded save with a history entry.
/// </summary>
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// <paramref name="actor"/> claims the task. They must hold one of its candidate groups and pass its
    /// segregation-of-duties rules (<see cref="AssigneeRules"/>), so nobody claims a task they could not complete.
    /// Claiming one's own claim again changes nothing.
    /// </summary>
    /// <exception cref="BookmarkNotFoundException">No such open task.</exception>
    /// <exception cref="TaskForbiddenException">The actor holds none of the task's candidate groups.</exception>
    /// <exception cref="AssigneeConflictException">A rule of the task forbids the actor.</exception>
    /// <exception cref="TaskClaimedException">Someone else has claimed it.</exception>
    /// <exception cref="ConcurrencyException">The instance changed meanwhile.</exception>
    public async Task<ProcessInstance> ClaimUserTaskAsync(
        Guid instanceId, Guid bookmarkId, string actor, IReadOnlyCollection<string> actorRoles, CancellationToken cancellationToken)
    {
        var (instance, process) = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var task = OpenTask(instance, bookmarkId);
        if (!task.CandidateGroups.Any(actorRoles.Contains))
            throw new TaskForbiddenException($"task '{task.Name}' is for {string.Join(" / ", task.CandidateGroups)}; {actor} holds {string.Join(", ", actorRoles)}");
        if (task.Assignee == actor) return instance;
        if (task.Assignee is { } other) throw new TaskClaimedException(task.Name, other);
        AssigneeRules.Check(process.Model, instance, task, actor);
        return await SetAssigneeAsync(instance, process, task, actor, actor, HistoryKinds.TaskClaimed, task.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Releases the task's claim so any candidate may take it. Only the assignee releases their own claim, unless
    /// <paramref name="anyone"/> (an administrator); an unclaimed task stays as it is.
    /// </summary>
    /// <param name="assigneeName">How the history names the released assignee when it is someone else (default: their id).</param>
    /// <exception cref="BookmarkNotFoundException">No such open task.</exception>
    /// <exception cref="TaskClaimedException">Someone else holds the claim and <paramref name="anyone"/> is false.</exception>
    /// <exception cref="ConcurrencyException">The instance changed meanwhile.</exception>
    public async Task<ProcessInstance> UnclaimUserTaskAsync(
        Guid instanceId, Guid bookmarkId, string actor, bool anyone, CancellationToken cancellationToken, string? assigneeName = null)
    {
        var (instance, process) = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var task = OpenTask(instance, bookmarkId);
        if (task.Assignee is not { } assignee) return instance;
        if (assignee != actor && !anyone) throw new TaskClaimedException(task.Name, assignee);
        var detail = assignee == actor ? task.Name : $"{task.Name} (claimed by {assigneeName ?? assignee})";
        return await SetAssigneeAsync(instance, process, task, null, actor, HistoryKinds.TaskUnclaimed, detail, cancellationToken).ConfigureAwait(false);
    }

    private static Bookmark OpenTask(ProcessInstance instance, Guid bookmarkId) =>
        instance.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId && b.Kind == BookmarkKind.UserTask)
            ?? throw new BookmarkNotFoundException($"instance {instance.Id} has no open task {bookmarkId}");

    private async Task<ProcessInstance> SetAssigneeAsync(
        ProcessInstance instance, DeployedProcess process, Bookmark task, string? assignee, string actor, string kind, string detail,
        CancellationToken cancellationToken)
    {
        var expected = instance.Revision;
        var step = new InstanceAdvancer(process.Model, instance, actor, time);
        step.SetAssignee(task, assignee, kind, detail);
        await instances.UpdateAsync(instance, expected, step.History, cancellationToken).ConfigureAwait(false);
        return instance;
    }
}

/// <summary>
/// The task is claimed by someone else (maps to HTTP 409): only <see cref="Assignee"/> may complete or release it
/// (an administrator may release it).
/// </summary>
/// <param name="task">The task's name.</param>
/// <param name="assignee">Who holds the claim (an account id; the Host shows the display name).</param>
public sealed class TaskClaimedException(string task, string assignee)
    : Exception($"task '{task}' is claimed by {assignee}")
{
    public string Task { get; } = task;
    public string Assignee { get; } = assignee;
}
