using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pipeline.Workflows.EntityFramework;

/// <summary>
/// Configures <see cref="WorkflowDbContext"/> for the embedded SQLite file or a PostgreSQL server, and creates the
/// schema. Schema creation is <see cref="EnsureCreatedAsync"/> for now: there are no migrations in this slice
/// (<c>Microsoft.EntityFrameworkCore.Design</c> does not restore here), so a changed model needs a new database.
/// </summary>
public static class WorkflowDatabase
{
    /// <summary>Options for a SQLite file (created when missing), opened in WAL mode.</summary>
    public static DbContextOptions<WorkflowDbContext> UseSqlite(string path) =>
        ConfigureSqlite(new DbContextOptionsBuilder<WorkflowDbContext>(), path).Options;

    /// <summary>Options for PostgreSQL.</summary>
    public static DbContextOptions<WorkflowDbContext> UsePostgres(string connectionString) =>
        ConfigurePostgres(new DbContextOptionsBuilder<WorkflowDbContext>(), connectionString).Options;

    /// <summary>Configures <paramref name="builder"/> for a SQLite file (for <c>AddDbContextFactory</c>).</summary>
    public static TBuilder ConfigureSqlite<TBuilder>(TBuilder builder, string path) where TBuilder : DbContextOptionsBuilder
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, ForeignKeys = true }.ToString();
        builder.UseSqlite(connectionString).AddInterceptors(WalOnOpen.Instance);
        return builder;
    }

    /// <summary>Configures <paramref name="builder"/> for PostgreSQL (for <c>AddDbContextFactory</c>).</summary>
    public static TBuilder ConfigurePostgres<TBuilder>(TBuilder builder, string connectionString) where TBuilder : DbContextOptionsBuilder
    {
        builder.UseNpgsql(connectionString);
        return builder;
    }

    /// <summary>A factory handing out a new context per call, for use without dependency injection.</summary>
    public static IDbContextFactory<WorkflowDbContext> Factory(DbContextOptions<WorkflowDbContext> options) => new OptionsFactory(options);

    /// <summary>Creates the tables when the database has none (no migrations yet; see the type remarks).</summary>
    public static async Task EnsureCreatedAsync(IDbContextFactory<WorkflowDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class OptionsFactory(DbContextOptions<WorkflowDbContext> options) : IDbContextFactory<WorkflowDbContext>
    {
        public WorkflowDbContext CreateDbContext() => new(options);
    }

    /// <summary><c>PRAGMA journal_mode=WAL</c> on every SQLite connection opened, so readers do not block the writer.</summary>
    private sealed class WalOnOpen : DbConnectionInterceptor
    {
        public static readonly WalOnOpen Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "PRAGMA journal_mode=WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
