using Pipeline.Activities.Profiles;
using Pipeline.Host.Accounts;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Tracker;

/// <summary>An element of a process with its name (Chinese as the diagram gives it; the id when unnamed).</summary>
public sealed record TrackerElement(string ElementId, string Name);

/// <summary>
/// A line of the case tracker: the case (link <c>/cases/{businessKey}</c>), its institution and jurisdiction by name,
/// the occupation of its class data, where it waits (its stage), its status (<see cref="TrackerStatus"/>), when it
/// started, and the due date of its earliest open task (UTC, ISO 8601), <see cref="Overdue"/> when that is past.
/// </summary>
public sealed record TrackerItem(
    string BusinessKey, string ProcessId, string? InstitutionId, string? InstitutionName, string? Jurisdiction, string? JurisdictionName,
    string? Occupation, IReadOnlyList<TrackerElement> Stages, string Status, int Incidents, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, bool Overdue);

/// <summary>A page of the tracker: <see cref="Total"/> cases pass the filters; <see cref="Items"/> is page <see cref="Page"/> (1-based) of <see cref="PageSize"/>.</summary>
public sealed record TrackerPage(int Total, int Page, int PageSize, IReadOnlyList<TrackerItem> Items);

/// <summary>Names for tracked cases: institutions (one query), jurisdictions (the profiles), elements (the deployed definitions).</summary>
public sealed class TrackerItems(AccountDirectory directory, ProfileCatalog profiles, IDefinitionStore definitions, TimeProvider time)
{
    public async Task<IReadOnlyList<TrackerItem>> NameAsync(IReadOnlyList<TrackedCase> cases, CancellationToken cancellationToken)
    {
        var institutions = await directory.OrganisationNamesAsync(cases.Select(c => c.InstitutionId), cancellationToken);
        var models = new Dictionary<string, DeployedProcess?>(StringComparer.Ordinal);
        foreach (var process in cases.Select(c => c.ProcessId).Distinct())
            models[process] = await definitions.LatestAsync(process, cancellationToken);
        var now = time.GetUtcNow();
        return cases.Select(c => new TrackerItem(
            c.BusinessKey, c.ProcessId, c.InstitutionId, c.InstitutionId is { } id ? institutions.GetValueOrDefault(id) : null,
            c.Jurisdiction, JurisdictionName(c.Jurisdiction), c.Occupation,
            c.Waiting.Select(e => Element(models[c.ProcessId], e)).ToList(),
            Status(c), c.Incidents, c.CreatedAt, c.DueAt, c.DueAt is { } due && due < now)).ToList();
    }

    /// <summary>The jurisdiction's display name (曲靖市), or the name itself when no profile has it.</summary>
    public string? JurisdictionName(string? name) =>
        name is null ? null : profiles.Contains(name) ? profiles.Get(name).DisplayName : name;

    public static TrackerElement Element(DeployedProcess? process, string elementId) =>
        new(elementId, process?.Model.Node(elementId)?.Name is { Length: > 0 } name ? name : elementId);

    /// <summary>Chinese label of a status, for the export.</summary>
    public static string StatusLabel(string status) => status switch
    {
        TrackerStatus.Active => "进行中",
        TrackerStatus.Incident => "有故障",
        TrackerStatus.Completed => "已办结",
        TrackerStatus.Cancelled => "已撤销",
        _ => status,
    };

    private static string Status(TrackedCase c) => c.Status switch
    {
        "Active" => c.Incidents > 0 ? TrackerStatus.Incident : TrackerStatus.Active,
        "Completed" => TrackerStatus.Completed,
        "Cancelled" => TrackerStatus.Cancelled,
        _ => c.Incidents > 0 ? TrackerStatus.Incident : TrackerStatus.Active,
    };
}
