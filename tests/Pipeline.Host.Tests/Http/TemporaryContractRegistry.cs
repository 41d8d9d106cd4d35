using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Institutions;

namespace Pipeline.Host.Tests.Http;

// TEMPORARY until the Host's IContractRegistry is merged: records through the Registry as an administrator.
internal sealed class TemporaryContractRegistry(Registry registry) : IContractRegistry
{
    private static readonly Caller System = new("system", "system", "system", ["admin"], "bureau:system", "bureau", "yunnan", "系统");

    public Task<IReadOnlyList<TrainingContract>> ContractsOfAsync(string institutionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public async Task<string> RecordAsync(ContractAward award, CancellationToken cancellationToken) =>
        (await registry.RecordContractAsync(System, new NewContract(award.InstitutionId, award.Number, award.Occupations,
            award.Areas.Select(a => new ContractArea(a.Area, a.Quota)).ToList(), award.StartsOn, award.EndsOn, award.RenewedYearly, award.OrderBasedPercent), cancellationToken)).Id;

    public Task<IReadOnlyList<string>> AssignAreasAsync(string jurisdiction, DateOnly day, IReadOnlyDictionary<string, IReadOnlyList<ContractQuota>> areas, string recordedBy, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(areas.Keys.ToList());
}
