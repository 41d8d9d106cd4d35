using System.Net;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;
using static Pipeline.Host.Tests.Http.Processes;

namespace Pipeline.Host.Tests.Forms;

/// <summary>Claiming a task: one candidate holds it, others are told who (409), an administrator releases anyone's.</summary>
public sealed class ClaimHttpTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task AClaimedTask_IsRefusedToOthersNamingWhoHoldsIt_UntilReleased()
    {
        await TestAccounts.EnsureAsync(host.Services, "张三", "reviewer");
        await DeployAsync(host.Client, SingleTask("claim-review"));
        var instanceId = await StartAsync(host.Client, "claim-review", "CLAIM-1");
        var view = await PollAsync(host.Client, "CLAIM-1", v => Waits(v, "UserTask", "Review"), TimeSpan.FromSeconds(30));
        var task = $"/api/tasks/{instanceId}/{view["waiting"]![0]!["bookmarkId"]}";

        var claim = await host.Client.SendAsync(As(HttpMethod.Post, task + "/claim", "张三", "reviewer"));
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        Assert.StartsWith("张三", (await JsonAsync(claim))["assigneeName"]!.GetValue<string>(), StringComparison.Ordinal);
        var listed = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/tasks", "李四", "reviewer")))).AsArray()
            .Single(t => t!["businessKey"]!.GetValue<string>() == "CLAIM-1")!;
        Assert.StartsWith("张三", listed["assigneeName"]!.GetValue<string>(), StringComparison.Ordinal);

        foreach (var action in new[] { "/complete", "/claim", "/unclaim" })
        {
            var refused = await host.Client.SendAsync(As(HttpMethod.Post, task + action, "李四", "reviewer", ApiTests.JsonContent("""{ "outcome": "approve" }""")));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("已由 张三", (await JsonAsync(refused))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(As(HttpMethod.Post, task + "/claim", "institution-b", "institution"))).StatusCode);

        var released = await host.Client.SendAsync(As(HttpMethod.Post, task + "/unclaim", "admin", "admin"));
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Null((await JsonAsync(released))["assignee"]);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(As(HttpMethod.Post, task + "/claim", "李四", "reviewer"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(As(HttpMethod.Post, task + "/complete", "李四", "reviewer", ApiTests.JsonContent("""{ "outcome": "approve" }""")))).StatusCode);

        var history = (await JsonAsync(await host.Client.GetAsync("/api/cases/CLAIM-1")))["history"]!.AsArray();
        Assert.Equal(2, history.Count(h => h!["kind"]!.GetValue<string>() == "task-claimed"));
        var release = Assert.Single(history, h => h!["kind"]!.GetValue<string>() == "task-unclaimed")!;
        Assert.Contains("claimed by 张三（", release["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
