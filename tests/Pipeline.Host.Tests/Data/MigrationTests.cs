using Microsoft.EntityFrameworkCore;
using Pipeline.Host.Data;
using Pipeline.Workflows.EntityFramework;

namespace Pipeline.Host.Tests.Data;

/// <summary>The checked-in migrations of each provider describe the current models (run <c>./pipeline migration NAME</c> after a model change).</summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Workflow_model_has_no_changes_missing_from_the_migrations(string provider)
    {
        using var db = new WorkflowDbContext(provider == "sqlite"
            ? WorkflowDatabase.UseSqlite(Path.Combine(Path.GetTempPath(), "never-opened.db"))
            : WorkflowDatabase.UsePostgres("Host=localhost;Database=never_opened"));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"the {provider} migrations of WorkflowDbContext are behind the model");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Host_model_has_no_changes_missing_from_the_migrations(string provider)
    {
        using var db = new HostDbContext(provider == "sqlite"
            ? HostDbContext.Sqlite(Path.Combine(Path.GetTempPath(), "never-opened.db"))
            : HostDbContext.Postgres("Host=localhost;Database=never_opened"));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"the {provider} migrations of HostDbContext are behind the model");
    }
}
