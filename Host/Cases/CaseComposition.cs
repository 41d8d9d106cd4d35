using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Pipeline.Host.Data;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Cases;

public static class CaseComposition
{
    /// <summary>The case index on the Host's tables (same database as the workflow tables) and the upload service.</summary>
    public static IServiceCollection AddPipelineCases(this IServiceCollection services, PipelineOptions options)
    {
        services.AddSingleton<IDbContextFactory<HostDbContext>>(new PooledDbContextFactory<HostDbContext>(Databases.Host(options)));
        services.AddSingleton<ICaseIndex, EfCaseIndex>();
        services.AddSingleton<CaseUploads>();
        services.AddSingleton<CaseViews>();
        services.AddSingleton<CaseAccess>();
        services.AddSingleton<Tasks.TaskLookup>();
        services.AddSingleton<PackReportStore>();
        services.AddSingleton<Pages.PagePreviews>();
        services.AddSingleton<Uploads.ResumableUploads>();
        services.AddSingleton<Documents.CaseDocumentStore>();
        return services;
    }
}
