using System.Text.Json.Nodes;
using Pipeline.Activities.Rosters;
using Pipeline.Host.Privacy;
using Pipeline.Host.Authentication;
using Pipeline.Workflows.Expressions;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Incidents;

/// <summary><c>/api/incidents</c>: tokens held by an incident (an exhausted job, a failed expression, an uncaught error): list, inspect, retry.</summary>
public static class IncidentEndpoints
{
    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(Policies.Admin);
        incidents.MapGet("/", ListAsync).WithSummary("Every open incident, oldest case first (limit 1–500, default 100)");
        incidents.MapGet("/{instanceId:guid}/{tokenId:guid}", GetAsync)
            .WithSummary("One incident: the error, where it stands, the case's variables and the history of its element");
        incidents.MapPost("/{instanceId:guid}/{tokenId:guid}/retry", RetryAsync).WithSummary("Clear an incident: a job runs again, any other node re-runs");
        return app;
    }

    private static async Task<IResult> ListAsync(IInstanceStore instances, CancellationToken cancellationToken, int limit = 100)
    {
        if (limit is < 1 or > 500)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad limit", detail: "limit is 1 to 500");
        var held = await instances.WithIncidentsAsync(limit, cancellationToken);
        return TypedResults.Ok(held.SelectMany(i => i.Tokens.Where(t => t.State == TokenState.Incident).Select(t => IncidentSummary.Of(i, t))).ToList());
    }

    private static async Task<IResult> GetAsync(Guid instanceId, Guid tokenId, IInstanceStore instances, CancellationToken cancellationToken)
    {
        var instance = await instances.GetAsync(instanceId, cancellationToken);
        if (instance?.Tokens.FirstOrDefault(t => t.Id == tokenId && t.State == TokenState.Incident) is not { } token)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such incident",
                detail: $"instance {instanceId} has no incident on token {tokenId}");
        var history = (await instances.HistoryAsync(instanceId, cancellationToken)).Where(h => h.NodeId == token.NodeId).ToList();
        var variables = new JsonObject();
        foreach (var (name, value) in instance.Variables.OrderBy(v => v.Key, StringComparer.Ordinal)) variables[name] = MaskedJson.Mask(FeelValues.ToJsonNode(value));
        var job = instance.Bookmarks.FirstOrDefault(b => b.TokenId == token.Id && b.Kind == BookmarkKind.Job);
        return TypedResults.Ok(new IncidentDetail(
            IncidentSummary.Of(instance, token), job?.Name, job?.Inputs.ToDictionary(x => x.Key, x => MaskedJson.Mask(FeelValues.ToJsonNode(x.Value))),
            variables, history.Select(h => new IncidentStep(h.Sequence, h.At, h.Actor, h.Kind, h.Detail)).ToList()));
    }

    private static async Task<IResult> RetryAsync(Guid instanceId, Guid tokenId, Caller caller, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            var instance = await engine.RetryIncidentAsync(instanceId, tokenId, caller.UserId, cancellationToken);
            return TypedResults.Ok(new IncidentRetried(instance.Id, instance.BusinessKey, instance.Status.ToString()));
        }
        catch (KeyNotFoundException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such instance", detail: e.Message);
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No incident on that token", detail: e.Message);
        }
        catch (ConcurrencyException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The case changed meanwhile", detail: e.Message);
        }
    }
}

public sealed record IncidentRetried(Guid InstanceId, string? BusinessKey, string Status);

/// <summary>An open incident: the case, the element and the error.</summary>
public sealed record IncidentSummary(Guid InstanceId, string? BusinessKey, string ProcessId, int Version, Guid TokenId, string NodeId, string Message)
{
    public static IncidentSummary Of(ProcessInstance instance, Token token) =>
        new(instance.Id, instance.BusinessKey, instance.ProcessId, instance.Version, token.Id, token.NodeId, SensitiveText.Mask(token.Incident ?? ""));
}

/// <summary>One incident in full: for a job, its type and inputs (what runs again on retry); the case's variables; the element's history.</summary>
public sealed record IncidentDetail(
    IncidentSummary Incident, string? JobType, IReadOnlyDictionary<string, JsonNode?>? JobInputs, JsonObject Variables, IReadOnlyList<IncidentStep> History);

/// <summary>A history entry of the incident's element (entered, job completed, incident raised or resolved, …).</summary>
public sealed record IncidentStep(long Sequence, DateTimeOffset At, string Actor, string Kind, string? Detail);
