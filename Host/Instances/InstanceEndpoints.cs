using Pipeline.Host.Cases;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Instances;

/// <summary><c>/api/instances</c>: any process instance by id (a case's child instances, started by call activities).</summary>
public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstances(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/instances").WithTags("Instances")
            .MapGet("/{instanceId:guid}", GetAsync)
            .WithSummary("One process instance, as the case view shows it (parent, children, waiting elements, history)");
        return app;
    }

    private static async Task<IResult> GetAsync(Guid instanceId, IInstanceStore instances, ICaseIndex index, CaseViews views, CancellationToken cancellationToken)
    {
        if (await instances.GetAsync(instanceId, cancellationToken) is not { } instance)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such instance", detail: $"no process instance {instanceId}");
        var entry = instance.BusinessKey is { } key ? await index.FindAsync(key, cancellationToken) : null;
        return TypedResults.Ok(await views.BuildAsync(instance, entry?.InstanceId == instance.Id ? entry : null, cancellationToken));
    }
}
