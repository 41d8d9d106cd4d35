using Microsoft.AspNetCore.Identity;

namespace Pipeline.Host.Data.Accounts;

/// <summary>
/// A person who signs in (用户): ASP.NET Core Identity's user (name, password hash, lockout, security stamp) plus the
/// name shown in histories and the one organisation (bureau or training institution) the person works for.
/// Table <c>host_users</c>.
/// </summary>
public sealed class PipelineUser : IdentityUser
{
    /// <summary>Name shown in case histories and task lists, e.g. 王经办.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The organisation (<see cref="OrganisationRow.Id"/>) the person belongs to.</summary>
    public string OrganisationId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
