using System.Net;
using System.Text.Json.Nodes;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Http;

/// <summary>
/// Issue 3's "done when": the Host killed (SIGKILL) while a pack check runs, and started again, finishes the check and
/// the instance continues: the job is completed once, nothing is lost. A real child process on SQLite, and on
/// PostgreSQL (Hangfire's PostgreSQL storage) when configured. ~20 s each (the 7-page pack is read twice).
/// </summary>
public sealed class RestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public Task Killed_during_a_pack_check_the_Host_finishes_it_after_a_restart_on_SQLite() => KilledDuringPackCheckAsync(null);

    [PostgresFact]
    public async Task Killed_during_a_pack_check_the_Host_finishes_it_after_a_restart_on_PostgreSQL() =>
        await KilledDuringPackCheckAsync(await TestDatabases.CreateAsync());

    private static Task KilledDuringPackCheckAsync(string? postgres) => InDataFolderAsync(async data =>
    {
        const string key = "JZ-2026-0777";
        JsonNode running;
        await using (var host = await HostProcess.StartAsync(data, postgres))
        {
            var upload = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/cases/{key}/packs", "institution-a", "institution",
                Pack(Fixture("packs", "class-opening-complete.pdf"))));
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);

            // Progress comes from the job storage: wait until some pages, not all, are read, then pull the plug.
            running = await Processes.PollAsync(host.Client, key, c => JobOf(c) is { } job
                && job["state"]!.GetValue<string>() == "running"
                && job["done"]?.GetValue<int>() is > 0 and var done && done < job["total"]!.GetValue<int>(), Patience, () => host.Output);
            await host.KillAsync();
        }
        var job = JobOf(running)!;
        Assert.Equal("pages", job["unit"]!.GetValue<string>());
        Assert.Equal(7, job["total"]!.GetValue<int>());
        Assert.InRange(job["percent"]!.GetValue<int>(), 1, 99);

        await using (var host = await HostProcess.StartAsync(data, postgres))
        {
            var review = await Processes.PollAsync(host.Client, key, c => Processes.Waits(c, "UserTask", "经办人审核"), Patience, () => host.Output);
            Assert.Equal("complete", review["report"]!["verdict"]!.GetValue<string>());
            var history = review["history"]!.AsArray();
            // The pack check completed once (the rules are loaded by a job of their own first).
            Assert.Single(history, h => h!["kind"]!.GetValue<string>() == "job-completed" && h["detail"]!.ToString().Contains("pack.check"));
            Assert.DoesNotContain(history, h => h!["kind"]!.GetValue<string>().StartsWith("incident", StringComparison.Ordinal));
            Assert.Contains("recovered", host.Output, StringComparison.Ordinal);
            // The job completes the bookmark before Hangfire records the job as succeeded: the list empties a moment later.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((await JsonAsync(await host.Client.GetAsync("/api/jobs"))).AsArray().Count > 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "a finished job stayed in the scheduler");
                await Task.Delay(200);
            }
        }
    });

    [Fact]
    public Task A_timer_due_while_the_Host_is_stopped_fires_once_after_it_starts_on_SQLite() => TimerDueWhileStoppedAsync(null);

    [PostgresFact]
    public async Task A_timer_due_while_the_Host_is_stopped_fires_once_after_it_starts_on_PostgreSQL() =>
        await TimerDueWhileStoppedAsync(await TestDatabases.CreateAsync());

    private static Task TimerDueWhileStoppedAsync(string? postgres) => InDataFolderAsync(async data =>
    {
        const string key = "T-RESTART-1";
        await using (var host = await HostProcess.StartAsync(data, postgres))
        {
            await Processes.DeployAsync(host.Client, Processes.TimerThenTask("timer-restart", "PT3S"));
            await Processes.StartAsync(host.Client, "timer-restart", key);
            var view = await Processes.PollAsync(host.Client, key, v => Processes.Waits(v, "Timer", "Wait"), Patience, () => host.Output);
            var due = DateTimeOffset.Parse(view["waiting"]!.AsArray().Single()!["dueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            await host.KillAsync();
            var wait = due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
        }
        await using (var host = await HostProcess.StartAsync(data, postgres))
        {
            var after = await Processes.PollAsync(host.Client, key, v => Processes.Waits(v, "UserTask", "After"), Patience, () => host.Output);
            Assert.Equal(1, Processes.CountOf(after, "timer-fired"));
        }
    });

    /// <summary>Runs <paramref name="test"/> on a new data folder, deleted afterwards.</summary>
    private static async Task InDataFolderAsync(Func<string, Task> test)
    {
        var data = Path.Combine(Path.GetTempPath(), "pipeline-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            await test(data);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static JsonNode? JobOf(JsonNode view) =>
        view["waiting"]!.AsArray().FirstOrDefault(w => w!["kind"]!.GetValue<string>() == "Job")?["job"];
}
