using System.Net;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;
using static Pipeline.Host.Tests.Http.Processes;

namespace Pipeline.Host.Tests.Auth;

/// <summary>Who reaches which case and task: institutions, jurisdictions, recusal (R-YN-11), finance (R-YN-10).</summary>
public sealed class TaskRulesTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task<(string InstanceId, string BookmarkId)> CaseAtReviewAsync(string key, string institution)
    {
        await DeployAsync(host.Client, SingleTask("rules-review"));
        var instanceId = await StartAsync(host.Client, "rules-review", key, institution);
        var view = await PollAsync(host.Client, key, v => Waits(v, "UserTask", "Review"), Patience);
        return (instanceId, view["waiting"]![0]!["bookmarkId"]!.GetValue<string>());
    }

    private async Task<IEnumerable<string?>> TaskKeysAsync(string user, string roles) =>
        (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/tasks", user, roles)))).AsArray().Select(t => t!["businessKey"]?.GetValue<string>());

    [Fact]
    public async Task An_institution_sees_its_own_cases_only_and_another_one_is_told_nothing_exists()
    {
        await CaseAtReviewAsync("TR-OWN", "inst-own");
        var mine = await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases/TR-OWN", "inst-own", "institution"));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var view = await JsonAsync(mine);
        // Institutions see status and decisions, not the bureau's variables or their changes.
        Assert.Empty(view["variables"]!.AsObject());
        Assert.All(view["history"]!.AsArray(), h => Assert.Null(h!["variablesAfter"]));

        var theirs = await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases/TR-OWN", "inst-other", "institution"));
        var none = await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases/NO-SUCH-CASE", "inst-other", "institution"));
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal((await JsonAsync(none))["title"]!.ToString(), (await JsonAsync(theirs))["title"]!.ToString());
        var list = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases", "inst-other", "institution")))).AsArray();
        Assert.DoesNotContain(list, c => c!["businessKey"]!.GetValue<string>() == "TR-OWN");

        // Nor can it resubmit into it.
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var upload = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/TR-OWN/packs", "inst-other", "institution", Pack(png, "x.png")));
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
    }

    [Fact]
    public async Task Comments_marked_internal_are_kept_from_the_institution()
    {
        var (instanceId, bookmarkId) = await CaseAtReviewAsync("TR-COMMENT", "inst-comment");
        var done = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instanceId}/{bookmarkId}/complete", "王经办", "reviewer",
            ApiTests.JsonContent("""{ "outcome": "reject", "comment": "与该机构负责人另行约谈", "internal": true }""")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var staff = await JsonAsync(await host.Client.GetAsync("/api/cases/TR-COMMENT"));
        var institution = await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases/TR-COMMENT", "inst-comment", "institution")));
        Assert.Contains(staff["history"]!.AsArray(), h => h!["comment"]?.GetValue<string>() == "与该机构负责人另行约谈");
        var decision = Assert.Single(institution["history"]!.AsArray(), h => h!["kind"]!.GetValue<string>() == "task-completed")!;
        Assert.Equal("reject", decision["outcome"]!.GetValue<string>());
        Assert.Null(decision["comment"]);
        Assert.DoesNotContain("另行约谈", institution.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recused_reviewer_never_sees_the_institutions_tasks_and_completing_one_is_refused_R_YN_11()
    {
        var (instanceId, bookmarkId) = await CaseAtReviewAsync("TR-RECUSE", "inst-recuse");
        await TestAccounts.EnsureAsync(host.Services, "回避经办", "reviewer");
        var users = (await JsonAsync(await host.Client.GetAsync("/api/admin/users"))).AsArray();
        var reviewerId = users.Single(u => u!["userName"]!.GetValue<string>() == TestAccounts.UserName("回避经办", "reviewer"))!["id"]!.GetValue<string>();
        var set = await host.Client.SendAsync(As(HttpMethod.Put, $"/api/admin/users/{reviewerId}/recusals", TestSignIn.DefaultUser, "admin",
            ApiTests.JsonContent($$"""{ "recusals": [ { "institutionId": "institution:{{TestAccounts.CreditCode("inst-recuse")}}", "relation": "spouse" } ] }""")));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        Assert.DoesNotContain("TR-RECUSE", await TaskKeysAsync("回避经办", "reviewer"));
        Assert.Contains("TR-RECUSE", await TaskKeysAsync("另一经办", "reviewer"));
        var refused = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instanceId}/{bookmarkId}/complete", "回避经办", "reviewer",
            ApiTests.JsonContent("""{ "outcome": "approve" }""")));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("R-YN-11", (await JsonAsync(refused))["rule"]!.GetValue<string>());

        var log = (await JsonAsync(await host.Client.GetAsync($"/api/admin/security-log?userId={reviewerId}"))).AsArray();
        Assert.Contains(log, e => e!["kind"]!.GetValue<string>() == "recusals-changed");
    }

    [Fact]
    public async Task Finance_staff_completing_a_business_task_are_refused_R_YN_10()
    {
        var (instanceId, bookmarkId) = await CaseAtReviewAsync("TR-FINANCE", "inst-finance");
        var refused = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instanceId}/{bookmarkId}/complete", "钱会计", "finance",
            ApiTests.JsonContent("""{ "outcome": "approve" }""")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("R-YN-10", (await JsonAsync(refused))["rule"]!.GetValue<string>());
        Assert.DoesNotContain("TR-FINANCE", await TaskKeysAsync("钱会计", "finance"));
    }

    [Fact]
    public async Task Finance_cannot_be_granted_with_reviewer_or_approver_R_YN_10()
    {
        var created = await host.Client.SendAsync(As(HttpMethod.Post, "/api/admin/users", TestSignIn.DefaultUser, "admin", ApiTests.JsonContent(
            """{ "userName": "two.hats", "password": "long-enough-password", "roles": ["finance", "approver"], "bureau": "jiaozuo" }""")));
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal("R-YN-10", (await JsonAsync(created))["rule"]!.GetValue<string>());
        var weak = await host.Client.SendAsync(As(HttpMethod.Post, "/api/admin/users", TestSignIn.DefaultUser, "admin", ApiTests.JsonContent(
            """{ "userName": "short.pw", "password": "123456789", "roles": ["reviewer"], "bureau": "jiaozuo" }""")));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("10", (await JsonAsync(weak))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_province_bureau_reaches_its_prefectures_cases_and_a_neighbour_does_not()
    {
        await DeployAsync(host.Client, SingleTask("rules-review"));
        await TestAccounts.EnsureAsync(host.Services, "曲靖学校", "institution", "qujing");
        await StartAsync(host.Client, "rules-review", "TR-QUJING", "曲靖学校");
        await TestAccounts.EnsureAsync(host.Services, "云南经办", "reviewer", "yunnan");
        await TestAccounts.EnsureAsync(host.Services, "桂林经办", "reviewer", "guilin");

        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases/TR-QUJING", "云南经办", "reviewer"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases/TR-QUJING", "桂林经办", "reviewer"))).StatusCode);
        // Jiaozuo's reviewers do not see Qujing's case either.
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases/TR-QUJING", "王经办", "reviewer"))).StatusCode);
        await PollAsync(host.Client, "TR-QUJING", v => Waits(v, "UserTask", "Review"), Patience);
        Assert.Contains("TR-QUJING", await TaskKeysAsync("云南经办", "reviewer"));
        Assert.DoesNotContain("TR-QUJING", await TaskKeysAsync("桂林经办", "reviewer"));
    }
}
