using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Cases;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Forms;

/// <summary>
/// <c>/api/forms</c>: the deployed task forms (form-js schemas). Bureau staff list and read them; institution staff
/// read a form only while a task of theirs (on their own institution's case) uses it, and get 404 otherwise;
/// administrators deploy them.
/// </summary>
public static class FormEndpoints
{
    public static IEndpointRouteBuilder MapForms(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/forms").WithTags("Forms").RequireAuthorization(Policies.SignedIn);
        forms.MapGet("/", ListAsync).RequireAuthorization(Policies.BureauStaff)
            .WithSummary("Every deployed form: its latest version (id, name, version, deployed at, by whom) and how many versions it has");
        forms.MapGet("/{formId}", (string formId, Caller caller, FormStore store, IInstanceStore instances, CaseAccess access, CancellationToken ct) =>
                GetAsync(formId, null, caller, store, instances, access, ct))
            .WithSummary("The latest version of a form with its form-js schema (institution staff: only a form one of their open tasks uses)");
        forms.MapGet("/{formId}/{version:int}", (string formId, int version, Caller caller, FormStore store, IInstanceStore instances, CaseAccess access, CancellationToken ct) =>
                GetAsync(formId, version, caller, store, instances, access, ct))
            .WithSummary("One version of a form with its form-js schema");
        forms.MapPost("/", DeployAsync).RequireAuthorization(Policies.Admin)
            .Accepts<object>("application/json")
            .WithSummary("Deploy a form-js schema (JSON object with id and components, at most 256 KiB): 201 with the new version, 200 when unchanged, 400 saying what is wrong");
        return app;
    }

    private static async Task<IResult> ListAsync(FormStore store, AccountNames names, CancellationToken cancellationToken)
    {
        var forms = await store.ListAsync(cancellationToken);
        var name = await names.ResolveAsync(forms.Select(f => f.Latest.DeployedBy), cancellationToken);
        return TypedResults.Ok(forms.Select(f => new FormListItem(f.Latest with { DeployedBy = name(f.Latest.DeployedBy) }, f.Versions)).ToList());
    }

    private static async Task<IResult> GetAsync(
        string formId, int? version, Caller caller, FormStore store, IInstanceStore instances, CaseAccess access, CancellationToken cancellationToken)
    {
        var notFound = TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such form",
            detail: $"没有表单 {formId}{(version is null ? "" : $" 第 {version} 版")} (no form '{formId}'{(version is null ? "" : $" version {version}")})");
        if (caller.IsInstitution && !await UsedByOwnTaskAsync(formId, caller, instances, access, cancellationToken)) return notFound;
        if (await store.GetAsync(formId, version, cancellationToken) is not { } found) return notFound;
        var (deployed, json) = found;
        return TypedResults.Ok(new DeployedForm(deployed.FormId, deployed.Version, deployed.Name, deployed.DeployedAt, System.Text.Json.Nodes.JsonNode.Parse(json)!));
    }

    /// <summary>An open user task of the caller's roles, on a case in the caller's reach, uses the form.</summary>
    private static async Task<bool> UsedByOwnTaskAsync(string formId, Caller caller, IInstanceStore instances, CaseAccess access, CancellationToken cancellationToken)
    {
        var tasks = await instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.UserTask, CandidateGroups: caller.Roles), cancellationToken);
        foreach (var (instance, _) in tasks.Where(t => t.Bookmark.FormId == formId))
            if (access.Reaches(caller, await access.ScopeAsync(instance, cancellationToken))) return true;
        return false;
    }

    private static async Task<IResult> DeployAsync(HttpRequest request, Caller caller, FormStore store, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var json = await reader.ReadToEndAsync(cancellationToken);
        FormSchema schema;
        try
        {
            schema = FormSchema.Parse(json);
        }
        catch (FormSchemaException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid form", detail: $"{e.MessageZh} ({e.Message})",
                extensions: new Dictionary<string, object?> { ["messageZh"] = e.MessageZh, ["message"] = e.Message });
        }
        var (version, created) = await store.DeployAsync(schema, json, caller.UserId, cancellationToken);
        var view = version with { DeployedBy = caller.DisplayName };
        return created ? TypedResults.Created($"/api/forms/{version.FormId}/{version.Version}", view) : TypedResults.Ok(view);
    }
}

/// <summary>One version of a form with its form-js schema, as deployed.</summary>
public sealed record DeployedForm(string FormId, int Version, string Name, DateTimeOffset DeployedAt, System.Text.Json.Nodes.JsonNode Schema);

/// <param name="Latest">The latest version (<c>deployedBy</c> by display name).</param>
/// <param name="Versions">How many versions are deployed.</param>
public sealed record FormListItem(FormVersion Latest, int Versions);
