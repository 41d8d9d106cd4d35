using Microsoft.EntityFrameworkCore.Design;
using Pipeline.Host.Data;
using Pipeline.Workflows.EntityFramework;

namespace Pipeline.Migrations.Sqlite;

/// <summary>For <c>dotnet ef</c>: the contexts on a scratch SQLite file (migrations are generated, never run, here).</summary>
public sealed class WorkflowContextFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args) => new(WorkflowDatabase.UseSqlite(Path.Combine(Path.GetTempPath(), "pipeline-design.db")));
}

/// <inheritdoc cref="WorkflowContextFactory"/>
public sealed class HostContextFactory : IDesignTimeDbContextFactory<HostDbContext>
{
    public HostDbContext CreateDbContext(string[] args) => new(HostDbContext.Sqlite(Path.Combine(Path.GetTempPath(), "pipeline-design.db")));
}
