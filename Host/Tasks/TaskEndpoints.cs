using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Cases;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Tasks;

/// <summary>
/// <c>/api/tasks</c>: bureau staff's open user tasks and completing one. The assignee is the signed-in user; a task
/// is listed and completed only within the caller's jurisdiction, never for an institution the caller recuses from
/// (R-YN-11), and never by finance staff when it is a business approval (R-YN-10).
/// </summary>
public static class TaskEndpoints
{
    /// <summary>Decisions (approve / reject) and <c>done</c> for tasks that record data rather than decide (an inspection, a payment).</summary>
    private static readonly string[] Outcomes = ["approve", "reject", "done"];

    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        // Bureau staff work their roles' tasks; institution staff the tasks a definition gives to institutions (follow-up
        // calls, JZ §六), on their own cases only (CaseAccess).
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Policies.SignedIn);
        tasks.MapGet("/", ListAsync).WithSummary("Open user tasks for the caller's roles (role narrows them to one of them) in the caller's reach; overdue=true: only those past their due date");
        tasks.MapPost("/{instanceId:guid}/{bookmarkId:guid}/complete", CompleteAsync)
            .WithSummary("Complete a user task as the signed-in user { outcome: approve|reject|done, comment, internal, variables: { form data } }; the data is checked against the task's form (400)");
        tasks.MapClaims();
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? role, bool? overdue, Caller caller, IInstanceStore instances, ICaseIndex index, CaseAccess access, AccountDirectory accounts,
        AccountNames names, TimeProvider time, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> roles = role is { Length: > 0 }
            ? role.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(caller.Roles.Contains).ToList()
            : caller.Roles;
        if (roles.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your role",
                detail: $"您不持有角色 {role} (you do not hold the role '{role}'; yours: {string.Join(", ", caller.Roles)})");
        var query = new BookmarkQuery(BookmarkKind.UserTask, CandidateGroups: roles, DueBefore: overdue == true ? time.GetUtcNow() : null);
        var found = await instances.FindBookmarksAsync(query, cancellationToken);
        var scopes = await index.ScopesAsync(found.Select(f => f.Instance.BusinessKey).OfType<string>(), cancellationToken);
        var recused = await accounts.RecusedInstitutionsAsync(caller.UserId, cancellationToken);
        var reached = found
            .Select(f => (f.Instance, f.Bookmark, Scope: f.Instance.BusinessKey is { } key ? scopes.GetValueOrDefault(key) : null))
            .Where(f => access.Reaches(caller, f.Scope) && !(f.Scope?.InstitutionId is { } owner && recused.Contains(owner)))
            .Select(f => (f.Instance, f.Bookmark, f.Scope, CoSigners: CoSigners(f.Instance, f.Bookmark)))
            .ToList();
        var institutions = await accounts.OrganisationNamesAsync(reached.Select(f => f.Scope?.InstitutionId), cancellationToken);
        var person = await names.ResolveAsync(reached.SelectMany(f => f.CoSigners).Concat(reached.Select(f => f.Bookmark.Assignee).OfType<string>()), cancellationToken);
        return TypedResults.Ok(reached.Select(f => new TaskView(
                f.Instance.Id, f.Bookmark.Id, f.Instance.BusinessKey, f.Instance.ProcessId, f.Instance.Version,
                f.Bookmark.NodeId, f.Bookmark.Name, f.Bookmark.CandidateGroups, f.Bookmark.CreatedAt, f.Bookmark.DueAt,
                f.Scope?.InstitutionId, f.Scope?.Jurisdiction)
            {
                InstitutionName = f.Scope?.InstitutionId is { } id ? institutions.GetValueOrDefault(id) : null,
                CoSignedBy = f.CoSigners.Select(person).ToList(),
                FormId = f.Bookmark.FormId,
                Assignee = f.Bookmark.Assignee,
                AssigneeName = f.Bookmark.Assignee is { } assignee ? person(assignee) : null,
            }).ToList());
    }

    /// <summary>
    /// For an instance of a multi-instance (co-signed) task: who has already completed another instance of the same
    /// activation (R-QJ-8 co-signing), oldest first; empty for a plain task.
    /// </summary>
    private static IReadOnlyList<string> CoSigners(ProcessInstance instance, Bookmark task)
    {
        var scope = instance.Tokens.FirstOrDefault(t => t.Id == task.TokenId)?.ParentId;
        return scope is null ? [] : instance.CompletedTasks.Where(c => c.NodeId == task.NodeId && c.MultiInstanceId == scope).Select(c => c.Actor).ToList();
    }

    private static async Task<IResult> CompleteAsync(
        Guid instanceId, Guid bookmarkId, CompleteTaskRequest? body, Caller caller, WorkflowEngine engine, TaskLookup lookup,
        Forms.FormStore forms, AccountNames names, CancellationToken cancellationToken)
    {
        if (body?.Outcome is not { } outcome || !Outcomes.Contains(outcome))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid outcome",
                detail: "outcome must be \"approve\", \"reject\" or \"done\"");
        if (FormData(body.Variables) is { Problem: { } invalid }) return invalid;
        if (body.Comment is { Length: > 2000 })
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Comment too long", detail: "意见不超过2000字 (a comment has at most 2,000 characters)");
        var (_, task, refusal) = await lookup.FindAsync(instanceId, bookmarkId, caller, cancellationToken);
        if (refusal is not null) return refusal;
        if (task!.Assignee is { } assignee && assignee != caller.UserId)
            return await TaskLookup.ClaimedAsync(new TaskClaimedException(task.Name, assignee), names, cancellationToken);
        var variables = body.Variables;
        if (task.FormId is { } formId && await forms.LatestSchemaAsync(formId, cancellationToken) is { } form)
        {
            var data = variables is { ValueKind: System.Text.Json.JsonValueKind.Object } v ? System.Text.Json.Nodes.JsonObject.Create(v)! : [];
            if (Forms.FormData.Check(form, data) is { Count: > 0 } problems)
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Form data does not fit the form",
                    detail: $"表单「{form.Name}」填写有误：{string.Join("；", problems)}",
                    extensions: new Dictionary<string, object?> { ["formId"] = formId, ["problems"] = problems });
            variables = System.Text.Json.JsonSerializer.SerializeToElement(data);
        }
        try
        {
            var completed = await engine.CompleteUserTaskAsync(instanceId, bookmarkId, caller.UserId, caller.Roles,
                new Dictionary<string, object?>(FormData(variables).Values)
                {
                    ["outcome"] = outcome, ["comment"] = body.Comment, [CaseViews.CommentInternal] = body.Internal == true,
                }, cancellationToken);
            return TypedResults.Ok(new TaskCompleted(completed.Id, completed.BusinessKey, completed.Status.ToString()));
        }
        catch (TaskForbiddenException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your task", detail: e.Message);
        }
        catch (TaskClaimedException e)
        {
            return await TaskLookup.ClaimedAsync(e, names, cancellationToken);
        }
        catch (AssigneeConflictException e)
        {
            var person = (await names.ResolveAsync([e.Person], cancellationToken))(e.Person);
            // The engine names the BPMN property; the API names the regulation it implements.
            var (rule, title) = e.Rule == Workflows.Definitions.Bpmn.BpmnReader.DistinctAssigneesProperty
                ? ("R-QJ-8", "Co-signing needs different people")
                : ("R-YN-10", "Segregation of duties");
            return TaskLookup.Refused(rule, title, task.Name, $"{e.MessageZh.Replace(e.Person, person)} ({e.Message.Replace(e.Person, person)})",
                ("taskId", e.TaskId), ("property", e.Rule));
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

    /// <summary>The task's form data as variables, or a 400 problem: not an object, or a name the Host reserves.</summary>
    private static (IReadOnlyDictionary<string, object?> Values, IResult? Problem) FormData(System.Text.Json.JsonElement? variables)
    {
        if (variables is not { } json || json.ValueKind == System.Text.Json.JsonValueKind.Null) return (new Dictionary<string, object?>(), null);
        if (json.ValueKind != System.Text.Json.JsonValueKind.Object)
            return (new Dictionary<string, object?>(), TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid form data",
                detail: "variables must be a JSON object of the task's form fields"));
        var reserved = json.EnumerateObject().Select(p => p.Name).Where(Messages.ReservedVariables.Names.Contains).ToList();
        if (reserved.Count > 0)
            return (new Dictionary<string, object?>(), TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Reserved variables",
                detail: $"表单不能设置 {string.Join(", ", reserved)} (these variables are set by the system, not by a task's form)"));
        try
        {
            return (Workflows.Expressions.FeelValues.VariablesFromJson(json), null);
        }
        catch (ArgumentException e)
        {
            return (new Dictionary<string, object?>(), TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid form data", detail: e.Message));
        }
    }
}

/// <param name="Outcome"><c>approve</c> or <c>reject</c>.</param>
/// <param name="Internal">True: the comment is for bureau staff only; institutions never see it.</param>
/// <param name="Variables">The task's form data (an inspection record, the assessment, the payment): a JSON object whose
/// names become case variables; names the Host reserves (<see cref="Messages.ReservedVariables"/>) are refused.</param>
public sealed record CompleteTaskRequest(string? Outcome, string? Comment, bool? Internal = null, System.Text.Json.JsonElement? Variables = null);

/// <param name="DueAt">The task's due date (<c>zeebe:taskSchedule dueDate</c>), when it has one.</param>
/// <param name="InstitutionId">The training institution of the case.</param>
public sealed record TaskView(
    Guid InstanceId, Guid BookmarkId, string? BusinessKey, string ProcessId, int Version, string NodeId, string Name,
    IReadOnlyList<string> CandidateGroups, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, string? InstitutionId, string? Jurisdiction)
{
    /// <summary>The institution's registered name (培训机构名称), when the case has one.</summary>
    public string? InstitutionName { get; init; }

    /// <summary>For a co-signed (multi-instance) task: the display names of those who have signed this activation already.</summary>
    public IReadOnlyList<string> CoSignedBy { get; init; } = [];

    /// <summary>The task's form (<c>zeebe:formDefinition formId</c>, served by <c>GET /api/forms/{formId}</c>); null when it has none.</summary>
    public string? FormId { get; init; }

    /// <summary>Who claimed the task (account id), null while unclaimed; <see cref="AssigneeName"/> names them.</summary>
    public string? Assignee { get; init; }

    /// <summary>The assignee's display name and organisation.</summary>
    public string? AssigneeName { get; init; }
}

public sealed record TaskCompleted(Guid InstanceId, string? BusinessKey, string Status);
