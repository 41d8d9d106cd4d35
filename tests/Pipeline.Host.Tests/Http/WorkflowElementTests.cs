using System.Net;
using static Pipeline.Host.Tests.Http.HostFixture;
using static Pipeline.Host.Tests.Http.Processes;

namespace Pipeline.Host.Tests.Http;

/// <summary>Issue 4's engine features through the Host: timers on Quartz, co-signing refused with 409.</summary>
public sealed class WorkflowElementTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_timer_fires_once_through_the_scheduler_and_the_case_moves_on()
    {
        await DeployAsync(host.Client, TimerThenTask("timer-then-task", "PT1S"));
        await StartAsync(host.Client, "timer-then-task", "T-0001");

        var waiting = await PollAsync(host.Client, "T-0001", v => Waits(v, "Timer", "Wait") || Waits(v, "UserTask", "After"), Patience);
        var after = await PollAsync(host.Client, "T-0001", v => Waits(v, "UserTask", "After"), Patience);
        Assert.Equal(1, CountOf(after, "timer-fired"));
        Assert.NotNull(waiting);
    }

    [Fact]
    public async Task A_co_sign_by_the_same_person_twice_is_refused_with_409()
    {
        await DeployAsync(host.Client, CoSign("co-sign"));
        var instanceId = await StartAsync(host.Client, "co-sign", "C-0001");
        var view = await PollAsync(host.Client, "C-0001", v => v["waiting"]!.AsArray().Count == 2, Patience);
        var tasks = view["waiting"]!.AsArray().Select(w => w!["bookmarkId"]!.GetValue<string>()).ToList();

        var first = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instanceId}/{tasks[0]}/complete", "张科长", "approver",
            ApiTests.JsonContent("""{ "outcome": "approve" }""")));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instanceId}/{tasks[1]}/complete", "张科长", "approver",
            ApiTests.JsonContent("""{ "outcome": "approve" }""")));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(again);
        Assert.Equal("张科长", problem["person"]!.GetValue<string>());

        var other = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instanceId}/{tasks[1]}/complete", "李主任", "approver",
            ApiTests.JsonContent("""{ "outcome": "approve" }""")));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var done = await JsonAsync(await host.Client.GetAsync("/api/cases/C-0001"));
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
    }
}
