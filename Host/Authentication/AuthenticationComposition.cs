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
        {
            context.Response.Redirect(redirect);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        // A page a signed-in person may not open (the designer for a reviewer): a page that says so, not a JSON problem.
        if (status == StatusCodes.Status403Forbidden && !api && HttpMethods.IsGet(context.Request.Method)
            && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(AccessDeniedPage);
        }
        return Task.CompletedTask;
    }

    private const string AccessDeniedPage = """
        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>无权访问 · Pipeline</title><style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f4f6f9;color:#1f2d3d;margin:0}
        main{max-width:36rem;margin:12vh auto;background:#fff;border-radius:10px;padding:2rem;box-shadow:0 4px 18px rgba(0,0,0,.08)}
        h1{font-size:1.4rem;margin-top:0}small{color:#6b7785}a{color:#1d5fa8}</style></head>
        <body><main><h1>无权访问 <small>Access denied</small></h1>
        <p>此页面仅限具有相应角色的人员使用（例如流程设计仅限管理员）。如需权限，请联系本单位系统管理员。</p>
        <p><small>This page is for another role (the designer is for administrators). Ask your organisation's administrator.</small></p>
        <p><a href="/">返回首页 Home</a></p></main></body></html>
        """;
}
