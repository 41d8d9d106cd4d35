namespace Pipeline.Host.Scheduling;

/// <summary><c>/api/jobs</c>: the jobs queued, running (with progress) or waiting for a retry, on every node.</summary>
public static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(Authentication.Policies.Admin);
        jobs.MapGet("/", async (IJobMonitor monitor, CancellationToken cancellationToken) => TypedResults.Ok(await monitor.ListAsync(cancellationToken)))
            .WithSummary("Jobs of service tasks that are queued, running (pages done / total) or waiting for a retry");
        jobs.MapGet("/{bookmarkId:guid}", async (Guid bookmarkId, IJobMonitor monitor, CancellationToken cancellationToken) =>
                await monitor.FindAsync(bookmarkId, cancellationToken) is { } job
                    ? Results.Ok(job)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job",
                        detail: $"no job for bookmark {bookmarkId} is queued or running (it finished, or its token holds an incident)"))
            .WithSummary("One job bookmark's job: state, try, pages done / total");
        return app;
    }
}
