using Microsoft.EntityFrameworkCore;
using Pipeline.Host.Data;
using Pipeline.Workflows.EntityFramework;

namespace Pipeline.Host.Hosting;

/// <summary>
/// First at start-up: brings the schema up to date with the provider's migrations of the workflow tables and the
/// Host tables (Hangfire prepares its own storage when the job servers start, next).
/// </summary>
public sealed class DatabaseMigration(IDbContextFactory<WorkflowDbContext> workflow, IDbContextFactory<HostDbContext> host) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Databases.MigrateAsync(workflow, host, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
