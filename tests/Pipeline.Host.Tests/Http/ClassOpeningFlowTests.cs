using System.Net;
using System.Text.Json.Nodes;
using static Pipeline.Host.Tests.Http.HostFixture;
using static Pipeline.Host.Tests.Http.Processes;

namespace Pipeline.Host.Tests.Http;

/// <summary>The class-opening flow over HTTP on the embedded SQLite database.</summary>
public sealed class ClassOpeningFlowOnSqliteTests(HostFixture host) : ClassOpeningFlow(host), IClassFixture<HostFixture>
{
    [Fact]
    public Task A_case_runs_from_upload_through_resubmission_to_sign_off() => RunAsync();
}

/// <summary>The class-opening flow over HTTP on PostgreSQL (Hangfire's PostgreSQL storage), when configured.</summary>
public sealed class ClassOpeningFlowOnPostgresTests(HostFixture.OnPostgres host) : ClassOpeningFlow(host), IClassFixture<HostFixture.OnPostgres>
{
    [PostgresFact]
    public Task A_case_runs_from_upload_through_resubmission_to_sign_off() => RunAsync();
}

/// <summary>
/// The class-opening case end to end over HTTP: an incomplete pack (OCR, ~10 s), its resubmission, review and
/// sign-off. The OCR-heavy HTTP test (CI time), run once per database.
/// </summary>
public abstract class ClassOpeningFlow(HostFixture host)
{
    private const string Key = "JZ-2026-0042";

    /// <summary>How the history names the institution's staff member: display name and organisation.</summary>
    private const string Institution = "institution-a（测试培训学校 institution-a）";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    protected async Task RunAsync()
    {
        var client = host.Client;

        // First pack: starts the case; the same bytes again are the same pack, not a second start.
        var incomplete = Fixture("packs", "class-opening-missing-vacancies.pdf");
        var first = await client.SendAsync(As(HttpMethod.Post, $"/api/cases/{Key}/packs", "institution-a", "institution", Pack(incomplete)));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var started = await JsonAsync(first);
        Assert.Equal("started", started["action"]!.GetValue<string>());
        var instanceId = started["instanceId"]!.GetValue<string>();
        var again = await client.SendAsync(As(HttpMethod.Post, $"/api/cases/{Key}/packs", "institution-a", "institution", Pack(incomplete)));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var duplicate = await JsonAsync(again);
        Assert.True(duplicate["duplicate"]!.GetValue<bool>());
        Assert.Equal(instanceId, duplicate["instanceId"]!.GetValue<string>());
        Assert.Equal(started["sha256"]!.GetValue<string>(), duplicate["sha256"]!.GetValue<string>());

        // The check finds the vacancy list missing; the case waits for a resubmission.
        var waiting = await PollAsync(c => Waits(c, "Message", "pack-resubmitted"));
        Assert.Equal(instanceId, waiting["instanceId"]!.GetValue<string>());
        Assert.Single(waiting["packs"]!.AsArray());
        Assert.Equal("incomplete", waiting["report"]!["verdict"]!.GetValue<string>());
        Assert.Contains("job-vacancy-list", waiting["report"]!["missing"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Contains(waiting["report"]!["findings"]!.AsArray(), f => f!["rule"]!.GetValue<string>() == "R-JZ-3");
        Assert.Null(waiting["variables"]!["report"]);
        Assert.Equal("incomplete", waiting["variables"]!["verdict"]!.GetValue<string>());

        // A reviewer cannot act yet: no task.
        var none = (await JsonAsync(await client.SendAsync(As(HttpMethod.Get, "/api/tasks?role=reviewer", "alice", "reviewer")))).AsArray();
        Assert.DoesNotContain(none, t => t!["businessKey"]!.GetValue<string>() == Key);

        // The complete pack resumes the case; after its check the reviewer has a task.
        var resubmit = await client.SendAsync(As(HttpMethod.Post, $"/api/cases/{Key}/packs", "institution-a", "institution",
            Pack(Fixture("packs", "class-opening-complete.pdf"))));
        Assert.Equal(HttpStatusCode.Accepted, resubmit.StatusCode);
        Assert.Equal("resubmitted", (await JsonAsync(resubmit))["action"]!.GetValue<string>());
        var review = await PollAsync(c => Waits(c, "UserTask", "经办人审核"));
        Assert.Equal("complete", review["report"]!["verdict"]!.GetValue<string>());

        var tasks = (await JsonAsync(await client.SendAsync(As(HttpMethod.Get, "/api/tasks?role=reviewer", "alice", "reviewer")))).AsArray();
        var reviewTask = Assert.Single(tasks, t => t!["businessKey"]!.GetValue<string>() == Key)!;
        Assert.Equal(instanceId, reviewTask["instanceId"]!.GetValue<string>());
        Assert.Equal("Task_Review", reviewTask["nodeId"]!.GetValue<string>());

        // Resubmitting now is refused: the case does not wait for a pack.
        var late = await client.SendAsync(As(HttpMethod.Post, $"/api/cases/{Key}/packs", "institution-a", "institution",
            Pack([.. File.ReadAllBytes(Fixture("packs", "class-opening-complete.pdf")), (byte)'\n'], "again.pdf")));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        var reviewed = await client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instanceId}/{reviewTask["bookmarkId"]}/complete", "alice", "reviewer",
            ApiTests.JsonContent("""{ "outcome": "approve", "comment": "材料齐全" }""")));
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);

        // The sign-off is the approver's: a reviewer is refused.
        var signOff = Assert.Single((await JsonAsync(await client.SendAsync(As(HttpMethod.Get, "/api/tasks?role=approver", "bob", "approver")))).AsArray(),
            t => t!["businessKey"]!.GetValue<string>() == Key)!;
        var url = $"/api/tasks/{instanceId}/{signOff["bookmarkId"]}/complete";
        var forbidden = await client.SendAsync(As(HttpMethod.Post, url, "alice", "reviewer", ApiTests.JsonContent("""{ "outcome": "approve" }""")));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        var approved = await client.SendAsync(As(HttpMethod.Post, url, "bob", "approver", ApiTests.JsonContent("""{ "outcome": "approve", "comment": "同意开班" }""")));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var gone = await client.SendAsync(As(HttpMethod.Post, url, "bob", "approver", ApiTests.JsonContent("""{ "outcome": "approve" }""")));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var done = await JsonAsync(await client.GetAsync($"/api/cases/{Key}"));
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Empty(done["waiting"]!.AsArray());
        Assert.Equal(2, done["packs"]!.AsArray().Count);
        var history = done["history"]!.AsArray();
        Assert.Contains(history, h => h!["actor"]!.GetValue<string>() == Institution && h["kind"]!.GetValue<string>() == "instance-started");
        Assert.Contains(history, h => h!["actor"]!.GetValue<string>() == Institution && h["kind"]!.GetValue<string>() == "message-correlated");
        Assert.Contains(history, h => h!["actor"]!.GetValue<string>() == "alice（焦作市人力资源和社会保障局）" && h["kind"]!.GetValue<string>() == "task-completed");
        Assert.Contains(history, h => h!["actor"]!.GetValue<string>() == "bob（焦作市人力资源和社会保障局）" && h["kind"]!.GetValue<string>() == "task-completed");
        Assert.Contains(history, h => h!["kind"]!.GetValue<string>() == "instance-completed");

        var listed = (await JsonAsync(await client.GetAsync("/api/cases?prefix=JZ-2026-00"))).AsArray();
        var line = Assert.Single(listed, c => c!["businessKey"]!.GetValue<string>() == Key)!;
        Assert.Equal(2, line["packs"]!.GetValue<int>());
        Assert.Equal(Institution, line["createdBy"]!.GetValue<string>());
        Assert.Empty((await JsonAsync(await client.GetAsync("/api/cases?prefix=NOPE-"))).AsArray());
    }

    private async Task<JsonNode> PollAsync(Func<JsonNode, bool> until)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var response = await host.Client.GetAsync($"/api/cases/{Key}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = await JsonAsync(response);
            Assert.Empty(last["incidents"]!.AsArray());
            if (until(last)) return last;
            await Task.Delay(250);
        }
        throw new TimeoutException($"case {Key} never reached the expected step; last view: {last?.ToJsonString()}");
    }
}
