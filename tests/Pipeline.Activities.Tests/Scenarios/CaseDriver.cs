using Pipeline.Activities.Catalogue;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>
/// Runs the shipped class-case definitions on the in-memory engine with a test clock: service tasks run at once through
/// the real catalogue activities (<see cref="ActivityInvoker"/>), except the ones a test replaces (the OCR pack check,
/// whose verdict a scenario chooses); timers fire when the clock is moved past them; people complete user tasks.
/// </summary>
public sealed class CaseDriver
{
    public static readonly CancellationToken None = CancellationToken.None;
    private readonly Queue<(Guid Instance, Guid Bookmark)> _jobs = new();
    private readonly ActivityInvoker _invoker;

    public CaseDriver(DateTimeOffset now, ProfileCatalog? profiles = null)
    {
        Time = new TestClock(now);
        Profiles = profiles ?? ProfileCatalog.LoadEmbedded();
        Originals = new FolderOriginalStore(Path.Combine(Path.GetTempPath(), "pipeline-scenarios-" + Guid.NewGuid().ToString("N")));
        Engine = new WorkflowEngine(new InMemoryDefinitionStore(), Instances, Time, new Queueing(_jobs), new NoTimers());
        _invoker = new ActivityInvoker(type => Activator.CreateInstance(type, Dependencies(type))!);
    }

    public TestClock Time { get; }
    public ProfileCatalog Profiles { get; set; }
    public FolderOriginalStore Originals { get; }

    /// <summary>The contracts <c>contract.check</c> reads (<see cref="Procurement.InMemoryContractRegistry"/>).</summary>
    public Procurement.InMemoryContractRegistry Contracts { get; } = new();
    public InMemoryInstanceStore Instances { get; } = new();
    public WorkflowEngine Engine { get; }

    /// <summary>Task types whose jobs the test answers itself: type → (inputs → result variables).</summary>
    public Dictionary<string, Func<IReadOnlyDictionary<string, object?>, Dictionary<string, object?>>> Replaced { get; } = new(StringComparer.Ordinal);

    /// <summary>Incidents raised by failed jobs: (node id, message).</summary>
    public List<(string NodeId, string Message)> Incidents { get; } = [];

    /// <summary>Deploys every definition of <c>workflow-definitions/</c>.</summary>
    public async Task DeployAllAsync()
    {
        var folder = RepositoryPaths.Folder("workflow-definitions");
        foreach (var file in Directory.GetFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
            await Engine.DeployAsync(await File.ReadAllTextAsync(file), ActivityCatalogue.Types, "admin", None);
    }

    /// <summary>Starts a case and runs its jobs.</summary>
    public async Task<ProcessInstance> StartAsync(string processId, string businessKey, Dictionary<string, object?> variables)
    {
        var instance = await Engine.StartAsync(processId, businessKey, variables, "institution", None);
        await RunJobsAsync();
        return (await Instances.GetAsync(instance.Id, None))!;
    }

    /// <summary>Runs every queued job (and the jobs they lead to) through its activity.</summary>
    public async Task RunJobsAsync()
    {
        while (_jobs.TryDequeue(out var next))
        {
            var instance = await Instances.GetAsync(next.Instance, None);
            var job = instance?.Bookmarks.FirstOrDefault(b => b.Id == next.Bookmark);
            if (instance is null || job is null) continue;
            Dictionary<string, object?> result;
            try
            {
                result = Replaced.TryGetValue(job.Name, out var replace)
                    ? replace(job.Inputs)
                    : (await _invoker.InvokeAsync(job.Name, job.Inputs, null, None)).Variables;
            }
            catch (Exception e)
            {
                Incidents.Add((job.NodeId, e.Message));
                await Engine.RaiseJobIncidentAsync(instance.Id, job.Id, e.Message, None);
                continue;
            }
            await Engine.CompleteJobAsync(instance.Id, job.Id, result, None);
        }
    }

    /// <summary>Every instance of the case (the top one and its call-activity children).</summary>
    public Task<IReadOnlyList<ProcessInstance>> InstancesAsync(string businessKey) => Instances.ByBusinessKeyAsync(businessKey, None);

    /// <summary>The open user tasks of the case: (instance, task).</summary>
    public async Task<IReadOnlyList<(ProcessInstance Instance, Bookmark Task)>> TasksAsync(string businessKey) =>
        (await InstancesAsync(businessKey))
            .SelectMany(i => i.Bookmarks.Where(b => b.Kind == BookmarkKind.UserTask).Select(b => (i, b)))
            .OrderBy(t => t.b.CreatedAt).ToList();

    /// <summary>Node ids of everything the case waits for, sorted.</summary>
    public async Task<IReadOnlyList<string>> WaitingAsync(string businessKey) =>
        (await InstancesAsync(businessKey)).Where(i => i.Status == InstanceStatus.Active)
            .SelectMany(i => i.Bookmarks.Where(b => b.Kind != BookmarkKind.CallActivity).Select(b => b.NodeId)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Completes the first open user task at <paramref name="nodeId"/> as <paramref name="actor"/> with <paramref name="role"/>.</summary>
    /// <exception cref="InvalidOperationException">No such task is open.</exception>
    public async Task CompleteAsync(string businessKey, string nodeId, string actor, string role, Dictionary<string, object?>? variables = null)
    {
        var (instance, task) = (await TasksAsync(businessKey)).FirstOrDefault(t => t.Task.NodeId == nodeId);
        if (task is null)
            throw new InvalidOperationException($"no open task {nodeId}; waiting: {string.Join(", ", await WaitingAsync(businessKey))}");
        await Engine.CompleteUserTaskAsync(instance.Id, task.Id, actor, [role], variables ?? [], None);
        await RunJobsAsync();
    }

    /// <summary>The institution uploads a document the case waits for (<c>pack-resubmitted</c>).</summary>
    public async Task<ProcessInstance?> UploadAsync(string businessKey, string document, string fileName)
    {
        var resumed = await Engine.CorrelateMessageAsync("pack-resubmitted", businessKey,
            new Dictionary<string, object?> { ["document"] = document, ["fileName"] = fileName }, "institution", None);
        await RunJobsAsync();
        return resumed;
    }

    /// <summary>Publishes a message to the case (an objection, say).</summary>
    public async Task<ProcessInstance?> MessageAsync(string businessKey, string name, Dictionary<string, object?>? variables = null)
    {
        var resumed = await Engine.CorrelateMessageAsync(name, businessKey, variables, "public", None);
        await RunJobsAsync();
        return resumed;
    }

    /// <summary>Moves the clock to <paramref name="at"/> and fires every timer of the case that is due by then, in due order.</summary>
    public async Task AdvanceToAsync(string businessKey, DateTimeOffset at)
    {
        Time.Now = at;
        while (true)
        {
            var due = (await InstancesAsync(businessKey))
                .SelectMany(i => i.Bookmarks.Where(b => b.Kind == BookmarkKind.Timer && b.DueAt <= at).Select(b => (i, b)))
                .OrderBy(t => t.b.DueAt).FirstOrDefault();
            if (due.b is null) return;
            await Engine.FireTimerAsync(due.i.Id, due.b.Id, None);
            await RunJobsAsync();
        }
    }

    /// <summary>The case's history, every instance, in order.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string businessKey)
    {
        var all = new List<HistoryEntry>();
        foreach (var instance in await InstancesAsync(businessKey)) all.AddRange(await Instances.HistoryAsync(instance.Id, None));
        return all.OrderBy(h => h.At).ThenBy(h => h.Sequence).ToList();
    }

    private object[] Dependencies(Type type) =>
        type.GetConstructors().Single().GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(ProfileCatalog) => (object)Profiles,
            var t when t == typeof(IOriginalStore) || t == typeof(FolderOriginalStore) => Originals,
            var t when t == typeof(TimeProvider) => Time,
            var t when t == typeof(Pipeline.Activities.Procurement.Contracts.IContractRegistry) => Contracts,
            _ when p.HasDefaultValue => p.DefaultValue!,
            var t => throw new InvalidOperationException($"{type.Name} needs a {t.Name}, which the scenario driver does not provide"),
        }).ToArray();

    private sealed class Queueing(Queue<(Guid, Guid)> jobs) : IJobDispatcher
    {
        public Task DispatchAsync(ProcessInstance instance, Bookmark job, CancellationToken cancellationToken)
        {
            jobs.Enqueue((instance.Id, job.Id));
            return Task.CompletedTask;
        }
    }

    private sealed class NoTimers : ITimerScheduler
    {
        public Task ScheduleAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task CancelAsync(ProcessInstance instance, Bookmark timer, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task ScheduleStartAsync(DeployedProcess process, string startEventId, DateTimeOffset dueAt, int repeatsLeft, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task CancelStartAsync(DeployedProcess process, string startEventId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>A clock the scenario moves, in China Standard Time.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("UTC+08", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => Beijing;
}
