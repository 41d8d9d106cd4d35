using Pipeline.Host.Identity;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Incidents;

/// <summary><c>/api/incidents</c>: retrying a token held by an incident.</summary>
public static class IncidentEndpoints
{
    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/incidents/{instanceId:guid}/{tokenId:guid}/retry", RetryAsync)
            .WithTags("Incidents").WithSummary("Clear an incident: a job runs again, any other node re-runs");
        return app;
    }

    private static async Task<IResult> RetryAsync(Guid instanceId, Guid tokenId, HttpContext context, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context);
        if (caller.User is not { } user) return Caller.Unauthenticated();
        try
        {
            var instance = await engine.RetryIncidentAsync(instanceId, tokenId, user, cancellationToken);
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
