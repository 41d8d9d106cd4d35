using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Host.Accounts;
using Pipeline.Host.Data;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Auth;

/// <summary>Sign-in: tokens, cookies with anti-forgery, lockout, rate limits, header spoofing, the security log.</summary>
public sealed class SignInTests(SignInTests.ShortTokens host) : IClassFixture<SignInTests.ShortTokens>
{
    /// <summary>The Host with one-second bearer tokens.</summary>
    public sealed class ShortTokens : HostFixture
    {
        protected override Hosting.PipelineOptions Tune(Hosting.PipelineOptions options) => options with { AccessTokenLifetime = TimeSpan.FromSeconds(1) };
    }

    private async Task<HttpResponseMessage> TokenAsync(string userName, string password) =>
        await host.Anonymous.PostAsync("/api/auth/token", ApiTests.JsonContent($$"""{ "userName": "{{userName}}", "password": "{{password}}" }"""));

    private static HttpRequestMessage Bearer(HttpMethod method, string url, string token)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Fact]
    public async Task The_old_identity_headers_are_ignored_a_request_sending_only_them_is_anonymous()
    {
        foreach (var (method, url) in new[] { (HttpMethod.Get, "/api/cases"), (HttpMethod.Get, "/api/incidents"), (HttpMethod.Post, "/api/definitions") })
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Add("X-Pipeline-User", "admin");
            request.Headers.Add("X-Pipeline-Roles", "admin,reviewer,approver");
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task A_token_signs_in_until_it_expires()
    {
        await TestAccounts.EnsureAsync(host.Services, "expiry", "reviewer");
        var issued = await TokenAsync(TestAccounts.UserName("expiry", "reviewer"), TestSignIn.Password);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = await JsonAsync(issued);
        Assert.Equal(1, body["expiresIn"]!.GetValue<long>());
        var token = body["accessToken"]!.GetValue<string>();
        var me = await JsonAsync(await host.Anonymous.SendAsync(Bearer(HttpMethod.Get, "/api/auth/me", token)));
        Assert.Equal("expiry", me["displayName"]!.GetValue<string>());
        Assert.Equal("bureau:jiaozuo", me["organisation"]!["id"]!.GetValue<string>());

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.SendAsync(Bearer(HttpMethod.Get, "/api/auth/me", token))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.SendAsync(Bearer(HttpMethod.Get, "/api/auth/me", token + "x"))).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_and_the_log_records_it()
    {
        await TestAccounts.EnsureAsync(host.Services, "locked", "approver");
        var name = TestAccounts.UserName("locked", "approver");
        for (var i = 1; i <= 4; i++)
        {
            var wrong = await TokenAsync(name, "not-the-password-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Null((await JsonAsync(wrong))["lockedOut"]);
        }
        var fifth = await TokenAsync(name, "not-the-password-5");
        Assert.Equal(HttpStatusCode.Unauthorized, fifth.StatusCode);
        Assert.True((await JsonAsync(fifth))["lockedOut"]!.GetValue<bool>());
        // Locked: even the right password is refused now.
        var right = await TokenAsync(name, TestSignIn.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("15", (await JsonAsync(right))["detail"]!.GetValue<string>());

        var log = (await JsonAsync(await host.Client.GetAsync("/api/admin/security-log?limit=1000"))).AsArray()
            .Where(e => e!["userName"]!.GetValue<string>() == name).Select(e => e!["kind"]!.GetValue<string>()).ToList();
        // Four wrong passwords, the fifth that locks, then the right one refused while locked.
        Assert.Equal(5, log.Count(k => k == SecurityEventKinds.SignInFailed));
        Assert.Single(log, k => k == SecurityEventKinds.LockedOut);
        Assert.Contains(SecurityEventKinds.UserCreated, log);
        var user = (await JsonAsync(await host.Client.GetAsync("/api/admin/users"))).AsArray().Single(u => u!["userName"]!.GetValue<string>() == name)!;
        var until = user["lockedOutUntil"]!.GetValue<DateTimeOffset>();
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task The_security_log_is_append_only_in_the_database()
    {
        await TestAccounts.EnsureAsync(host.Services, "appender", "inspector");
        var contexts = host.Services.GetRequiredService<IDbContextFactory<HostDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        Assert.NotEqual(0, await db.SecurityEvents.CountAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE host_security_events SET kind = 'forged'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM host_security_events"));
        Assert.Equal(0, await db.SecurityEvents.CountAsync(e => e.Kind == "forged"));
    }

    [Fact]
    public async Task The_web_app_signs_in_with_a_cookie_and_its_writes_need_the_anti_forgery_token()
    {
        await TestAccounts.EnsureAsync(host.Services, "browser", "reviewer");
        var cookies = new System.Net.CookieContainer();
        using var browser = new HttpClient(new CookieJar(cookies) { InnerHandler = host.Server.CreateHandler() }) { BaseAddress = host.Anonymous.BaseAddress };

        // Sign-in without the anti-forgery token is refused; with it, the cookie is set.
        var bare = await browser.PostAsync("/api/auth/login", ApiTests.JsonContent($$"""{ "userName": "{{TestAccounts.UserName("browser", "reviewer")}}", "password": "{{TestSignIn.Password}}" }"""));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        var token = (await JsonAsync(await browser.GetAsync("/api/auth/antiforgery")))["token"]!.GetValue<string>();
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = ApiTests.JsonContent($$"""{ "userName": "{{TestAccounts.UserName("browser", "reviewer")}}", "password": "{{TestSignIn.Password}}" }"""),
        };
        login.Headers.Add("X-XSRF-TOKEN", token);
        var signedIn = await browser.SendAsync(login);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);

        // A write by cookie without the token (a forged cross-site form) is refused; with a fresh token it passes.
        var forged = await browser.PostAsync($"/api/tasks/{Guid.NewGuid()}/{Guid.NewGuid()}/complete", ApiTests.JsonContent("""{ "outcome": "approve" }"""));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("anti-forgery", (await JsonAsync(forged))["title"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        var fresh = (await JsonAsync(await browser.GetAsync("/api/auth/antiforgery")))["token"]!.GetValue<string>();
        using var real = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{Guid.NewGuid()}/{Guid.NewGuid()}/complete") { Content = ApiTests.JsonContent("""{ "outcome": "approve" }""") };
        real.Headers.Add("X-XSRF-TOKEN", fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.SendAsync(real)).StatusCode);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("X-XSRF-TOKEN", fresh);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(logout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);
    }
}
