using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;

namespace Pipeline.Workflows.Runtime;

/// <summary>
/// Segregation-of-duties rules declared on a user task (<c>zeebe:properties</c>), checked against the instance's own
/// record of completions (<see cref="ProcessInstance.CompletedTasks"/>) when someone completes the task:
/// <c>pipeline:distinctAssignees</c> (every instance of one activation of a multi-instance task by a different
/// person: co-signing, R-QJ-8) and <c>pipeline:notCompletedBy</c> (nobody who completed one of the named tasks in
/// this instance, R-YN-10).
/// </summary>
public static class AssigneeRules
{
    /// <summary>Refuses the completion when a rule forbids it; returns normally otherwise.</summary>
    /// <exception cref="AssigneeConflictException">The rule, the task and the person, with a readable message.</exception>
    public static void Check(ProcessModel model, ProcessInstance instance, Bookmark bookmark, string person)
    {
        if (model.Node(bookmark.NodeId) is not UserTask task) return;
        var token = instance.Tokens.FirstOrDefault(t => t.Id == bookmark.TokenId);
        var label = task.Name is { Length: > 0 } name ? $"'{name}' ({task.Id})" : task.Id;
        var labelZh = $"「{(task.Name is { Length: > 0 } n ? n : task.Id)}」";
        if (task.DistinctAssignees && token?.LoopCounter is not null
            && instance.CompletedTasks.Any(c => c.NodeId == task.Id && c.MultiInstanceId == token.ParentId && c.Actor == person))
            throw new AssigneeConflictException(BpmnReader.DistinctAssigneesProperty, task.Id, person,
                $"{person} has already signed {label}; each signature must come from a different person",
                $"{person} 已签过{labelZh}，会签须由不同的人完成");
        foreach (var other in task.NotCompletedBy)
        {
            if (!instance.CompletedTasks.Any(c => c.NodeId == other && c.Actor == person)) continue;
            var otherName = model.Node(other)?.Name is { Length: > 0 } named ? named : other;
            var otherLabel = otherName == other ? other : $"'{otherName}' ({other})";
            throw new AssigneeConflictException(BpmnReader.NotCompletedByProperty, task.Id, person,
                $"{person} completed {otherLabel} in this case and may not also complete {label} (segregation of duties)",
                $"{person} 已办理本案的「{otherName}」，不能再办理{labelZh}（岗位分离）");
        }
    }
}

/// <summary>
/// A segregation-of-duties rule forbids this person to complete this task (maps to HTTP 409): they already signed
/// another instance of the same co-signed task, or completed a task this one must be kept apart from.
/// </summary>
/// <param name="rule">The rule's property name: <c>pipeline:distinctAssignees</c> or <c>pipeline:notCompletedBy</c>.</param>
/// <param name="taskId">The user task's element id.</param>
/// <param name="person">Who tried to complete it.</param>
public sealed class AssigneeConflictException(string rule, string taskId, string person, string message, string messageZh) : Exception(message)
{
    /// <summary>The refusal in Chinese, for the clerk (the English <see cref="Exception.Message"/> stays for logs).</summary>
    public string MessageZh { get; } = messageZh;

    public string Rule { get; } = rule;
    public string TaskId { get; } = taskId;
    public string Person { get; } = person;
}
