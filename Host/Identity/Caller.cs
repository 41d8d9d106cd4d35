namespace Pipeline.Host.Identity;

/// <summary>
/// Who calls: <c>X-Pipeline-User</c> and <c>X-Pipeline-Roles</c> (comma-separated). Interim identity until the
/// Host has real authentication; every write records <see cref="User"/> as the actor.
/// </summary>
public sealed record Caller(string? User, IReadOnlyList<string> Roles)
{
    public const string UserHeader = "X-Pipeline-User";
    public const string RolesHeader = "X-Pipeline-Roles";

    public static Caller From(HttpContext context)
    {
        var user = context.Request.Headers[UserHeader].ToString().Trim();
        var roles = context.Request.Headers[RolesHeader].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Caller(user.Length == 0 ? null : user, roles);
    }

    /// <summary>The 401 problem of a write without <c>X-Pipeline-User</c>.</summary>
    public static IResult Unauthenticated() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: "Who is calling?",
        detail: $"Writes need the {UserHeader} header (and {RolesHeader} for tasks).");
}
