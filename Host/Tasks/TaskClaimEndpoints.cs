using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Tasks;

/// <summary>
/// Claiming and releasing a user task (Camunda Tasklist's claim / unclaim): a candidate claims an open task in their
/// reach, and it is theirs alone to complete; they release it, or an administrator releases anyone's. Claimed by
/// someone else → 409 naming them. Both are recorded in the case's history.
/// </summary>
public static class TaskClaimEndpoints
{
    public static RouteGroupBuilder MapClaims(this RouteGroupBuilder tasks)
    {
        tasks.MapPost("/{instanceId:guid}/{bookmarkId:guid}/claim", ClaimAsync)
            .WithSummary("Claim a user task for the signed-in user (a candidate); 409 when someone else holds it, naming them");
        tasks.MapPost("/{instanceId:guid}/{bookmarkId:guid}/unclaim", UnclaimAsync)
            .WithSummary("Release a claimed task: the assignee, or an administrator for anyone's; 409 when someone else holds it");
        return tasks;
    }

    private static async Task<IResult> ClaimAsync(
        Guid instanceId, Guid bookmarkId, Caller caller, TaskLookup lookup, WorkflowEngine engine, AccountNames names, CancellationToken cancellationToken)
    {
        var (_, task, refusal) = await lookup.FindAsync(instanceId, bookmarkId, caller, cancellationToken);
        if (refusal is not null) return refusal;
        return await RunAsync(() => engine.ClaimUserTaskAsync(instanceId, bookmarkId, caller.UserId, caller.Roles, cancellationToken),
            bookmarkId, task!.Name, names, cancellationToken);
    }

    private static async Task<IResult> UnclaimAsync(
        Guid instanceId, Guid bookmarkId, Caller caller, TaskLookup lookup, WorkflowEngine engine, AccountNames names, CancellationToken cancellationToken)
    {
        var (_, task, refusal) = await lookup.FindAsync(instanceId, bookmarkId, caller, cancellationToken);
        if (refusal is not null) return refusal;
        var holder = task!.Assignee is { } assignee ? (await names.ResolveAsync([assignee], cancellationToken))(assignee) : null;
        return await RunAsync(() => engine.UnclaimUserTaskAsync(instanceId, bookmarkId, caller.UserId, caller.IsAdmin, cancellationToken, holder),
            bookmarkId, task.Name, names, cancellationToken);
    }

    private static async Task<IResult> RunAsync(
        Func<Task<ProcessInstance>> change, Guid bookmarkId, string taskName, AccountNames names, CancellationToken cancellationToken)
    {
        try
        {
            var instance = await change();
            var assignee = instance.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)?.Assignee;
            var name = assignee is null ? null : (await names.ResolveAsync([assignee], cancellationToken))(assignee);
            return TypedResults.Ok(new TaskClaim(instance.Id, bookmarkId, taskName, assignee, name));
        }
        catch (TaskForbiddenException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your task", detail: $"您不是此任务的办理人 ({e.Message})");
        }
        catch (TaskClaimedException e)
        {
            return await TaskLookup.ClaimedAsync(e, names, cancellationToken);
        }
        catch (AssigneeConflictException e)
        {
            var person = (await names.ResolveAsync([e.Person], cancellationToken))(e.Person);
            var rule = e.Rule == Workflows.Definitions.Bpmn.BpmnReader.DistinctAssigneesProperty ? "R-QJ-8" : "R-YN-10";
            return TaskLookup.Refused(rule, "Refused by a rule", taskName, $"{e.MessageZh.Replace(e.Person, person)} ({e.Message.Replace(e.Person, person)})");
        }
        catch (Exception e) when (e is BookmarkNotFoundException or KeyNotFoundException)
        {
            return TaskLookup.NotFound(e.Message);
        }
        catch (ConcurrencyException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The case changed meanwhile", detail: $"案件已被他人更新，请刷新 ({e.Message})");
        }
    }
}

/// <param name="Assignee">The account holding the claim, null when released.</param>
/// <param name="AssigneeName">Their display name and organisation.</param>
public sealed record TaskClaim(Guid InstanceId, Guid BookmarkId, string Task, string? Assignee, string? AssigneeName);
