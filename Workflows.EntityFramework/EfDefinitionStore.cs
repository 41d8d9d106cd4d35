using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Workflows.EntityFramework;

/// <summary>
/// <see cref="IDefinitionStore"/> on EF Core. Stores the BPMN XML only; the <see cref="ProcessModel"/> is read again
/// from it when loaded. A (process id, version) never changes once stored, so each is read from the database once
/// per store and kept. <see cref="LatestAsync"/> asks the database for the highest version number at most once per
/// <see cref="LatestFreshness"/> per process (every instance start asks it): a deploy through this store is seen at
/// once, one made by another Host within that time.
/// </summary>
public sealed class EfDefinitionStore(IDbContextFactory<WorkflowDbContext> contexts) : IDefinitionStore
{
    /// <summary>How old the known highest version of a process may be before the database is asked again.</summary>
    public static readonly TimeSpan LatestFreshness = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string ProcessId, int Version), DeployedProcess> _deployed = new();
    private readonly ConcurrentDictionary<string, (int Version, long CheckedAt)> _latest = new(StringComparer.Ordinal);

    public async Task<DeployedProcess?> LatestAsync(string processId, CancellationToken cancellationToken)
    {
        if (_latest.TryGetValue(processId, out var known) && Environment.TickCount64 - known.CheckedAt < LatestFreshness.TotalMilliseconds)
            return await GetAsync(processId, known.Version, cancellationToken).ConfigureAwait(false);
        int? version;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            version = await db.Processes.Where(p => p.ProcessId == processId).MaxAsync(p => (int?)p.Version, cancellationToken).ConfigureAwait(false);
        if (version is not { } v) return null;
        _latest[processId] = (v, Environment.TickCount64);
        return await GetAsync(processId, v, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DeployedProcess?> GetAsync(string processId, int version, CancellationToken cancellationToken)
    {
        if (_deployed.TryGetValue((processId, version), out var known)) return known;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Processes.AsNoTracking().FirstOrDefaultAsync(p => p.ProcessId == processId && p.Version == version, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToDeployed(row);
    }

    public async Task<IReadOnlyList<DeployedProcess>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Processes.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        // Ordinal order whatever the database collation.
        return rows.OrderBy(p => p.ProcessId, StringComparer.Ordinal).ThenBy(p => p.Version).Select(ToDeployed).ToList();
    }

    public async Task AddAsync(DeployedProcess process, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Processes.Add(new DeployedProcessRow
        {
            ProcessId = process.ProcessId, Version = process.Version, Sha256 = process.Sha256, Xml = process.Xml,
            DeployedAt = process.DeployedAt.ToUniversalTime(), DeployedBy = process.DeployedBy,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e)
        {
            await using var check = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            _latest.TryRemove(process.ProcessId, out _); // another Host deployed meanwhile: the next LatestAsync asks the database
            if (await check.Processes.AnyAsync(p => p.ProcessId == process.ProcessId && p.Version == process.Version, cancellationToken).ConfigureAwait(false))
                throw new ConcurrencyException($"{process.ProcessId} version {process.Version} exists already ({e.InnerException?.Message ?? e.Message})");
            throw;
        }
        _deployed.TryAdd((process.ProcessId, process.Version), process);
        _latest.AddOrUpdate(process.ProcessId, (process.Version, Environment.TickCount64),
            (_, known) => known.Version > process.Version ? known : (process.Version, Environment.TickCount64));
    }

    private DeployedProcess ToDeployed(DeployedProcessRow row) =>
        _deployed.GetOrAdd((row.ProcessId, row.Version), key => new DeployedProcess(
            row.ProcessId, row.Version, row.Sha256, row.Xml, BpmnReader.Read(row.Xml).Processes.Single(p => p.Id == key.ProcessId),
            row.DeployedAt, row.DeployedBy));
}
