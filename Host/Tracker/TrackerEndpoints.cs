using Pipeline.Host.Authentication;
using Pipeline.Host.Cases;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Tracker;

/// <summary>
/// <c>/api/tracker</c>: the case tracker of bureau staff (issue 13): cases in reach (<see cref="CaseAccess.Filter"/>:
/// a bureau's jurisdiction and those it encloses, administrators all), filtered and paged in the database, counted per
/// stage for the diagram's badges, and exported as XLSX. Institution staff are refused (403).
/// </summary>
public static class TrackerEndpoints
{
    /// <summary>At most this many rows in one page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>At most this many rows in an export.</summary>
    public const int MaxExportRows = 20_000;

    /// <summary>The process the tracker shows when none is named.</summary>
    public const string DefaultProcess = "class-case";

    public static IEndpointRouteBuilder MapTracker(this IEndpointRouteBuilder app)
    {
        var tracker = app.MapGroup("/api/tracker").WithTags("Tracker").RequireAuthorization(Policies.BureauStaff);
        tracker.MapGet("/cases", PageAsync)
            .WithSummary("Cases in reach by filters (process, jurisdiction, institution, occupation, stage, status, overdue, from, to), newest first: { total, page, pageSize, items }");
        tracker.MapGet("/cases.xlsx", ExportAsync).WithSummary("The filtered cases as an XLSX (Chinese headers, dates as dates; no ID or phone numbers)");
        tracker.MapGet("/stages", StagesAsync).WithSummary("Per element of the process (default class-case): cases in reach waiting there, active and with an incident");
        tracker.MapGet("/options", OptionsAsync).WithSummary("What the filters may offer: jurisdictions, institutions, occupations and processes of the cases in reach");
        return app;
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, Caller caller, CaseAccess access, CaseTracker tracker, TrackerItems items, CancellationToken cancellationToken,
        int page = 1, int pageSize = 50)
    {
        if (page < 1) return Bad($"页码 {page} 无效，应从 1 开始 (page starts at 1)");
        if (pageSize is < 1 or > MaxPageSize) return Bad($"每页条数 {pageSize} 无效，应为 1–{MaxPageSize} (pageSize is 1 to {MaxPageSize})");
        if (!TryFilter(context, out var filter, out var problem)) return problem;
        var (total, cases) = await tracker.PageAsync(access.Filter(caller, null), filter, page, pageSize, cancellationToken);
        return TypedResults.Ok(new TrackerPage(total, page, pageSize, await items.NameAsync(cases, cancellationToken)));
    }

    private static async Task<IResult> ExportAsync(
        HttpContext context, Caller caller, CaseAccess access, CaseTracker tracker, TrackerItems items, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryFilter(context, out var filter, out var problem)) return problem;
        var cases = await items.NameAsync(await tracker.AllAsync(access.Filter(caller, null), filter, MaxExportRows, cancellationToken), cancellationToken);
        var bytes = TrackerExport.Render(cases);
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TrackerFilter.ChinaOffset).DateTime);
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"案件跟踪-{today:yyyyMMdd}.xlsx");
    }

    private static async Task<IResult> StagesAsync(
        HttpContext context, Caller caller, CaseAccess access, CaseTracker tracker, IDefinitionStore definitions, CancellationToken cancellationToken)
    {
        if (!TryFilter(context, out var filter, out var problem)) return problem;
        filter = filter with { Process = filter.Process ?? DefaultProcess };
        var process = await definitions.LatestAsync(filter.Process, cancellationToken);
        if (process is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such process",
                detail: $"流程「{filter.Process}」未部署 (process '{filter.Process}' is not deployed)");
        var counts = await tracker.StagesAsync(access.Filter(caller, null), filter, cancellationToken);
        var order = process.Model.Nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return TypedResults.Ok(new
        {
            process = process.ProcessId, version = process.Version, name = process.Model.Name,
            // In the definition's order (the diagram's, as it was drawn), elements it no longer has last.
            stages = counts.OrderBy(s => order.GetValueOrDefault(s.ElementId, int.MaxValue))
                .Select(s => new { s.ElementId, TrackerItems.Element(process, s.ElementId).Name, s.Active, s.Incidents }).ToList(),
        });
    }

    private static async Task<IResult> OptionsAsync(
        Caller caller, CaseAccess access, CaseTracker tracker, TrackerItems items, Accounts.AccountDirectory directory, IDefinitionStore definitions,
        CancellationToken cancellationToken)
    {
        var (jurisdictions, institutions, occupations, processes) = await tracker.OptionsAsync(access.Filter(caller, null), cancellationToken);
        var names = await directory.OrganisationNamesAsync(institutions, cancellationToken);
        var processNames = new List<object>();
        foreach (var id in processes)
            processNames.Add(new { id, name = (await definitions.LatestAsync(id, cancellationToken))?.Model.Name ?? id });
        return TypedResults.Ok(new
        {
            jurisdictions = jurisdictions.Select(j => new { id = j, name = items.JurisdictionName(j) }),
            institutions = institutions.Select(i => new { id = i, name = names.GetValueOrDefault(i) ?? i }).OrderBy(i => i.name, StringComparer.Ordinal),
            occupations,
            processes = processNames,
        });
    }

    private static bool TryFilter(HttpContext context, out TrackerFilter filter, out IResult problem)
    {
        try
        {
            filter = TrackerFilter.Parse(context.Request.Query);
            problem = null!;
            return true;
        }
        catch (TrackerInputException e)
        {
            filter = null!;
            problem = Bad(e.Message);
            return false;
        }
    }

    private static IResult Bad(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad tracker query", detail: detail);
}
