using Microsoft.Data.Sqlite;
using Pipeline.Workflows.EntityFramework;

namespace Pipeline.Workflows.Tests.Persistence;

/// <summary>The persistence scenarios on a SQLite file in a temporary folder.</summary>
public sealed class SqlitePersistenceTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-wf-").FullName;
    private PersistenceScenarios _scenarios = null!;
    private ElementPersistenceScenarios _elements = null!;
    private StartAndCallPersistenceScenarios _starts = null!;
    private EngineFeatureScenarios _features = null!;

    public async Task InitializeAsync()
    {
        var factory = WorkflowDatabase.Factory(WorkflowDatabase.UseSqlite(Path.Combine(_folder, "workflows.db")));
        await WorkflowDatabase.EnsureCreatedAsync(factory, CancellationToken.None);
        _scenarios = new PersistenceScenarios(factory);
        _elements = new ElementPersistenceScenarios(factory);
        _starts = new StartAndCallPersistenceScenarios(factory);
        _features = new EngineFeatureScenarios(factory);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public Task ClassOpeningFlow_RunsOnTheDatabase() => _scenarios.ClassOpeningFlow_RunsOnTheDatabase();

    [Fact]
    public Task ChangedDefinition_IsANewVersion_RunningInstanceKeepsItsVersion() => _scenarios.ChangedDefinition_IsANewVersion_RunningInstanceKeepsItsVersion();

    [Fact]
    public Task StaleUpdates_OnlyOneWins() => _scenarios.StaleUpdates_OnlyOneWins();

    [Fact]
    public Task ConcurrentCompletions_OnlyOneWins() => _scenarios.ConcurrentCompletions_OnlyOneWins();

    [Fact]
    public Task Bookmarks_AreFoundByMessageAndCorrelationKey_AndByCandidateGroup() => _scenarios.Bookmarks_AreFoundByMessageAndCorrelationKey_AndByCandidateGroup();

    [Fact]
    public async Task Database_IsInWalMode_WithTimesAsIntegerTicks()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "workflows.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());

        // DateTimeOffset columns are UTC ticks, so ORDER BY created_at works on SQLite.
        command.CommandText = "SELECT type FROM pragma_table_info('wf_bookmarks') WHERE name = 'created_at' UNION ALL SELECT type FROM pragma_table_info('wf_process_instances') WHERE name = 'ended_at';";
        var types = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) types.Add(reader.GetString(0));
        Assert.Equal(["INTEGER", "INTEGER"], types);
    }

    [Fact]
    public Task ParallelJoin_WaitsAcrossSaves() => _elements.ParallelJoin_WaitsAcrossSaves();

    [Fact]
    public Task ErrorBoundary_OnASubProcess_CatchesAJobError() => _elements.ErrorBoundary_OnASubProcess_CatchesAJobError();

    [Fact]
    public Task CoSignedMultiInstance_KeepsItsStateAndSignersInTheDatabase() => _elements.CoSignedMultiInstance_KeepsItsStateAndSignersInTheDatabase();

    [Fact]
    public Task Timers_AreStoredWithTheirDueTime_FoundWhenDue_AndFiredOnce() => _elements.Timers_AreStoredWithTheirDueTime_FoundWhenDue_AndFiredOnce();

    [Fact]
    public Task EventGateway_MessageWins_CancelsTheTimer_AndTerminateEndsTheCase() => _elements.EventGateway_MessageWins_CancelsTheTimer_AndTerminateEndsTheCase();

    [Fact]
    public Task MigratedInstance_ReloadsOnTheNewVersion() => _features.MigratedInstance_ReloadsOnTheNewVersion();

    [Fact]
    public Task UserTaskDueDates_SurviveTheDatabase_AndOverdueTasksAreFound() => _features.UserTaskDueDates_SurviveTheDatabase_AndOverdueTasksAreFound();

    [Fact]
    public Task CallActivity_ParentAndChildSurviveAReload_AndTheChildrenQueryFindsThem() => _starts.CallActivity_ParentAndChildSurviveAReload_AndTheChildrenQueryFindsThem();

    [Fact]
    public Task CancellingTheParent_CancelsTheChildOnTheDatabase() => _starts.CancellingTheParent_CancelsTheChildOnTheDatabase();

    [Fact]
    public Task MessageAndTimerStarts_StartOnce_OnTheDatabase() => _starts.MessageAndTimerStarts_StartOnce_OnTheDatabase();

    [Fact]
    public Task ActiveInstances_AreCountedAndListedByVersion() => _starts.ActiveInstances_AreCountedAndListedByVersion();

    [Fact]
    public Task ClaimedTask_AndItsForm_SurviveTheDatabase() => _features.ClaimedTask_AndItsForm_SurviveTheDatabase();
}
