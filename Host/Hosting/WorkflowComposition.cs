using Pipeline.Activities.Profiles;
using Microsoft.EntityFrameworkCore;
using Pipeline.Activities;
using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Workflows.EntityFramework;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Hosting;

/// <summary>
/// The workflow engine on EF Core stores (SQLite under <see cref="PipelineOptions.DataFolder"/> by default, PostgreSQL
/// when <c>PIPELINE_DATABASE</c> is set) and the one document pipeline of the process.
/// </summary>
public static class WorkflowComposition
{
    public static IServiceCollection AddPipelineWorkflows(this IServiceCollection services, PipelineOptions options)
    {
        Directory.CreateDirectory(options.DataFolder);
        var dbOptions = Databases.Workflow(options);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDbContextFactory<WorkflowDbContext>>(WorkflowDatabase.Factory(dbOptions));
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<IInstanceStore, EfInstanceStore>();
        services.AddSingleton(sp => new WorkflowEngine(
            sp.GetRequiredService<IDefinitionStore>(), sp.GetRequiredService<IInstanceStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IJobDispatcher>(), sp.GetRequiredService<ITimerScheduler>()));
        services.AddSingleton(sp => new PackCheckingServices(
            options.OriginalsFolder,
            options.Ocr,
            logging: sp.GetRequiredService<ILoggerFactory>(),
            profiles: sp.GetRequiredService<ProfileCatalog>()));
        services.AddSingleton<IOriginalStore>(new FolderOriginalStore(options.OriginalsFolder));
        // Runs first among the hosted services: the schema exists before the scheduler starts.
        services.AddHostedService<DatabaseMigration>();
        return services;
    }
}
