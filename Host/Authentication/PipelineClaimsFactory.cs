using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pipeline.Host.Data;
using Pipeline.Host.Data.Accounts;

namespace Pipeline.Host.Authentication;

/// <summary>
/// Identity's principal (user id, name, roles, security stamp) plus the claims of <see cref="Caller"/>: display name,
/// organisation, its kind and jurisdiction. Used for cookies and bearer tokens alike.
/// </summary>
public sealed class PipelineClaimsFactory(
    UserManager<PipelineUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, IDbContextFactory<HostDbContext> contexts)
    : UserClaimsPrincipalFactory<PipelineUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PipelineUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await contexts.CreateDbContextAsync();
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrganisationId)
            ?? throw new InvalidOperationException($"user {user.UserName} belongs to no known organisation ({user.OrganisationId})");
        identity.AddClaim(new Claim(Caller.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(Caller.OrganisationClaim, organisation.Id));
        identity.AddClaim(new Claim(Caller.OrganisationKindClaim, organisation.Kind));
        identity.AddClaim(new Claim(Caller.OrganisationNameClaim, organisation.Name));
        identity.AddClaim(new Claim(Caller.JurisdictionClaim, organisation.Jurisdiction));
        return identity;
    }
}
