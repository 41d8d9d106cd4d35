using System.Text.Json.Nodes;
using Pipeline.Activities.Rosters;
using Pipeline.Host.Identity;
using Pipeline.Host.Jobs;
using Pipeline.Workflows.Expressions;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Cases;

/// <summary>
/// Builds the view of a case or of any instance: waiting elements with job progress, incidents, variables, packs,
/// report, history, children. Identity and mobile numbers in variables and history are masked (<see cref="MaskedJson"/>).
/// </summary>
public sealed class CaseViews(IInstanceStore instances, PackReportStore reports, JobMonitor jobs)
{
    /// <param name="entry">The case index entry (its packs), when the instance is a case started by an upload.</param>
    public async Task<CaseView> BuildAsync(ProcessInstance instance, CaseEntry? entry, CancellationToken cancellationToken)
    {
        var report = await reports.LoadAsync(instance.Id, cancellationToken);
        var history = await instances.HistoryAsync(instance.Id, cancellationToken);
        var children = await instances.ChildrenAsync(instance.Id, cancellationToken);
        var variables = new JsonObject();
        foreach (var (name, value) in instance.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
            if (name != "report") variables[name] = MaskedJson.Mask(FeelValues.ToJsonNode(value));

        var waiting = new List<WaitingView>();
        foreach (var b in instance.Bookmarks)
            waiting.Add(new WaitingView(b.Id, b.Kind.ToString(), b.NodeId, b.Name, b.CandidateGroups, b.CreatedAt,
                b.Kind == BookmarkKind.Job ? await jobs.FindAsync(b.Id, cancellationToken) : null, b.DueAt));

        return new CaseView(
            instance.BusinessKey ?? "", instance.Id, instance.ProcessId, instance.Version, instance.Status.ToString(),
            instance.StartedAt, instance.EndedAt,
            waiting,
            instance.Tokens.Where(t => t.State == TokenState.Incident).Select(t => new IncidentView(t.Id, t.NodeId, SensitiveText.Mask(t.Incident ?? ""))).ToList(),
            variables,
            (entry?.Packs ?? []).Select(p => new PackView(p.Sha256, p.FileName, p.Action, p.At, p.By)).ToList(),
            report is null ? null : new ReportView(
                report["file"]?.GetValue<string>(), report["sha256"]?.GetValue<string>(), report["verdict"]?.GetValue<string>(),
                report["missing"]?.DeepClone(), report["findings"]?.DeepClone()),
            history.Select(h => new HistoryView(h.Sequence, h.At, h.Actor, h.Kind, h.NodeId, h.Detail, MaskedJson.Parse(h.VariablesBefore), MaskedJson.Parse(h.VariablesAfter))).ToList(),
            instance.ParentInstanceId,
            children.Select(c => new ChildView(c.Id, c.ProcessId, c.Version, c.Status.ToString(), c.StartedAt, c.EndedAt, c.Bookmarks.Count,
                c.Tokens.Count(t => t.State == TokenState.Incident))).ToList());
    }
}

/// <summary>
/// Where a case (or any process instance) stands. <paramref name="ParentInstanceId"/>: the instance whose call activity
/// started this one; <paramref name="Children"/>: the instances this one's call activities started.
/// </summary>
public sealed record CaseView(
    string BusinessKey, Guid InstanceId, string ProcessId, int Version, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    IReadOnlyList<WaitingView> Waiting, IReadOnlyList<IncidentView> Incidents, JsonObject Variables, IReadOnlyList<PackView> Packs,
    ReportView? Report, IReadOnlyList<HistoryView> History, Guid? ParentInstanceId, IReadOnlyList<ChildView> Children);

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

public sealed record HistoryView(long Sequence, DateTimeOffset At, string Actor, string Kind, string? NodeId, string? Detail, JsonNode? VariablesBefore, JsonNode? VariablesAfter);
