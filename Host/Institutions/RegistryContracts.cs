using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Host.Data;
using Pipeline.Host.Tracker;

namespace Pipeline.Host.Institutions;

/// <summary>
/// <see cref="IContractRegistry"/> over the Host's registry (<c>host_contracts</c>): what <c>contract.check</c> reads
/// when a class opens, what a tender's <c>contract.record</c> writes and where a quota lottery's areas go (R-WS-2).
/// Refusals of the registry come out as <see cref="ArgumentException"/> with the registry's Chinese-first message.
/// </summary>
public sealed class RegistryContracts(
    IDbContextFactory<HostDbContext> contexts, IDbContextFactory<TrackerDbContext> cases, Registry registry) : IContractRegistry
{
    public async Task<IReadOnlyList<TrainingContract>> ContractsOfAsync(string institutionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Contracts.AsNoTracking().Where(c => c.InstitutionId == institutionId).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var renewals = await db.ContractRenewals.AsNoTracking().Where(r => ids.Contains(r.ContractId)).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.StartsOn)
            .Select(r => ContractRows.ToContract(r, renewals.Where(x => x.ContractId == r.Id).Select(x => x.PeriodStartsOn))).ToList();
    }

    public async Task<ContractProgress> ProgressAsync(string contractId, DateOnly day, CancellationToken cancellationToken)
    {
        Data.Institutions.ContractRow row;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            row = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken)
                ?? throw new KeyNotFoundException($"没有合同「{contractId}」(no contract '{contractId}')");
        var years = day.Year - row.StartsOn.Year - (row.StartsOn.AddYears(day.Year - row.StartsOn.Year) > day ? 1 : 0);
        var from = row.StartsOn.AddYears(Math.Max(0, years));
        var to = from.AddYears(1).AddDays(-1);
        await using var tracker = await cases.CreateDbContextAsync(cancellationToken);
        var classes = await (from c in tracker.Cases
                             where c.InstitutionId == row.InstitutionId && c.ClassData != null
                             join i in tracker.Instances on c.InstanceId equals i.Id
                             select new { c.ClassData, i.VariablesJson }).ToListAsync(cancellationToken);
        int trainees = 0, orderBased = 0;
        foreach (var c in classes)
        {
            using var variables = JsonDocument.Parse(c.VariablesJson ?? "{}");
            var vars = variables.RootElement;
            if (!(vars.TryGetProperty("opened", out var opened) && opened.ValueKind == JsonValueKind.True
                  && vars.TryGetProperty("contract", out var contract) && contract.ValueKind == JsonValueKind.String && contract.GetString() == contractId))
                continue;
            using var data = JsonDocument.Parse(c.ClassData!);
            var cls = data.RootElement;
            if (!(cls.TryGetProperty("startDate", out var s) && DateOnly.TryParseExact(s.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
                || start < from || start > to) continue;
            var count = cls.TryGetProperty("trainees", out var t) && t.ValueKind == JsonValueKind.Array && t.GetArrayLength() > 0 ? t.GetArrayLength()
                : cls.TryGetProperty("headcount", out var hc) && hc.TryGetInt32(out var n) ? n : 0;
            trainees += count;
            if (cls.TryGetProperty("trainingMode", out var mode) && mode.GetString() == ContractCheck.OrderBased) orderBased += count;
        }
        return new ContractProgress(trainees, orderBased);
    }

    public async Task<string> RecordAsync(ContractAward award, CancellationToken cancellationToken)
    {
        try { return await registry.RecordAwardAsync(award, cancellationToken); }
        catch (RegistryException e) { throw new ArgumentException(e.Message, nameof(award), e); }
    }

    public async Task<IReadOnlyList<string>> AssignAreasAsync(string jurisdiction, DateOnly day,
        IReadOnlyDictionary<string, IReadOnlyList<ContractQuota>> areas, string recordedBy, CancellationToken cancellationToken)
    {
        try
        {
            return await registry.AssignAreasAsync(jurisdiction, day,
                areas.ToDictionary(a => a.Key, a => (IReadOnlyList<ContractArea>)a.Value.Select(q => new ContractArea(q.Area, q.Quota)).ToList()), recordedBy, cancellationToken);
        }
        catch (RegistryException e) { throw new ArgumentException(e.Message, nameof(areas), e); }
    }
}
