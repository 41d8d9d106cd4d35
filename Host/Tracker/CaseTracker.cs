using Microsoft.EntityFrameworkCore;
using Pipeline.Host.Cases;
using Pipeline.Host.Data;

namespace Pipeline.Host.Tracker;

/// <summary>One case as the tracker lists it, before names are resolved.</summary>
/// <param name="Status">The case instance's status (<c>Active</c>, <c>Completed</c>, <c>Cancelled</c>); null when the instance is gone.</param>
/// <param name="Incidents">Tokens held by incidents in the case and its stages (child instances).</param>
/// <param name="Waiting">Element ids of the case's own (top-level) instance that hold an open wait: its stage.</param>
/// <param name="DueAt">Due date of the earliest open user task of the case or its stages; null when none has one.</param>
/// <param name="AwaitsPack">The case or a stage waits for the institution's corrected pack (<c>pack-resubmitted</c>).</param>
/// <param name="OpenTasks">Open user tasks of the case and its stages.</param>
public sealed record TrackedCase(
    string BusinessKey, Guid InstanceId, string ProcessId, DateTimeOffset CreatedAt, string? InstitutionId, string? Jurisdiction,
    string? Occupation, string? Status, int Incidents, IReadOnlyList<string> Waiting, DateTimeOffset? DueAt, bool AwaitsPack = false, int OpenTasks = 0);

/// <summary>How many cases wait at one element of the process: running without incident, and with one.</summary>
public sealed record StageCount(string ElementId, int Active, int Incidents);

/// <summary>
/// The case tracker's queries on the database (<see cref="TrackerDbContext"/>): every filter, the count and the page
/// are SQL, correlated by the case's instance id (its stage) and business key (its stages' instances: incidents and
/// due dates), on indexed columns. Reach is the <see cref="CaseFilter"/> of <see cref="CaseAccess.Filter"/>.
/// </summary>
public sealed class CaseTracker(IDbContextFactory<TrackerDbContext> contexts, TimeProvider time)
{
    private const string UserTask = "UserTask";
    private const string Active = "Active";

    /// <summary>One page (1-based) of the cases in <paramref name="reach"/> that pass <paramref name="filter"/>, newest first, and their total.</summary>
    public async Task<(int Total, IReadOnlyList<TrackedCase> Items)> PageAsync(
        CaseFilter reach, TrackerFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = Filtered(db, reach, filter);
        var total = await cases.CountAsync(cancellationToken);
        var items = await Rows(db, cases.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.BusinessKey).Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return (total, items);
    }

    /// <summary>Where each of these cases stands (the case list's progress column), by business key; keys without a case are left out.</summary>
    public async Task<IReadOnlyDictionary<string, TrackedCase>> ProgressAsync(IReadOnlyCollection<string> businessKeys, CancellationToken cancellationToken)
    {
        if (businessKeys.Count == 0) return new Dictionary<string, TrackedCase>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db, db.Cases.Where(c => businessKeys.Contains(c.BusinessKey)), cancellationToken);
        return rows.ToDictionary(r => r.BusinessKey, StringComparer.Ordinal);
    }

    /// <summary>Every case that passes, newest first, at most <paramref name="limit"/> (the export).</summary>
    public async Task<IReadOnlyList<TrackedCase>> AllAsync(CaseFilter reach, TrackerFilter filter, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Rows(db, Filtered(db, reach, filter).OrderByDescending(c => c.CreatedAt).ThenBy(c => c.BusinessKey).Take(limit), cancellationToken);
    }

    /// <summary>
    /// Per element of the cases' own instances (a stage of <c>class-case</c>): how many running cases that pass the
    /// filter (its <see cref="TrackerFilter.Stage"/> ignored) wait there, without and with an incident. A case waiting in a
    /// stage's sub-process counts at the stage (its call activity), where its top-level case stands.
    /// </summary>
    public async Task<IReadOnlyList<StageCount>> StagesAsync(CaseFilter reach, TrackerFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = Filtered(db, reach, filter with { Stage = null });
        var waits = from c in cases
                    join b in db.Bookmarks on c.InstanceId equals b.InstanceId
                    select new
                    {
                        c.BusinessKey, b.NodeId,
                        Incident = db.Instances.Any(i => i.BusinessKey == c.BusinessKey && i.IncidentCount > 0),
                    };
        var rows = await waits.Distinct().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.NodeId)
            .Select(g => new StageCount(g.Key, g.Count(r => !r.Incident), g.Count(r => r.Incident)))
            .OrderBy(s => s.ElementId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The drill-down into a stage: per element of the sub-process <paramref name="calledProcess"/> that the cases
    /// passing the filter (its stage and step ignored) run as children, how many such child instances wait there
    /// (open waits) and how many hold a token in an incident there (read from the tokens of the few instances with
    /// incidents).
    /// </summary>
    public async Task<IReadOnlyList<StageCount>> StepsAsync(CaseFilter reach, TrackerFilter filter, string calledProcess, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var children = from c in Filtered(db, reach, filter with { Stage = null, Step = null })
                       join i in db.Instances on c.InstanceId equals i.ParentInstanceId
                       where i.ProcessId == calledProcess && i.Status == Active
                       select i;
        var waits = await (from i in children join b in db.Bookmarks on i.Id equals b.InstanceId select new { i.Id, b.NodeId })
            .Distinct().ToListAsync(cancellationToken);
        var held = await children.Where(i => i.IncidentCount > 0).Select(i => i.TokensJson).ToListAsync(cancellationToken);
        var incidents = held.SelectMany(IncidentNodes).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        return waits.GroupBy(w => w.NodeId).Select(g => g.Key).Union(incidents.Keys)
            .Select(node => new StageCount(node, waits.Count(w => w.NodeId == node), incidents.GetValueOrDefault(node)))
            .ToList();
    }

    /// <summary>Nodes of the tokens held by an incident, from an instance's tokens JSON (web casing, enum names).</summary>
    private static IEnumerable<string> IncidentNodes(string tokensJson)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(tokensJson);
        return doc.RootElement.EnumerateArray()
            .Where(t => t.TryGetProperty("state", out var state) && state.ValueKind == System.Text.Json.JsonValueKind.String && state.GetString() == "Incident")
            .Select(t => t.GetProperty("nodeId").GetString()!).Distinct().ToList();
    }

    /// <summary>What the filters may offer in reach: jurisdictions, institutions, occupations and processes of the cases there.</summary>
    public async Task<(IReadOnlyList<string> Jurisdictions, IReadOnlyList<string> Institutions, IReadOnlyList<string> Occupations, IReadOnlyList<string> Processes)>
        OptionsAsync(CaseFilter reach, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = Filtered(db, reach, new TrackerFilter());
        var jurisdictions = await cases.Where(c => c.Jurisdiction != null).Select(c => c.Jurisdiction!).Distinct().ToListAsync(cancellationToken);
        var institutions = await cases.Where(c => c.InstitutionId != null).Select(c => c.InstitutionId!).Distinct().ToListAsync(cancellationToken);
        var occupations = await cases.Where(c => c.Occupation != null).Select(c => c.Occupation!).Distinct().ToListAsync(cancellationToken);
        var processes = await cases.Select(c => c.ProcessId).Distinct().ToListAsync(cancellationToken);
        return (Sorted(jurisdictions), Sorted(institutions), Sorted(occupations), Sorted(processes));
    }

    private static List<string> Sorted(List<string> values) => values.Order(StringComparer.Ordinal).ToList();

    private IQueryable<CaseRow> Filtered(TrackerDbContext db, CaseFilter reach, TrackerFilter filter)
    {
        var cases = db.Cases.AsQueryable();
        if (reach.InstitutionId is { } owner) cases = cases.Where(c => c.InstitutionId == owner);
        if (reach.Jurisdictions is { } reachable) cases = cases.Where(c => c.Jurisdiction != null && reachable.Contains(c.Jurisdiction));
        if (filter.Process is { } process) cases = cases.Where(c => c.ProcessId == process);
        if (filter.Jurisdiction is { } jurisdiction) cases = cases.Where(c => c.Jurisdiction == jurisdiction);
        if (filter.Institution is { } institution) cases = cases.Where(c => c.InstitutionId == institution);
        if (filter.Occupation is { } occupation) cases = cases.Where(c => c.Occupation == occupation);
        if (filter.StartedFrom is { } from) cases = cases.Where(c => c.CreatedAt >= from);
        if (filter.StartedBefore is { } before) cases = cases.Where(c => c.CreatedAt < before);
        if (filter.Stage is { } stage) cases = cases.Where(c => db.Bookmarks.Any(b => b.InstanceId == c.InstanceId && b.NodeId == stage));
        if (filter.Step is { } step)
            cases = cases.Where(c => (from i in db.Instances
                                      where i.ParentInstanceId == c.InstanceId && i.Status == Active
                                      join b in db.Bookmarks on i.Id equals b.InstanceId
                                      where b.NodeId == step
                                      select b.Id).Any());
        switch (filter.Status)
        {
            case TrackerStatus.Active:
                cases = cases.Where(c => db.Instances.Any(i => i.Id == c.InstanceId && i.Status == Active));
                break;
            case TrackerStatus.Incident:
                cases = cases.Where(c => db.Instances.Any(i => i.Id == c.InstanceId && i.Status == Active)
                    && db.Instances.Any(i => i.BusinessKey == c.BusinessKey && i.IncidentCount > 0));
                break;
            case TrackerStatus.Completed:
                cases = cases.Where(c => db.Instances.Any(i => i.Id == c.InstanceId && i.Status == "Completed"));
                break;
            case TrackerStatus.Cancelled:
                cases = cases.Where(c => db.Instances.Any(i => i.Id == c.InstanceId && i.Status == "Cancelled"));
                break;
        }
        if (filter.Overdue)
        {
            DateTimeOffset now = time.GetUtcNow();
            cases = cases.Where(c => (from i in db.Instances
                                      where i.BusinessKey == c.BusinessKey
                                      join b in db.Bookmarks on i.Id equals b.InstanceId
                                      where b.Kind == UserTask && b.DueAt != null && b.DueAt < now
                                      select b.Id).Any());
        }
        return cases;
    }

    private static async Task<IReadOnlyList<TrackedCase>> Rows(TrackerDbContext db, IQueryable<CaseRow> page, CancellationToken cancellationToken)
    {
        var rows = await page.Select(c => new
        {
            c.BusinessKey, c.InstanceId, c.ProcessId, c.CreatedAt, c.InstitutionId, c.Jurisdiction, c.Occupation,
            Status = db.Instances.Where(i => i.Id == c.InstanceId).Select(i => i.Status).FirstOrDefault(),
            Incidents = db.Instances.Where(i => i.BusinessKey == c.BusinessKey).Sum(i => i.IncidentCount),
            DueAt = (from i in db.Instances
                     where i.BusinessKey == c.BusinessKey
                     join b in db.Bookmarks on i.Id equals b.InstanceId
                     where b.Kind == UserTask && b.DueAt != null
                     orderby b.DueAt
                     select b.DueAt).FirstOrDefault(),
            AwaitsPack = (from i in db.Instances
                          where i.BusinessKey == c.BusinessKey && i.Status == Active
                          join b in db.Bookmarks on i.Id equals b.InstanceId
                          where b.Kind == "Message" && b.Name == CaseUploads.ResubmittedMessage
                          select b.Id).Any(),
            OpenTasks = (from i in db.Instances
                         where i.BusinessKey == c.BusinessKey && i.Status == Active
                         join b in db.Bookmarks on i.Id equals b.InstanceId
                         where b.Kind == UserTask
                         select b.Id).Count(),
        }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.InstanceId).ToList();
        var waits = ids.Count == 0 ? [] : await db.Bookmarks.Where(b => ids.Contains(b.InstanceId))
            .OrderBy(b => b.InstanceId).ThenBy(b => b.Ordinal).Select(b => new { b.InstanceId, b.NodeId }).ToListAsync(cancellationToken);
        var byInstance = waits.GroupBy(w => w.InstanceId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(w => w.NodeId).Distinct().ToList());
        return rows.Select(r => new TrackedCase(r.BusinessKey, r.InstanceId, r.ProcessId, r.CreatedAt, r.InstitutionId, r.Jurisdiction, r.Occupation,
            r.Status, r.Incidents, byInstance.GetValueOrDefault(r.InstanceId, []), r.DueAt, r.AwaitsPack, r.OpenTasks)).ToList();
    }
}
