using Pipeline.Workflows.Definitions;

namespace Pipeline.Workflows.Runtime;

/// <summary>User tasks' bookmarks with their due and follow-up dates (Camunda 8 <c>zeebe:taskSchedule</c>).</summary>
public sealed partial class InstanceAdvancer
{
    /// <summary>
    /// The bookmark a user task waits on: its candidate groups, evaluated inputs, and the due and follow-up dates
    /// evaluated now (rules in <see cref="TaskDates"/>). A failing expression or a value of the wrong kind raises an
    /// incident on the token and creates nothing.
    /// </summary>
    private bool TryUserTaskBookmark(Token token, UserTask task, IReadOnlyDictionary<string, object?> inputs, out Bookmark bookmark)
    {
        bookmark = null!;
        if (!TryTaskDate(token, task, task.DueDate, "dueDate", out var due) || !TryTaskDate(token, task, task.FollowUpDate, "followUpDate", out var followUp))
            return false;
        bookmark = NewBookmark(BookmarkKind.UserTask, token.Id, token.NodeId, task.Name ?? task.Id, null, task.CandidateGroups, inputs) with
        {
            DueAt = due,
            FollowUpAt = followUp,
            FormId = task.FormId,
        };
        return true;
    }

    private bool TryTaskDate(Token token, UserTask task, TaskDate? date, string what, out DateTimeOffset? at)
    {
        at = null;
        if (date is null) return true;
        object? value = date.Text;
        if (date.Expression is { } expression && !TryEvaluate(token, expression, $"{what} of {task.Id}", out value)) return false;
        if (TaskDates.TryResolve(value, time.GetUtcNow(), what, out at, out var error)) return true;
        RaiseIncident(token.Id, $"{what} of {task.Id}: {error}");
        return false;
    }

    /// <summary>Sets or clears a user task's <see cref="Bookmark.Assignee"/> in place (the bookmark keeps its id and position) and records it.</summary>
    public void SetAssignee(Bookmark task, string? assignee, string kind, string detail)
    {
        var index = instance.Bookmarks.IndexOf(task);
        if (index < 0) throw new BookmarkNotFoundException($"instance {instance.Id} has no open task {task.Id}");
        instance.Bookmarks[index] = task with { Assignee = assignee };
        Record(kind, task.NodeId, detail);
    }
}
