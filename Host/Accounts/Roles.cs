namespace Pipeline.Host.Accounts;

/// <summary>
/// The product's roles. Bureau staff hold one or more of <see cref="Bureau"/>; staff of a training institution hold
/// <see cref="Institution"/> alone. User-task candidate groups in the BPMN name these roles.
/// </summary>
public static class Roles
{
    /// <summary>管理员: designs and deploys workflows, manages users and institutions, operates jobs and incidents.</summary>
    public const string Admin = "admin";

    /// <summary>经办人: reviews packs and cases.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>科室/单位负责人: approves.</summary>
    public const string Approver = "approver";

    /// <summary>督查人员: inspects classes.</summary>
    public const string Inspector = "inspector";

    /// <summary>财务人员: financial approval of payments; never approves training business (R-YN-10).</summary>
    public const string Finance = "finance";

    /// <summary>培训机构: staff of a training institution.</summary>
    public const string Institution = "institution";

    /// <summary>Roles of bureau staff.</summary>
    public static readonly IReadOnlyList<string> Bureau = [Admin, Reviewer, Approver, Inspector, Finance];

    /// <summary>Every role.</summary>
    public static readonly IReadOnlyList<string> All = [.. Bureau, Institution];

    /// <summary>Business roles that finance staff may never hold or act in (R-YN-10: 财务人员不得参与职业技能培训业务审批).</summary>
    public static readonly IReadOnlyList<string> BusinessApproval = [Reviewer, Approver];

    /// <summary>The Chinese name of a role, for messages.</summary>
    public static string Chinese(string role) => role switch
    {
        Admin => "管理员",
        Reviewer => "经办人",
        Approver => "科室/单位负责人",
        Inspector => "督查人员",
        Finance => "财务人员",
        Institution => "培训机构",
        _ => role,
    };

    /// <summary>
    /// Checks a set of roles for a member of an organisation of <paramref name="organisationKind"/>; returns the
    /// distinct roles in canonical order.
    /// </summary>
    /// <exception cref="AccountException">Unknown role; no role; a bureau role for an institution's staff or the reverse;
    /// finance together with reviewer or approver (R-YN-10).</exception>
    public static IReadOnlyList<string> Validate(IEnumerable<string> roles, string organisationKind)
    {
        var set = roles.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).ToHashSet();
        if (set.Count == 0) throw new AccountException("至少需要一个角色 (give at least one role)");
        if (set.FirstOrDefault(r => !All.Contains(r)) is { } unknown)
            throw new AccountException($"未知角色「{unknown}」(unknown role '{unknown}'; roles: {string.Join(", ", All)})");
        if (organisationKind == Data.Accounts.OrganisationRow.Institution && !(set.Count == 1 && set.Contains(Institution)))
            throw new AccountException("培训机构人员只能持有 institution 角色 (staff of a training institution hold the role 'institution' only)");
        if (organisationKind == Data.Accounts.OrganisationRow.Bureau && set.Contains(Institution))
            throw new AccountException("人社局人员不能持有 institution 角色 (bureau staff cannot hold the role 'institution')");
        if (set.Contains(Finance) && BusinessApproval.FirstOrDefault(set.Contains) is { } business)
            throw new AccountException(
                $"财务人员不得参与职业技能培训业务审批，finance 不能与 {business} 同时授予 (R-YN-10: finance cannot be held together with {business})",
                rule: "R-YN-10");
        return All.Where(set.Contains).ToList();
    }
}

/// <summary>An account or organisation change refused, with a message a clerk understands (Chinese, then English).</summary>
public sealed class AccountException(string message, string? rule = null, int status = 400) : Exception(message)
{
    /// <summary>The rule id the refusal enforces, when it enforces one.</summary>
    public string? Rule { get; } = rule;

    /// <summary>HTTP status of the refusal: 400 bad input, 404 unknown user or organisation, 409 exists already.</summary>
    public int Status { get; } = status;
}
