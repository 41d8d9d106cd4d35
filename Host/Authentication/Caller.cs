using System.Security.Claims;
using Pipeline.Host.Accounts;
using Pipeline.Host.Data.Accounts;

namespace Pipeline.Host.Authentication;

/// <summary>
/// The verified caller of a request, read from the claims of its sign-in cookie or bearer token (never from headers
/// the client chooses). Bound as an endpoint parameter; endpoints that take it require a signed-in caller.
/// </summary>
/// <param name="UserId">Identity user id: the actor recorded in histories and compared by co-signing and segregation-of-duties rules.</param>
/// <param name="OrganisationKind"><c>bureau</c> or <c>institution</c>.</param>
/// <param name="Jurisdiction">The organisation's jurisdiction profile, e.g. <c>jiaozuo</c>.</param>
public sealed record Caller(
    string UserId, string UserName, string DisplayName, IReadOnlyList<string> Roles,
    string OrganisationId, string OrganisationKind, string Jurisdiction, string OrganisationName)
{
    public const string OrganisationNameClaim = "pipeline:organisation_name";
    public const string DisplayNameClaim = "pipeline:display_name";
    public const string OrganisationClaim = "pipeline:organisation";
    public const string OrganisationKindClaim = "pipeline:organisation_kind";
    public const string JurisdictionClaim = "pipeline:jurisdiction";

    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);

    public bool IsInstitution => OrganisationKind == OrganisationRow.Institution;

    /// <summary>The caller of <paramref name="principal"/>, or null when it is anonymous or lacks the product's claims.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var organisation = principal.FindFirstValue(OrganisationClaim);
        if (id is null || organisation is null) return null;
        return new Caller(
            id, principal.FindFirstValue(ClaimTypes.Name) ?? id, principal.FindFirstValue(DisplayNameClaim) ?? id,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().ToList(),
            organisation, principal.FindFirstValue(OrganisationKindClaim) ?? "", principal.FindFirstValue(JurisdictionClaim) ?? "",
            principal.FindFirstValue(OrganisationNameClaim) ?? organisation);
    }

    /// <summary>Minimal-API binding: the signed-in caller (endpoints taking a <see cref="Caller"/> are never anonymous).</summary>
    /// <exception cref="InvalidOperationException">The endpoint let an anonymous request through (a missing authorization policy).</exception>
    public static ValueTask<Caller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<Caller?>(From(context.User) ?? throw new InvalidOperationException(
            $"{context.Request.Path} reached a handler without a signed-in caller: its route group must require authorization"));
}
