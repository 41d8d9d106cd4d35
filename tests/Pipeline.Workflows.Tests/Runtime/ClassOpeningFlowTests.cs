using Pipeline.Workflows.Runtime;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>The shipped class-opening definition, run on the in-memory runtime.</summary>
public class ClassOpeningFlowTests
{
    private static readonly IReadOnlySet<string> Catalogue = new HashSet<string> { "pack.check" };
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly InMemoryInstanceStore _instances = new();
    private readonly RecordingJobs _jobs = new();
    private readonly WorkflowEngine _engine;

    public ClassOpeningFlowTests() => _engine = new WorkflowEngine(new InMemoryDefinitionStore(), _instances, TimeProvider.System, _jobs);

    private async Task<ProcessInstance> StartAsync()
    {
        await _engine.DeployAsync(File.ReadAllText(Repository.File("tests", "fixtures", "bpmn", "class-opening-two-step.bpmn")), Catalogue, "admin", None);
        return await _engine.StartAsync("class-opening", "JZ-2026-031", new Dictionary<string, object?>
        {
            ["document"] = "/data/originals/ab/abcd", ["profile"] = "jiaozuo", ["fileName"] = "开班材料.pdf",
        }, "institution:华信职业培训学校", None);
    }

    [Fact]
    public async Task IncompletePack_WaitsForResubmission_ThenReviewAndSignOff_ApproveTheClass()
    {
        var instance = await StartAsync();
        var job = Assert.Single(instance.Bookmarks);
        Assert.Equal((BookmarkKind.Job, "pack.check"), (job.Kind, job.Name));
        Assert.Equal("class-opening", job.Inputs["pack"]);
        Assert.Equal("jiaozuo", job.Inputs["profile"]);
        Assert.Same(job, Assert.Single(_jobs.Dispatched));

        instance = await _engine.CompleteJobAsync(instance.Id, job.Id, new Dictionary<string, object?> { ["verdict"] = "incomplete", ["missing"] = new[] { "job-vacancy-list" } }, None);
        var wait = Assert.Single(instance.Bookmarks);
        Assert.Equal((BookmarkKind.Message, "pack-resubmitted", "JZ-2026-031"), (wait.Kind, wait.Name, wait.CorrelationKey));

        instance = (await _engine.CorrelateMessageAsync("pack-resubmitted", "JZ-2026-031", null, "institution:华信职业培训学校", None))!;
        job = Assert.Single(instance.Bookmarks);
        Assert.Equal(BookmarkKind.Job, job.Kind);

        instance = await _engine.CompleteJobAsync(instance.Id, job.Id, new Dictionary<string, object?> { ["verdict"] = "complete", ["missing"] = Array.Empty<string>() }, None);
        var review = Assert.Single(instance.Bookmarks);
        Assert.Equal(["reviewer"], review.CandidateGroups);

        instance = await _engine.CompleteUserTaskAsync(instance.Id, review.Id, "王经办", ["reviewer"], new Dictionary<string, object?> { ["outcome"] = "approve", ["comment"] = "材料齐全" }, None);
        var signOff = Assert.Single(instance.Bookmarks);
        Assert.Equal(["approver"], signOff.CandidateGroups);

        instance = await _engine.CompleteUserTaskAsync(instance.Id, signOff.Id, "李科长", ["approver"], new Dictionary<string, object?> { ["outcome"] = "approve" }, None);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(instance.Tokens);

        var history = await _instances.HistoryAsync(instance.Id, None);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(h => h.Sequence));
        Assert.Contains(history, h => h is { Kind: HistoryKinds.TaskCompleted, Actor: "王经办", NodeId: "Task_Review" } && h.VariablesAfter!.Contains("材料齐全"));
        Assert.Contains(history, h => h is { Kind: HistoryKinds.FlowTaken, Detail: "Flow_SignOffApprove → End_Approved" });
        Assert.Equal(HistoryKinds.InstanceCompleted, history[^1].Kind);
    }

    [Fact]
    public async Task ReviewerRejects_ClassIsRejected()
    {
        var instance = await StartAsync();
        instance = await _engine.CompleteJobAsync(instance.Id, instance.Bookmarks[0].Id, new Dictionary<string, object?> { ["verdict"] = "complete" }, None);
        instance = await _engine.CompleteUserTaskAsync(instance.Id, instance.Bookmarks[0].Id, "王经办", ["reviewer"], new Dictionary<string, object?> { ["outcome"] = "reject" }, None);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Contains(await _instances.HistoryAsync(instance.Id, None), h => h.Detail == "Flow_ReviewReject → End_Rejected");
    }

    [Fact]
    public async Task ApproverTask_IsRefusedToAReviewer()
    {
        var instance = await StartAsync();
        instance = await _engine.CompleteJobAsync(instance.Id, instance.Bookmarks[0].Id, new Dictionary<string, object?> { ["verdict"] = "complete" }, None);
        instance = await _engine.CompleteUserTaskAsync(instance.Id, instance.Bookmarks[0].Id, "王经办", ["reviewer"], new Dictionary<string, object?> { ["outcome"] = "approve" }, None);
        await Assert.ThrowsAsync<TaskForbiddenException>(() =>
            _engine.CompleteUserTaskAsync(instance.Id, instance.Bookmarks[0].Id, "王经办", ["reviewer"], new Dictionary<string, object?> { ["outcome"] = "approve" }, None));
    }

    [Fact]
    public async Task MessageForACaseNotWaiting_IsRefused()
    {
        await StartAsync();
        Assert.Null(await _engine.CorrelateMessageAsync("pack-resubmitted", "JZ-2026-031", null, "institution", None));
    }

    [Fact]
    public async Task ExhaustedJob_BecomesAnIncident_ThatCanBeRetried()
    {
        var instance = await StartAsync();
        var job = instance.Bookmarks[0];
        instance = await _engine.RaiseJobIncidentAsync(instance.Id, job.Id, "OCR engine unavailable", None);
        var token = Assert.Single(instance.Tokens);
        Assert.Equal((TokenState.Incident, "OCR engine unavailable"), (token.State, token.Incident));

        instance = await _engine.RetryIncidentAsync(instance.Id, token.Id, "admin", None);
        Assert.Equal(TokenState.Waiting, instance.Tokens[0].State);
        Assert.Equal(2, _jobs.Dispatched.Count(j => j.Id == job.Id));
        instance = await _engine.CompleteJobAsync(instance.Id, job.Id, new Dictionary<string, object?> { ["verdict"] = "complete" }, None);
        Assert.Equal(BookmarkKind.UserTask, instance.Bookmarks[0].Kind);
    }

    [Fact]
    public async Task StaleRevision_IsRefused_SoTwoNodesNeverAdvanceTheSameInstanceTwice()
    {
        var instance = await StartAsync();
        var first = (await _instances.GetAsync(instance.Id, None))!;
        var second = (await _instances.GetAsync(instance.Id, None))!;
        await _instances.UpdateAsync(first, first.Revision, [], None);
        await Assert.ThrowsAsync<ConcurrencyException>(() => _instances.UpdateAsync(second, second.Revision, [], None));
    }

    [Fact]
    public async Task ConcurrentCompletionsOfOneTask_OnlyOneWins()
    {
        var instance = await StartAsync();
        instance = await _engine.CompleteJobAsync(instance.Id, instance.Bookmarks[0].Id, new Dictionary<string, object?> { ["verdict"] = "complete" }, None);
        var review = instance.Bookmarks[0];
        var attempts = Enumerable.Range(0, 4).Select(_ => Task.Run(() => _engine.CompleteUserTaskAsync(
            instance.Id, review.Id, "王经办", ["reviewer"], new Dictionary<string, object?> { ["outcome"] = "approve" }, None))).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async t => { try { await t; return "ok"; } catch (Exception e) when (e is ConcurrencyException or BookmarkNotFoundException) { return "refused"; } }));
        Assert.Equal(1, outcomes.Count(o => o == "ok"));
        Assert.Single((await _instances.HistoryAsync(instance.Id, None)), h => h.Kind == HistoryKinds.TaskCompleted);
    }
}
