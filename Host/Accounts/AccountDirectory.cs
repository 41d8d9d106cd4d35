using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pipeline.Activities.Organisations;
using Pipeline.Activities.Profiles;
using Pipeline.Host.Data;
using Pipeline.Host.Data.Accounts;

namespace Pipeline.Host.Accounts;

/// <summary>
/// Organisations, users, roles and recusals: the one implementation behind <c>/api/admin/*</c> and the
/// <c>pipeline institution|user</c> verbs. Every change is written to the <see cref="SecurityLog"/>.
/// </summary>
public sealed class AccountDirectory(
    UserManager<PipelineUser> users, RoleManager<IdentityRole> roles, IDbContextFactory<HostDbContext> contexts,
    SecurityLog log, ProfileCatalog profiles, TimeProvider time)
{
    /// <summary>Registers a training institution (培训机构).</summary>
    /// <exception cref="AccountException">Invalid credit code (GB 32100), unknown jurisdiction, empty name (400); the code exists (409).</exception>
    public async Task<OrganisationView> AddInstitutionAsync(NewInstitution request, string actor, CancellationToken cancellationToken)
    {
        var code = UnifiedSocialCreditCode.Normalise(request.CreditCode, out var error) ?? throw new AccountException(error!);
        var name = (request.Name ?? "").Trim();
        if (name.Length is 0 or > 200) throw new AccountException("机构名称不能为空，且不超过200字 (the name is required, at most 200 characters)");
        var jurisdiction = KnownJurisdiction(request.Jurisdiction);
        var occupations = (request.LicensedOccupations ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Organisations.AnyAsync(o => o.CreditCode == code, cancellationToken))
            throw new AccountException($"统一社会信用代码 {code} 的机构已存在 (an institution with code {code} exists)", status: 409);
        var row = new OrganisationRow
        {
            Id = InstitutionId(code), Kind = OrganisationRow.Institution, Name = name, Jurisdiction = jurisdiction, CreditCode = code,
            LicensedOccupations = string.Join('\n', occupations), CreatedAt = time.GetUtcNow(),
        };
        db.Organisations.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(SecurityEventKinds.OrganisationCreated, name, null, actor, $"institution {code}, {jurisdiction}", null, cancellationToken);
        return View(row);
    }

    /// <summary>The bureau of a jurisdiction (one per jurisdiction), created on first use.</summary>
    /// <exception cref="AccountException">Unknown jurisdiction.</exception>
    public async Task<OrganisationView> BureauAsync(string jurisdiction, string actor, CancellationToken cancellationToken)
    {
        var name = KnownJurisdiction(jurisdiction);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = "bureau:" + name;
        if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } existing) return View(existing);
        var row = new OrganisationRow
        {
            Id = id, Kind = OrganisationRow.Bureau, Name = profiles.Get(name).DisplayName + "人力资源和社会保障局", Jurisdiction = name,
            CreatedAt = time.GetUtcNow(),
        };
        db.Organisations.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(SecurityEventKinds.OrganisationCreated, row.Name, null, actor, $"bureau {name}", null, cancellationToken);
        return View(row);
    }

    /// <summary>Creates a user with a password (Identity's hashing and password policy) in one organisation.</summary>
    /// <exception cref="AccountException">Bad roles (R-YN-10 for finance with reviewer/approver), unknown organisation, weak password, taken user name.</exception>
    public async Task<UserView> AddUserAsync(NewUser request, string actor, CancellationToken cancellationToken)
    {
        if ((request.Bureau is null) == (request.Institution is null))
            throw new AccountException("请指定 --bureau 辖区 或 --institution 机构代码 之一 (give either a bureau jurisdiction or an institution)");
        var organisation = request.Bureau is { } bureau
            ? await BureauAsync(bureau, actor, cancellationToken)
            : await FindInstitutionAsync(request.Institution!, cancellationToken);
        var granted = Roles.Validate(request.Roles, organisation.Kind);
        await EnsureRolesAsync();
        var user = new PipelineUser
        {
            UserName = (request.UserName ?? "").Trim(), DisplayName = Display(request.DisplayName, request.UserName),
            OrganisationId = organisation.Id, CreatedAt = time.GetUtcNow(), LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, request.Password ?? ""), "账户未创建 (user not created)");
        Check(await users.AddToRolesAsync(user, granted), "角色未授予 (roles not granted)");
        await log.AppendAsync(SecurityEventKinds.UserCreated, user.UserName, user.Id, actor,
            $"{organisation.Id}; roles: {string.Join(", ", granted)}", null, cancellationToken);
        return await GetAsync(user.Id, cancellationToken);
    }

    /// <summary>Replaces a user's roles.</summary>
    /// <exception cref="AccountException">Unknown user (404) or bad roles (400, R-YN-10).</exception>
    public async Task<UserView> SetRolesAsync(string userId, IReadOnlyList<string> newRoles, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId) ?? throw NoSuchUser(userId);
        var organisation = await OrganisationAsync(user.OrganisationId, cancellationToken);
        var granted = Roles.Validate(newRoles, organisation.Kind);
        await EnsureRolesAsync();
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(granted)), "角色未更改 (roles not changed)");
        Check(await users.AddToRolesAsync(user, granted.Except(current)), "角色未更改 (roles not changed)");
        // Existing cookies are re-validated against the new stamp; tokens carry the old roles until they expire.
        await users.UpdateSecurityStampAsync(user);
        await log.AppendAsync(SecurityEventKinds.RolesChanged, user.UserName!, user.Id, actor,
            $"roles: {string.Join(", ", Roles.All.Where(current.Contains))} → {string.Join(", ", granted)}", null, cancellationToken);
        return await GetAsync(user.Id, cancellationToken);
    }

    /// <summary>Replaces the institutions a bureau staff member must recuse from (R-YN-11).</summary>
    /// <exception cref="AccountException">Unknown user or institution (404); the user is not bureau staff; an unknown relation (400).</exception>
    public async Task<UserView> SetRecusalsAsync(string userId, IReadOnlyList<RecusalView> recusals, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId) ?? throw NoSuchUser(userId);
        if ((await OrganisationAsync(user.OrganisationId, cancellationToken)).Kind != OrganisationRow.Bureau)
            throw new AccountException("回避登记只适用于人社局工作人员 (recusals apply to bureau staff only)");
        string[] relations = ["spouse", "child", "child-spouse"];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = new List<RecusalRow>();
        foreach (var r in recusals.DistinctBy(r => r.InstitutionId))
        {
            if (!relations.Contains(r.Relation))
                throw new AccountException($"亲属关系应为 spouse（配偶）、child（子女）或 child-spouse（子女配偶），收到「{r.Relation}」 (relation must be spouse, child or child-spouse)");
            var institution = await FindInstitutionAsync(r.InstitutionId, cancellationToken);
            rows.Add(new RecusalRow { UserId = user.Id, InstitutionId = institution.Id, Relation = r.Relation, RecordedAt = time.GetUtcNow(), RecordedBy = actor });
        }
        var before = await db.Recusals.Where(r => r.UserId == user.Id).ToListAsync(cancellationToken);
        db.Recusals.RemoveRange(before);
        db.Recusals.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(SecurityEventKinds.RecusalsChanged, user.UserName!, user.Id, actor,
            $"{string.Join(", ", before.Select(r => r.InstitutionId))} → {string.Join(", ", rows.Select(r => $"{r.InstitutionId} ({r.Relation})"))}",
            null, cancellationToken);
        return await GetAsync(user.Id, cancellationToken);
    }

    /// <summary>Institution ids the user recuses from (R-YN-11).</summary>
    public async Task<IReadOnlySet<string>> RecusedInstitutionsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Recusals.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.InstitutionId).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<UserView> GetAsync(string userId, CancellationToken cancellationToken) =>
        (await ListUsersAsync(cancellationToken, userId)).SingleOrDefault() ?? throw NoSuchUser(userId);

    /// <summary>Every user (or one), by user name.</summary>
    public async Task<IReadOnlyList<UserView>> ListUsersAsync(CancellationToken cancellationToken, string? userId = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (userId is not null) query = query.Where(u => u.Id == userId);
        var list = await query.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var ids = list.Select(u => u.Id).ToList();
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var recusals = await db.Recusals.AsNoTracking().Where(r => ids.Contains(r.UserId)).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, cancellationToken);
        var now = time.GetUtcNow();
        return list.Select(u => new UserView(
            u.Id, u.UserName!, u.DisplayName, Roles.All.Where(r => roleRows.Any(x => x.UserId == u.Id && x.Name == r)).ToList(),
            View(organisations[u.OrganisationId]), u.CreatedAt, u.LockoutEnd > now ? u.LockoutEnd : null,
            recusals.Where(r => r.UserId == u.Id).Select(r => new RecusalView(r.InstitutionId, r.Relation)).ToList())).ToList();
    }

    /// <summary>The registered names of the organisations <paramref name="ids"/> (id → name); unknown ids are absent. One query.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OrganisationNamesAsync(IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return new Dictionary<string, string>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    /// <summary>Every organisation, bureaus first.</summary>
    public async Task<IReadOnlyList<OrganisationView>> ListOrganisationsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Organisations.AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Id).ToListAsync(cancellationToken)).Select(View).ToList();
    }

    /// <summary>An institution by its id (<c>institution:CODE</c>) or its credit code.</summary>
    /// <exception cref="AccountException">No such institution (404).</exception>
    public async Task<OrganisationView> FindInstitutionAsync(string idOrCode, CancellationToken cancellationToken)
    {
        var id = idOrCode.StartsWith("institution:", StringComparison.Ordinal) ? idOrCode : InstitutionId(idOrCode.Trim().ToUpperInvariant());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.Kind == OrganisationRow.Institution, cancellationToken)
            ?? throw new AccountException($"没有代码为 {idOrCode} 的培训机构 (no training institution {idOrCode}; add it with 'pipeline institution add')", status: 404);
        return View(row);
    }

    /// <summary>The id of an institution with credit code <paramref name="code"/>.</summary>
    public static string InstitutionId(string code) => "institution:" + code;

    private async Task<OrganisationView> OrganisationAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return View(await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == id, cancellationToken));
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                // Another node may have created it meanwhile.
                if (!result.Succeeded && !await roles.RoleExistsAsync(role)) Check(result, "角色未创建 (role not created)");
            }
    }

    private string KnownJurisdiction(string? name) =>
        name is { Length: > 0 } && profiles.Contains(name.Trim())
            ? profiles.Get(name.Trim()).Name
            : throw new AccountException($"未知辖区「{name}」(unknown jurisdiction '{name}'; known: {string.Join(", ", profiles.Names)})");

    private static string Display(string? displayName, string? userName) =>
        (displayName ?? "").Trim() is { Length: > 0 and <= 100 } d ? d : (userName ?? "").Trim();

    private static AccountException NoSuchUser(string id) => new($"没有该用户 (no user {id})", status: 404);

    private static void Check(IdentityResult result, string what)
    {
        if (result.Succeeded) return;
        var duplicate = result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName));
        throw new AccountException($"{what}: {string.Join("; ", result.Errors.Select(e => e.Description))}", status: duplicate ? 409 : 400);
    }

    internal static OrganisationView View(OrganisationRow o) => new(
        o.Id, o.Kind, o.Name, o.Jurisdiction, o.CreditCode,
        o.LicensedOccupations.Split('\n', StringSplitOptions.RemoveEmptyEntries));
}
