namespace Pipeline.Host.Data;

/// <summary>A row of <c>host_cases</c>: a case (one business key) and the process instance that runs it.</summary>
public sealed class CaseRow
{
    public required string BusinessKey { get; set; }
    public Guid InstanceId { get; set; }
    public required string ProcessId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>User id of whoever started the case.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>The training institution (<c>host_organisations.id</c>) the case belongs to; its staff alone may see and resubmit it.</summary>
    public string? InstitutionId { get; set; }

    /// <summary>Jurisdiction profile of the case (the institution's), which decides which bureau's staff see it.</summary>
    public string? Jurisdiction { get; set; }

    /// <summary>The class data the institution filed with its opening pack (开班申请表, JSON of <c>ClassApplication</c>); null for other cases.</summary>
    public string? ClassData { get; set; }

    /// <summary>培训职业（工种） of the class data (<c>occupation</c>), kept as its own indexed column for the case tracker's filter; null without class data.</summary>
    public string? Occupation { get; set; }
}

/// <summary>
/// A row of <c>host_case_packs</c>: a material pack accepted for a case, keyed by business key and SHA-256 (a second
/// upload of the same bytes is the same pack), with the answer its upload got.
/// </summary>
public sealed class CasePackRow
{
    public required string BusinessKey { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>Order of acceptance within the case (1, 2, …).</summary>
    public int Ordinal { get; set; }
    public required string FileName { get; set; }

    /// <summary>Path of the original in the original store.</summary>
    public required string Document { get; set; }

    /// <summary><c>started</c> or <c>resubmitted</c>.</summary>
    public required string Action { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
}
