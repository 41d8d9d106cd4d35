namespace Pipeline.Activities.Procurement.Contracts;

/// <summary>
/// The product's register of training contracts (职业培训合同) as activities see it: the Host implements it over
/// <c>host_contracts</c>; tests use an in-memory one. Institutions are named by their organisation id
/// (<c>institution:{统一社会信用代码}</c>), dates are China calendar days.
/// </summary>
public interface IContractRegistry
{
    /// <summary>The institution's contracts (every status: the caller decides which is current), with recorded renewals
    /// folded into <see cref="TrainingContract.RenewedUntil"/>, terminations into <see cref="TrainingContract.TerminatedOn"/>.</summary>
    /// <param name="institutionId">Organisation id, e.g. <c>institution:91530000MA6K000001</c>.</param>
    Task<IReadOnlyList<TrainingContract>> ContractsOfAsync(string institutionId, CancellationToken cancellationToken);

    /// <summary>What has been opened under the contract in the contract year that holds <paramref name="day"/> (R-WS-3): the
    /// trainees of the classes approved under it (variable <c>contract</c> of the class case, <c>opened</c> true) whose first
    /// day falls in that year, and those of order-based classes. Classes not yet decided do not count.</summary>
    /// <exception cref="KeyNotFoundException">No such contract.</exception>
    Task<ContractProgress> ProgressAsync(string contractId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Records the contract signed with a tender's winner (R-QJ-4: only after a publicity without standing objection;
    /// R-WS-1: the service term). Idempotent on (<see cref="ContractAward.Jurisdiction"/>, <see cref="ContractAward.Number"/>):
    /// recording the same award again returns the existing id.</summary>
    /// <returns>The contract id.</returns>
    /// <exception cref="ArgumentException">Unknown institution, no occupation, or an end before the start (message in Chinese first).</exception>
    Task<string> RecordAsync(ContractAward award, CancellationToken cancellationToken);

    /// <summary>Writes a quota lottery's result (R-WS-2) into the current contracts of the jurisdiction: each institution's
    /// contract gets the areas it drew with their yearly quotas, replacing the areas it had.</summary>
    /// <param name="jurisdiction">Profile name, e.g. <c>wenshui</c>.</param>
    /// <param name="day">The day the draw holds from (a contract current on it is updated).</param>
    /// <param name="areas">Institution id → areas with yearly quotas (persons).</param>
    /// <returns>The ids of the contracts updated.</returns>
    /// <exception cref="ArgumentException">An institution without a current contract in the jurisdiction.</exception>
    Task<IReadOnlyList<string>> AssignAreasAsync(string jurisdiction, DateOnly day,
        IReadOnlyDictionary<string, IReadOnlyList<ContractQuota>> areas, string recordedBy, CancellationToken cancellationToken);
}

/// <summary>An area of a contract with its yearly quota (年度培训任务数), persons.</summary>
public sealed record ContractQuota(string Area, int Quota);

/// <summary>
/// A contract to record for a tender's winner: who, what (occupations, areas with quotas), the term and its renewal.
/// </summary>
/// <param name="Jurisdiction">The contracting bureau's profile name.</param>
/// <param name="InstitutionId">The winner's organisation id.</param>
/// <param name="Number">The contract number (合同编号), unique in the jurisdiction.</param>
/// <param name="Occupations">Occupations (职业（工种）) covered, at least one.</param>
/// <param name="Areas">Areas with yearly quotas; empty until assigned (e.g. by lot, R-WS-2).</param>
/// <param name="StartsOn">First day of the service term, inclusive.</param>
/// <param name="EndsOn">Last day of the service term, inclusive.</param>
/// <param name="RenewedYearly">Each contract year after the first needs a recorded renewal (WS 合同一年一订, R-WS-1).</param>
/// <param name="OrderBasedPercent">The contract's least share of order-based training, percent (R-WS-3); null: the profile's.</param>
/// <param name="Source">Where the award comes from, e.g. the tender's business key.</param>
/// <param name="RecordedBy">Who records it (user name or <c>system</c>).</param>
public sealed record ContractAward(
    string Jurisdiction, string InstitutionId, string Number, IReadOnlyList<string> Occupations, IReadOnlyList<ContractQuota> Areas,
    DateOnly StartsOn, DateOnly EndsOn, bool RenewedYearly, int? OrderBasedPercent, string? Source, string RecordedBy);
