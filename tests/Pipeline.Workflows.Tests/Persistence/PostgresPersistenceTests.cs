using Pipeline.Workflows.EntityFramework;

namespace Pipeline.Workflows.Tests.Persistence;

/// <summary>Runs only when <c>PIPELINE_TEST_POSTGRES</c> holds a connection string (a database the tests may create tables in).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "PIPELINE_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))) Skip = $"{Variable} is not set";
    }
}

/// <summary>The persistence scenarios on PostgreSQL, when configured.</summary>
public sealed class PostgresPersistenceTests : IAsyncLifetime
{
    private PersistenceScenarios _scenarios = null!;

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable);
        if (string.IsNullOrWhiteSpace(connectionString)) return;
        var factory = WorkflowDatabase.Factory(WorkflowDatabase.UsePostgres(connectionString));
        await WorkflowDatabase.EnsureCreatedAsync(factory, CancellationToken.None);
        _scenarios = new PersistenceScenarios(factory);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [PostgresFact]
    public Task ClassOpeningFlow_RunsOnTheDatabase() => _scenarios.ClassOpeningFlow_RunsOnTheDatabase();

    [PostgresFact]
    public Task ChangedDefinition_IsANewVersion_RunningInstanceKeepsItsVersion() => _scenarios.ChangedDefinition_IsANewVersion_RunningInstanceKeepsItsVersion();

    [PostgresFact]
    public Task StaleUpdates_OnlyOneWins() => _scenarios.StaleUpdates_OnlyOneWins();

    [PostgresFact]
    public Task ConcurrentCompletions_OnlyOneWins() => _scenarios.ConcurrentCompletions_OnlyOneWins();

    [PostgresFact]
    public Task Bookmarks_AreFoundByMessageAndCorrelationKey_AndByCandidateGroup() => _scenarios.Bookmarks_AreFoundByMessageAndCorrelationKey_AndByCandidateGroup();
}
