using Pipeline.Activities.Rosters;
using Pipeline.Host.Data.Institutions;

namespace Pipeline.Host.Institutions.Teachers;

/// <summary>Certificate kinds of a teacher (<see cref="TeacherRow.Certificates"/>): <c>siyb</c> is the SIYB 创业培训讲师 certificate of R-QJ-2.</summary>
public static class TeacherCertificates
{
    public const string Siyb = "siyb";
    public const string TeacherQualification = "teacher-qualification";
    public const string VocationalQualification = "vocational-qualification";
    public const string SkillLevel = "skill-level";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Siyb, TeacherQualification, VocationalQualification, SkillLevel, Other];

    public static string Chinese(string kind) => kind switch
    {
        Siyb => "SIYB创业培训讲师",
        TeacherQualification => "教师资格证",
        VocationalQualification => "职业资格证书",
        SkillLevel => "职业技能等级证书",
        Other => "其他证书",
        _ => kind,
    };

    public static IReadOnlyList<TeacherCertificate> Parse(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('\t')).Select(p => new TeacherCertificate(p[0], p.Length > 1 ? p[1] : "")).ToList();

    public static string Format(IEnumerable<TeacherCertificate> certificates) => string.Join('\n', certificates.Select(c => $"{c.Kind}\t{c.Number}"));
}

/// <summary>A certificate: its kind (<see cref="TeacherCertificates"/>) and number as printed on it.</summary>
public sealed record TeacherCertificate(string Kind, string Number);

/// <summary>A certificate as the API gives it, with the kind's Chinese name.</summary>
public sealed record CertificateView(string Kind, string KindName, string Number);

/// <summary>An annual check (年度检查, YN §九).</summary>
public sealed record TeacherCheckView(int Year, bool Passed, string? Note, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>An exclusion with its evidence; <c>Lifetime</c> when for fraud (YN §九 终身取消师资入库资格).</summary>
public sealed record TeacherExclusionView(string Id, string Reason, bool Fraud, bool Lifetime, string EvidenceSha256, string EvidenceFileName, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>
/// A teacher as every list gives it: the ID number masked (<c>410802********1239</c>), never whole; status <c>active</c>
/// (在库) or <c>excluded</c> (已清退: a failed annual check or an exclusion), with why.
/// </summary>
public sealed record TeacherView(
    string Id, string Name, string IdNumberMasked, IReadOnlyList<string> Occupations, IReadOnlyList<CertificateView> Certificates, bool Siyb,
    string Status, string StatusName, string? ExcludedBecause, IReadOnlyList<TeacherCheckView> Checks, IReadOnlyList<TeacherExclusionView> Exclusions,
    string RecordedBy, DateTimeOffset RecordedAt, DateTimeOffset? UpdatedAt)
{
    public const string Active = "active";
    public const string Excluded = "excluded";

    public static TeacherView Of(TeacherRow t, IReadOnlyList<TeacherCheckRow> checks, IReadOnlyList<TeacherExclusionRow> exclusions)
    {
        var certificates = TeacherCertificates.Parse(t.Certificates);
        var because = TeacherStanding.ExcludedBecause(checks, exclusions, DateOnly.MaxValue);
        return new TeacherView(
            t.Id, t.Name, IdNumber.Mask(t.IdNumber), InstitutionEligibility.Lines(t.Occupations),
            certificates.Select(c => new CertificateView(c.Kind, TeacherCertificates.Chinese(c.Kind), SensitiveText.Mask(c.Number))).ToList(),
            certificates.Any(c => c.Kind == TeacherCertificates.Siyb),
            because is null ? Active : Excluded, because is null ? "在库" : "已清退", because,
            checks.OrderByDescending(c => c.Year).Select(c => new TeacherCheckView(c.Year, c.Passed, c.Note is null ? null : SensitiveText.Mask(c.Note), c.RecordedBy, c.RecordedAt)).ToList(),
            exclusions.OrderByDescending(x => x.DecidedAt).Select(x => new TeacherExclusionView(
                x.Id, SensitiveText.Mask(x.Reason), x.Fraud, x.Fraud, x.EvidenceSha256, x.EvidenceFileName, x.DecidedBy, x.DecidedAt)).ToList(),
            t.RecordedBy, t.RecordedAt, t.UpdatedAt);
    }
}

/// <summary>An institution's pool: its teachers and, where the profile asks it (R-QJ-2), how many SIYB teachers entrepreneurship training needs and how many it has in the pool.</summary>
public sealed record TeacherPoolView(
    string InstitutionId, string InstitutionName, int? SiybRequired, string? SiybRule, int SiybActive, IReadOnlyList<TeacherView> Teachers);

/// <summary>Whether a teacher is in the pool on a day (YN §九): excluded by any exclusion, or by a failed annual check (清退出库).</summary>
public static class TeacherStanding
{
    /// <summary>Why the teacher is out of the pool on <paramref name="date"/> (Chinese first), or null when in it.</summary>
    public static string? ExcludedBecause(IEnumerable<TeacherCheckRow> checks, IEnumerable<TeacherExclusionRow> exclusions, DateOnly date)
    {
        if (exclusions.Where(x => Workflows.Calendar.ChinaTime.Day(x.DecidedAt) <= date).OrderBy(x => x.DecidedAt).FirstOrDefault() is { } exclusion)
            return exclusion.Fraud
                ? $"参与弄虚作假，终身取消师资入库资格（{Workflows.Calendar.ChinaTime.Day(exclusion.DecidedAt):yyyy-MM-dd}）(fraud: barred for life)"
                : $"已清退出库（{Workflows.Calendar.ChinaTime.Day(exclusion.DecidedAt):yyyy-MM-dd}）(excluded)";
        if (checks.Where(c => !c.Passed && Workflows.Calendar.ChinaTime.Day(c.RecordedAt) <= date).OrderBy(c => c.Year).FirstOrDefault() is { } failed)
            return $"{failed.Year}年度检查未通过，清退出库 (failed the {failed.Year} annual check)";
        return null;
    }
}
