using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pipeline.Activities.Procurement.Tenders;
using Pipeline.Activities.Profiles;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Tracker;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Host.Tenders;

/// <summary>
/// The tenders in reach (<see cref="TenderView"/>), newest first, from the <c>tender</c> cases and their instances'
/// variables (<see cref="TrackerDbContext"/>, read-only). Bureau staff: the tenders of their jurisdiction and those it
/// encloses (administrators all), everything the process holds. Institution staff: the tenders published in
/// jurisdictions covering theirs — a tender notice is public and may not be restricted to short-listed institutions
/// (R-YN-2) — with the publicity's outcome but not the scores, and only their own contracts.
/// </summary>
public sealed class TenderBoard(IDbContextFactory<TrackerDbContext> contexts, ProfileCatalog profiles, AccountDirectory directory)
{
    /// <summary>The process id of tenders.</summary>
    public const string Process = "tender";

    /// <summary>The element that waits for an objection while the winners are publicised (R-QJ-4).</summary>
    public const string ObjectionEvent = "Event_Objection";

    /// <summary>At most this many tenders are listed (newest first).</summary>
    public const int Limit = 200;

    public async Task<IReadOnlyList<TenderView>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        var jurisdictions = profiles.Names.Where(n => caller.IsAdmin || (caller.IsInstitution ? profiles.Covers(n, caller.Jurisdiction) : profiles.Covers(caller.Jurisdiction, n))).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from c in db.Cases
                          where c.ProcessId == Process && c.Jurisdiction != null && jurisdictions.Contains(c.Jurisdiction)
                          join i in db.Instances on c.InstanceId equals i.Id
                          orderby c.CreatedAt descending
                          select new { c.BusinessKey, c.Jurisdiction, c.CreatedAt, c.InstanceId, i.Status, i.IncidentCount, i.VariablesJson }).Take(Limit).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.InstanceId).ToList();
        var waits = (await db.Bookmarks.AsNoTracking().Where(b => ids.Contains(b.InstanceId)).Select(b => new { b.InstanceId, b.NodeId, b.Name, b.Kind, b.Ordinal }).ToListAsync(cancellationToken))
            .GroupBy(b => b.InstanceId).ToDictionary(g => g.Key, g => g.OrderBy(b => b.Ordinal).ToList());
        var views = new List<TenderView>();
        foreach (var row in rows)
        {
            using var json = JsonDocument.Parse(row.VariablesJson);
            var variables = FeelValues.VariablesFromJson(json.RootElement);
            var notice = variables.GetValueOrDefault("notice") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
            var publishedOn = Text(variables.GetValueOrDefault("publishedOn"));
            if (caller.IsInstitution && publishedOn is null) continue;
            var waiting = waits.GetValueOrDefault(row.InstanceId) ?? [];
            var profile = profiles.Contains(row.Jurisdiction!) ? profiles.Get(row.Jurisdiction!) : null;
            var method = Text(notice.GetValueOrDefault("method")) ?? TenderMethods.Open;
            var winners = List(variables.GetValueOrDefault("winners")).OfType<IReadOnlyDictionary<string, object?>>().ToList();
            views.Add(new TenderView(
                row.BusinessKey, row.Jurisdiction!, profile?.DisplayName ?? row.Jurisdiction!,
                Text(notice.GetValueOrDefault("title")) ?? row.BusinessKey, method, TenderMethods.Names.GetValueOrDefault(method, method),
                List(notice.GetValueOrDefault("occupations")).Select(Text).OfType<string>().ToList(),
                Number(notice.GetValueOrDefault("headcount")) ?? Number(variables.GetValueOrDefault("plannedHeadcount")) ?? 0,
                List(notice.GetValueOrDefault("lots")).OfType<IReadOnlyDictionary<string, object?>>().Select(l => new TenderLotView(
                    Text(l.GetValueOrDefault("name")) ?? "", List(l.GetValueOrDefault("occupations")).Select(Text).OfType<string>().ToList(),
                    Number(l.GetValueOrDefault("headcount")) ?? 0, Number(l.GetValueOrDefault("winners")), Text(l.GetValueOrDefault("area")))).ToList(),
                publishedOn, Text(variables.GetValueOrDefault("bidDeadline")), Text(variables.GetValueOrDefault("publicityEndsAt")),
                row.Status, row.IncidentCount > 0, waiting.Select(w => w.Kind == "Job" ? "系统处理中" : w.Name).Distinct().ToList(), waiting.Any(w => w.NodeId == ObjectionEvent),
                variables.GetValueOrDefault("objectionUpheld") as bool?,
                winners.Select(w => new TenderWinnerView(
                    Text(w.GetValueOrDefault("lot")) ?? "", Text(w.GetValueOrDefault("institution")) ?? "", "",
                    Number(w.GetValueOrDefault("rank")) ?? 0, caller.IsInstitution ? null : w.GetValueOrDefault("score") as decimal?,
                    Number(w.GetValueOrDefault("quota")) ?? 0, Text(w.GetValueOrDefault("area")))).ToList(),
                caller.IsInstitution ? [] : List(variables.GetValueOrDefault("contracts"))
                    .Select(c => c is IReadOnlyDictionary<string, object?> recorded ? Text(recorded.GetValueOrDefault("id")) : Text(c)).OfType<string>().ToList(),
                caller.IsInstitution ? [] : List(variables.GetValueOrDefault("noticeFindings")).OfType<IReadOnlyDictionary<string, object?>>()
                    .Select(f => new TenderFinding(Text(f.GetValueOrDefault("rule")) ?? "", Text(f.GetValueOrDefault("severity")) ?? "", Text(f.GetValueOrDefault("message")) ?? "")).ToList(),
                row.CreatedAt));
        }
        var names = await directory.OrganisationNamesAsync(views.SelectMany(v => v.Winners.Select(w => w.InstitutionId)), cancellationToken);
        return views.Select(v => v with { Winners = v.Winners.Select(w => w with { InstitutionName = names.GetValueOrDefault(w.InstitutionId) ?? w.InstitutionId }).ToList() }).ToList();
    }

    private static IEnumerable<object?> List(object? value) => value as IEnumerable<object?> ?? [];

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static int? Number(object? value) => value switch
    {
        decimal d => (int)d,
        int i => i,
        long l => (int)l,
        double d => (int)d,
        _ => null,
    };
}
