using System.Text.Json.Nodes;
using Pipeline.Activities.Rosters;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Scheduling;
using Pipeline.Host.Privacy;
using Pipeline.Workflows.Expressions;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Cases;

/// <summary>
/// Builds the view of a case or of any instance: waiting elements with job progress, incidents, variables, packs,
/// report, history with decisions, children. Identity and mobile numbers in variables, history and file names are
/// masked (<see cref="MaskedJson"/>); actors are shown by display name and organisation. Institution staff see what
/// concerns them (status, findings, requests for resubmission, decisions): not the bureau's variables, variable
/// changes, incident details or comments marked internal.
/// </summary>
public sealed class CaseViews(
    IInstanceStore instances, IDefinitionStore definitions, PackReportStore reports, IJobMonitor jobs, AccountNames accounts, TimeProvider time)
{
    /// <summary>Variables institution staff see (the pack check's outcome and the latest decision).</summary>
    public static readonly IReadOnlySet<string> PublicVariables = new HashSet<string>(StringComparer.Ordinal) { "verdict", "missing", "errors", "outcome" };

    /// <summary>History kinds institution staff see.</summary>
    private static readonly IReadOnlySet<string> PublicHistory = new HashSet<string>(StringComparer.Ordinal)
    {
        HistoryKinds.InstanceStarted, HistoryKinds.TaskCompleted, HistoryKinds.MessageCorrelated, HistoryKinds.JobCompleted, HistoryKinds.InstanceCompleted,
    };

    /// <summary>Variable a task completion sets when its comment is for bureau staff only.</summary>
    public const string CommentInternal = "commentInternal";

    /// <param name="entry">The case index entry (its packs), when the instance is a case started by an upload.</param>
    /// <param name="caller">Who looks: institution staff get the redacted view.</param>
    public async Task<CaseView> BuildAsync(ProcessInstance instance, CaseEntry? entry, Caller caller, CancellationToken cancellationToken)
    {
        var outsider = caller.IsInstitution;
        var history = (await instances.HistoryAsync(instance.Id, cancellationToken)).Where(h => !outsider || PublicHistory.Contains(h.Kind)).ToList();
        var children = await instances.ChildrenAsync(instance.Id, cancellationToken);
        // The case and its stages (a class case's packs are checked, its tasks worked, in its stages).
        var tree = children.Prepend(instance).ToList();
        var report = await reports.LatestAsync(tree.Select(i => i.Id), cancellationToken);
        var variables = new JsonObject();
        foreach (var (name, value) in instance.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
            if (name != "report" && (!outsider || PublicVariables.Contains(name))) variables[name] = MaskedJson.Mask(FeelValues.ToJsonNode(value));
        // Decisions (办理结果) of the case and its stages: every task completion, oldest first.
        var decided = history.Where(h => h.Kind == HistoryKinds.TaskCompleted).ToList();
        foreach (var child in children)
            decided.AddRange((await instances.HistoryAsync(child.Id, cancellationToken)).Where(h => h.Kind == HistoryKinds.TaskCompleted));
        var Actor = await accounts.ResolveAsync(
            history.Concat(decided).Select(h => h.Actor).Concat((entry?.Packs ?? []).Select(p => p.By)), cancellationToken);

        // The pack check of the case or of a stage, while it runs: its pages done / total.
        var check = tree.SelectMany(i => i.Bookmarks).FirstOrDefault(b => b.Kind == BookmarkKind.Job && b.Name == "pack.check");
        var packCheck = check is null ? null : await jobs.FindAsync(check.Id, cancellationToken);

        var models = new Dictionary<(string, int), DeployedProcess?>();
        foreach (var i in tree)
            if (!models.ContainsKey((i.ProcessId, i.Version))) models[(i.ProcessId, i.Version)] = await definitions.GetAsync(i.ProcessId, i.Version, cancellationToken);
        string? ElementName(ProcessInstance i, string nodeId) => models[(i.ProcessId, i.Version)]?.Model.Node(nodeId)?.Name;

        var waiting = new List<WaitingView>();
        foreach (var b in instance.Bookmarks)
            waiting.Add(new WaitingView(b.Id, b.Kind.ToString(), b.NodeId, b.Name, b.CandidateGroups, b.CreatedAt,
                b.Kind == BookmarkKind.Job ? await jobs.FindAsync(b.Id, cancellationToken) : null, b.DueAt));

        return new CaseView(
            instance.BusinessKey ?? "", instance.Id, instance.ProcessId, instance.Version, instance.Status.ToString(),
            instance.StartedAt, instance.EndedAt,
            waiting,
            instance.Tokens.Where(t => t.State == TokenState.Incident).Select(t => new IncidentView(t.Id, t.NodeId,
                outsider ? "处理中出现问题，人社局正在处理 (a processing problem; the bureau is dealing with it)" : SensitiveText.Mask(t.Incident ?? ""))).ToList(),
            variables,
            (entry?.Packs ?? []).Select(p => new PackView(p.Sha256, SensitiveText.Mask(p.FileName), p.Action, p.At, Actor(p.By))).ToList(),
            report is null ? null : new ReportView(
                report["file"]?.GetValue<string>(), report["sha256"]?.GetValue<string>(), report["verdict"]?.GetValue<string>(),
                report["missing"]?.DeepClone(), report["findings"]?.DeepClone()),
            history.Select(h => History(h, Actor(h.Actor), outsider)).ToList(),
            instance.ParentInstanceId,
            children.Select(c => new ChildView(c.Id, c.ProcessId, c.Version, c.Status.ToString(), c.StartedAt, c.EndedAt, c.Bookmarks.Count,
                c.Tokens.Count(t => t.State == TokenState.Incident))).ToList())
        {
            PackCheck = packCheck,
            Deadlines = CaseDeadlines.Of(tree, time.GetUtcNow(), ElementName),
            Working = tree.Any(i => i.Bookmarks.Any(b => b.Kind == BookmarkKind.Job)),
            Decisions = decided.OrderBy(h => h.At).Select(h => History(h, Actor(h.Actor), outsider))
                .Where(h => h.Outcome is not null || h.Comment is not null).ToList(),
            AwaitsPack = tree.Any(i => i.Bookmarks.Any(b => b.Kind == BookmarkKind.Message && b.Name == CaseUploads.ResubmittedMessage)),
        };
    }

    /// <summary>A history entry; a task completion carries its decision (outcome and comment, an internal comment only for bureau staff).</summary>
    private static HistoryView History(HistoryEntry h, string actor, bool outsider)
    {
        string? outcome = null, comment = null;
        if (h.Kind == HistoryKinds.TaskCompleted && MaskedJson.Parse(h.VariablesAfter) is JsonObject after)
        {
            outcome = after["outcome"] is JsonValue o && o.TryGetValue<string>(out var text) ? text : null;
            var internalOnly = after[CommentInternal] is JsonValue i && i.TryGetValue<bool>(out var flag) && flag;
            comment = after["comment"] is JsonValue c && c.TryGetValue<string>(out var said) && !(outsider && internalOnly) ? said : null;
        }
        return new HistoryView(h.Sequence, h.At, actor, h.Kind, h.NodeId, h.Detail is null ? null : SensitiveText.Mask(h.Detail),
            outsider ? null : MaskedJson.Parse(h.VariablesBefore), outsider ? null : MaskedJson.Parse(h.VariablesAfter), outcome, comment);
    }
}

/// <summary>
/// Where a case (or any process instance) stands. <paramref name="ParentInstanceId"/>: the instance whose call activity
/// started this one; <paramref name="Children"/>: the instances this one's call activities started.
/// </summary>
public sealed record CaseView(
    string BusinessKey, Guid InstanceId, string ProcessId, int Version, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    IReadOnlyList<WaitingView> Waiting, IReadOnlyList<IncidentView> Incidents, JsonObject Variables, IReadOnlyList<PackView> Packs,
    ReportView? Report, IReadOnlyList<HistoryView> History, Guid? ParentInstanceId, IReadOnlyList<ChildView> Children)
{
    /// <summary>The case (or one of its stages) waits for a corrected pack (<c>pack-resubmitted</c>): the institution may upload one now.</summary>
    public bool AwaitsPack { get; init; }

    /// <summary>The pack check running for the case or one of its stages (pages done / total), or null when none runs.</summary>
    public JobProgress? PackCheck { get; init; }

    /// <summary>What the case waits for now, its stages included, with time limits in working days (承诺时限 / 已用时).</summary>
    public IReadOnlyList<CaseDeadline> Deadlines { get; init; } = [];

    /// <summary>The system is at work on the case or a stage (a job is queued or running): what it shows will change by itself.</summary>
    public bool Working { get; init; }

    /// <summary>Every decision taken on the case and its stages (task completions with an outcome or a comment), oldest first.</summary>
    public IReadOnlyList<HistoryView> Decisions { get; init; } = [];
}

/// <summary>An instance started by a call activity of the case.</summary>
public sealed record ChildView(Guid InstanceId, string ProcessId, int Version, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    int Waiting, int Incidents);

/// <summary>An open bookmark: what the case waits for; for a job, its state and progress (null once it left the scheduler).</summary>
/// <param name="DueAt">For a timer: when it fires.</param>
public sealed record WaitingView(
    Guid BookmarkId, string Kind, string NodeId, string Name, IReadOnlyList<string> CandidateGroups, DateTimeOffset Since, JobProgress? Job,
    DateTimeOffset? DueAt);

public sealed record IncidentView(Guid TokenId, string NodeId, string Message);

public sealed record PackView(string Sha256, string FileName, string Action, DateTimeOffset At, string By);

/// <summary>The latest pack report's verdict, missing sections and findings.</summary>
public sealed record ReportView(string? File, string? Sha256, string? Verdict, JsonNode? Missing, JsonNode? Findings);

/// <summary>A history entry. <paramref name="Actor"/>: display name and organisation (or a system actor such as <c>system</c>);
/// <paramref name="Outcome"/> and <paramref name="Comment"/>: the decision of a task completion.</summary>
public sealed record HistoryView(
    long Sequence, DateTimeOffset At, string Actor, string Kind, string? NodeId, string? Detail, JsonNode? VariablesBefore, JsonNode? VariablesAfter,
    string? Outcome = null, string? Comment = null);
