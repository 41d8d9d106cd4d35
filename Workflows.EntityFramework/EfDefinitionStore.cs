using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Workflows.EntityFramework;

/// <summary>
/// <see cref="IDefinitionStore"/> on EF Core. Stores the BPMN XML only; the <see cref="ProcessModel"/> is read again
/// from it when loaded, and cached per (process id, version), which never changes once stored.
/// </summary>
public sealed class EfDefinitionStore(IDbContextFactory<WorkflowDbContext> contexts) : IDefinitionStore
{
    private readonly ConcurrentDictionary<(string ProcessId, int Version), ProcessModel> _models = new();

    public async Task<DeployedProcess?> LatestAsync(string processId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Processes.AsNoTracking().Where(p => p.ProcessId == processId)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToDeployed(row);
    }

    public async Task<DeployedProcess?> GetAsync(string processId, int version, CancellationToken cancellationToken)
    {
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
            if (await check.Processes.AnyAsync(p => p.ProcessId == process.ProcessId && p.Version == process.Version, cancellationToken).ConfigureAwait(false))
                throw new ConcurrencyException($"{process.ProcessId} version {process.Version} exists already ({e.InnerException?.Message ?? e.Message})");
            throw;
        }
        _models.TryAdd((process.ProcessId, process.Version), process.Model);
    }

    private DeployedProcess ToDeployed(DeployedProcessRow row)
    {
        var model = _models.GetOrAdd((row.ProcessId, row.Version), key =>
            BpmnReader.Read(row.Xml).Processes.Single(p => p.Id == key.ProcessId));
        return new DeployedProcess(row.ProcessId, row.Version, row.Sha256, row.Xml, model, row.DeployedAt, row.DeployedBy);
    }
}
