using Microsoft.EntityFrameworkCore;
using Pipeline.Host.Data;

namespace Pipeline.Host.Cases;

/// <summary><see cref="ICaseIndex"/> on the Host's tables (<c>host_cases</c>, <c>host_case_packs</c>), SQLite or PostgreSQL.</summary>
public sealed class EfCaseIndex(IDbContextFactory<HostDbContext> contexts) : ICaseIndex
{
    public async Task<CaseEntry?> FindAsync(string businessKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.BusinessKey == businessKey, cancellationToken);
        if (row is null) return null;
        var packs = await db.CasePacks.AsNoTracking().Where(p => p.BusinessKey == businessKey).OrderBy(p => p.Ordinal).ToListAsync(cancellationToken);
        return new CaseEntry(row.BusinessKey, row.InstanceId, row.ProcessId,
            packs.Select(p => new PackUpload(p.Sha256, p.FileName, p.Document, p.Action, p.At, p.By)).ToList(), row.InstitutionId, row.Jurisdiction, row.ClassData);
    }

    public async Task<IReadOnlyDictionary<string, CaseScope>> ScopesAsync(IEnumerable<string> businessKeys, CancellationToken cancellationToken)
    {
        var keys = businessKeys.Distinct().ToList();
        if (keys.Count == 0) return new Dictionary<string, CaseScope>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.AsNoTracking().Where(c => keys.Contains(c.BusinessKey))
            .ToDictionaryAsync(c => c.BusinessKey, c => new CaseScope(c.InstitutionId, c.Jurisdiction), cancellationToken);
    }

    public async Task AddCaseAsync(CaseEntry entry, string createdBy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Cases.Add(new CaseRow
        {
            BusinessKey = entry.BusinessKey, InstanceId = entry.InstanceId, ProcessId = entry.ProcessId,
            CreatedAt = entry.Packs.FirstOrDefault()?.At ?? DateTimeOffset.UtcNow, CreatedBy = createdBy,
            InstitutionId = entry.InstitutionId, Jurisdiction = entry.Jurisdiction, ClassData = entry.ClassData,
            Occupation = Tracker.CaseOccupation.Of(entry.ClassData),
        });
        var ordinal = 0;
        foreach (var pack in entry.Packs) db.CasePacks.Add(Row(entry.BusinessKey, pack, ++ordinal));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await FindAsync(entry.BusinessKey, cancellationToken) is not null) throw new CaseExistsException(entry.BusinessKey);
            throw;
        }
    }

    public async Task AddPackAsync(string businessKey, PackUpload pack, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.CasePacks.AnyAsync(p => p.BusinessKey == businessKey && p.Sha256 == pack.Sha256, cancellationToken)) return;
        var ordinal = await db.CasePacks.Where(p => p.BusinessKey == businessKey).MaxAsync(p => (int?)p.Ordinal, cancellationToken) ?? 0;
        db.CasePacks.Add(Row(businessKey, pack, ordinal + 1));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(CaseFilter filter, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = db.Cases.AsNoTracking();
        if (filter.KeyPrefix is { Length: > 0 } prefix) cases = cases.Where(c => c.BusinessKey.StartsWith(prefix));
        if (filter.InstitutionId is { } institution) cases = cases.Where(c => c.InstitutionId == institution);
        if (filter.Jurisdictions is { } jurisdictions) cases = cases.Where(c => c.Jurisdiction != null && jurisdictions.Contains(c.Jurisdiction));
        return await cases.OrderByDescending(c => c.CreatedAt).Take(limit)
            .Select(c => new CaseSummary(c.BusinessKey, c.InstanceId, c.ProcessId, c.CreatedAt, c.CreatedBy,
                db.CasePacks.Count(p => p.BusinessKey == c.BusinessKey), c.InstitutionId, c.Jurisdiction))
            .ToListAsync(cancellationToken);
    }

    private static CasePackRow Row(string businessKey, PackUpload pack, int ordinal) => new()
    {
        BusinessKey = businessKey, Sha256 = pack.Sha256, Ordinal = ordinal, FileName = pack.FileName, Document = pack.Document,
        Action = pack.Action, At = pack.At, By = pack.By,
    };
}
