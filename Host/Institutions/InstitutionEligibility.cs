using Microsoft.EntityFrameworkCore;
using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Activities.Profiles;
using Pipeline.Host.Data;
using Pipeline.Host.Data.Accounts;
using Pipeline.Host.Data.Institutions;
using Pipeline.Host.Institutions.Teachers;

namespace Pipeline.Host.Institutions;

/// <summary>One reason an institution may not take subsidised training, with its rule id and the Chinese (then English) message.</summary>
public sealed record EligibilityReason(string Rule, string Message);

/// <summary>The answer: eligible, or every reason why not.</summary>
public sealed record EligibilityAnswer(string InstitutionId, string Occupation, string? Area, DateOnly Date, bool Eligible, IReadOnlyList<EligibilityReason> Reasons);

/// <summary>What the registry knows of an institution, as of now (the date filters it).</summary>
/// <param name="ContractRule">The rule requiring a current contract in its jurisdiction (profile <c>contract.required</c>), or null where none is.</param>
/// <param name="Contracts">Its contracts, every status (<see cref="ContractRows.ToContract"/>).</param>
/// <param name="CityRegistrationRule">The rule requiring city-level registration (profile <c>institutions.cityRegistration</c>, R-QJ-1), or null.</param>
public sealed record InstitutionFacts(
    string InstitutionId, string? ContractRule, string? CityRegistrationRule, IReadOnlyList<string> LicensedOccupations, RegistrationRow? Registration,
    IReadOnlyList<AnnualReviewRow> Reviews, IReadOnlyList<BlacklistRow> Blacklist, IReadOnlyList<TrainingContract> Contracts)
{
    /// <summary>The least SIYB teachers entrepreneurship training needs (profile <c>entrepreneurship.siybTeachersMin</c>, R-QJ-2), or null where none is set.</summary>
    public (int Count, string Rule)? SiybRequirement { get; init; }

    /// <summary>The institution's teacher pool (师资库) with each teacher's annual checks and exclusions.</summary>
    public IReadOnlyList<(TeacherRow Teacher, IReadOnlyList<TeacherCheckRow> Checks, IReadOnlyList<TeacherExclusionRow> Exclusions)> Teachers { get; init; } = [];

    /// <summary>Teachers with an SIYB certificate who are in the pool on <paramref name="date"/>.</summary>
    public int ActiveSiyb(DateOnly date) => Teachers.Count(t =>
        TeacherCertificates.Parse(t.Teacher.Certificates).Any(c => c.Kind == TeacherCertificates.Siyb)
        && TeacherStanding.ExcludedBecause(t.Checks, t.Exclusions, date) is null);
}

/// <summary>
/// Whether an institution may take subsidised training of an occupation in an area on a day. Reasons, each with its rule:
/// blacklisted (R-YN-12); graded 不合格 in the previous year's annual review (R-GL-13: loses the next year's eligibility);
/// not registered at city level where the jurisdiction requires it (R-QJ-1); the occupation outside its licence
/// (R-GL-1); no current contract covering the occupation and area where the jurisdiction requires one (the profile's
/// <c>contract.required</c>, the same data <c>contract.check</c> reads; whether a contract is current and covers an area is
/// <see cref="ContractTerm"/>'s answer, as for <c>contract.check</c>); for an entrepreneurship class (<c>kind</c>
/// <c>entrepreneurship</c>), fewer SIYB-certified teachers in its pool (not excluded, no failed annual check) than the
/// profile's <c>entrepreneurship.siybTeachersMin</c> (QJ 2, R-QJ-2). The gate on class cases (<c>CaseUploads.CheckEligibleAsync</c>) asks it.
/// </summary>
public sealed class InstitutionEligibility(IDbContextFactory<HostDbContext> contexts, ProfileCatalog profiles)
{
    /// <summary>The answer for the institution <paramref name="institutionId"/> (<c>institution:CODE</c>); null when there is no such institution.</summary>
    /// <param name="kind">The class's 培训类别 (<c>ClassKinds</c>: <c>entrepreneurship</c> asks for SIYB teachers); null: not known.</param>
    public async Task<EligibilityAnswer?> EvaluateAsync(string institutionId, string occupation, string? area, DateOnly date, CancellationToken cancellationToken, string? kind = null)
    {
        var facts = await FactsAsync(institutionId, cancellationToken);
        return facts is null ? null : Assess(facts, occupation, area, date, kind);
    }

    /// <summary>Loads what the registry holds on <paramref name="institutionId"/>; null when it is no institution.</summary>
    public async Task<InstitutionFacts?> FactsAsync(string institutionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == institutionId && o.Kind == OrganisationRow.Institution, cancellationToken);
        if (organisation is null) return null;
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.InstitutionId == institutionId).ToListAsync(cancellationToken);
        var ids = contracts.Select(c => c.Id).ToList();
        var renewals = await db.ContractRenewals.AsNoTracking().Where(r => ids.Contains(r.ContractId)).ToListAsync(cancellationToken);
        var profile = profiles.Contains(organisation.Jurisdiction) ? profiles.Get(organisation.Jurisdiction) : null;
        var teachers = await db.Teachers.AsNoTracking().Where(t => t.InstitutionId == institutionId).ToListAsync(cancellationToken);
        var teacherIds = teachers.Select(t => t.Id).ToList();
        var checks = await db.TeacherChecks.AsNoTracking().Where(c => teacherIds.Contains(c.TeacherId)).ToListAsync(cancellationToken);
        var exclusions = await db.TeacherExclusions.AsNoTracking().Where(x => teacherIds.Contains(x.TeacherId)).ToListAsync(cancellationToken);
        var siyb = profile?.RuleNumber(ParameterKeys.SiybTeachersMin);
        return new InstitutionFacts(
            institutionId,
            profile?.FlagRule(ParameterKeys.ContractRequired),
            profile?.FlagRule(ParameterKeys.CityRegistration),
            Lines(organisation.LicensedOccupations),
            await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.InstitutionId == institutionId, cancellationToken),
            await db.AnnualReviews.AsNoTracking().Where(r => r.InstitutionId == institutionId).ToListAsync(cancellationToken),
            await db.Blacklist.AsNoTracking().Where(b => b.InstitutionId == institutionId).ToListAsync(cancellationToken),
            contracts.Select(c => ContractRows.ToContract(c, renewals.Where(r => r.ContractId == c.Id).Select(r => r.PeriodStartsOn))).ToList())
        {
            SiybRequirement = siyb is null ? null : ((int)siyb.Value, siyb.Rule),
            Teachers = teachers.Select(t => (t, (IReadOnlyList<TeacherCheckRow>)checks.Where(c => c.TeacherId == t.Id).ToList(),
                (IReadOnlyList<TeacherExclusionRow>)exclusions.Where(x => x.TeacherId == t.Id).ToList())).ToList(),
        };
    }

    /// <summary>The answer from <paramref name="facts"/>: every reason that applies on <paramref name="date"/>, in the order above.</summary>
    public static EligibilityAnswer Assess(InstitutionFacts facts, string occupation, string? area, DateOnly date, string? kind = null)
    {
        occupation = occupation.Trim();
        area = string.IsNullOrWhiteSpace(area) ? null : area.Trim();
        var reasons = new List<EligibilityReason>();
        foreach (var entry in facts.Blacklist.Where(b => Workflows.Calendar.ChinaTime.Day(b.DecidedAt) <= date).OrderBy(b => b.DecidedAt))
            reasons.Add(new EligibilityReason("R-YN-12",
                $"已列入黑名单（{entry.Decision}，{Workflows.Calendar.ChinaTime.Day(entry.DecidedAt):yyyy-MM-dd}）{(entry.LicenceRevoked ? "，办学许可已取消" : "")}，不得承担补贴性培训 "
                + $"(blacklisted{(entry.LicenceRevoked ? ", licence revoked" : "")}: {entry.Decision})"));
        if (facts.Reviews.FirstOrDefault(r => r.Year == date.Year - 1) is { Grade: AnnualGrades.Fail } failed
            && Workflows.Calendar.ChinaTime.Day(failed.RecordedAt) <= date)
            reasons.Add(new EligibilityReason("R-GL-13",
                $"{failed.Year}年度年审不合格，取消{failed.Year + 1}年补贴性培训资格 (graded 不合格 in the {failed.Year} annual review: not eligible in {failed.Year + 1})"));
        if (facts.CityRegistrationRule is { } registrationRule
            && !(facts.Registration is { Level: RegistrationLevels.City } registration && registration.RegisteredOn <= date))
            reasons.Add(new EligibilityReason(registrationRule, "未在市级人社部门登记备案，不得承担补贴性培训 (not registered at city level)"));
        if (!facts.LicensedOccupations.Contains(occupation, StringComparer.Ordinal))
            reasons.Add(new EligibilityReason("R-GL-1",
                $"「{occupation}」不在办学许可的职业（工种）范围内（许可：{(facts.LicensedOccupations.Count == 0 ? "无" : string.Join("、", facts.LicensedOccupations))}）"
                + $" ('{occupation}' is outside the licence)"));
        if (facts.ContractRule is { } rule
            && !facts.Contracts.Any(c => ContractTerm.StatusOn(c, date, null) == ContractTerm.Current && ContractTerm.Covers(c, occupation, area)))
            reasons.Add(new EligibilityReason(rule, NoContract(facts, occupation, area, date)));
        if (kind == Pipeline.Activities.ClassOpening.ClassKinds.Entrepreneurship && facts.SiybRequirement is { } siyb && facts.ActiveSiyb(date) is var active && active < siyb.Count)
            reasons.Add(new EligibilityReason(siyb.Rule,
                $"创业培训须有至少{siyb.Count}名在库的SIYB创业培训讲师，师资库现有{active}名 (entrepreneurship training needs {siyb.Count} SIYB-certified teachers in the pool; it has {active})"));
        return new EligibilityAnswer(facts.InstitutionId, occupation, area, date, reasons.Count == 0, reasons);
    }

    private static string NoContract(InstitutionFacts facts, string occupation, string? area, DateOnly date)
    {
        var what = area is null ? $"「{occupation}」" : $"「{occupation}」（{area}）";
        var lapsed = facts.Contracts.Where(c => ContractTerm.Covers(c, occupation, area))
            .Select(c => (Number: c.Label(), Status: ContractTerm.StatusOn(c, date, null))).ToList();
        var why = lapsed.Count == 0 ? "" : "；" + string.Join("；", lapsed.Select(l => $"合同{l.Number}{ContractTerm.Chinese(l.Status)}"));
        return $"{date:yyyy-MM-dd} 无覆盖{what}的有效培训合同{why} (no current contract covers {occupation}{(area is null ? "" : " in " + area)})";
    }

    internal static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Annual review grades (R-GL-13): 优秀 / 合格 / 不合格.</summary>
public static class AnnualGrades
{
    public const string Excellent = "excellent";
    public const string Pass = "pass";
    public const string Fail = "fail";
    public static readonly IReadOnlyList<string> All = [Excellent, Pass, Fail];

    public static string Chinese(string grade) => grade switch { Excellent => "优秀", Pass => "合格", Fail => "不合格", _ => grade };

    /// <summary>A grade from its id or its Chinese name; null when it is neither.</summary>
    public static string? Parse(string? text) => text?.Trim() switch
    {
        Excellent or "优秀" => Excellent,
        Pass or "合格" => Pass,
        Fail or "不合格" => Fail,
        _ => null,
    };
}

/// <summary>Registration levels (R-QJ-1).</summary>
public static class RegistrationLevels
{
    public const string City = "city";
    public const string County = "county";
    public static string Chinese(string level) => level == City ? "市级" : level == County ? "县级" : level;
}

/// <summary>An area of a contract with its yearly quota (persons a year).</summary>
public sealed record ContractArea(string Area, int Quota);

/// <summary>The <c>area\tquota</c> lines of <see cref="ContractRow.Areas"/>.</summary>
public static class ContractAreas
{
    public static IReadOnlyList<ContractArea> Parse(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('\t')).Select(p => new ContractArea(p[0], p.Length > 1 && int.TryParse(p[1], out var q) ? q : 0)).ToList();

    public static string Format(IEnumerable<ContractArea> areas) => string.Join('\n', areas.Select(a => $"{a.Area}\t{a.Quota}"));
}
