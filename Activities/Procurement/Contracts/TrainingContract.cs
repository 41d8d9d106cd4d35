namespace Pipeline.Activities.Procurement.Contracts;

/// <summary>
/// A training contract (职业培训合同) as the workflow carries it (a FEEL context, camelCase, dates <c>yyyy-MM-dd</c>):
/// <c>{ id, number?, institution, occupations[], areas[], from, to, renewedUntil?, renewedYearly?, task?, orderBasedShare?, terminatedOn? }</c>.
/// </summary>
public sealed record TrainingContract
{
    /// <summary>Contract id: the registry's id, or the contract number when the workflow names contracts by number.</summary>
    public required string Id { get; init; }

    /// <summary>The contract number as written on the paper (合同编号), when it differs from <see cref="Id"/>.</summary>
    public string? Number { get; init; }

    /// <summary>How messages name the contract: its number, else its id.</summary>
    public string Label() => Number ?? Id;

    /// <summary>The institution (name or credit code, as the case names it).</summary>
    public required string Institution { get; init; }

    /// <summary>Occupations (职业（工种）) the contract covers.</summary>
    public IReadOnlyList<string> Occupations { get; init; } = [];

    /// <summary>Areas (培训区域) the contract covers, e.g. those drawn by lot (R-WS-2).</summary>
    public IReadOnlyList<string> Areas { get; init; } = [];

    /// <summary>First day of the service period, inclusive.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last day of the service period, inclusive (WS: three years, R-WS-1).</summary>
    public required DateOnly To { get; init; }

    /// <summary>Last day of the current yearly term after the latest renewal, inclusive; null: never renewed, so the first
    /// term runs <c>contract.renewalYears</c> from <see cref="From"/> (WS "合同一年一订", R-WS-1).</summary>
    public DateOnly? RenewedUntil { get; init; }

    /// <summary>Whether each contract year after the first needs a renewal (R-WS-1): true or false as the contract says;
    /// null (contracts given by the workflow): as the profile's <c>contract.renewalYears</c> says.</summary>
    public bool? RenewedYearly { get; init; }

    /// <summary>Contracted yearly task (任务数), persons; null when the contract states none.</summary>
    public int? Task { get; init; }

    /// <summary>The contract's own least share of order-based training, percent, when it asks more than the regulation.</summary>
    public decimal? OrderBasedShare { get; init; }

    /// <summary>The day the contract was terminated (终止), China time; it is not current from that day on. Null: not terminated.</summary>
    public DateOnly? TerminatedOn { get; init; }
}

/// <summary>What has been opened under the contract so far (本合同已开班), persons: all trainees and those of order-based classes.</summary>
/// <param name="Trainees">Trainees of the contract's classes opened so far, persons, ≥ 0.</param>
/// <param name="OrderBasedTrainees">Of these, trainees of order-based (订单式) classes, persons, ≤ <paramref name="Trainees"/>.</param>
public sealed record ContractProgress(int Trainees, int OrderBasedTrainees);
