using Microsoft.EntityFrameworkCore;
using Pipeline.Host.Data;
using Pipeline.Workflows.EntityFramework;

namespace Pipeline.Host.Hosting;

/// <summary>
/// The Host's two contexts on the database of <see cref="PipelineOptions"/> (the SQLite file, or PostgreSQL when
/// configured), and bringing their schema up to date: the one place the Host, the CLI and the tests choose them.
/// </summary>
public static class Databases
{
    public static DbContextOptions<WorkflowDbContext> Workflow(PipelineOptions options) =>
        options.PostgresConnectionString is { } pg ? WorkflowDatabase.UsePostgres(pg) : WorkflowDatabase.UseSqlite(options.DatabasePath);

    public static DbContextOptions<HostDbContext> Host(PipelineOptions options) =>
        options.PostgresConnectionString is { } pg ? HostDbContext.Postgres(pg) : HostDbContext.Sqlite(options.DatabasePath);

    /// <summary>Applies the provider's migrations of the workflow tables, then of the Host tables.</summary>
    public static async Task MigrateAsync(IDbContextFactory<WorkflowDbContext> workflow, IDbContextFactory<HostDbContext> host, CancellationToken cancellationToken)
    {
        await WorkflowDatabase.MigrateAsync(workflow, cancellationToken);
        await using var db = await host.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
