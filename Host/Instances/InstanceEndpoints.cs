using System.Text.Json;
using Pipeline.Host.Cases;
using Pipeline.Host.Privacy;
using Pipeline.Host.Authentication;
using Pipeline.Workflows.Expressions;
using Pipeline.Workflows.Runtime.Migration;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Instances;

/// <summary><c>/api/instances</c>: any process instance by id (a case's child instances, started by call activities).</summary>
public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstances(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/{instanceId:guid}", GetAsync)
            .WithSummary("One process instance, as the case view shows it (parent, children, waiting elements, history)");
        group.MapPut("/{instanceId:guid}/variables", UpdateVariablesAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Set variables of an active instance (to fix what an incident failed on, then retry it); recorded in the history");
        group.MapPost("/{instanceId:guid}/migrate", MigrateAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Move a running instance to another version of its process { targetVersion, mapping: { sourceElementId: targetElementId }, dryRun }: 200 (with dryRun: only checked, where each active element goes), or 422 listing every problem with its element id, in English and Chinese (errors: [{ elementId, message, messageZh }]; nothing changed)");
        return app;
    }

    private static async Task<IResult> MigrateAsync(
        Guid instanceId, MigrateRequest? body, Caller caller, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        if (body is not { TargetVersion: > 0 })
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Which version?",
                detail: "give targetVersion (and mapping for elements renamed in it)");
        var mapping = body.Mapping ?? new Dictionary<string, string>();
        try
        {
            if (body.DryRun)
                return TypedResults.Ok(new MigrationChecked(instanceId, body.TargetVersion,
                    await engine.CheckMigrationAsync(instanceId, body.TargetVersion, mapping, cancellationToken)));
            var instance = await engine.MigrateInstanceAsync(instanceId, body.TargetVersion, mapping, caller.UserId, cancellationToken);
            return TypedResults.Ok(new InstanceMigrated(instance.Id, instance.ProcessId, instance.Version));
        }
        catch (KeyNotFoundException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such instance", detail: e.Message);
        }
        catch (MigrationRefusedException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Migration refused",
                detail: $"{e.Problems.Count} problem(s); nothing was changed",
                extensions: new Dictionary<string, object?> { ["errors"] = e.Problems.Select(p => new { p.ElementId, p.Message, p.MessageZh }).ToList() });
        }
        catch (ConcurrencyException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The case changed meanwhile", detail: e.Message);
        }
    }

    private static async Task<IResult> UpdateVariablesAsync(
        Guid instanceId, JsonElement body, Caller caller, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.EnumerateObject().Any())
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No variables",
                detail: "send a JSON object of the variables to set, e.g. { \"score\": 12 }");
        try
        {
            var changes = new Dictionary<string, object?>(FeelValues.VariablesFromJson(body), StringComparer.Ordinal);
            var instance = await engine.UpdateVariablesAsync(instanceId, changes, caller.UserId, cancellationToken);
            return TypedResults.Ok(new VariablesUpdated(instance.Id, changes.Keys.Order(StringComparer.Ordinal).ToList()));
        }
        catch (KeyNotFoundException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such instance", detail: e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Variables not changed", detail: e.Message);
        }
    }

    private static async Task<IResult> GetAsync(
        Guid instanceId, Caller caller, IInstanceStore instances, ICaseIndex index, CaseAccess access, CaseViews views, CancellationToken cancellationToken)
    {
        var instance = await instances.GetAsync(instanceId, cancellationToken);
        var entry = instance?.BusinessKey is { } key ? await index.FindAsync(key, cancellationToken) : null;
        if (instance is null || !access.Reaches(caller, entry?.Scope))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such instance", detail: $"no process instance {instanceId}");
        return TypedResults.Ok(await views.BuildAsync(instance, entry?.InstanceId == instance.Id ? entry : null, caller, cancellationToken));
    }
}

/// <summary>Which variables were set.</summary>
public sealed record VariablesUpdated(Guid InstanceId, IReadOnlyList<string> Names);

/// <param name="TargetVersion">The version of the same process to move to.</param>
/// <param name="Mapping">Source element id → target element id, for elements renamed in the target (same ids map by themselves).</param>
/// <param name="DryRun">Only check: nothing is changed and the answer is a <see cref="MigrationChecked"/>.</param>
public sealed record MigrateRequest(int TargetVersion, IReadOnlyDictionary<string, string>? Mapping, bool DryRun = false);

/// <summary>A dry run that passed: every active element of the instance and the target element it would become.</summary>
public sealed record MigrationChecked(Guid InstanceId, int TargetVersion, IReadOnlyDictionary<string, string> ActiveElements);

public sealed record InstanceMigrated(Guid InstanceId, string ProcessId, int Version);
