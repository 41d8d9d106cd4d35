using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Cases;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Tasks;

/// <summary>
/// Finds an open user task for a caller who wants to work it (claim, release, complete), with the Host's refusals
/// before the engine's: not in reach → 404 (the same as no such task), recused from the institution → 409 R-YN-11,
/// finance staff on a business task → 403 R-YN-10.
/// </summary>
public sealed class TaskLookup(IInstanceStore instances, CaseAccess access, AccountDirectory accounts)
{
    public async Task<(ProcessInstance? Instance, Bookmark? Task, IResult? Refusal)> FindAsync(
        Guid instanceId, Guid bookmarkId, Caller caller, CancellationToken cancellationToken)
    {
        var instance = await instances.GetAsync(instanceId, cancellationToken);
        var scope = instance is null ? null : await access.ScopeAsync(instance, cancellationToken);
        if (instance is null || !access.Reaches(caller, scope) || instance.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId && b.Kind == BookmarkKind.UserTask) is not { } task)
            return (null, null, NotFound($"no open task {bookmarkId}"));
        if (scope?.InstitutionId is { } owner && (await accounts.RecusedInstitutionsAsync(caller.UserId, cancellationToken)).Contains(owner))
            return (instance, task, Refused("R-YN-11", "Recusal", task.Name,
                "您与该培训机构存在亲属关系，须回避，不能办理此任务 (R-YN-11: you recuse from this institution's cases; another colleague must complete this task)"));
        if (caller.Roles.Contains(Roles.Finance) && !task.CandidateGroups.Any(caller.Roles.Contains))
            return (instance, task, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Segregation of duties",
                detail: "财务人员不得参与职业技能培训业务审批 (R-YN-10: finance staff never approve training business)",
                extensions: new Dictionary<string, object?> { ["rule"] = "R-YN-10", ["task"] = task.Name }));
        return (instance, task, null);
    }

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such open task", detail: detail);

    /// <summary>409 refused by a rule, naming the rule and the task.</summary>
    public static IResult Refused(string? rule, string title, string task, string detail, params (string Key, object? Value)[] more)
    {
        var extensions = new Dictionary<string, object?> { ["rule"] = rule, ["task"] = task };
        foreach (var (key, value) in more) extensions[key] = value;
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail, extensions: extensions);
    }

    /// <summary>409: the task is claimed by someone else, named by display name ("已由 张三（…）认领").</summary>
    public static async Task<IResult> ClaimedAsync(TaskClaimedException e, AccountNames names, CancellationToken cancellationToken)
    {
        var person = (await names.ResolveAsync([e.Assignee], cancellationToken))(e.Assignee);
        return Refused(null, "Claimed by someone else", e.Task, $"此任务已由 {person} 认领 (the task is claimed by {person})", ("assignee", person));
    }
}
