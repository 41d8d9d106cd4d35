using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pipeline.Host.Tracker;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Host.Tenders;

/// <summary>A procurement case as the pages read it: its row, instance status, variables (FEEL values) and what it waits at.</summary>
/// <param name="Stage">Names of the elements it waits at, a service step as 系统处理中.</param>
/// <param name="Waiting">Element ids it waits at.</param>
public sealed record ProcurementCase(
    string Key, string Jurisdiction, DateTimeOffset CreatedAt, string Status, bool Incident, IReadOnlyDictionary<string, object?> Variables,
    IReadOnlyList<string> Stage, IReadOnlyList<string> Waiting);

/// <summary>
/// Reads the cases of one procurement process (a tender, an annual plan) in the given jurisdictions, newest first, at
/// most <see cref="Limit"/>, from the tracker's read model (<see cref="TrackerDbContext"/>): two queries whatever the count.
/// </summary>
public sealed class ProcurementCases(IDbContextFactory<TrackerDbContext> contexts)
{
    /// <summary>At most this many cases are read (newest first).</summary>
    public const int Limit = 200;

    public async Task<IReadOnlyList<ProcurementCase>> ListAsync(string processId, IReadOnlyCollection<string> jurisdictions, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from c in db.Cases
                          where c.ProcessId == processId && c.Jurisdiction != null && jurisdictions.Contains(c.Jurisdiction)
                          join i in db.Instances on c.InstanceId equals i.Id
                          orderby c.CreatedAt descending
                          select new { c.BusinessKey, c.Jurisdiction, c.CreatedAt, c.InstanceId, i.Status, i.IncidentCount, i.VariablesJson }).Take(Limit).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.InstanceId).ToList();
        var waits = (await db.Bookmarks.AsNoTracking().Where(b => ids.Contains(b.InstanceId)).Select(b => new { b.InstanceId, b.NodeId, b.Name, b.Kind, b.Ordinal }).ToListAsync(cancellationToken))
            .GroupBy(b => b.InstanceId).ToDictionary(g => g.Key, g => g.OrderBy(b => b.Ordinal).ToList());
        return rows.Select(row =>
        {
            using var json = JsonDocument.Parse(row.VariablesJson);
            var waiting = waits.GetValueOrDefault(row.InstanceId) ?? [];
            return new ProcurementCase(row.BusinessKey, row.Jurisdiction!, row.CreatedAt, row.Status, row.IncidentCount > 0,
                FeelValues.VariablesFromJson(json.RootElement),
                waiting.Select(w => w.Kind == "Job" ? "系统处理中" : w.Name).Distinct().ToList(), waiting.Select(w => w.NodeId).ToList());
        }).ToList();
    }

    /// <summary>A FEEL value as text: dates <c>yyyy-MM-dd</c>, date-times ISO with offset; null stays null.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A FEEL number as a whole number; null when it is none.</summary>
    public static int? Number(object? value) => value switch
    {
        decimal d => (int)d,
        int i => i,
        long l => (int)l,
        double d => (int)d,
        _ => null,
    };

    /// <summary>A FEEL list's items; empty when it is none.</summary>
    public static IEnumerable<object?> List(object? value) => value as IEnumerable<object?> ?? [];

    /// <summary>A FEEL context; empty when it is none.</summary>
    public static IReadOnlyDictionary<string, object?> Context(object? value) => value as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    /// <summary>Findings <c>[{ rule, severity, message }]</c> of a variable.</summary>
    public static IReadOnlyList<TenderFinding> Findings(object? value) => List(value).OfType<IReadOnlyDictionary<string, object?>>()
        .Select(f => new TenderFinding(Text(f.GetValueOrDefault("rule")) ?? "", Text(f.GetValueOrDefault("severity")) ?? "", Text(f.GetValueOrDefault("message")) ?? "")).ToList();
}
