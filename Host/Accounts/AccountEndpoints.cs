using Pipeline.Host.Authentication;

namespace Pipeline.Host.Accounts;

/// <summary>
/// <c>/api/admin</c>: administrators manage users (roles, recusals), training institutions and read the security log.
/// The CLI verbs <c>pipeline user|institution</c> run the same <see cref="AccountDirectory"/>.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapGet("/users", async (AccountDirectory accounts, CancellationToken ct) => TypedResults.Ok(await accounts.ListUsersAsync(ct)))
            .WithSummary("Every user with roles, organisation, lockout and recusals");
        admin.MapPost("/users", (NewUser body, Caller caller, AccountDirectory accounts, CancellationToken ct) =>
                Run(async () => TypedResults.Created("/api/admin/users", await accounts.AddUserAsync(body, caller.UserId, ct))))
            .WithSummary("Create a user { userName, password, roles, bureau | institution, displayName }: 201, 400 (R-YN-10 for finance with reviewer/approver), 409 name taken");
        admin.MapPut("/users/{userId}/roles", (string userId, RolesRequest body, Caller caller, AccountDirectory accounts, CancellationToken ct) =>
                Run(async () => TypedResults.Ok(await accounts.SetRolesAsync(userId, body.Roles ?? [], caller.UserId, ct))))
            .WithSummary("Replace a user's roles { roles }");
        admin.MapPut("/users/{userId}/recusals", (string userId, RecusalsRequest body, Caller caller, AccountDirectory accounts, CancellationToken ct) =>
                Run(async () => TypedResults.Ok(await accounts.SetRecusalsAsync(userId, body.Recusals ?? [], caller.UserId, ct))))
            .WithSummary("Replace the institutions a staff member recuses from (R-YN-11) { recusals: [{ institutionId, relation }] }");
        admin.MapGet("/roles", () => TypedResults.Ok(Roles.All.Select(r => new RoleView(r, Roles.Chinese(r))).ToList()))
            .WithSummary("The product's roles { id, name } (the designer offers them as candidate groups)");
        admin.MapGet("/organisations", async (AccountDirectory accounts, CancellationToken ct) => TypedResults.Ok(await accounts.ListOrganisationsAsync(ct)))
            .WithSummary("Bureaus and training institutions");
        admin.MapPost("/institutions", (NewInstitution body, Caller caller, AccountDirectory accounts, CancellationToken ct) =>
                Run(async () => TypedResults.Created("/api/admin/organisations", await accounts.AddInstitutionAsync(body, caller.UserId, ct))))
            .WithSummary("Register a training institution { creditCode, name, jurisdiction, licensedOccupations }: 201, 400 bad credit code (GB 32100), 409 exists");
        admin.MapGet("/security-log", async (SecurityLog log, CancellationToken ct, string? userId = null, int limit = 200) =>
                limit is < 1 or > 1000
                    ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad limit", detail: "limit is 1 to 1000")
                    : Results.Ok(await log.ListAsync(userId, limit, ct)))
            .WithSummary("The append-only security log, newest first (sign-ins, failures, lockouts, role, membership and recusal changes)");
        return app;
    }

    private static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (AccountException e)
        {
            return TypedResults.Problem(statusCode: e.Status, title: "Not changed", detail: e.Message,
                extensions: e.Rule is null ? null : new Dictionary<string, object?> { ["rule"] = e.Rule });
        }
    }
}

public sealed record RolesRequest(IReadOnlyList<string>? Roles);

public sealed record RecusalsRequest(IReadOnlyList<RecusalView>? Recusals);

/// <summary>A role: its id (a user task's candidate group) and its Chinese name.</summary>
public sealed record RoleView(string Id, string Name);
