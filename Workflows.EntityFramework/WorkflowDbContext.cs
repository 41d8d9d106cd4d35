using Microsoft.EntityFrameworkCore;

namespace Pipeline.Workflows.EntityFramework;

/// <summary>
/// The workflow runtime's tables, one model for SQLite (embedded default) and PostgreSQL (production). Tables and
/// columns are snake_case. On SQLite, <see cref="DateTimeOffset"/> columns are stored as UTC ticks (INTEGER) so that
/// they can be compared and ordered; on PostgreSQL they are <c>timestamptz</c> (always written in UTC).
/// </summary>
/// <remarks>
/// The schema comes from migrations, one assembly per provider (<c>Pipeline.Migrations.Sqlite</c>,
/// <c>Pipeline.Migrations.Postgres</c>), applied by <see cref="WorkflowDatabase.MigrateAsync"/>; the migration history
/// table is <c>wf_migrations_history</c>. Tests of this project alone use <see cref="WorkflowDatabase.EnsureCreatedAsync"/>.
/// </remarks>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    public DbSet<DeployedProcessRow> Processes => Set<DeployedProcessRow>();
    public DbSet<ProcessInstanceRow> Instances => Set<ProcessInstanceRow>();
    public DbSet<BookmarkRow> Bookmarks => Set<BookmarkRow>();
    public DbSet<HistoryRow> History => Set<HistoryRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcTicksConverter.ApplyOnSqlite(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DeployedProcessRow>(e =>
        {
            e.ToTable("wf_deployed_processes");
            e.HasKey(p => new { p.ProcessId, p.Version });
            e.Property(p => p.ProcessId).HasMaxLength(200);
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.Property(p => p.DeployedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<ProcessInstanceRow>(e =>
        {
            e.ToTable("wf_process_instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.ProcessId).HasMaxLength(200);
            e.Property(i => i.BusinessKey).HasMaxLength(200);
            e.Property(i => i.Status).HasMaxLength(20);
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.Property(i => i.CompletedTasksJson).HasDefaultValue("[]");
            e.HasIndex(i => new { i.ProcessId, i.Version });
            e.HasIndex(i => i.BusinessKey);
            e.HasIndex(i => i.ParentInstanceId);
            e.HasIndex(i => i.IncidentCount).HasFilter("incident_count > 0");
            e.HasOne<DeployedProcessRow>().WithMany().HasForeignKey(i => new { i.ProcessId, i.Version }).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<BookmarkRow>(e =>
        {
            e.ToTable("wf_bookmarks");
            e.HasKey(b => b.Id);
            e.Property(b => b.Kind).HasMaxLength(20);
            e.Property(b => b.NodeId).HasMaxLength(200);
            e.Property(b => b.Name).HasMaxLength(200);
            e.Property(b => b.CorrelationKey).HasMaxLength(200);
            e.Property(b => b.FormId).HasMaxLength(100);
            e.Property(b => b.Assignee).HasMaxLength(200);
            e.HasIndex(b => new { b.Kind, b.Name, b.CorrelationKey });
            e.HasIndex(b => new { b.Kind, b.DueAt });
            e.HasIndex(b => b.InstanceId);
            e.HasOne<ProcessInstanceRow>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<HistoryRow>(e =>
        {
            e.ToTable("wf_history");
            e.HasKey(h => new { h.InstanceId, h.Sequence });
            e.Property(h => h.Actor).HasMaxLength(200);
            e.Property(h => h.Kind).HasMaxLength(40);
            e.HasOne<ProcessInstanceRow>().WithMany().HasForeignKey(h => h.InstanceId).OnDelete(DeleteBehavior.Restrict);
        });

        SnakeCaseNames.Apply(modelBuilder);
    }
}
