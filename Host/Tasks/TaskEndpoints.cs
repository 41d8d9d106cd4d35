using Pipeline.Host.Identity;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Tasks;

/// <summary><c>/api/tasks</c>: open user tasks per role, and completing one.</summary>
public static class TaskEndpoints
{
    private static readonly string[] Outcomes = ["approve", "reject"];

    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks");
        tasks.MapGet("/", ListAsync).WithSummary("Open user tasks a role may complete (role, else the caller's roles); overdue=true: only those past their due date, most overdue first");
        tasks.MapPost("/{instanceId:guid}/{bookmarkId:guid}/complete", CompleteAsync).WithSummary("Complete a user task with an outcome");
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? role, bool? overdue, HttpContext context, IInstanceStore instances, TimeProvider time, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> roles = role is { Length: > 0 }
            ? role.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : Caller.From(context).Roles;
        if (roles.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Which role?",
                detail: $"give ?role=… or the {Caller.RolesHeader} header");
        var query = new BookmarkQuery(BookmarkKind.UserTask, CandidateGroups: roles, DueBefore: overdue == true ? time.GetUtcNow() : null);
        var found = await instances.FindBookmarksAsync(query, cancellationToken);
        return TypedResults.Ok(found.Select(f => new TaskView(
            f.Instance.Id, f.Bookmark.Id, f.Instance.BusinessKey, f.Instance.ProcessId, f.Instance.Version,
            f.Bookmark.NodeId, f.Bookmark.Name, f.Bookmark.CandidateGroups, f.Bookmark.CreatedAt, f.Bookmark.DueAt)).ToList());
    }

    private static async Task<IResult> CompleteAsync(
        Guid instanceId, Guid bookmarkId, CompleteTaskRequest? body, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context);
        if (caller.User is not { } user) return Caller.Unauthenticated();
        if (body?.Outcome is not { } outcome || !Outcomes.Contains(outcome))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid outcome",
                detail: "outcome must be \"approve\" or \"reject\"");
        try
        {
            var instance = await engine.CompleteUserTaskAsync(instanceId, bookmarkId, user, caller.Roles,
                new Dictionary<string, object?> { ["outcome"] = outcome, ["comment"] = body.Comment }, cancellationToken);
            return TypedResults.Ok(new TaskCompleted(instance.Id, instance.BusinessKey, instance.Status.ToString()));
        }
        catch (TaskForbiddenException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your task", detail: e.Message);
        }
        catch (AssigneeConflictException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Segregation of duties", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["rule"] = e.Rule, ["taskId"] = e.TaskId, ["person"] = e.Person });
        }
        catch (Exception e) when (e is BookmarkNotFoundException or KeyNotFoundException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such open task", detail: e.Message);
        }
        catch (ConcurrencyException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The case changed meanwhile", detail: e.Message);
        }
    }
}

/// <param name="Outcome"><c>approve</c> or <c>reject</c>.</param>
public sealed record CompleteTaskRequest(string? Outcome, string? Comment);

/// <param name="DueAt">The task's due date (<c>zeebe:taskSchedule dueDate</c>), when it has one.</param>
public sealed record TaskView(
    Guid InstanceId, Guid BookmarkId, string? BusinessKey, string ProcessId, int Version, string NodeId, string Name,
    IReadOnlyList<string> CandidateGroups, DateTimeOffset CreatedAt, DateTimeOffset? DueAt);

public sealed record TaskCompleted(Guid InstanceId, string? BusinessKey, string Status);
