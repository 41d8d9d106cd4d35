namespace Pipeline.Host.Data.Accounts;

/// <summary>
/// A row of the append-only security log <c>host_security_events</c> (R-YN-13 全程留痕): sign-ins, failed sign-ins,
/// lockouts, sign-outs, accounts created, role, membership and recusal changes. The database refuses UPDATE and DELETE
/// on this table (a trigger on both providers).
/// </summary>
public sealed class SecurityEventRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>See <c>SecurityEventKinds</c> in the Host, e.g. <c>sign-in</c>, <c>sign-in-failed</c>, <c>locked-out</c>, <c>roles-changed</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The user name the event is about (as typed, for a failed sign-in of an unknown name).</summary>
    public required string UserName { get; set; }

    /// <summary>The account's id, when there is one.</summary>
    public string? UserId { get; set; }

    /// <summary>Who did it: the signed-in administrator's user id, <c>cli</c> for the command line, or the user themself.</summary>
    public required string Actor { get; set; }

    /// <summary>What changed, e.g. <c>roles: reviewer → reviewer, approver</c>.</summary>
    public string? Detail { get; set; }

    /// <summary>Client address of the request, when it came over HTTP.</summary>
    public string? RemoteAddress { get; set; }
}
