using Pipeline.Activities.Procurement.Contracts;

namespace Pipeline.Activities.Tests.Procurement;

/// <summary>An in-memory <see cref="IContractRegistry"/> for activity tests: institutions known up front, awards idempotent on
/// (jurisdiction, number) as the port promises.</summary>
public sealed class InMemoryContractRegistry(params string[] institutions) : IContractRegistry
{
    private readonly HashSet<string> _institutions = [.. institutions];

    /// <summary>Every award recorded, by contract id.</summary>
    public Dictionary<string, ContractAward> Awards { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<TrainingContract>> ContractsOfAsync(string institutionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TrainingContract>>(Awards.Where(a => a.Value.InstitutionId == institutionId).Select(a => new TrainingContract
        {
            Id = a.Key, Institution = institutionId, Occupations = a.Value.Occupations, Areas = a.Value.Areas.Select(q => q.Area).ToList(),
            From = a.Value.StartsOn, To = a.Value.EndsOn, Task = a.Value.Areas.Count > 0 ? a.Value.Areas.Sum(q => q.Quota) : null,
        }).ToList());

    public Task<string> RecordAsync(ContractAward award, CancellationToken cancellationToken)
    {
        if (Awards.FirstOrDefault(a => a.Value.Jurisdiction == award.Jurisdiction && a.Value.Number == award.Number) is { Key: not null } existing)
            return Task.FromResult(existing.Key);
        if (_institutions.Count > 0 && !_institutions.Contains(award.InstitutionId))
            throw new ArgumentException($"培训机构「{award.InstitutionId}」未登记 (unknown institution)");
        var id = $"contract-{Awards.Count + 1}";
        Awards[id] = award;
        return Task.FromResult(id);
    }

    public Task<IReadOnlyList<string>> AssignAreasAsync(string jurisdiction, DateOnly day, IReadOnlyDictionary<string, IReadOnlyList<ContractQuota>> areas,
        string recordedBy, CancellationToken cancellationToken)
    {
        var updated = new List<string>();
        foreach (var (institution, quotas) in areas)
        {
            var (id, award) = Awards.First(a => a.Value.Jurisdiction == jurisdiction && a.Value.InstitutionId == institution && a.Value.StartsOn <= day && day <= a.Value.EndsOn);
            Awards[id] = award with { Areas = quotas };
            updated.Add(id);
        }
        return Task.FromResult<IReadOnlyList<string>>(updated);
    }
}
