using System.Net;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Host.Scheduling;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Auth;

/// <summary>Hangfire's dashboard at /hangfire: read-write for admins, read-only for other bureau staff, refused otherwise.</summary>
public sealed class DashboardTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Admins_may_act_in_the_dashboard_other_bureau_staff_only_look_and_institutions_are_refused()
    {
        var admin = await host.Client.SendAsync(As(HttpMethod.Get, "/hangfire/", TestSignIn.DefaultUser, "admin"));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var page = await admin.Content.ReadAsStringAsync();
        Assert.Contains("Pipeline", page);
        Assert.DoesNotContain("Data Source", page);
        var reviewer = await host.Client.SendAsync(As(HttpMethod.Get, "/hangfire/", "看板经办", "reviewer"));
        Assert.Equal(HttpStatusCode.OK, reviewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(As(HttpMethod.Get, "/hangfire/", "inst-dashboard", "institution"))).StatusCode);
        var anonymous = await host.Anonymous.GetAsync("/hangfire/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.PathAndQuery);

        // A command (delete a job), sent as the dashboard page sends it, is refused to read-only staff and done for an admin.
        Assert.Equal(HttpStatusCode.Unauthorized, await CommandAsync("看板经办", "reviewer"));
        Assert.Equal(HttpStatusCode.NoContent, await CommandAsync(TestSignIn.DefaultUser, "admin"));
    }

    /// <summary>A timer job for no bookmark, a day ahead (running it would do nothing).</summary>
    private string ScheduleHarmlessJob() =>
        host.Services.GetRequiredService<IBackgroundJobClient>().Create(
            Job.FromExpression<TimerJob>(j => j.FireAsync(Guid.Empty, Guid.Empty, "DASHBOARD", "none", CancellationToken.None)),
            new ScheduledState(TimeSpan.FromDays(1)));

    /// <summary>Opens the dashboard as a browser would (cookies, the page's anti-forgery token) and posts a delete command.</summary>
    private async Task<HttpStatusCode> CommandAsync(string user, string roles)
    {
        using var browser = new HttpClient(new CookieJar(new System.Net.CookieContainer())
        {
            InnerHandler = new TestSignIn((u, r) => TestAccounts.EnsureAsync(host.Services, u, r)) { InnerHandler = host.Server.CreateHandler() },
        }) { BaseAddress = host.Anonymous.BaseAddress };
        var page = await (await browser.SendAsync(As(HttpMethod.Get, "/hangfire/jobs/scheduled", user, roles))).Content.ReadAsStringAsync();
        string Meta(string name) => System.Text.RegularExpressions.Regex.Match(page, $"<meta name=\"{name}\" content=\"([^\"]*)\"").Groups[1].Value;
        using var command = As(HttpMethod.Post, "/hangfire/jobs/scheduled/delete", user, roles,
            new FormUrlEncodedContent([KeyValuePair.Create("jobs[]", ScheduleHarmlessJob())]));
        command.Headers.Add(Meta("csrf-header"), Meta("csrf-token"));
        return (await browser.SendAsync(command)).StatusCode;
    }
}
