using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Tracker;

public static class TrackerComposition
{
    /// <summary>The tracker's read context (pooled) on the Host's database, its queries and names.</summary>
    public static IServiceCollection AddPipelineTracker(this IServiceCollection services, PipelineOptions options)
    {
        services.AddSingleton<IDbContextFactory<TrackerDbContext>>(
            new PooledDbContextFactory<TrackerDbContext>(TrackerDbContext.Options(options.PostgresConnectionString, options.DatabasePath)));
        services.AddSingleton<CaseTracker>();
        services.AddScoped<TrackerItems>();
        return services;
    }
}
