using System.Net;
using static Pipeline.Host.Tests.Http.HostFixture;
using static Pipeline.Host.Tests.Http.Processes;

namespace Pipeline.Host.Tests.Http;

/// <summary>Issue 4's engine features through the Host: timers on Hangfire, co-signing refused with 409.</summary>
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
        // Co-signing compares the signed-in accounts, and says so by rule and by name.
        Assert.Equal("R-QJ-8", problem["rule"]!.GetValue<string>());
        Assert.Contains("张科长（焦作市人力资源和社会保障局）", problem["detail"]!.GetValue<string>());
        // The inbox shows who has signed this co-signing already, and the case's institution by name.
        var inbox = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/tasks/", "李主任", "approver")))).AsArray()
            .Single(t => t!["businessKey"]!.GetValue<string>() == "C-0001")!;
        Assert.Equal(["张科长（焦作市人力资源和社会保障局）"], inbox["coSignedBy"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(inbox["institutionName"]?.GetValue<string>()));

        var other = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instanceId}/{tasks[1]}/complete", "李主任", "approver",
            ApiTests.JsonContent("""{ "outcome": "approve" }""")));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var done = await JsonAsync(await host.Client.GetAsync("/api/cases/C-0001"));
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        var signers = done["history"]!.AsArray().Where(h => h!["kind"]!.GetValue<string>() == "task-completed").Select(h => h!["actor"]!.GetValue<string>());
        Assert.Equal(["张科长（焦作市人力资源和社会保障局）", "李主任（焦作市人力资源和社会保障局）"], signers);
    }

    [Fact]
    public async Task A_timer_start_event_starts_a_case_at_its_time()
    {
        var due = DateTimeOffset.UtcNow.AddSeconds(3);
        await DeployAsync(host.Client, TimerStart("timer-start", due));
        var second = new DateTimeOffset(due.UtcTicks - due.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var key = $"timer-start:Quarterly:{TimeZoneInfo.ConvertTime(second, TimeZoneInfo.Local):yyyy-MM-dd'T'HH:mm:sszzz}";

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/cases/{Uri.EscapeDataString(key)}")).StatusCode);
        var started = await PollAsync(host.Client, Uri.EscapeDataString(key), v => Waits(v, "UserTask", "Report"), Patience);
        Assert.Equal("timer-start", started["processId"]!.GetValue<string>());
        Assert.Empty(started["packs"]!.AsArray());
    }

    [Fact]
    public async Task A_message_starts_a_case_once_and_one_nobody_takes_is_refused()
    {
        await DeployAsync(host.Client, MessageStart("register-application", "application-received"));
        var publish = () => host.Client.SendAsync(As(HttpMethod.Post, "/api/messages", "gateway", "admin",
            ApiTests.JsonContent("""{ "name": "application-received", "correlationKey": "M-0001", "variables": { "institution": "华信职业培训学校", "contact": { "idNumber": "410802199001011239", "mobile": "13812345678" } } }""")));

        var first = await publish();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Single((await JsonAsync(first))["started"]!.AsArray());
        var view = await PollAsync(host.Client, "M-0001", v => Waits(v, "UserTask", "Register"), Patience);
        Assert.Equal("华信职业培训学校", view["variables"]!["institution"]!.GetValue<string>());
        // Identity and mobile numbers leave the API masked, in variables and in the history.
        Assert.Equal("410802********1239", view["variables"]!["contact"]!["idNumber"]!.GetValue<string>());
        Assert.Equal("138****5678", view["variables"]!["contact"]!["mobile"]!.GetValue<string>());
        Assert.DoesNotContain("410802199001011239", view.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", view.ToJsonString(), StringComparison.Ordinal);

        // The case is active: the same message starts nothing more, and nothing waits for it → refused, not kept.
        var again = await publish();
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_call_activity_shows_its_child_case_and_resumes_when_the_child_ends()
    {
        await DeployAsync(host.Client, CallsChild("class-with-inspection", "inspection"));
        var parentId = await StartAsync(host.Client, "class-with-inspection", "K-0001");
        var parent = await PollAsync(host.Client, "K-0001", v => v["children"]!.AsArray().Count == 1, Patience);
        Assert.Equal("CallActivity", parent["waiting"]!.AsArray().Single()!["kind"]!.GetValue<string>());
        var childId = parent["children"]!.AsArray().Single()!["instanceId"]!.GetValue<string>();

        var child = await JsonAsync(await host.Client.GetAsync($"/api/instances/{childId}"));
        Assert.Equal("inspection", child["processId"]!.GetValue<string>());
        Assert.Equal(parentId, child["parentInstanceId"]!.GetValue<string>());
        Assert.Equal("K-0001", child["businessKey"]!.GetValue<string>());
        var task = child["waiting"]!.AsArray().Single()!;
        var done = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{childId}/{task["bookmarkId"]}/complete", "赵检查", "inspector",
            ApiTests.JsonContent("""{ "outcome": "approve" }""")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var ended = await JsonAsync(await host.Client.GetAsync("/api/cases/K-0001"));
        Assert.Equal("Completed", ended["status"]!.GetValue<string>());
        Assert.Equal("Completed", ended["children"]!.AsArray().Single()!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/instances/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_incident_is_listed_inspected_fixed_and_retried_to_completion()
    {
        await DeployAsync(host.Client, ScoreGateway("scored", "score-received"));
        var publish = await host.Client.SendAsync(As(HttpMethod.Post, "/api/messages", "gateway", "admin",
            ApiTests.JsonContent("""{ "name": "score-received", "correlationKey": "I-0001", "variables": { "score": "high" } }""")));
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        var instanceId = (await JsonAsync(publish))["started"]![0]!.GetValue<string>();

        // "high" > 10 is a type error: the gateway's token holds an incident.
        var listed = (await JsonAsync(await host.Client.GetAsync("/api/incidents"))).AsArray();
        var incident = Assert.Single(listed, i => i!["instanceId"]!.GetValue<string>() == instanceId)!;
        Assert.Equal("Score", incident["nodeId"]!.GetValue<string>());
        Assert.Equal("I-0001", incident["businessKey"]!.GetValue<string>());
        var tokenId = incident["tokenId"]!.GetValue<string>();
        var detail = await JsonAsync(await host.Client.GetAsync($"/api/incidents/{instanceId}/{tokenId}"));
        Assert.Equal("high", detail["variables"]!["score"]!.GetValue<string>());
        Assert.Contains(detail["history"]!.AsArray(), h => h!["kind"]!.GetValue<string>() == "incident-raised");

        var fix = await host.Client.SendAsync(As(HttpMethod.Put, $"/api/instances/{instanceId}/variables", "管理员", "admin",
            ApiTests.JsonContent("""{ "score": 12 }""")));
        Assert.Equal(HttpStatusCode.OK, fix.StatusCode);
        var retry = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/incidents/{instanceId}/{tokenId}/retry", "管理员", "admin"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.DoesNotContain((await JsonAsync(await host.Client.GetAsync("/api/incidents"))).AsArray(), i => i!["instanceId"]!.GetValue<string>() == instanceId);

        var view = await JsonAsync(await host.Client.GetAsync($"/api/instances/{instanceId}"));
        var task = Assert.Single(view["waiting"]!.AsArray())!;
        Assert.Equal("High", task["name"]!.GetValue<string>());
        var done = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instanceId}/{task["bookmarkId"]}/complete", "王经办", "reviewer",
            ApiTests.JsonContent("""{ "outcome": "approve" }""")));
        Assert.Equal("Completed", (await JsonAsync(done))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/incidents/{instanceId}/{tokenId}")).StatusCode);
    }

    [Fact]
    public async Task A_running_case_moves_to_a_new_version_only_with_a_complete_mapping()
    {
        await DeployAsync(host.Client, TimerThenTask("versioned", "PT1H"));
        var instanceId = await StartAsync(host.Client, "versioned", "V-0001");
        // Version 2 renames the timer: the waiting element must be mapped.
        await DeployAsync(host.Client, TimerThenTask("versioned", "PT1H").Replace("\"Wait\"", "\"Pause\"").Replace("\"After\"", "\"Then\""));
        var url = $"/api/instances/{instanceId}/migrate";

        var versions = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/definitions/", "管理员", "admin")))).AsArray()
            .Where(v => v!["processId"]!.GetValue<string>() == "versioned").ToDictionary(v => v!["version"]!.GetValue<int>(), v => v!["running"]!.GetValue<int>());
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 0 }, versions);
        var active = Assert.Single((await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/definitions/versioned/1/instances", "管理员", "admin")))).AsArray())!;
        Assert.Equal((instanceId, "V-0001", "Wait"), (active["instanceId"]!.GetValue<string>(), active["businessKey"]!.GetValue<string>(),
            Assert.Single(active["activeElements"]!.AsArray())!.GetValue<string>()));
        Assert.Empty((await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/definitions/versioned/2/instances", "管理员", "admin")))).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/definitions/versioned/9/instances", "管理员", "admin"))).StatusCode);

        var refused = await host.Client.SendAsync(As(HttpMethod.Post, url, "管理员", "admin", ApiTests.JsonContent("""{ "targetVersion": 2 }""")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains((await JsonAsync(refused))["errors"]!.AsArray(), e => e!["elementId"]!.GetValue<string>() == "Wait"
            && e["messageZh"]!.GetValue<string>().Contains("'Wait' 未映射"));
        Assert.Equal(1, (await JsonAsync(await host.Client.GetAsync("/api/cases/V-0001")))["version"]!.GetValue<int>());
        var dryRun = await host.Client.SendAsync(As(HttpMethod.Post, url, "管理员", "admin",
            ApiTests.JsonContent("""{ "targetVersion": 2, "mapping": { "Wait": "Pause" }, "dryRun": true }""")));
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.Equal("Pause", (await JsonAsync(dryRun))["activeElements"]!["Wait"]!.GetValue<string>());
        Assert.Equal(1, (await JsonAsync(await host.Client.GetAsync("/api/cases/V-0001")))["version"]!.GetValue<int>());

        var moved = await host.Client.SendAsync(As(HttpMethod.Post, url, "管理员", "admin",
            ApiTests.JsonContent("""{ "targetVersion": 2, "mapping": { "Wait": "Pause" } }""")));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var view = await JsonAsync(await host.Client.GetAsync("/api/cases/V-0001"));
        Assert.Equal(2, view["version"]!.GetValue<int>());
        Assert.Equal("Pause", view["waiting"]!.AsArray().Single()!["nodeId"]!.GetValue<string>());
        Assert.Contains(view["history"]!.AsArray(), h => h!["kind"]!.GetValue<string>() == "instance-migrated");
    }

    [Fact]
    public async Task Timers_fire_while_pack_checks_fill_the_service_task_workers()
    {
        foreach (var (key, pack) in new[] { ("W-0001", "class-opening-complete.pdf"), ("W-0002", "class-opening-missing-vacancies.pdf") })
        {
            var upload = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/cases/{key}/packs", "institution-a", "institution", Pack(Fixture("packs", pack))));
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }
        var deadline = DateTime.UtcNow + Patience;
        while ((await JsonAsync(await host.Client.GetAsync("/api/jobs"))).AsArray().Count(j => j!["state"]!.GetValue<string>() == "running") < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the two pack checks never ran side by side");
            await Task.Delay(100);
        }

        await DeployAsync(host.Client, TimerThenTask("timer-beside-checks", "PT1S"));
        await StartAsync(host.Client, "timer-beside-checks", "W-TIMER");
        await PollAsync(host.Client, "W-TIMER", v => Waits(v, "UserTask", "After"), Patience);
        // The timer did not wait for a service-task worker: both checks are still running.
        Assert.Equal(2, (await JsonAsync(await host.Client.GetAsync("/api/jobs"))).AsArray().Count(j => j!["state"]!.GetValue<string>() == "running"));
        foreach (var key in new[] { "W-0001", "W-0002" })
            await PollAsync(host.Client, key, v => Waits(v, "UserTask", "经办人审核") || Waits(v, "Message", "pack-resubmitted"), TimeSpan.FromMinutes(3));
    }
}
