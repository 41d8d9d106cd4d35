namespace Pipeline.Workflows.Runtime;

/// <summary>Deployed process versions. Implementations: in memory (tests) and EF Core (production).</summary>
public interface IDefinitionStore
{
    /// <summary>The highest version of a process, or null when never deployed.</summary>
    Task<DeployedProcess?> LatestAsync(string processId, CancellationToken cancellationToken);

    Task<DeployedProcess?> GetAsync(string processId, int version, CancellationToken cancellationToken);

    /// <summary>Every version of every process, by process id then version.</summary>
    Task<IReadOnlyList<DeployedProcess>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new version.</summary>
    /// <exception cref="ConcurrencyException">That process id and version exist already (a concurrent deploy).</exception>
    Task AddAsync(DeployedProcess process, CancellationToken cancellationToken);
}

/// <summary>Which bookmarks to find.</summary>
/// <param name="Kind">Only bookmarks of this kind.</param>
/// <param name="Name">Message name or task type, when given.</param>
/// <param name="CorrelationKey">Message correlation key, when given.</param>
/// <param name="CandidateGroups">User tasks any of these roles may complete, when given.</param>
/// <param name="DueBefore">
/// Bookmarks whose <see cref="Bookmark.DueAt"/> is at or before this time, when given (results are then ordered by due
/// time): timers due to fire, or, with <see cref="BookmarkKind.UserTask"/>, overdue tasks
/// (<c>new BookmarkQuery(BookmarkKind.UserTask, DueBefore: now)</c>); bookmarks without a due time never match.
/// </param>
public sealed record BookmarkQuery(
    BookmarkKind Kind, string? Name = null, string? CorrelationKey = null, IReadOnlyCollection<string>? CandidateGroups = null,
    DateTimeOffset? DueBefore = null);

/// <summary>
/// Process instances with their bookmarks, and their append-only history. Every save is one transaction
/// guarded by the instance's revision. Implementations: in memory (tests) and EF Core (production).
/// </summary>
public interface IInstanceStore
{
    Task<ProcessInstance?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Saves a new instance (revision 1) and its first history entries.</summary>
    Task InsertAsync(ProcessInstance instance, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="instance"/> if the stored revision is still <paramref name="expectedRevision"/>, sets
    /// its revision to the next one and appends <paramref name="history"/>, all or nothing.
    /// </summary>
    /// <exception cref="ConcurrencyException">Someone saved the instance in between.</exception>
    Task UpdateAsync(ProcessInstance instance, long expectedRevision, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken);

    /// <summary>Open bookmarks matching the query, with their instances, oldest first (by due time for a <see cref="BookmarkQuery.DueBefore"/> query).</summary>
    Task<IReadOnlyList<(ProcessInstance Instance, Bookmark Bookmark)>> FindBookmarksAsync(BookmarkQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The instances a call activity of <paramref name="parentInstanceId"/> started (their
    /// <see cref="ProcessInstance.ParentInstanceId"/>), whatever their status, oldest first; empty when none.
    /// </summary>
    Task<IReadOnlyList<ProcessInstance>> ChildrenAsync(Guid parentInstanceId, CancellationToken cancellationToken);

    /// <summary>Instances with at least one token held by an incident, oldest instance first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ProcessInstance>> WithIncidentsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// How many instances are active on each deployed version: (process id, version) → count; versions without an
    /// active instance are absent. One grouped query (the designer's definitions list).
    /// </summary>
    Task<IReadOnlyDictionary<(string ProcessId, int Version), int>> CountActiveByVersionAsync(CancellationToken cancellationToken);

    /// <summary>The active instances of one process version, oldest first, at most <paramref name="limit"/> (the candidates for migration).</summary>
    Task<IReadOnlyList<ProcessInstance>> ActiveAsync(string processId, int version, int limit, CancellationToken cancellationToken);

    /// <summary>Every instance (of any process, any status) with this business key, oldest first; empty when none.</summary>
    Task<IReadOnlyList<ProcessInstance>> ByBusinessKeyAsync(string businessKey, CancellationToken cancellationToken);

    /// <summary>The instance's history in sequence order.</summary>
    Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid instanceId, CancellationToken cancellationToken);
}

/// <summary>Someone else changed the same record first; reload and try again.</summary>
public sealed class ConcurrencyException(string message) : Exception(message);
