namespace Pipeline.Host.Data.Institutions;

/// <summary>
/// A row of <c>host_teachers</c>: a teacher in an institution's pool (师资库, YN §九): name, resident ID number (kept
/// whole for the lifetime exclusion check, shown masked everywhere), occupations taught and certificates, e.g. the
/// SIYB 创业培训讲师 certificate that entrepreneurship training needs (R-QJ-2).
/// </summary>
public sealed class TeacherRow
{
    public required string Id { get; set; }

    /// <summary>The institution's organisation id, <c>institution:{credit code}</c>.</summary>
    public required string InstitutionId { get; set; }

    public required string Name { get; set; }

    /// <summary>18-character resident identity number (GB 11643), upper-case <c>X</c>.</summary>
    public required string IdNumber { get; set; }

    /// <summary>Occupations (工种) taught, one per line.</summary>
    public string Occupations { get; set; } = "";

    /// <summary>Certificates, one per line as <c>kind\tnumber</c> (kinds in <c>TeacherCertificates</c>).</summary>
    public string Certificates { get; set; } = "";

    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>A row of <c>host_teacher_checks</c>: a teacher's annual check (年度检查, YN §九) for a year, passed or failed; a failed check clears the teacher out of the pool (清退出库).</summary>
public sealed class TeacherCheckRow
{
    public required string TeacherId { get; set; }
    public int Year { get; set; }
    public bool Passed { get; set; }
    public string? Note { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A row of <c>host_teacher_exclusions</c>: a teacher excluded from the pool (退出师资库) with the reason and the evidence
/// (an original by SHA-256); <see cref="Fraud"/> (参与弄虚作假、骗取套取培训资金) bars the person for life from every pool (YN §九).
/// </summary>
public sealed class TeacherExclusionRow
{
    public required string Id { get; set; }
    public required string TeacherId { get; set; }

    /// <summary>The excluded person's ID number, so that the lifetime bar outlives the pool entry.</summary>
    public required string IdNumber { get; set; }

    public required string Reason { get; set; }
    public bool Fraud { get; set; }
    public required string EvidenceSha256 { get; set; }
    public required string EvidenceFileName { get; set; }
    public required string DecidedBy { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}
