using Pipeline.Activities.Procurement.Contracts;

namespace Pipeline.Activities.Tests.Procurement;

/// <summary>An <see cref="IContractRegistry"/> in memory: what the scenarios' institutions have signed, as the Host's registry would hold it.</summary>
public sealed class InMemoryContractRegistry : IContractRegistry
{
    private readonly List<TrainingContract> _contracts = [];

    /// <summary>Progress the test sets per contract id (R-WS-3); none: nothing opened yet.</summary>
    public Dictionary<string, ContractProgress> Progress { get; } = new(StringComparer.Ordinal);

    /// <summary>Every contract, in the order recorded.</summary>
    public IReadOnlyList<TrainingContract> All => _contracts;

    /// <summary>Adds a contract as signed.</summary>
    public TrainingContract Add(TrainingContract contract)
    {
        _contracts.Add(contract);
        return contract;
    }

    /// <summary>A contract of <paramref name="institutionId"/> for <paramref name="occupation"/>, jurisdiction-wide, one year either side of
    /// <paramref name="around"/>, with a yearly task of 1,000 persons (room for general classes under R-WS-3).</summary>
    public TrainingContract Sign(string institutionId, string occupation, DateOnly around) => Add(new TrainingContract
    {
        Id = $"HT-{_contracts.Count + 1}", Institution = institutionId, Occupations = [occupation],
        From = around.AddYears(-1), To = around.AddYears(1), RenewedYearly = false, Task = 1000,
    });

    public Task<IReadOnlyList<TrainingContract>> ContractsOfAsync(string institutionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TrainingContract>>(_contracts.Where(c => c.Institution == institutionId).ToList());

    public Task<ContractProgress> ProgressAsync(string contractId, DateOnly day, CancellationToken cancellationToken) =>
        _contracts.Any(c => c.Id == contractId)
            ? Task.FromResult(Progress.GetValueOrDefault(contractId) ?? new ContractProgress(0, 0))
            : throw new KeyNotFoundException(contractId);

    public Task<string> RecordAsync(ContractAward award, CancellationToken cancellationToken)
    {
        if (_contracts.FirstOrDefault(c => c.Number == award.Number) is { } existing) return Task.FromResult(existing.Id);
        if (award.Occupations.Count == 0) throw new ArgumentException("合同至少包含一个职业（工种）(give at least one occupation)");
        if (award.EndsOn < award.StartsOn) throw new ArgumentException("合同截止日期早于起始日期 (endsOn is before startsOn)");
        var contract = Add(new TrainingContract
        {
            Id = $"HT-{_contracts.Count + 1}", Number = award.Number, Institution = award.InstitutionId, Occupations = award.Occupations,
            Areas = award.Areas.Select(a => a.Area).ToList(), Task = award.Areas.Count == 0 ? null : award.Areas.Sum(a => a.Quota),
            From = award.StartsOn, To = award.EndsOn, RenewedYearly = award.RenewedYearly, OrderBasedShare = award.OrderBasedPercent,
        });
        return Task.FromResult(contract.Id);
    }

    public Task<IReadOnlyList<string>> AssignAreasAsync(string jurisdiction, DateOnly day,
        IReadOnlyDictionary<string, IReadOnlyList<ContractQuota>> areas, string recordedBy, CancellationToken cancellationToken)
    {
        var updated = new List<string>();
        foreach (var (institution, assigned) in areas)
        {
            var index = _contracts.FindIndex(c => c.Institution == institution && ContractTerm.StatusOn(c, day, null) == ContractTerm.Current);
            if (index < 0) throw new ArgumentException($"培训机构「{institution}」在 {day:yyyy-MM-dd} 没有有效的培训合同");
            _contracts[index] = _contracts[index] with { Areas = assigned.Select(a => a.Area).ToList(), Task = assigned.Sum(a => a.Quota) };
            updated.Add(_contracts[index].Id);
        }
        return Task.FromResult<IReadOnlyList<string>>(updated);
    }
}
