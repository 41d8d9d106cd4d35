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

    [Fact]
    public async Task Quartz_tables_left_by_earlier_versions_are_dropped_on_SQLite()
    {
        var path = Path.Combine(Path.GetTempPath(), "pipeline-dropquartz-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync();
                await using var create = connection.CreateCommand();
                create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE QRTZ_LOCKS (SCHED_NAME TEXT, LOCK_NAME TEXT); CREATE TABLE QRTZ_JOB_DETAILS (JOB_NAME TEXT);";
                await create.ExecuteNonQueryAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using (var db = new HostDbContext(HostDbContext.Sqlite(path)))
            {
                await db.Database.MigrateAsync();
                await using var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var count = connection.CreateCommand();
                count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'QRTZ%'";
                Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
