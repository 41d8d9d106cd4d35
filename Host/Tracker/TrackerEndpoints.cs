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
        tracker.MapGet("/stages", StagesAsync).WithSummary("Per element of the process (default class-case): cases in reach waiting there, active and with an incident; with within=CallActivityId, per element of that stage's sub-process");
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
        var parent = process;
        IReadOnlyList<StageCount> counts;
        var within = context.Request.Query["within"].ToString();
        if (within.Length > 0)
        {
            // The drill-down: the stage's own sub-process, its elements counted over the cases' child instances.
            if (process.Model.Node(within) is not Pipeline.Workflows.Definitions.CallActivity { CalledProcessId: { } called } || called.StartsWith('='))
                return Bad($"「{within}」不是调用子流程的环节 ('{within}' is not a call activity of a fixed process)");
            if (await definitions.LatestAsync(called, cancellationToken) is not { } child)
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such process",
                    detail: $"子流程「{called}」未部署 (process '{called}' is not deployed)");
            process = child;
            counts = await tracker.StepsAsync(access.Filter(caller, null), filter, called, cancellationToken);
        }
        else counts = await tracker.StagesAsync(access.Filter(caller, null), filter, cancellationToken);
        var order = process.Model.Nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return TypedResults.Ok(new
        {
            process = process.ProcessId, version = process.Version, name = process.Model.Name,
            within = within.Length > 0 ? new { elementId = within, TrackerItems.Element(parent, within).Name, process = parent.ProcessId } : null,
            // The stages that are call activities of a fixed process, which can be drilled into.
            drillable = process.Model.Nodes.OfType<Pipeline.Workflows.Definitions.CallActivity>()
                .Where(c => c.CalledProcessId is { } id && !id.StartsWith('=')).Select(c => c.Id).ToList(),
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
