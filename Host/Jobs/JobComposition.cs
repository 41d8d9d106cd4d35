using Pipeline.Host.Hosting;
using Pipeline.Host.Timers;
using Pipeline.Workflows.Runtime;
using Quartz;

namespace Pipeline.Host.Jobs;

/// <summary>
/// Quartz.NET with a persistent job store on the Host's database: the SQLite file (one node) or PostgreSQL (clustered:
/// any number of Hosts share the jobs; a node that dies has its running jobs recovered by another). The <c>QRTZ_*</c>
/// tables are created when missing. Registers what the engine uses (the job dispatcher, the timer scheduler), their
/// Quartz jobs, the job monitor and the start-up reconciliation.
/// </summary>
public static class JobComposition
{
    /// <summary>
    /// Service-task jobs run at once per Host (execution group <see cref="ServiceTasks"/>): each pack check reads its
    /// pages in parallel on every core already. Timers, light, run beside them on the other threads.
    /// </summary>
    public const int ServiceTaskWorkers = 2;

    /// <summary>Quartz threads per Host: the service-task workers plus room for timers and start timers.</summary>
    public const int Threads = ServiceTaskWorkers + 4;

    /// <summary>Quartz execution group of service-task jobs (limited to <see cref="ServiceTaskWorkers"/> per node).</summary>
    public const string ServiceTasks = "service-tasks";

    public static IServiceCollection AddPipelineJobs(this IServiceCollection services, PipelineOptions options)
    {
        services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(Threads);
            quartz.UseExecutionLimits(limits => limits.ForGroup(ServiceTasks, ServiceTaskWorkers, ExecutionLimitScope.Node));
            quartz.UsePersistentStore(store =>
            {
                if (options.PostgresConnectionString is { } pg)
                {
                    store.UsePostgres(pg);
                    store.UseClustering(_ => { });
                }
                else
                {
                    store.UseSqlite($"Data Source={options.DatabasePath}");
                }
                store.UseSystemTextJsonSerializer(_ => { });
                store.ProvisionSchema();
            });
        });
        // Starts the scheduler in StartAsync (after the migrations, before the deployment and the reconciliation).
        services.AddQuartzHostedService(hosted =>
        {
            hosted.WaitForJobsToComplete = false;
            hosted.AwaitApplicationStarted = false;
        });
        services.AddSingleton<IJobDispatcher, QuartzJobDispatcher>();
        services.AddSingleton<PackReportStore>();
        services.AddSingleton<JobActivities>();
        services.AddSingleton<JobMonitor>();
        services.AddTransient<ServiceTaskJob>();
        services.AddSingleton<ITimerScheduler, QuartzTimerScheduler>();
        services.AddTransient<TimerJob>();
        services.AddTransient<StartTimerJob>();
        services.AddHostedService<StartupDeployment>();
        services.AddHostedService<StartupReconciliation>();
        return services;
    }
}
