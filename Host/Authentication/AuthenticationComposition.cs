using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Activities.Profiles;
using Pipeline.Host.Accounts;
using Pipeline.Host.Data;
using Pipeline.Host.Data.Accounts;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Authentication;

/// <summary>
/// Accounts on ASP.NET Core Identity (EF Core stores in the Host's database), sign-in by cookie (the web app) or
/// bearer token (API clients), the authorization policies, anti-forgery for cookie-authenticated writes and rate
/// limits for sign-ins and uploads. Identity headers a client sends (the old <c>X-Pipeline-User</c>) mean nothing.
/// </summary>
public static class AuthenticationComposition
{
    /// <summary>The scheme every endpoint authenticates with: the bearer token when the request carries one, else the cookie.</summary>
    public const string Scheme = "pipeline";

    public const string SignInLimit = "sign-in";
    public const string UploadLimit = "upload";

    /// <summary>Header the web app sends its anti-forgery token in.</summary>
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    public static IServiceCollection AddPipelineAccounts(this IServiceCollection services)
    {
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContext());
        services.AddSingleton<ProfileSource>();
        // Transient: each activity and request sees the settings as they are now.
        services.AddTransient(sp => sp.GetRequiredService<ProfileSource>().Current);
        services.TryAddSingleton(TimeProvider.System);
        services.AddIdentityCore<PipelineUser>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): at least 10 characters, 4 of them different.
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HostDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PipelineClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>();
        // Keys that protect cookies and tokens live in the database, so every Host node (and a restart) accepts them.
        services.AddDataProtection().SetApplicationName("pipeline").PersistKeysToDbContext<HostDbContext>();
        services.AddSingleton<SecurityLog>();
        services.AddScoped<AccountDirectory>();
        services.AddSingleton<AccountNames>();
        services.AddScoped<PasswordCheck>();
        return services;
    }

    public static IServiceCollection AddPipelineAuthentication(this IServiceCollection services, PipelineOptions options)
    {
        services.AddPipelineAccounts();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                HasBearerToken(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "pipeline.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.SignInCookieLifetime;
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.ReturnUrlParameter = "returnUrl";
                o.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
                // API calls get 401/403; pages are redirected to the sign-in page.
                o.Events.OnRedirectToLogin = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Answer(context.HttpContext, null, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = options.AccessTokenLifetime);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        Policies.Add(services.AddAuthorizationBuilder());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "pipeline.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: "请求过于频繁，请一分钟后再试 (too many attempts; try again in a minute)").ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(UploadLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                Caller.From(context.User)?.UserId ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.UploadsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddHealthChecks();
        return services;
    }

    /// <summary>
    /// Authentication, authorization, rate limits, then anti-forgery: a write (POST, PUT, PATCH, DELETE) to the API that
    /// authenticates by the sign-in cookie, and every cookie sign-in, must carry the token of
    /// <c>GET /api/auth/antiforgery</c> in <see cref="AntiforgeryHeader"/>; bearer-token calls need none (a browser never
    /// adds them by itself).
    /// </summary>
    public static WebApplication UsePipelineAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            if (NeedsAntiforgery(context.Request)
                && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Anti-forgery token missing or invalid",
                    detail: $"请刷新页面后重试 (reload the page and try again: writes from the browser carry the {AntiforgeryHeader} header of GET /api/auth/antiforgery)")
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    private static bool NeedsAntiforgery(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        && request.Path.StartsWithSegments("/api")
        && !HasBearerToken(request)
        && (request.Cookies.ContainsKey("pipeline.auth") || request.Path.StartsWithSegments("/api/auth/login"));

    internal static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task Answer(HttpContext context, string? redirect, int status)
    {
        var api = context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi");
        if (redirect is not null && !api && HttpMethods.IsGet(context.Request.Method))
            context.Response.Redirect(redirect);
        else
            context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
