using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pipeline.Host.Accounts;
using Pipeline.Host.Data.Accounts;

namespace Pipeline.Host.Authentication;

/// <summary>
/// <c>/api/auth</c>: bearer tokens for API clients, cookie sign-in and sign-out for the web app, who is signed in, and
/// the anti-forgery token. Sign-ins are rate-limited per client address; every attempt goes to the security log.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(AuthenticationComposition.SignInLimit)
            .WithSummary("{ userName, password } → 200 { accessToken, expiresIn (seconds), tokenType }; 401 wrong credentials or locked out; send it as Authorization: Bearer …");
        auth.MapPost("/login", CookieSignInAsync).AllowAnonymous().RequireRateLimiting(AuthenticationComposition.SignInLimit)
            .WithSummary("Web app sign-in { userName, password } (with the anti-forgery header): sets the sign-in cookie; 200 the user, 401 otherwise");
        auth.MapPost("/logout", SignOutAsync).RequireAuthorization(Policies.SignedIn).WithSummary("Web app sign-out: clears the cookie (204)");
        auth.MapGet("/me", (Caller caller) => TypedResults.Ok(Me.Of(caller))).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The signed-in user: id, names, roles, organisation");
        auth.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, AuthenticationComposition.AntiforgeryHeader));
            }).AllowAnonymous()
            .WithSummary("The anti-forgery token the web app sends with every write (and the cookie it pairs with)");
        return app;
    }

    private static async Task<IResult> IssueTokenAsync(
        SignInRequest? body, HttpContext context, PasswordCheck check, SignInManager<PipelineUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, CancellationToken cancellationToken)
    {
        var (user, refusal) = await check.VerifyAsync(body, context, SecurityEventKinds.TokenIssued, cancellationToken);
        if (user is null) return refusal!;
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var properties = new AuthenticationProperties { IssuedUtc = time.GetUtcNow(), ExpiresUtc = time.GetUtcNow() + options.BearerTokenExpiration };
        var token = options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme));
        return TypedResults.Ok(new TokenIssued(token, (long)options.BearerTokenExpiration.TotalSeconds));
    }

    private static async Task<IResult> CookieSignInAsync(
        SignInRequest? body, HttpContext context, PasswordCheck check, SignInManager<PipelineUser> signIn, CancellationToken cancellationToken)
    {
        var (user, refusal) = await check.VerifyAsync(body, context, SecurityEventKinds.SignIn, cancellationToken);
        if (user is null) return refusal!;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        await context.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false });
        return TypedResults.Ok(Me.Of(Caller.From(principal)!));
    }

    private static async Task<IResult> SignOutAsync(Caller caller, HttpContext context, SecurityLog log, CancellationToken cancellationToken)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        await log.AppendAsync(SecurityEventKinds.SignOut, caller.UserName, caller.UserId, caller.UserId, null,
            context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record SignInRequest(string? UserName, string? Password);

/// <param name="ExpiresIn">Seconds the token is valid.</param>
public sealed record TokenIssued(string AccessToken, long ExpiresIn)
{
    public string TokenType => "Bearer";
}

public sealed record AntiforgeryToken(string Token, string HeaderName);

/// <summary>The signed-in user as the web app shows it.</summary>
public sealed record Me(string UserId, string UserName, string DisplayName, IReadOnlyList<string> Roles, MyOrganisation Organisation)
{
    public static Me Of(Caller c) => new(c.UserId, c.UserName, c.DisplayName, c.Roles,
        new MyOrganisation(c.OrganisationId, c.OrganisationKind, c.OrganisationName, c.Jurisdiction));
}

/// <param name="Kind"><c>bureau</c> or <c>institution</c>.</param>
public sealed record MyOrganisation(string Id, string Kind, string Name, string Jurisdiction);
