namespace Pipeline.Activities.Subsidy;

/// <summary>
/// The subsidy of one class as <see cref="SubsidyCalculator.Compute"/> found it (JSON, camelCase:
/// <c>{ amount, subsidisedHeadcount, creditedDays, dailyRate, advance, eligibleTrainees[], findings[] }</c>).
/// Every reduction and every amount it could not compute is a finding citing its rule.
/// </summary>
public sealed record SubsidyComputation
{
    /// <summary>Subsidy of the class, yuan, two decimals (half away from zero); 0 when the class loses it (R-JZ-4);
    /// null when the daily rate (or another rule) is not configured.</summary>
    public required decimal? Amount { get; init; }

    /// <summary>Persons subsidised after every exclusion and the pass-rate cut (R-WS-14), a decimal number of persons
    /// (4 decimals shown; the amount uses the exact figure).</summary>
    public required decimal SubsidisedHeadcount { get; init; }

    /// <summary>Training days credited: training days less video gaps (R-WS-14), days.</summary>
    public required decimal CreditedDays { get; init; }

    /// <summary>Yuan per trainee per day applied (the general rate when employment fell short, R-WS-14); null when not configured.</summary>
    public required decimal? DailyRate { get; init; }

    /// <summary>Advance payment (先行拨付), yuan, two decimals (R-YN-1); null when none applies or it cannot be computed.</summary>
    public required decimal? Advance { get; init; }

    /// <summary>Trainees who count for the subsidy, identity numbers masked.</summary>
    public required IReadOnlyList<EligibleTrainee> EligibleTrainees { get; init; }

    /// <summary>Every reduction, exclusion and missing setting, in the order the computation met them.</summary>
    public required IReadOnlyList<SubsidyFinding> Findings { get; init; }
}

/// <summary>A trainee who counts for the subsidy.</summary>
/// <param name="Name">Name as on the roster (an identity or mobile number typed into it is masked).</param>
/// <param name="IdNumber">Masked identity number, e.g. <c>410802********1239</c>.</param>
public sealed record EligibleTrainee(string Name, string IdNumber);

/// <summary>One reduction or problem of the computation, for the clerk.</summary>
/// <param name="Rule">Rule id, e.g. <c>R-WS-14</c>.</param>
/// <param name="Message">In Chinese, with the figures it used; identity numbers masked.</param>
public sealed record SubsidyFinding(string Rule, string Message);
