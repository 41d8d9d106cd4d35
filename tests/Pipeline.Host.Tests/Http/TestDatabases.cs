using Npgsql;

namespace Pipeline.Host.Tests.Http;

/// <summary>
/// A fresh PostgreSQL database per Host under test, made on the server named by <c>PIPELINE_TEST_POSTGRES</c>: Hosts
/// on one database share Hangfire's queues and would run each other's jobs.
/// </summary>
public static class TestDatabases
{
    public const string Variable = "PIPELINE_TEST_POSTGRES";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateAsync()
    {
        var server = Server ?? throw new InvalidOperationException($"{Variable} is not set");
        var name = "pipeline_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}

/// <summary>Runs only when <c>PIPELINE_TEST_POSTGRES</c> names a server the tests may create databases on.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabases.Server is null) Skip = $"{TestDatabases.Variable} is not set";
    }
}
