namespace Pipeline.Host.Data.Institutions;

/// <summary>
/// A row of <c>host_contracts</c>: a training contract (职业培训合同) between a bureau (its jurisdiction) and an
/// institution: occupations, areas with yearly quotas, term, yearly renewal (R-WS-1), order-based share (R-WS-3).
/// Whether it is current on a day is computed (<c>ContractStatus</c> in the Host); only termination is stored.
/// </summary>
public sealed class ContractRow
{
    public required string Id { get; set; }

    /// <summary>The contracting bureau's jurisdiction profile, e.g. <c>wenshui</c>.</summary>
    public required string Jurisdiction { get; set; }

    /// <summary>The institution's organisation id, <c>institution:{credit code}</c>.</summary>
    public required string InstitutionId { get; set; }

    /// <summary>The contract's own number (合同编号) as written on the paper, e.g. <c>文人社培〔2026〕3号</c>.</summary>
    public required string Number { get; set; }

    /// <summary>Occupations (工种) covered, one per line.</summary>
    public string Occupations { get; set; } = "";

    /// <summary>Areas with yearly quotas, one per line as <c>area\tquota</c> (persons a year).</summary>
    public string Areas { get; set; } = "";

    /// <summary>First and last day of the term (服务期限), inclusive, China time.</summary>
    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>Renewed every year (合同一年一订, R-WS-1): each contract year after the first needs a recorded renewal.</summary>
    public bool RenewedYearly { get; set; }

    /// <summary>Order-based (订单式) training as a percentage of the task (R-WS-3); null when the contract names none.</summary>
    public int? OrderBasedPercent { get; set; }

    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public string? TerminatedBy { get; set; }
    public DateTimeOffset? TerminatedAt { get; set; }
    public string? TerminationReason { get; set; }
}

/// <summary>A row of <c>host_contract_renewals</c>: the renewal of a contract for the contract year starting on <see cref="PeriodStartsOn"/> (R-WS-1).</summary>
public sealed class ContractRenewalRow
{
    public required string ContractId { get; set; }
    public DateOnly PeriodStartsOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A row of <c>host_institution_registrations</c>: an institution's registration (登记备案) with a bureau, at city or county level (R-QJ-1).</summary>
public sealed class RegistrationRow
{
    public required string InstitutionId { get; set; }

    /// <summary><c>city</c> (市级) or <c>county</c> (县级).</summary>
    public required string Level { get; set; }

    public DateOnly RegisteredOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A row of <c>host_institution_reviews</c>: the annual review (年审) of an institution for a year, graded and published (R-GL-13).</summary>
public sealed class AnnualReviewRow
{
    public required string InstitutionId { get; set; }
    public int Year { get; set; }

    /// <summary><c>excellent</c> (优秀), <c>pass</c> (合格) or <c>fail</c> (不合格).</summary>
    public required string Grade { get; set; }

    /// <summary>Where and when the result was published (在媒体、网络上公布), e.g. <c>2026-03-01 市人社局网站</c>.</summary>
    public required string Publication { get; set; }

    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A row of <c>host_blacklist</c>: an institution put on the blacklist (黑名单) for fraud (R-YN-12), with the decision,
/// the evidence (an original kept by SHA-256 in the original store), who decided and when; serious cases revoke the licence.
/// </summary>
public sealed class BlacklistRow
{
    public required string Id { get; set; }
    public required string InstitutionId { get; set; }
    public required string Reason { get; set; }

    /// <summary>The decision (处理决定), e.g. its document number.</summary>
    public required string Decision { get; set; }

    public required string EvidenceSha256 { get; set; }
    public required string EvidenceFileName { get; set; }
    public bool LicenceRevoked { get; set; }
    public required string DecidedBy { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}
