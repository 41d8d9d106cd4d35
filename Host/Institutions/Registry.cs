using Microsoft.EntityFrameworkCore;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Activities.Profiles;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Data;
using Pipeline.Host.Data.Accounts;
using Pipeline.Host.Data.Institutions;

namespace Pipeline.Host.Institutions;

/// <summary>A registry request refused: Chinese first, then English; 400 bad input, 403 wrong role, 404 out of reach, 409 state.</summary>
public sealed class RegistryException(string message, int status = 400, string? rule = null) : Exception(message)
{
    public int Status { get; } = status;
    public string? Rule { get; } = rule;
}

/// <summary>New contract (<c>POST /api/contracts</c>); dates <c>yyyy-MM-dd</c>, quotas persons a year, share percent.</summary>
public sealed record NewContract(
    string? InstitutionId, string? Number, IReadOnlyList<string>? Occupations, IReadOnlyList<ContractArea>? Areas,
    DateOnly? StartsOn, DateOnly? EndsOn, bool RenewedYearly, int? OrderBasedPercent);

/// <summary>
/// The institutions and contracts registry (issue 14): contracts with their yearly renewals and termination,
/// registration level (R-QJ-1), annual reviews (R-GL-13), the blacklist with evidence (R-YN-12). Reach as for cases:
/// administrators all; bureau staff the institutions of their jurisdiction and those it encloses; institution staff
/// their own (anything else reads as "not found"). Only reviewers and administrators record; every change goes to the
/// security log with who and when.
/// </summary>
public sealed class Registry(
    IDbContextFactory<HostDbContext> contexts, ProfileCatalog profiles, SecurityLog log, IOriginalStore originals, ContractRenewalStarter renewals, TimeProvider time)
{
    public const string ContractRecorded = "contract-recorded";
    public const string ContractRenewed = "contract-renewed";
    public const string ContractTerminated = "contract-terminated";
    public const string ContractAreasAssigned = "contract-areas-assigned";
    public const string RegistrationRecorded = "registration-recorded";
    public const string ReviewRecorded = "review-recorded";
    public const string Blacklisted = "institution-blacklisted";

    public DateOnly Today => Workflows.Calendar.ChinaTime.Day(time.GetUtcNow());

    /// <summary>Whether <paramref name="caller"/> reaches <paramref name="institution"/>.</summary>
    public bool Reaches(Caller caller, OrganisationRow institution) =>
        caller.IsAdmin || (caller.IsInstitution ? caller.OrganisationId == institution.Id : profiles.Covers(caller.Jurisdiction, institution.Jurisdiction));

    /// <summary>The institution <paramref name="institutionId"/> if the caller reaches it.</summary>
    /// <exception cref="RegistryException">No such institution, or out of reach (404).</exception>
    public async Task<OrganisationRow> InstitutionAsync(Caller caller, string institutionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == institutionId && o.Kind == OrganisationRow.Institution, cancellationToken);
        return row is not null && Reaches(caller, row) ? row
            : throw new RegistryException($"没有培训机构「{institutionId}」(no institution '{institutionId}')", 404);
    }

    /// <exception cref="RegistryException">The caller is neither reviewer nor administrator (403).</exception>
    public static void EnsureMayRecord(Caller caller)
    {
        if (!caller.IsInstitution && (caller.IsAdmin || caller.Roles.Contains(Roles.Reviewer))) return;
        throw new RegistryException("只有经办人或管理员可以登记 (only a reviewer or an administrator records contracts and standing)", 403);
    }

    /// <summary>The institutions the caller reaches with their standing, by name.</summary>
    public async Task<IReadOnlyList<StandingView>> StandingsAsync(Caller caller, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var institutions = (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationRow.Institution).ToListAsync(cancellationToken))
            .Where(o => Reaches(caller, o)).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var list = new List<StandingView>();
        foreach (var institution in institutions) list.Add(await StandingAsync(db, institution, cancellationToken));
        return list;
    }

    /// <summary>One institution's standing.</summary>
    public async Task<StandingView> StandingAsync(Caller caller, string institutionId, CancellationToken cancellationToken)
    {
        var institution = await InstitutionAsync(caller, institutionId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await StandingAsync(db, institution, cancellationToken);
    }

    private async Task<StandingView> StandingAsync(HostDbContext db, OrganisationRow institution, CancellationToken cancellationToken)
    {
        var reviews = (await db.AnnualReviews.AsNoTracking().Where(r => r.InstitutionId == institution.Id).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.Year).Select(ReviewView.Of).ToList();
        var blacklist = (await db.Blacklist.AsNoTracking().Where(b => b.InstitutionId == institution.Id).ToListAsync(cancellationToken))
            .OrderByDescending(b => b.DecidedAt).Select(BlacklistView.Of).ToList();
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.InstitutionId == institution.Id, cancellationToken);
        var contracts = await ContractsAsync(db, db.Contracts.Where(c => c.InstitutionId == institution.Id), cancellationToken);
        return new StandingView(
            institution.Id, institution.Name, institution.Jurisdiction,
            profiles.Contains(institution.Jurisdiction) ? profiles.Get(institution.Jurisdiction).DisplayName : institution.Jurisdiction,
            institution.CreditCode, InstitutionEligibility.Lines(institution.LicensedOccupations),
            registration is null ? null : RegistrationView.Of(registration), reviews, reviews.FirstOrDefault(), blacklist.Count > 0, blacklist, contracts);
    }

    /// <summary>A blacklist entry of an institution the caller reaches.</summary>
    /// <exception cref="RegistryException">No such entry, or out of reach (404).</exception>
    public async Task<BlacklistRow> BlacklistEntryAsync(Caller caller, string institutionId, string entryId, CancellationToken cancellationToken)
    {
        var institution = await InstitutionAsync(caller, institutionId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Blacklist.AsNoTracking().FirstOrDefaultAsync(b => b.Id == entryId && b.InstitutionId == institution.Id, cancellationToken)
            ?? throw new RegistryException($"没有黑名单记录「{entryId}」(no blacklist entry '{entryId}')", 404);
    }

    /// <summary>The contracts the caller reaches, newest first.</summary>
    public async Task<IReadOnlyList<ContractView>> ContractsAsync(Caller caller, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        IQueryable<ContractRow> rows = db.Contracts;
        if (caller.IsInstitution) rows = rows.Where(c => c.InstitutionId == caller.OrganisationId);
        else if (!caller.IsAdmin)
        {
            var reach = profiles.Names.Where(n => profiles.Covers(caller.Jurisdiction, n)).ToList();
            rows = rows.Where(c => reach.Contains(c.Jurisdiction));
        }
        return await ContractsAsync(db, rows, cancellationToken);
    }

    /// <summary>One contract the caller reaches.</summary>
    /// <exception cref="RegistryException">No such contract, or out of reach (404).</exception>
    public async Task<ContractView> ContractAsync(Caller caller, string contractId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await ReachableContractAsync(db, caller, contractId, cancellationToken);
        return (await ContractsAsync(db, db.Contracts.Where(c => c.Id == row.Id), cancellationToken))[0];
    }

    private async Task<ContractRow> ReachableContractAsync(HostDbContext db, Caller caller, string contractId, CancellationToken cancellationToken)
    {
        var row = await db.Contracts.FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken);
        var institution = row is null ? null : await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == row.InstitutionId, cancellationToken);
        return row is not null && Reaches(caller, institution!) ? row
            : throw new RegistryException($"没有合同「{contractId}」(no contract '{contractId}')", 404);
    }

    private async Task<IReadOnlyList<ContractView>> ContractsAsync(HostDbContext db, IQueryable<ContractRow> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenBy(c => c.Number).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var renewals = await db.ContractRenewals.AsNoTracking().Where(r => ids.Contains(r.ContractId)).ToListAsync(cancellationToken);
        var institutionIds = rows.Select(r => r.InstitutionId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => institutionIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var today = Today;
        return rows.Select(r => ContractView.Of(r, renewals.Where(x => x.ContractId == r.Id).ToList(), names.GetValueOrDefault(r.InstitutionId, r.InstitutionId), today)).ToList();
    }

    /// <summary>Records a contract of the institution's jurisdiction.</summary>
    /// <exception cref="RegistryException">Wrong role (403), institution out of reach (404), a missing or bad field (400; an occupation outside the licence, R-GL-1).</exception>
    public async Task<ContractView> RecordContractAsync(Caller caller, NewContract request, CancellationToken cancellationToken)
    {
        EnsureMayRecord(caller);
        if (string.IsNullOrWhiteSpace(request.InstitutionId)) throw new RegistryException("请选择培训机构 (institutionId is required)");
        var institution = await InstitutionAsync(caller, request.InstitutionId.Trim(), cancellationToken);
        var row = await InsertContractAsync(institution, request, caller.DisplayName, cancellationToken);
        await AuditAsync(caller, ContractRecorded, ContractDetail(row), cancellationToken);
        await renewals.StartAsync(row, caller.UserId, cancellationToken);
        return await ContractAsync(caller, row.Id, cancellationToken);
    }

    /// <summary>Records the contract a workflow awards (a tender's winner after publicity, R-QJ-4 / R-WS-1); idempotent on the
    /// jurisdiction and number: the same award again returns the contract recorded before.</summary>
    /// <returns>The contract id.</returns>
    /// <exception cref="RegistryException">No such institution, or one of another jurisdiction (404); a bad field (400).</exception>
    public async Task<string> RecordAwardAsync(ContractAward award, CancellationToken cancellationToken)
    {
        OrganisationRow? institution;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var number = award.Number.Trim();
            if (await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Jurisdiction == award.Jurisdiction && c.Number == number, cancellationToken) is { } existing)
                return existing.InstitutionId == award.InstitutionId ? existing.Id
                    : throw new RegistryException($"合同编号「{number}」已用于另一培训机构 (contract number '{number}' belongs to another institution)", 409);
            institution = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == award.InstitutionId && o.Kind == OrganisationRow.Institution, cancellationToken);
        }
        if (institution is null || !profiles.Covers(award.Jurisdiction, institution.Jurisdiction))
            throw new RegistryException($"没有培训机构「{award.InstitutionId}」(no institution '{award.InstitutionId}' in {award.Jurisdiction})", 404);
        var row = await InsertContractAsync(institution, new NewContract(
            institution.Id, award.Number, award.Occupations, award.Areas.Select(a => new ContractArea(a.Area, a.Quota)).ToList(),
            award.StartsOn, award.EndsOn, award.RenewedYearly, award.OrderBasedPercent), award.RecordedBy, cancellationToken);
        await log.AppendAsync(ContractRecorded, award.RecordedBy, null, award.RecordedBy, ContractDetail(row) + (award.Source is null ? "" : $"; from {award.Source}"), null, cancellationToken);
        await renewals.StartAsync(row, award.RecordedBy, cancellationToken);
        return row.Id;
    }

    /// <summary>Writes areas drawn by lot (R-WS-2) into the contract current on <paramref name="day"/> of each institution.</summary>
    /// <returns>The contracts updated.</returns>
    /// <exception cref="RegistryException">An institution without a current contract in the jurisdiction (409); a bad area or quota (400).</exception>
    public async Task<IReadOnlyList<string>> AssignAreasAsync(string jurisdiction, DateOnly day, IReadOnlyDictionary<string, IReadOnlyList<ContractArea>> areas,
        string recordedBy, CancellationToken cancellationToken)
    {
        var updated = new List<ContractRow>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            foreach (var (institutionId, assigned) in areas.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                var rows = await db.Contracts.Where(c => c.Jurisdiction == jurisdiction && c.InstitutionId == institutionId).ToListAsync(cancellationToken);
                var ids = rows.Select(r => r.Id).ToList();
                var renewals = await db.ContractRenewals.AsNoTracking().Where(r => ids.Contains(r.ContractId)).ToListAsync(cancellationToken);
                var row = rows.Where(r => ContractRows.StatusOn(r, renewals.Where(x => x.ContractId == r.Id).Select(x => x.PeriodStartsOn), day) == ContractTerm.Current)
                    .OrderByDescending(r => r.StartsOn).FirstOrDefault()
                    ?? throw new RegistryException($"培训机构「{institutionId}」在 {day:yyyy-MM-dd} 没有有效的培训合同，不能分配片区 (no current contract to assign areas to)", 409);
                row.Areas = ContractAreas.Format(ValidAreas(assigned));
                updated.Add(row);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var row in updated)
            await log.AppendAsync(ContractAreasAssigned, recordedBy, null, recordedBy, $"contract {row.Number} ({row.Id}) of {row.InstitutionId}: areas {row.Areas.Replace('\t', ' ').Replace('\n', ';')}", null, cancellationToken);
        return updated.Select(r => r.Id).ToList();
    }

    private async Task<ContractRow> InsertContractAsync(OrganisationRow institution, NewContract request, string recordedBy, CancellationToken cancellationToken)
    {
        var number = request.Number?.Trim() ?? "";
        if (number.Length is 0 or > 100) throw new RegistryException("请填写合同编号（不超过100字）(number is required, at most 100 characters)");
        var occupations = (request.Occupations ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
        if (occupations.Count == 0) throw new RegistryException("合同至少包含一个职业（工种）(give at least one occupation)");
        var licensed = InstitutionEligibility.Lines(institution.LicensedOccupations);
        if (occupations.FirstOrDefault(o => !licensed.Contains(o)) is { } outside)
            throw new RegistryException($"「{outside}」不在该机构办学许可的职业（工种）范围内 ('{outside}' is outside the institution's licence)", rule: "R-GL-1");
        var areas = ValidAreas(request.Areas ?? []);
        if (request.StartsOn is not { } starts || request.EndsOn is not { } ends)
            throw new RegistryException("请填写合同期限的起止日期 (startsOn and endsOn are required, yyyy-MM-dd)");
        if (ends < starts) throw new RegistryException("合同截止日期早于起始日期 (endsOn is before startsOn)");
        if (ends > starts.AddYears(10)) throw new RegistryException("合同期限不能超过十年 (a term is at most ten years)");
        if (request.OrderBasedPercent is < 0 or > 100) throw new RegistryException("订单式培训比例应为 0–100% (orderBasedPercent is 0 to 100)");

        var row = new ContractRow
        {
            Id = Guid.NewGuid().ToString("N"), Jurisdiction = institution.Jurisdiction, InstitutionId = institution.Id, Number = number,
            Occupations = string.Join('\n', occupations), Areas = ContractAreas.Format(areas), StartsOn = starts, EndsOn = ends,
            RenewedYearly = request.RenewedYearly, OrderBasedPercent = request.OrderBasedPercent, RecordedBy = recordedBy, RecordedAt = time.GetUtcNow(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Contracts.AnyAsync(c => c.Jurisdiction == row.Jurisdiction && c.Number == number, cancellationToken))
            throw new RegistryException($"合同编号「{number}」已登记 (contract number '{number}' is recorded already)", 409);
        db.Contracts.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <exception cref="RegistryException">An empty or overlong area name, a quota outside 1–100,000, an area twice (400).</exception>
    private static List<ContractArea> ValidAreas(IEnumerable<ContractArea> given)
    {
        var areas = given.Select(a => new ContractArea((a.Area ?? "").Trim(), a.Quota)).ToList();
        if (areas.FirstOrDefault(a => a.Area.Length is 0 or > 100 || a.Area.Contains('\t') || a.Area.Contains('\n')) is not null)
            throw new RegistryException("地区名称不能为空且不超过100字 (an area needs a name of at most 100 characters)");
        if (areas.FirstOrDefault(a => a.Quota is < 1 or > 100_000) is { } badQuota)
            throw new RegistryException($"「{badQuota.Area}」的年度名额应为 1–100000 人 (a yearly quota is 1 to 100,000 persons)");
        if (areas.GroupBy(a => a.Area).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new RegistryException($"地区「{twice.Key}」重复 (area '{twice.Key}' given twice)");
        return areas;
    }

    private static string ContractDetail(ContractRow row) =>
        $"contract {row.Number} ({row.Id}) with {row.InstitutionId}: {row.Occupations.Replace('\n', '、')}; {row.StartsOn:yyyy-MM-dd}–{row.EndsOn:yyyy-MM-dd}";

    /// <summary>Records the renewal of the next contract year not yet renewed (R-WS-1).</summary>
    /// <exception cref="RegistryException">Wrong role (403); out of reach (404); not renewed yearly, terminated, or every year renewed (409).</exception>
    public async Task<ContractView> RenewAsync(Caller caller, string contractId, CancellationToken cancellationToken)
    {
        EnsureMayRecord(caller);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            await ReachableContractAsync(db, caller, contractId, cancellationToken);
        var period = await RenewNextAsync(contractId, caller.DisplayName, cancellationToken);
        await AuditAsync(caller, ContractRenewed, $"contract {contractId} renewed for the year from {period:yyyy-MM-dd}", cancellationToken);
        return await ContractAsync(caller, contractId, cancellationToken);
    }

    /// <summary>Records, for a workflow (<c>contract.renew</c>), the renewal of the next contract year not yet renewed (R-WS-1).</summary>
    /// <returns>The first day of the contract year renewed.</returns>
    /// <exception cref="RegistryException">No such contract (404); not renewed yearly, terminated, or every year renewed (409).</exception>
    public async Task<DateOnly> RenewAsync(string contractId, string recordedBy, CancellationToken cancellationToken)
    {
        var period = await RenewNextAsync(contractId, recordedBy, cancellationToken);
        await log.AppendAsync(ContractRenewed, recordedBy, null, recordedBy, $"contract {contractId} renewed for the year from {period:yyyy-MM-dd}", null, cancellationToken);
        return period;
    }

    /// <summary>The first day of the next contract year still to renew; null when none is left (or the contract ended or is not renewed yearly).</summary>
    /// <exception cref="RegistryException">No such contract (404).</exception>
    public async Task<DateOnly?> NextRenewalAsync(string contractId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken)
            ?? throw new RegistryException($"没有合同「{contractId}」(no contract '{contractId}')", 404);
        if (!row.RenewedYearly || row.TerminatedAt is not null) return null;
        return await NextPeriodAsync(db, row, cancellationToken);
    }

    /// <summary>The first contract year of <paramref name="row"/> not yet renewed; null when every year is.</summary>
    private static async Task<DateOnly?> NextPeriodAsync(HostDbContext db, ContractRow row, CancellationToken cancellationToken)
    {
        var done = await db.ContractRenewals.Where(r => r.ContractId == row.Id).Select(r => r.PeriodStartsOn).ToListAsync(cancellationToken);
        var next = ContractTerm.RenewalPeriods(row.StartsOn, row.EndsOn).FirstOrDefault(p => !done.Contains(p));
        return next == default ? null : next;
    }

    private async Task<DateOnly> RenewNextAsync(string contractId, string recordedBy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Contracts.FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken)
            ?? throw new RegistryException($"没有合同「{contractId}」(no contract '{contractId}')", 404);
        if (!row.RenewedYearly) throw new RegistryException("该合同不是一年一订，无需续签 (this contract is not renewed yearly)", 409);
        if (row.TerminatedAt is not null) throw new RegistryException("合同已终止，不能续签 (the contract is terminated)", 409);
        var period = await NextPeriodAsync(db, row, cancellationToken)
            ?? throw new RegistryException("合同期内各年度均已续签 (every contract year is renewed)", 409);
        db.ContractRenewals.Add(new ContractRenewalRow { ContractId = row.Id, PeriodStartsOn = period, RecordedBy = recordedBy, RecordedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return period;
    }

    /// <summary>Terminates a contract with a reason.</summary>
    /// <exception cref="RegistryException">Wrong role (403); out of reach (404); no reason (400); terminated already (409).</exception>
    public async Task<ContractView> TerminateAsync(Caller caller, string contractId, string? reason, CancellationToken cancellationToken)
    {
        EnsureMayRecord(caller);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await ReachableContractAsync(db, caller, contractId, cancellationToken);
            if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000) throw new RegistryException("请填写终止原因（不超过1000字）(give the reason, at most 1,000 characters)");
            if (row.TerminatedAt is not null) throw new RegistryException("合同已终止 (the contract is terminated already)", 409);
            row.TerminatedAt = time.GetUtcNow();
            row.TerminatedBy = caller.DisplayName;
            row.TerminationReason = reason.Trim();
            await db.SaveChangesAsync(cancellationToken);
        }
        await AuditAsync(caller, ContractTerminated, $"contract {contractId} terminated: {reason.Trim()}", cancellationToken);
        return await ContractAsync(caller, contractId, cancellationToken);
    }

    /// <summary>Records (or replaces) an institution's registration level (R-QJ-1).</summary>
    public async Task<StandingView> RecordRegistrationAsync(Caller caller, string institutionId, string? level, DateOnly? registeredOn, CancellationToken cancellationToken)
    {
        EnsureMayRecord(caller);
        var institution = await InstitutionAsync(caller, institutionId, cancellationToken);
        if (level is not (RegistrationLevels.City or RegistrationLevels.County)) throw new RegistryException("登记级别应为 city（市级）或 county（县级）(level is city or county)");
        if (registeredOn is not { } on) throw new RegistryException("请填写登记日期 (registeredOn is required, yyyy-MM-dd)");
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.Registrations.FirstOrDefaultAsync(r => r.InstitutionId == institution.Id, cancellationToken);
            if (row is null) db.Registrations.Add(row = new RegistrationRow { InstitutionId = institution.Id, Level = level, RecordedBy = caller.DisplayName });
            row.Level = level;
            row.RegisteredOn = on;
            row.RecordedBy = caller.DisplayName;
            row.RecordedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        await AuditAsync(caller, RegistrationRecorded, $"{institution.Id} registered at {level} level on {on:yyyy-MM-dd}", cancellationToken);
        return await StandingAsync(caller, institution.Id, cancellationToken);
    }

    /// <summary>Records and publishes a year's annual review grade (R-GL-13); a year is graded once.</summary>
    public async Task<StandingView> RecordReviewAsync(Caller caller, string institutionId, int? year, string? grade, string? publication, CancellationToken cancellationToken)
    {
        EnsureMayRecord(caller);
        var institution = await InstitutionAsync(caller, institutionId, cancellationToken);
        if (year is not (>= 2000 and <= 2100)) throw new RegistryException("年审年度应为 2000–2100 (year is 2000 to 2100)");
        if (AnnualGrades.Parse(grade) is not { } parsed) throw new RegistryException("年审等次应为 优秀 / 合格 / 不合格 (grade is excellent, pass or fail)", rule: "R-GL-13");
        if (string.IsNullOrWhiteSpace(publication) || publication.Length > 400)
            throw new RegistryException("请填写公布情况（何时在何处公布，不超过400字）(give where and when the result was published, at most 400 characters)", rule: "R-GL-13");
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.AnnualReviews.AnyAsync(r => r.InstitutionId == institution.Id && r.Year == year, cancellationToken))
                throw new RegistryException($"{year}年度年审结果已登记 (the {year} review is recorded already)", 409);
            db.AnnualReviews.Add(new AnnualReviewRow
            {
                InstitutionId = institution.Id, Year = year.Value, Grade = parsed, Publication = publication.Trim(), RecordedBy = caller.DisplayName, RecordedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        await AuditAsync(caller, ReviewRecorded, $"{institution.Id} annual review {year}: {parsed}", cancellationToken);
        return await StandingAsync(caller, institution.Id, cancellationToken);
    }

    /// <summary>Blacklists an institution (R-YN-12) with the evidence kept in the original store by SHA-256.</summary>
    public async Task<StandingView> BlacklistAsync(Caller caller, string institutionId, string? reason, string? decision, bool licenceRevoked,
        string? evidenceName, byte[]? evidence, CancellationToken cancellationToken)
    {
        EnsureMayRecord(caller);
        var institution = await InstitutionAsync(caller, institutionId, cancellationToken);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000) throw new RegistryException("请填写列入黑名单的事实（不超过2000字）(give the reason, at most 2,000 characters)", rule: "R-YN-12");
        if (string.IsNullOrWhiteSpace(decision) || decision.Length > 400) throw new RegistryException("请填写处理决定（文号）(give the decision, at most 400 characters)", rule: "R-YN-12");
        if (evidence is not { Length: > 0 }) throw new RegistryException("请上传证据材料原件 (upload the evidence as a file field 'evidence')", rule: "R-YN-12");
        var stored = await originals.StoreAsync(evidence, cancellationToken);
        var name = Path.GetFileName(evidenceName ?? "evidence");
        var row = new BlacklistRow
        {
            Id = Guid.NewGuid().ToString("N"), InstitutionId = institution.Id, Reason = reason.Trim(), Decision = decision.Trim(), EvidenceSha256 = stored.Sha256,
            EvidenceFileName = name.Length > 400 ? name[..400] : name, LicenceRevoked = licenceRevoked, DecidedBy = caller.DisplayName, DecidedAt = time.GetUtcNow(),
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Blacklist.Add(row);
            await db.SaveChangesAsync(cancellationToken);
        }
        await AuditAsync(caller, Blacklisted, $"{institution.Id} blacklisted: {row.Decision}; evidence {stored.Sha256}{(licenceRevoked ? "; licence revoked" : "")}", cancellationToken);
        return await StandingAsync(caller, institution.Id, cancellationToken);
    }

    private Task AuditAsync(Caller caller, string kind, string detail, CancellationToken cancellationToken) =>
        log.AppendAsync(kind, caller.UserName, caller.UserId, caller.UserId, detail, null, cancellationToken);
}
