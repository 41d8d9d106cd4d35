using Microsoft.EntityFrameworkCore.Design;
using Pipeline.Host.Data;
using Pipeline.Workflows.EntityFramework;

namespace Pipeline.Migrations.Postgres;

/// <summary>For <c>dotnet ef</c>: the contexts on PostgreSQL (no connection is opened to generate migrations).</summary>
public sealed class WorkflowContextFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args) => new(WorkflowDatabase.UsePostgres("Host=localhost;Database=pipeline_design"));
}

/// <inheritdoc cref="WorkflowContextFactory"/>
public sealed class HostContextFactory : IDesignTimeDbContextFactory<HostDbContext>
{
    public HostDbContext CreateDbContext(string[] args) => new(HostDbContext.Postgres("Host=localhost;Database=pipeline_design"));
}
