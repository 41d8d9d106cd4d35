using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Pipeline.Host.Hosting;
using Pipeline.Host.Jobs;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Scheduling;

/// <summary>Facts about the job storage that recovery needs.</summary>
/// <param name="SingleNode">The embedded SQLite storage: one Host by design, so another process's server is a dead one.</param>
public sealed record SchedulingOptions(bool SingleNode);

/// <summary>
/// Hangfire for the engine's jobs and timers: PostgreSQL storage (schema <c>hangfire</c> of the Host's database; any
/// number of Hosts share it) or, embedded, Hangfire's SQLite storage in <c>hangfire.db</c> beside <c>pipeline.db</c>.
/// Two job servers per Host: <see cref="ServiceTaskWorkers"/> workers on the service-task queue, and
/// <see cref="TimerWorkers"/> on the timer queue, so a timer never waits behind a pack check. Registers what the
/// engine uses (<see cref="IJobDispatcher"/>, <see cref="ITimerScheduler"/>), the Host's ports (<see cref="IJobMonitor"/>,
/// <see cref="IScheduledWork"/>) and the dashboard's services. Nothing outside this folder names Hangfire.
/// </summary>
public static class SchedulingComposition
{
    /// <summary>Service-task jobs run at once per Host: each pack check reads its pages in parallel on every core already.</summary>
    public const int ServiceTaskWorkers = 2;

    /// <summary>Timer workers per Host (timers are light).</summary>
    public const int TimerWorkers = 2;

    /// <summary>How often due scheduled jobs (timers, retries) are enqueued; Hangfire's default is 15 s.</summary>
    public static readonly TimeSpan SchedulePollingInterval = TimeSpan.FromSeconds(1);

    /// <summary>Job servers report every 5 s; one silent for <see cref="ServerTimeout"/> is gone.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddPipelineScheduling(this IServiceCollection services, PipelineOptions options)
    {
        // The storage is ours (one per Host), registered after AddHangfire so it is the one resolved: Hangfire's own
        // registration reads its process-wide static, which several Hosts in one process (the tests) would share.
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(HangfireLogging.Instance));
        services.AddSingleton<JobStorage>(_ => CreateStorage(options));
        services.AddSingleton(new SchedulingOptions(SingleNode: options.PostgresConnectionString is null));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<HangfireHashes>();
        services.AddSingleton<IJobDispatcher, HangfireJobDispatcher>();
        services.AddSingleton<ITimerScheduler, HangfireTimerScheduler>();
        services.AddSingleton<IJobMonitor, HangfireJobMonitor>();
        services.AddSingleton<IScheduledWork, HangfireScheduledWork>();
        services.AddSingleton<JobActivities>();
        services.AddTransient<ServiceTaskJob>();
        services.AddTransient<TimerJob>();
        services.AddTransient<StartTimerJob>();
        // Started after the migration (registered earlier) and before the deployment and the reconciliation (later).
        services.AddHostedService<JobServers>();
        return services;
    }

    /// <summary>The Host's job storage for <paramref name="options"/> (also used by <c>./pipeline bench jobs</c>).</summary>
    public static JobStorage CreateStorage(PipelineOptions options)
    {
        if (options.PostgresConnectionString is { } pg)
            return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(pg, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
                // A running job keeps itself invisible to other nodes; one of a dead node is fetched again after 30 s.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromSeconds(30),
            });
        Directory.CreateDirectory(options.DataFolder);
        return new SQLiteStorage(Path.Combine(options.DataFolder, "hangfire.db"), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(1),
            // No sliding timeout here: longer than any job, and a killed Host's job is put back by start-up reconciliation.
            InvisibilityTimeout = TimeSpan.FromHours(2),
        });
    }
}
