namespace Pipeline.Workflows.Runtime;

/// <summary><see cref="IDefinitionStore"/> in memory, for tests and tools.</summary>
public sealed class InMemoryDefinitionStore : IDefinitionStore
{
    private readonly List<DeployedProcess> _processes = [];

    public Task<DeployedProcess?> LatestAsync(string processId, CancellationToken cancellationToken)
    {
        lock (_processes) return Task.FromResult(_processes.Where(p => p.ProcessId == processId).MaxBy(p => p.Version));
    }

    public Task<DeployedProcess?> GetAsync(string processId, int version, CancellationToken cancellationToken)
    {
        lock (_processes) return Task.FromResult(_processes.FirstOrDefault(p => p.ProcessId == processId && p.Version == version));
    }

    public Task<IReadOnlyList<DeployedProcess>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_processes)
            return Task.FromResult<IReadOnlyList<DeployedProcess>>(_processes.OrderBy(p => p.ProcessId, StringComparer.Ordinal).ThenBy(p => p.Version).ToList());
    }

    public Task AddAsync(DeployedProcess process, CancellationToken cancellationToken)
    {
        lock (_processes)
        {
            if (_processes.Any(p => p.ProcessId == process.ProcessId && p.Version == process.Version))
                throw new ConcurrencyException($"{process.ProcessId} version {process.Version} exists already");
            _processes.Add(process);
        }
        return Task.CompletedTask;
    }
}

/// <summary><see cref="IInstanceStore"/> in memory, for tests and tools. Stores and hands out copies.</summary>
public sealed class InMemoryInstanceStore : IInstanceStore
{
    private readonly Dictionary<Guid, ProcessInstance> _instances = [];
    private readonly Dictionary<Guid, List<HistoryEntry>> _history = [];
    private readonly Lock _lock = new();

    public Task<ProcessInstance?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_instances.TryGetValue(id, out var i) ? i.Clone() : null);
    }

    public Task InsertAsync(ProcessInstance instance, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_instances.ContainsKey(instance.Id)) throw new ConcurrencyException($"instance {instance.Id} exists already");
            instance.Revision = 1;
            _instances[instance.Id] = instance.Clone();
            _history[instance.Id] = [.. history];
        }
        return Task.CompletedTask;
    }

    public Task UpdateAsync(ProcessInstance instance, long expectedRevision, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_instances.TryGetValue(instance.Id, out var stored) || stored.Revision != expectedRevision)
                throw new ConcurrencyException($"instance {instance.Id} was changed by someone else (expected revision {expectedRevision})");
            instance.Revision = expectedRevision + 1;
            _instances[instance.Id] = instance.Clone();
            _history[instance.Id].AddRange(history);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(ProcessInstance Instance, Bookmark Bookmark)>> FindBookmarksAsync(BookmarkQuery query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var found = _instances.Values
                .SelectMany(i => i.Bookmarks.Select(b => (Instance: i, Bookmark: b)))
                .Where(x => x.Bookmark.Kind == query.Kind
                    && (query.Name is null || x.Bookmark.Name == query.Name)
                    && (query.CorrelationKey is null || x.Bookmark.CorrelationKey == query.CorrelationKey)
                    && (query.CandidateGroups is null || x.Bookmark.CandidateGroups.Any(query.CandidateGroups.Contains))
                    && (query.DueBefore is null || x.Bookmark.DueAt <= query.DueBefore))
                .OrderBy(x => query.DueBefore is null ? x.Bookmark.CreatedAt : x.Bookmark.DueAt!.Value)
                .ThenBy(x => x.Bookmark.CreatedAt)
                .Select(x => (x.Instance.Clone(), x.Bookmark))
                .ToList();
            return Task.FromResult<IReadOnlyList<(ProcessInstance, Bookmark)>>(found);
        }
    }

    public Task<IReadOnlyList<ProcessInstance>> ChildrenAsync(Guid parentInstanceId, CancellationToken cancellationToken) =>
        Where(i => i.ParentInstanceId == parentInstanceId);

    public async Task<IReadOnlyList<ProcessInstance>> WithIncidentsAsync(int limit, CancellationToken cancellationToken) =>
        [.. (await Where(i => i.Tokens.Any(t => t.State == TokenState.Incident)).ConfigureAwait(false)).Take(limit)];

    public Task<IReadOnlyList<ProcessInstance>> ByBusinessKeyAsync(string businessKey, CancellationToken cancellationToken) =>
        Where(i => i.BusinessKey == businessKey);

    public Task<IReadOnlyDictionary<(string ProcessId, int Version), int>> CountActiveByVersionAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyDictionary<(string ProcessId, int Version), int>>(_instances.Values
                .Where(i => i.Status == InstanceStatus.Active)
                .GroupBy(i => (i.ProcessId, i.Version))
                .ToDictionary(g => g.Key, g => g.Count()));
    }

    public async Task<IReadOnlyList<ProcessInstance>> ActiveAsync(string processId, int version, int limit, CancellationToken cancellationToken) =>
        [.. (await Where(i => i.Status == InstanceStatus.Active && i.ProcessId == processId && i.Version == version).ConfigureAwait(false)).Take(limit)];

    private Task<IReadOnlyList<ProcessInstance>> Where(Func<ProcessInstance, bool> predicate)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<ProcessInstance>>(_instances.Values.Where(predicate).OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Select(i => i.Clone()).ToList());
    }

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<HistoryEntry>>(_history.TryGetValue(instanceId, out var h) ? [.. h] : []);
    }
}
