using Pipeline.Host.Accounts;

namespace Pipeline.Host.Authentication;

/// <summary>
/// Authorization policies, declared once per route group. Every endpoint is signed-in only unless it says
/// <c>AllowAnonymous</c> (the fallback policy); reach within a policy (which cases) is <c>CaseAccess</c>'s job.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user (bureau staff or institution staff).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Bureau staff of any role (admin, reviewer, approver, inspector, finance).</summary>
    public const string BureauStaff = "bureau-staff";

    /// <summary>Staff of a training institution.</summary>
    public const string Institution = "institution";

    /// <summary>Administrators.</summary>
    public const string Admin = "admin";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder) => builder
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(BureauStaff, p => p.RequireAuthenticatedUser().RequireRole(Roles.Bureau))
        .AddPolicy(Institution, p => p.RequireAuthenticatedUser().RequireRole(Roles.Institution))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
        .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
}
