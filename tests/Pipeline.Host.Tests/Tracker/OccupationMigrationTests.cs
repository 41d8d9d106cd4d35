using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pipeline.Host.Data;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Tracker;

/// <summary>
/// The migration AddCaseOccupation fills <c>host_cases.occupation</c> of cases filed before it from their class data
/// (the tracker's occupation filter), on SQLite and PostgreSQL; a case without class data, or with class data that
/// names none, stays null.
/// </summary>
public sealed class OccupationMigrationTests
{
    [Fact]
    public async Task Backfills_on_Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), "pipeline-occupation-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await BackfillsAsync(HostDbContext.Sqlite(path));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [PostgresFact]
    public async Task Backfills_on_Postgres() => await BackfillsAsync(HostDbContext.Postgres(await TestDatabases.CreateAsync()));

    private static async Task BackfillsAsync(DbContextOptions<HostDbContext> options)
    {
        await using var db = new HostDbContext(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("AddCaseClassData");
        async Task InsertAsync(string key, string? classData) => await db.Database.ExecuteSqlAsync(
            $"INSERT INTO host_cases (business_key, instance_id, process_id, created_at, created_by, class_data) VALUES ({key}, {Guid.NewGuid()}, {"class-case"}, {DateTimeOffset.UtcNow}, {"seed"}, {classData})");
        await InsertAsync("K1", """{"occupation":" 中式烹调师 ","kind":"skills"}""");
        await InsertAsync("K2", null);
        await InsertAsync("K3", """{"kind":"skills"}""");
        await migrator.MigrateAsync();
        var rows = await db.Cases.AsNoTracking().OrderBy(c => c.BusinessKey).Select(c => new { c.BusinessKey, c.Occupation }).ToListAsync();
        Assert.Equal([("K1", "中式烹调师"), ("K2", null), ("K3", null)], rows.Select(r => (r.BusinessKey, r.Occupation)));
    }
}
