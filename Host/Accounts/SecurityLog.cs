using Microsoft.EntityFrameworkCore;
using Pipeline.Activities.Rosters;
using Pipeline.Host.Data;
using Pipeline.Host.Data.Accounts;

namespace Pipeline.Host.Accounts;

/// <summary>Kinds of <see cref="SecurityEventRow"/>.</summary>
public static class SecurityEventKinds
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string TokenIssued = "token-issued";
    public const string UserCreated = "user-created";
    public const string RolesChanged = "roles-changed";
    public const string MembershipChanged = "membership-changed";
    public const string PasswordChanged = "password-changed";
    public const string RecusalsChanged = "recusals-changed";
    public const string OrganisationCreated = "organisation-created";
}

/// <summary>
/// The append-only security log (<c>host_security_events</c>): one row per sign-in, failed sign-in, lockout, role,
/// membership or recusal change (R-YN-13). Nothing here updates or deletes; the database refuses it too.
/// </summary>
public sealed class SecurityLog(IDbContextFactory<HostDbContext> contexts, TimeProvider time)
{
    /// <param name="actor">Who did it: a user id, <c>cli</c>, or the user themself for a sign-in.</param>
    public async Task AppendAsync(string kind, string userName, string? userId, string actor, string? detail, string? remoteAddress,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.SecurityEvents.Add(new SecurityEventRow
        {
            At = time.GetUtcNow(), Kind = kind, UserName = Clip(SensitiveText.Mask(userName), 256), UserId = userId, Actor = Clip(actor, 200),
            Detail = detail is null ? null : SensitiveText.Mask(detail), RemoteAddress = remoteAddress is null ? null : Clip(remoteAddress, 64),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Newest first, optionally about one user id.</summary>
    public async Task<IReadOnlyList<SecurityEventRow>> ListAsync(string? userId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.SecurityEvents.AsNoTracking();
        if (userId is not null) rows = rows.Where(r => r.UserId == userId);
        return await rows.OrderByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
