using Microsoft.EntityFrameworkCore;
using Pipeline.Host.Data;

namespace Pipeline.Host.Accounts;

/// <summary>
/// How histories and lists name the people in them: a user id (the actor the engine records) becomes
/// "display name（organisation）"; anything else (<c>system</c>, <c>startup</c>, an id without an account) stays as it is.
/// </summary>
public sealed class AccountNames(IDbContextFactory<HostDbContext> contexts)
{
    /// <summary>One query for all of <paramref name="actors"/>; the returned function names each of them.</summary>
    public async Task<Func<string, string>> ResolveAsync(IEnumerable<string> actors, CancellationToken cancellationToken)
    {
        var ids = actors.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await (from u in db.Users join o in db.Organisations on u.OrganisationId equals o.Id
                           where ids.Contains(u.Id) select new { u.Id, u.DisplayName, o.Name })
            .ToDictionaryAsync(r => r.Id, r => $"{r.DisplayName}（{r.Name}）", cancellationToken);
        return actor => names.TryGetValue(actor, out var name) ? name : actor;
    }
}
