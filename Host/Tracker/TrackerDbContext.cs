using Microsoft.EntityFrameworkCore;
using Pipeline.Host.Data;
using Pipeline.Workflows.EntityFramework;

namespace Pipeline.Host.Tracker;

/// <summary>
/// A read-only view over tables that already exist in the one database: the Host's <c>host_cases</c> and the
/// engine's <c>wf_process_instances</c> / <c>wf_bookmarks</c>, so the case tracker filters, counts and pages by stage,
/// status and due date in one SQL query (SQLite or PostgreSQL) instead of loading instances. It owns no schema and
/// has no migrations: the tables come from <see cref="HostDbContext"/> and <see cref="WorkflowDbContext"/>; never save
/// through it.
/// </summary>
public sealed class TrackerDbContext(DbContextOptions<TrackerDbContext> options) : DbContext(options)
{
    public DbSet<CaseRow> Cases => Set<CaseRow>();
    public DbSet<ProcessInstanceRow> Instances => Set<ProcessInstanceRow>();
    public DbSet<BookmarkRow> Bookmarks => Set<BookmarkRow>();

    /// <summary>Options on the SQLite file, or PostgreSQL when <paramref name="postgres"/> is given.</summary>
    public static DbContextOptions<TrackerDbContext> Options(string? postgres, string sqlitePath)
    {
        var builder = new DbContextOptionsBuilder<TrackerDbContext>().UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        return (postgres is { } pg
            ? WorkflowDatabase.ConfigurePostgres(builder, pg, HostDbContext.HistoryTable)
            : WorkflowDatabase.ConfigureSqlite(builder, sqlitePath, HostDbContext.HistoryTable)).Options;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcTicksConverter.ApplyOnSqlite(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseRow>(e =>
        {
            e.ToTable("host_cases");
            e.HasKey(c => c.BusinessKey);
        });
        modelBuilder.Entity<ProcessInstanceRow>(e =>
        {
            e.ToTable("wf_process_instances");
            e.HasKey(i => i.Id);
        });
        modelBuilder.Entity<BookmarkRow>(e =>
        {
            e.ToTable("wf_bookmarks");
            e.HasKey(b => b.Id);
        });
        SnakeCaseNames.Apply(modelBuilder);
    }
}
