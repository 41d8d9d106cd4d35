using Microsoft.EntityFrameworkCore;
using Pipeline.Workflows.EntityFramework;
using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Tests.Runtime;

namespace Pipeline.Workflows.Tests.Persistence;

/// <summary>
/// The persistence scenarios, run by <see cref="SqlitePersistenceTests"/> and (when configured)
/// <see cref="PostgresPersistenceTests"/>. Business keys are unique per run so a shared database does not interfere.
/// </summary>
public sealed class PersistenceScenarios(IDbContextFactory<WorkflowDbContext> contexts)
{
    private static readonly IReadOnlySet<string> Catalogue = new HashSet<string> { "pack.check" };
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _businessKey = "JZ-" + Guid.NewGuid().ToString("N");

    private EfInstanceStore Instances { get; } = new(contexts);

    /// <summary>A fresh engine on fresh store objects, as after a restart: nothing is shared but the database.</summary>
    private (WorkflowEngine Engine, RecordingJobs Jobs) NewEngine()
    {
        var jobs = new RecordingJobs();
        return (new WorkflowEngine(new EfDefinitionStore(contexts), new EfInstanceStore(contexts), TimeProvider.System, jobs), jobs);
    }

    private static string ClassOpeningXml => File.ReadAllText(Repository.File("tests", "fixtures", "bpmn", "class-opening-two-step.bpmn"));

    private async Task<ProcessInstance> StartAsync(WorkflowEngine engine)
    {
        await engine.DeployAsync(ClassOpeningXml, Catalogue, "admin", None);
        return await engine.StartAsync("class-opening", _businessKey, new Dictionary<string, object?>
        {
            ["document"] = "/data/originals/ab/abcd", ["profile"] = "jiaozuo", ["fileName"] = "开班材料.pdf",
        }, "institution:华信职业培训学校", None);
    }

    public async Task ClassOpeningFlow_RunsOnTheDatabase()
    {
        var (engine, jobs) = NewEngine();
        var instance = await StartAsync(engine);
        var job = Assert.Single(instance.Bookmarks);
        Assert.Equal((BookmarkKind.Job, "pack.check"), (job.Kind, job.Name));
        Assert.Same(job, Assert.Single(jobs.Dispatched));

        // Every step goes through a new engine: state comes from the database only.
        var loaded = (await Instances.GetAsync(instance.Id, None))!;
        Assert.Equal(1, loaded.Revision);
        Assert.Equal("开班材料.pdf", loaded.Variables["fileName"]);
        Assert.Equal("jiaozuo", Assert.Single(loaded.Bookmarks).Inputs["profile"]);

        instance = await NewEngine().Engine.CompleteJobAsync(instance.Id, job.Id, new Dictionary<string, object?> { ["verdict"] = "incomplete", ["missing"] = new[] { "job-vacancy-list" } }, None);
        var wait = Assert.Single((await Instances.GetAsync(instance.Id, None))!.Bookmarks);
        Assert.Equal((BookmarkKind.Message, "pack-resubmitted", _businessKey), (wait.Kind, wait.Name, wait.CorrelationKey));

        instance = (await NewEngine().Engine.CorrelateMessageAsync("pack-resubmitted", _businessKey, null, "institution:华信职业培训学校", None))!;
        Assert.NotNull(instance);
        job = Assert.Single((await Instances.GetAsync(instance.Id, None))!.Bookmarks);
        Assert.Equal(BookmarkKind.Job, job.Kind);

        instance = await NewEngine().Engine.CompleteJobAsync(instance.Id, job.Id, new Dictionary<string, object?> { ["verdict"] = "complete", ["missing"] = Array.Empty<string>() }, None);
        var review = Assert.Single((await Instances.GetAsync(instance.Id, None))!.Bookmarks);
        Assert.Equal(["reviewer"], review.CandidateGroups);

        instance = await NewEngine().Engine.CompleteUserTaskAsync(instance.Id, review.Id, "王经办", ["reviewer"], new Dictionary<string, object?> { ["outcome"] = "approve", ["comment"] = "材料齐全" }, None);
        var signOff = Assert.Single((await Instances.GetAsync(instance.Id, None))!.Bookmarks);
        Assert.Equal(["approver"], signOff.CandidateGroups);

        await NewEngine().Engine.CompleteUserTaskAsync(instance.Id, signOff.Id, "李科长", ["approver"], new Dictionary<string, object?> { ["outcome"] = "approve" }, None);
        var done = (await Instances.GetAsync(instance.Id, None))!;
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.NotNull(done.EndedAt);
        Assert.Empty(done.Tokens);
        Assert.Empty(done.Bookmarks);
        Assert.Equal(6, done.Revision);
        Assert.Equal("材料齐全", done.Variables["comment"]);
        Assert.Equal("开班材料.pdf", done.Variables["fileName"]);

        var history = await Instances.HistoryAsync(instance.Id, None);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(h => h.Sequence));
        Assert.Equal(done.HistorySequence, history.Count);
        Assert.Contains(history, h => h is { Kind: HistoryKinds.TaskCompleted, Actor: "王经办", NodeId: "Task_Review" } && h.VariablesAfter!.Contains("材料齐全"));
        Assert.Contains(history, h => h is { Kind: HistoryKinds.FlowTaken, Detail: "Flow_SignOffApprove → End_Approved" });
        Assert.Equal(HistoryKinds.InstanceCompleted, history[^1].Kind);
    }

    public async Task ChangedDefinition_IsANewVersion_RunningInstanceKeepsItsVersion()
    {
        var (engine, _) = NewEngine();
        var running = await StartAsync(engine);
        var v1 = running.Version;

        // Same XML again: same version.
        Assert.Equal(v1, Assert.Single(await engine.DeployAsync(ClassOpeningXml, Catalogue, "admin", None)).Version);

        var changed = ClassOpeningXml.Replace("</bpmn:definitions>", $"<!-- {Guid.NewGuid()} --></bpmn:definitions>", StringComparison.Ordinal);
        Assert.NotEqual(ClassOpeningXml, changed);
        var deployed = Assert.Single(await NewEngine().Engine.DeployAsync(changed, Catalogue, "admin", None));
        Assert.Equal(v1 + 1, deployed.Version);

        var definitions = new EfDefinitionStore(contexts);
        var latest = (await definitions.LatestAsync("class-opening", None))!;
        Assert.Equal((v1 + 1, deployed.Sha256), (latest.Version, latest.Sha256));
        Assert.Equal("class-opening", latest.Model.Id);
        Assert.Contains(await definitions.ListAsync(None), p => p.ProcessId == "class-opening" && p.Version == v1);

        var reloaded = (await Instances.GetAsync(running.Id, None))!;
        Assert.Equal(v1, reloaded.Version);
        // The old version still runs after a "restart".
        var after = await NewEngine().Engine.CompleteJobAsync(running.Id, reloaded.Bookmarks[0].Id, new Dictionary<string, object?> { ["verdict"] = "complete" }, None);
        Assert.Equal(v1, after.Version);
        Assert.Equal(BookmarkKind.UserTask, Assert.Single((await Instances.GetAsync(running.Id, None))!.Bookmarks).Kind);
        var fresh = await NewEngine().Engine.StartAsync("class-opening", _businessKey + "-2", new Dictionary<string, object?> { ["profile"] = "jiaozuo" }, "admin", None);
        Assert.Equal(v1 + 1, fresh.Version);

        await Assert.ThrowsAsync<ConcurrencyException>(() => definitions.AddAsync(deployed, None));
    }

    public async Task StaleUpdates_OnlyOneWins()
    {
        var instance = await StartAsync(NewEngine().Engine);
        var first = (await Instances.GetAsync(instance.Id, None))!;
        var second = (await Instances.GetAsync(instance.Id, None))!;
        first.Variables["note"] = "first";
        second.Variables["note"] = "second";
        var entry = new HistoryEntry(instance.Id, first.HistorySequence + 1, DateTimeOffset.UtcNow, "test", HistoryKinds.NodeEntered, null, "stale test", null, null);
        first.HistorySequence++;
        second.HistorySequence++;
        await Instances.UpdateAsync(first, first.Revision, [entry], None);
        Assert.Equal(2, first.Revision);
        await Assert.ThrowsAsync<ConcurrencyException>(() => Instances.UpdateAsync(second, second.Revision, [entry with { Detail = "loser" }], None));

        var stored = (await Instances.GetAsync(instance.Id, None))!;
        Assert.Equal((2L, "first"), (stored.Revision, stored.Variables["note"]));
        Assert.Single(stored.Bookmarks);
        var history = await Instances.HistoryAsync(instance.Id, None);
        Assert.DoesNotContain(history, h => h.Detail == "loser");
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(h => h.Sequence));
        await Assert.ThrowsAsync<ConcurrencyException>(() => Instances.InsertAsync(stored, [], None));
    }

    public async Task ConcurrentCompletions_OnlyOneWins()
    {
        var instance = await StartAsync(NewEngine().Engine);
        instance = await NewEngine().Engine.CompleteJobAsync(instance.Id, instance.Bookmarks[0].Id, new Dictionary<string, object?> { ["verdict"] = "complete" }, None);
        var review = instance.Bookmarks[0];
        var attempts = Enumerable.Range(0, 4).Select(_ => Task.Run(() => NewEngine().Engine.CompleteUserTaskAsync(
            instance.Id, review.Id, "王经办", ["reviewer"], new Dictionary<string, object?> { ["outcome"] = "approve" }, None))).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async t => { try { await t; return "ok"; } catch (Exception e) when (e is ConcurrencyException or BookmarkNotFoundException) { return "refused"; } }));
        Assert.Equal(1, outcomes.Count(o => o == "ok"));
        Assert.Single(await Instances.HistoryAsync(instance.Id, None), h => h.Kind == HistoryKinds.TaskCompleted);
    }

    public async Task Bookmarks_AreFoundByMessageAndCorrelationKey_AndByCandidateGroup()
    {
        var engine = NewEngine().Engine;
        var waiting = await StartAsync(engine);
        await engine.CompleteJobAsync(waiting.Id, waiting.Bookmarks[0].Id, new Dictionary<string, object?> { ["verdict"] = "incomplete" }, None);
        var reviewing = await StartAsync(engine);
        reviewing = await engine.CompleteJobAsync(reviewing.Id, reviewing.Bookmarks[0].Id, new Dictionary<string, object?> { ["verdict"] = "complete" }, None);

        var messages = await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Message, "pack-resubmitted", _businessKey), None);
        var (instance, bookmark) = Assert.Single(messages);
        Assert.Equal((waiting.Id, BookmarkKind.Message, _businessKey), (instance.Id, bookmark.Kind, bookmark.CorrelationKey));
        Assert.Equal("开班材料.pdf", instance.Variables["fileName"]);
        Assert.Empty(await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Message, "pack-resubmitted", _businessKey + "-other"), None));
        Assert.Empty(await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.Message, "other-message", _businessKey), None));

        var tasks = await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.UserTask, CandidateGroups: ["clerk", "reviewer"]), None);
        var mine = Assert.Single(tasks, t => t.Instance.Id == reviewing.Id);
        Assert.Equal(["reviewer"], mine.Bookmark.CandidateGroups);
        Assert.Equal(mine.Bookmark.Id, mine.Instance.Bookmarks[0].Id);
        Assert.DoesNotContain(await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.UserTask, CandidateGroups: ["approver", "review"]), None), t => t.Instance.Id == reviewing.Id);
        // Oldest first.
        var all = await Instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.UserTask), None);
        Assert.Equal(all.OrderBy(t => t.Bookmark.CreatedAt).Select(t => t.Bookmark.Id), all.Select(t => t.Bookmark.Id));
    }
}
