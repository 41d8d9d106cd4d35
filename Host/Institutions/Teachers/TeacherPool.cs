using Microsoft.EntityFrameworkCore;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rosters;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Data;
using Pipeline.Host.Data.Accounts;
using Pipeline.Host.Data.Institutions;

namespace Pipeline.Host.Institutions.Teachers;

/// <summary>A teacher as the institution enters it: name, 18-character ID number (on an update, empty keeps it), occupations, certificates.</summary>
public sealed record TeacherRequest(string? Name, string? IdNumber, IReadOnlyList<string>? Occupations, IReadOnlyList<TeacherCertificate>? Certificates);

/// <summary>
/// An institution's teacher pool (师资库, YN §九; R-QJ-2). Reach as the registry's: bureau staff the institutions of
/// their jurisdiction and those it encloses, institution staff their own, anything else "not found" (404). The
/// institution's staff (and administrators) maintain their own pool; reviewers (and administrators) record annual
/// checks and exclusions. A failed check clears the teacher out (清退出库); an exclusion for fraud bars the person (by ID
/// number) from every pool for life (R-YN-6c). Every change goes to the security log, the ID number masked.
/// </summary>
public sealed class TeacherPool(IDbContextFactory<HostDbContext> contexts, Registry registry, ProfileCatalog profiles, SecurityLog log, IOriginalStore originals, TimeProvider time)
{
    public const string TeacherAdded = "teacher-added";
    public const string TeacherUpdated = "teacher-updated";
    public const string TeacherChecked = "teacher-checked";
    public const string TeacherExcluded = "teacher-excluded";

    /// <summary>Rule of the pool's annual check and exclusion (YN §九).</summary>
    public const string PoolRule = "R-YN-6c";

    /// <summary>Largest evidence upload for an exclusion.</summary>
    public const long MaxEvidenceBytes = 20 * 1024 * 1024;

    /// <summary>The pool of an institution the caller reaches, teachers by name.</summary>
    /// <exception cref="RegistryException">No such institution or out of reach (404).</exception>
    public async Task<TeacherPoolView> PoolAsync(Caller caller, string institutionId, CancellationToken cancellationToken)
    {
        var institution = await registry.InstitutionAsync(caller, institutionId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var teachers = await db.Teachers.AsNoTracking().Where(t => t.InstitutionId == institution.Id).ToListAsync(cancellationToken);
        var ids = teachers.Select(t => t.Id).ToList();
        var checks = await db.TeacherChecks.AsNoTracking().Where(c => ids.Contains(c.TeacherId)).ToListAsync(cancellationToken);
        var exclusions = await db.TeacherExclusions.AsNoTracking().Where(x => ids.Contains(x.TeacherId)).ToListAsync(cancellationToken);
        var views = teachers.OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => TeacherView.Of(t, checks.Where(c => c.TeacherId == t.Id).ToList(), exclusions.Where(x => x.TeacherId == t.Id).ToList())).ToList();
        var required = SiybRequirement(institution.Jurisdiction);
        return new TeacherPoolView(institution.Id, institution.Name, required?.Count, required?.Rule,
            views.Count(v => v.Siyb && v.Status == TeacherView.Active), views);
    }

    /// <summary>The profile's least number of SIYB teachers for entrepreneurship training (<c>entrepreneurship.siybTeachersMin</c>, R-QJ-2), or null where it sets none.</summary>
    public (int Count, string Rule)? SiybRequirement(string jurisdiction) =>
        profiles.Contains(jurisdiction) && profiles.Get(jurisdiction).RuleNumber(ParameterKeys.SiybTeachersMin) is { } p ? ((int)p.Value, p.Rule) : null;

    /// <summary>Adds a teacher to the institution's pool.</summary>
    /// <exception cref="RegistryException">Out of reach (404); not the institution's staff (403); bad input (400); the ID number in the pool already, or barred for life (409).</exception>
    public async Task<TeacherView> AddAsync(Caller caller, string institutionId, TeacherRequest request, CancellationToken cancellationToken)
    {
        var institution = await MaintainableAsync(caller, institutionId, cancellationToken);
        var (name, idNumber, occupations, certificates) = Validate(request, required: true);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EnsureNotBarredAsync(db, idNumber!, cancellationToken);
        if (await db.Teachers.AnyAsync(t => t.InstitutionId == institution.Id && t.IdNumber == idNumber, cancellationToken))
            throw new RegistryException($"身份证号 {IdNumber.Mask(idNumber!)} 的教师已在本机构师资库中 (this teacher is in the pool already)", 409);
        var row = new TeacherRow
        {
            Id = Guid.NewGuid().ToString("N"), InstitutionId = institution.Id, Name = name, IdNumber = idNumber!, Occupations = string.Join('\n', occupations),
            Certificates = TeacherCertificates.Format(certificates), RecordedBy = caller.DisplayName, RecordedAt = time.GetUtcNow(),
        };
        db.Teachers.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(caller, TeacherAdded, $"{institution.Id} teacher {row.Id} {IdNumber.Mask(row.IdNumber)}: {Describe(certificates)}", cancellationToken);
        return TeacherView.Of(row, [], []);
    }

    /// <summary>Changes a teacher's name, occupations, certificates and (when given) ID number.</summary>
    /// <exception cref="RegistryException">As <see cref="AddAsync"/>; no such teacher (404).</exception>
    public async Task<TeacherView> UpdateAsync(Caller caller, string institutionId, string teacherId, TeacherRequest request, CancellationToken cancellationToken)
    {
        var institution = await MaintainableAsync(caller, institutionId, cancellationToken);
        var (name, idNumber, occupations, certificates) = Validate(request, required: false);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await TeacherAsync(db, institution.Id, teacherId, cancellationToken);
        if (idNumber is not null && idNumber != row.IdNumber)
        {
            await EnsureNotBarredAsync(db, idNumber, cancellationToken);
            if (await db.Teachers.AnyAsync(t => t.InstitutionId == institution.Id && t.IdNumber == idNumber, cancellationToken))
                throw new RegistryException($"身份证号 {IdNumber.Mask(idNumber)} 的教师已在本机构师资库中 (this teacher is in the pool already)", 409);
            row.IdNumber = idNumber;
        }
        row.Name = name;
        row.Occupations = string.Join('\n', occupations);
        row.Certificates = TeacherCertificates.Format(certificates);
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(caller, TeacherUpdated, $"{institution.Id} teacher {row.Id} {IdNumber.Mask(row.IdNumber)}: {Describe(certificates)}", cancellationToken);
        return await ViewAsync(db, row, cancellationToken);
    }

    /// <summary>Records a teacher's annual check for a year (once a year); a failed check clears the teacher out of the pool.</summary>
    /// <exception cref="RegistryException">Not a reviewer or administrator (403); out of reach or no such teacher (404); bad year (400); the year checked already (409).</exception>
    public async Task<TeacherView> RecordCheckAsync(Caller caller, string institutionId, string teacherId, int? year, bool? passed, string? note, CancellationToken cancellationToken)
    {
        Registry.EnsureMayRecord(caller);
        var institution = await registry.InstitutionAsync(caller, institutionId, cancellationToken);
        if (year is not (>= 2000 and <= 2100)) throw new RegistryException("检查年度应为 2000–2100 (year is 2000 to 2100)", rule: PoolRule);
        if (passed is not { } outcome) throw new RegistryException("请选择检查结果：通过或未通过 (passed is true or false)", rule: PoolRule);
        if (note is { Length: > 1000 }) throw new RegistryException("说明不超过1000字 (the note is at most 1,000 characters)");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await TeacherAsync(db, institution.Id, teacherId, cancellationToken);
        if (await db.TeacherChecks.AnyAsync(c => c.TeacherId == row.Id && c.Year == year, cancellationToken))
            throw new RegistryException($"{year}年度检查结果已登记 (the {year} check is recorded already)", 409, PoolRule);
        db.TeacherChecks.Add(new TeacherCheckRow
        {
            TeacherId = row.Id, Year = year.Value, Passed = outcome, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            RecordedBy = caller.DisplayName, RecordedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(caller, TeacherChecked, $"{institution.Id} teacher {row.Id} {IdNumber.Mask(row.IdNumber)} annual check {year}: {(outcome ? "passed" : "failed")}", cancellationToken);
        return await ViewAsync(db, row, cancellationToken);
    }

    /// <summary>Excludes a teacher from the pool with the reason and the evidence (kept by SHA-256); <paramref name="fraud"/> bars the person for life.</summary>
    /// <exception cref="RegistryException">Not a reviewer or administrator (403); out of reach or no such teacher (404); no reason or evidence (400); excluded already (409).</exception>
    public async Task<TeacherView> ExcludeAsync(Caller caller, string institutionId, string teacherId, string? reason, bool fraud, string? evidenceName, byte[]? evidence,
        CancellationToken cancellationToken)
    {
        Registry.EnsureMayRecord(caller);
        var institution = await registry.InstitutionAsync(caller, institutionId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await TeacherAsync(db, institution.Id, teacherId, cancellationToken);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000) throw new RegistryException("请填写清退原因（不超过2000字）(give the reason, at most 2,000 characters)", rule: PoolRule);
        if (evidence is not { Length: > 0 }) throw new RegistryException("请上传证据材料原件 (upload the evidence as a file field 'evidence')", rule: PoolRule);
        if (await db.TeacherExclusions.AnyAsync(x => x.TeacherId == row.Id, cancellationToken))
            throw new RegistryException("该教师已清退出库 (the teacher is excluded already)", 409, PoolRule);
        var stored = await originals.StoreAsync(evidence, cancellationToken);
        var name = Path.GetFileName(evidenceName ?? "evidence");
        db.TeacherExclusions.Add(new TeacherExclusionRow
        {
            Id = Guid.NewGuid().ToString("N"), TeacherId = row.Id, IdNumber = row.IdNumber, Reason = reason.Trim(), Fraud = fraud,
            EvidenceSha256 = stored.Sha256, EvidenceFileName = name.Length > 400 ? name[..400] : name, DecidedBy = caller.DisplayName, DecidedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(caller, TeacherExcluded, $"{institution.Id} teacher {row.Id} {IdNumber.Mask(row.IdNumber)} excluded{(fraud ? " for fraud (barred for life)" : "")}; evidence {stored.Sha256}", cancellationToken);
        return await ViewAsync(db, row, cancellationToken);
    }

    /// <summary>The evidence of a teacher's exclusion, for bureau staff who reach the institution.</summary>
    /// <exception cref="RegistryException">Institution staff (403); out of reach or no such exclusion (404).</exception>
    public async Task<TeacherExclusionRow> ExclusionAsync(Caller caller, string institutionId, string teacherId, string exclusionId, CancellationToken cancellationToken)
    {
        if (caller.IsInstitution) throw new RegistryException("证据材料仅供人社部门查阅 (the evidence is for bureau staff)", 403);
        var institution = await registry.InstitutionAsync(caller, institutionId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await TeacherAsync(db, institution.Id, teacherId, cancellationToken);
        return await db.TeacherExclusions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == exclusionId && x.TeacherId == row.Id, cancellationToken)
            ?? throw new RegistryException($"没有清退记录「{exclusionId}」(no exclusion '{exclusionId}')", 404);
    }

    private async Task<OrganisationRow> MaintainableAsync(Caller caller, string institutionId, CancellationToken cancellationToken)
    {
        var institution = await registry.InstitutionAsync(caller, institutionId, cancellationToken);
        if (caller.IsAdmin || (caller.IsInstitution && caller.OrganisationId == institution.Id)) return institution;
        throw new RegistryException("师资库由培训机构自行维护 (only the institution's staff maintain its teacher pool)", 403);
    }

    private static async Task<TeacherRow> TeacherAsync(HostDbContext db, string institutionId, string teacherId, CancellationToken cancellationToken) =>
        await db.Teachers.FirstOrDefaultAsync(t => t.Id == teacherId && t.InstitutionId == institutionId, cancellationToken)
        ?? throw new RegistryException($"没有教师「{teacherId}」(no teacher '{teacherId}')", 404);

    private static async Task<TeacherView> ViewAsync(HostDbContext db, TeacherRow row, CancellationToken cancellationToken) => TeacherView.Of(row,
        await db.TeacherChecks.AsNoTracking().Where(c => c.TeacherId == row.Id).ToListAsync(cancellationToken),
        await db.TeacherExclusions.AsNoTracking().Where(x => x.TeacherId == row.Id).ToListAsync(cancellationToken));

    private static async Task EnsureNotBarredAsync(HostDbContext db, string idNumber, CancellationToken cancellationToken)
    {
        if (await db.TeacherExclusions.AnyAsync(x => x.IdNumber == idNumber && x.Fraud, cancellationToken))
            throw new RegistryException($"身份证号 {IdNumber.Mask(idNumber)} 的人员因参与弄虚作假已被终身取消师资入库资格 (this person is barred from every teacher pool for life)", 409, PoolRule);
    }

    private (string Name, string? IdNumber, List<string> Occupations, List<TeacherCertificate> Certificates) Validate(TeacherRequest request, bool required)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) throw new RegistryException("请填写教师姓名（不超过100字）(name is required, at most 100 characters)");
        var id = request.IdNumber?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(id))
        {
            if (required) throw new RegistryException("请填写教师身份证号码 (idNumber is required)");
            id = null;
        }
        else if (IdNumber.Validate(id, Workflows.Calendar.ChinaTime.Day(time.GetUtcNow())) is var problem && problem != IdNumberProblem.None)
            throw new RegistryException($"身份证号码 {IdNumber.Mask(id)} 无效：{Chinese(problem)} (not a valid resident identity number: {problem})");
        var occupations = (request.Occupations ?? []).Select(o => (o ?? "").Trim()).Where(o => o.Length > 0).Distinct().ToList();
        if (occupations.Count > 20 || occupations.Any(o => o.Length > 100 || o.Contains('\t')))
            throw new RegistryException("授课职业（工种）最多20个，每个不超过100字 (at most 20 occupations of at most 100 characters)");
        var certificates = new List<TeacherCertificate>();
        foreach (var c in request.Certificates ?? [])
        {
            var kind = c?.Kind?.Trim() ?? "";
            var number = c?.Number?.Trim() ?? "";
            if (!TeacherCertificates.All.Contains(kind))
                throw new RegistryException($"证书类别「{kind}」无效，应为 {string.Join(" / ", TeacherCertificates.All.Select(k => $"{k}（{TeacherCertificates.Chinese(k)}）"))} (unknown certificate kind)");
            if (number.Length is 0 or > 100 || number.Contains('\t') || number.Contains('\n'))
                throw new RegistryException($"请填写{TeacherCertificates.Chinese(kind)}的证书编号（不超过100字）(a certificate needs its number, at most 100 characters)");
            certificates.Add(new TeacherCertificate(kind, number));
        }
        if (certificates.Count > 20) throw new RegistryException("证书最多20个 (at most 20 certificates)");
        return (name, id, occupations, certificates);
    }

    private static string Chinese(IdNumberProblem problem) => problem switch
    {
        IdNumberProblem.Format => "应为17位数字加1位校验码（数字或X）",
        IdNumberProblem.AreaCode => "前两位不是有效的省级行政区划代码",
        IdNumberProblem.BirthDate => "出生日期无效",
        IdNumberProblem.Checksum => "校验码不符",
        _ => problem.ToString(),
    };

    private static string Describe(IReadOnlyList<TeacherCertificate> certificates) =>
        certificates.Count == 0 ? "no certificates" : string.Join(", ", certificates.Select(c => c.Kind));

    private Task AuditAsync(Caller caller, string kind, string detail, CancellationToken cancellationToken) =>
        log.AppendAsync(kind, caller.UserName, caller.UserId, caller.UserId, detail, null, cancellationToken);
}
