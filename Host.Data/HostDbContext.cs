using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pipeline.Host.Data.Accounts;
using Pipeline.Host.Data.Institutions;
using Pipeline.Workflows.EntityFramework;

namespace Pipeline.Host.Data;

/// <summary>
/// The Host's own tables beside the workflow tables, in the same database: cases and their packs; task forms (form-js schemas, versioned); accounts (ASP.NET
/// Core Identity's users and roles), organisations, recusals and the security log; the data-protection keys that
/// protect sign-in cookies and bearer tokens (shared by every Host node). One model for SQLite and PostgreSQL (dates
/// as UTC ticks on SQLite, as <see cref="WorkflowDbContext"/> does); migrations per provider in
/// <c>Pipeline.Migrations.Sqlite</c> / <c>Pipeline.Migrations.Postgres</c>, history table <see cref="HistoryTable"/>.
/// </summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options)
    : IdentityDbContext<PipelineUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>This context's migration history table.</summary>
    public const string HistoryTable = "host_migrations_history";

    public DbSet<CaseRow> Cases => Set<CaseRow>();
    public DbSet<CasePackRow> CasePacks => Set<CasePackRow>();
    public DbSet<OrganisationRow> Organisations => Set<OrganisationRow>();
    public DbSet<RecusalRow> Recusals => Set<RecusalRow>();
    public DbSet<SecurityEventRow> SecurityEvents => Set<SecurityEventRow>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<FormRow> Forms => Set<FormRow>();
    public DbSet<ContractRow> Contracts => Set<ContractRow>();
    public DbSet<ContractRenewalRow> ContractRenewals => Set<ContractRenewalRow>();
    public DbSet<RegistrationRow> Registrations => Set<RegistrationRow>();
    public DbSet<AnnualReviewRow> AnnualReviews => Set<AnnualReviewRow>();
    public DbSet<BlacklistRow> Blacklist => Set<BlacklistRow>();
    public DbSet<TeacherRow> Teachers => Set<TeacherRow>();
    public DbSet<TeacherCheckRow> TeacherChecks => Set<TeacherCheckRow>();
    public DbSet<TeacherExclusionRow> TeacherExclusions => Set<TeacherExclusionRow>();

    /// <summary>Options for the SQLite file shared with the workflow tables.</summary>
    public static DbContextOptions<HostDbContext> Sqlite(string path) =>
        WorkflowDatabase.ConfigureSqlite(new DbContextOptionsBuilder<HostDbContext>(), path, HistoryTable).Options;

    /// <summary>Options for PostgreSQL.</summary>
    public static DbContextOptions<HostDbContext> Postgres(string connectionString) =>
        WorkflowDatabase.ConfigurePostgres(new DbContextOptionsBuilder<HostDbContext>(), connectionString, HistoryTable).Options;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcTicksConverter.ApplyOnSqlite(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<CaseRow>(e =>
        {
            e.ToTable("host_cases");
            e.HasKey(c => c.BusinessKey);
            e.Property(c => c.BusinessKey).HasMaxLength(200);
            e.Property(c => c.ProcessId).HasMaxLength(200);
            e.Property(c => c.CreatedBy).HasMaxLength(200);
            e.Property(c => c.InstitutionId).HasMaxLength(100);
            e.Property(c => c.Jurisdiction).HasMaxLength(100);
            e.HasIndex(c => c.InstanceId).IsUnique();
            e.HasIndex(c => c.CreatedAt);
            e.HasIndex(c => new { c.InstitutionId, c.CreatedAt });
            e.HasIndex(c => new { c.Jurisdiction, c.CreatedAt });
            e.Property(c => c.Occupation).HasMaxLength(100);
            e.HasIndex(c => new { c.Occupation, c.CreatedAt });
        });
        modelBuilder.Entity<CasePackRow>(e =>
        {
            e.ToTable("host_case_packs");
            e.HasKey(p => new { p.BusinessKey, p.Sha256 });
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.Property(p => p.FileName).HasMaxLength(400);
            e.Property(p => p.Action).HasMaxLength(20);
            e.Property(p => p.By).HasMaxLength(200);
            e.HasOne<CaseRow>().WithMany().HasForeignKey(p => p.BusinessKey).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FormRow>(e =>
        {
            e.ToTable("host_forms");
            e.HasKey(f => new { f.FormId, f.Version });
            e.Property(f => f.FormId).HasMaxLength(100);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.Name).HasMaxLength(200);
            e.Property(f => f.DeployedBy).HasMaxLength(200);
        });
        AccountsModel.Configure(modelBuilder);
        RegistryModel.Configure(modelBuilder);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
