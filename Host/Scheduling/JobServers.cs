using Hangfire;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// The Host's two Hangfire job servers on its own storage: the service-task queue with
/// <see cref="SchedulingComposition.ServiceTaskWorkers"/> workers, the timer queue with
/// <see cref="SchedulingComposition.TimerWorkers"/>. Jobs are resolved from the Host's services, a scope per job.
/// </summary>
public sealed class JobServers(JobStorage storage, IServiceScopeFactory scopes, ILoggerFactory logging) : IHostedService, IDisposable
{
    private readonly List<BackgroundJobServer> _servers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        HangfireLogging.Use(logging);
        GlobalConfiguration.Configuration.UseLogProvider(HangfireLogging.Instance);
        _servers.Add(Start(SchedulingKeys.ServiceTasksQueue, [SchedulingKeys.ServiceTasksQueue], SchedulingComposition.ServiceTaskWorkers));
        _servers.Add(Start(SchedulingKeys.TimersQueue, [SchedulingKeys.TimersQueue, "default"], SchedulingComposition.TimerWorkers));
        return Task.CompletedTask;
    }

    private BackgroundJobServer Start(string role, string[] queues, int workers) => new(new BackgroundJobServerOptions
    {
        ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{role}",
        Queues = queues,
        WorkerCount = workers,
        SchedulePollingInterval = SchedulingComposition.SchedulePollingInterval,
        HeartbeatInterval = SchedulingComposition.HeartbeatInterval,
        ServerTimeout = SchedulingComposition.ServerTimeout,
        ServerCheckInterval = SchedulingComposition.ServerTimeout,
        Activator = new ScopedJobActivator(scopes),
    }, storage);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _servers) server.SendStop();
        await Task.WhenAll(_servers.Select(s => s.WaitForShutdownAsync(cancellationToken)));
    }

    public void Dispose()
    {
        foreach (var server in _servers) server.Dispose();
        _servers.Clear();
    }

    /// <summary>Creates each job from a fresh service scope of the Host.</summary>
    private sealed class ScopedJobActivator(IServiceScopeFactory scopes) : JobActivator
    {
        public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(scopes.CreateScope());

        private sealed class Scope(IServiceScope scope) : JobActivatorScope
        {
            public override object Resolve(Type type) => scope.ServiceProvider.GetRequiredService(type);

            public override void DisposeScope() => scope.Dispose();
        }
    }
}
