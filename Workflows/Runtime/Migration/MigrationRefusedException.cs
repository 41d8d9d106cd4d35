namespace Pipeline.Workflows.Runtime.Migration;

/// <summary>
/// <see cref="WorkflowEngine.MigrateInstanceAsync"/> refused the migration; nothing was changed or saved.
/// <see cref="Problems"/> lists every reason found, each with the id of the source element it concerns (an HTTP API
/// maps it to 422 with the list).
/// </summary>
public sealed class MigrationRefusedException(IReadOnlyList<MigrationProblem> problems)
    : Exception($"migration refused: {problems.Count} problem(s): {string.Join("; ", problems)}")
{
    /// <summary>Every problem, in the order found (tokens and their bookmarks in instance order); never empty.</summary>
    public IReadOnlyList<MigrationProblem> Problems { get; } = problems;
}
