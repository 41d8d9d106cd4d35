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
    private ElementPersistenceScenarios _elements = null!;
    private StartAndCallPersistenceScenarios _starts = null!;
    private EngineFeatureScenarios _features = null!;

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable);
        if (string.IsNullOrWhiteSpace(connectionString)) return;
        // A fresh database per run: the server may hold tables of an older model (a bench, a previous run).
        var name = "wf_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var server = new Npgsql.NpgsqlConnection(connectionString))
        {
            await server.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", server);
            await create.ExecuteNonQueryAsync();
        }
        var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString;
        var factory = WorkflowDatabase.Factory(WorkflowDatabase.UsePostgres(database));
        await WorkflowDatabase.EnsureCreatedAsync(factory, CancellationToken.None);
        _scenarios = new PersistenceScenarios(factory);
        _elements = new ElementPersistenceScenarios(factory);
        _starts = new StartAndCallPersistenceScenarios(factory);
        _features = new EngineFeatureScenarios(factory);
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

    [PostgresFact]
    public Task ParallelJoin_WaitsAcrossSaves() => _elements.ParallelJoin_WaitsAcrossSaves();

    [PostgresFact]
    public Task ErrorBoundary_OnASubProcess_CatchesAJobError() => _elements.ErrorBoundary_OnASubProcess_CatchesAJobError();

    [PostgresFact]
    public Task CoSignedMultiInstance_KeepsItsStateAndSignersInTheDatabase() => _elements.CoSignedMultiInstance_KeepsItsStateAndSignersInTheDatabase();

    [PostgresFact]
    public Task Timers_AreStoredWithTheirDueTime_FoundWhenDue_AndFiredOnce() => _elements.Timers_AreStoredWithTheirDueTime_FoundWhenDue_AndFiredOnce();

    [PostgresFact]
    public Task EventGateway_MessageWins_CancelsTheTimer_AndTerminateEndsTheCase() => _elements.EventGateway_MessageWins_CancelsTheTimer_AndTerminateEndsTheCase();

    [PostgresFact]
    public Task MigratedInstance_ReloadsOnTheNewVersion() => _features.MigratedInstance_ReloadsOnTheNewVersion();

    [PostgresFact]
    public Task UserTaskDueDates_SurviveTheDatabase_AndOverdueTasksAreFound() => _features.UserTaskDueDates_SurviveTheDatabase_AndOverdueTasksAreFound();

    [PostgresFact]
    public Task CallActivity_ParentAndChildSurviveAReload_AndTheChildrenQueryFindsThem() => _starts.CallActivity_ParentAndChildSurviveAReload_AndTheChildrenQueryFindsThem();

    [PostgresFact]
    public Task CancellingTheParent_CancelsTheChildOnTheDatabase() => _starts.CancellingTheParent_CancelsTheChildOnTheDatabase();

    [PostgresFact]
    public Task MessageAndTimerStarts_StartOnce_OnTheDatabase() => _starts.MessageAndTimerStarts_StartOnce_OnTheDatabase();

    [PostgresFact]
    public Task ActiveInstances_AreCountedAndListedByVersion() => _starts.ActiveInstances_AreCountedAndListedByVersion();

    [PostgresFact]
    public Task ClaimedTask_AndItsForm_SurviveTheDatabase() => _features.ClaimedTask_AndItsForm_SurviveTheDatabase();
}
