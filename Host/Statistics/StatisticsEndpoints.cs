using Microsoft.EntityFrameworkCore;
using Pipeline.Activities.Forms;
using Pipeline.Activities.Profiles;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Cases;
using Pipeline.Host.Tracker;

namespace Pipeline.Host.Statistics;

/// <summary>
/// <c>/api/statistics</c>: quarterly training figures by category (R-QJ-6, QJ 附件1) of the class cases of a
/// jurisdiction the caller reaches (default their own; a province includes its prefectures), as JSON for the page's
/// charts and table, and as the <c>qj-quarterly-statistics</c> XLSX. Bureau staff only; a jurisdiction out of reach is 404.
/// </summary>
public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        var statistics = app.MapGroup("/api/statistics").WithTags("Statistics").RequireAuthorization(Policies.BureauStaff);
        statistics.MapGet("/quarterly", FiguresAsync)
            .WithSummary("Quarterly figures by training category (classes, trainees, passed, pass rate, subsidy yuan, institutions) with what is not known yet; ?year=&quarter=&jurisdiction=");
        statistics.MapGet("/quarterly.xlsx", WorkbookAsync).WithSummary("The same quarter as the QJ 附件1 form (qj-quarterly-statistics) XLSX");
        return app;
    }

    private sealed record Query(int Year, int Quarter, string Jurisdiction);

    private static async Task<IResult> FiguresAsync(
        Caller caller, ProfileCatalog profiles, StatisticsCases cases, TimeProvider time,
        CancellationToken cancellationToken, int? year = null, int? quarter = null, string? jurisdiction = null)
    {
        if (Parse(caller, profiles, time, year, quarter, jurisdiction) is not { } query) return Refusal(caller, profiles, year, quarter, jurisdiction);
        var figures = await LoadAsync(query, cases, cancellationToken);
        return TypedResults.Ok(new
        {
            jurisdiction = query.Jurisdiction, jurisdictionName = profiles.Get(query.Jurisdiction).DisplayName, figures,
            jurisdictions = Reachable(caller, profiles).Select(j => new { id = j, name = profiles.Get(j).DisplayName }),
        });
    }

    private static async Task<IResult> WorkbookAsync(
        Caller caller, ProfileCatalog profiles, StatisticsCases cases, TimeProvider time,
        CancellationToken cancellationToken, int? year = null, int? quarter = null, string? jurisdiction = null)
    {
        if (Parse(caller, profiles, time, year, quarter, jurisdiction) is not { } query) return Refusal(caller, profiles, year, quarter, jurisdiction);
        var figures = await LoadAsync(query, cases, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TrackerFilter.ChinaOffset).DateTime);
        var bytes = QujingQuarterlyStatistics.Render(QuarterlyStatisticsBuilder.Form(figures, caller.OrganisationName, today));
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"职业培训情况统计表-{profiles.Get(query.Jurisdiction).DisplayName}-{query.Year}Q{query.Quarter}.xlsx");
    }

    private static IEnumerable<string> Reachable(Caller caller, ProfileCatalog profiles) =>
        profiles.Names.Where(n => caller.IsAdmin || profiles.Covers(caller.Jurisdiction, n));

    /// <summary>The query, or null when it is refused (<see cref="Refusal"/> says why). Defaults: this quarter (China time), the caller's jurisdiction.</summary>
    private static Query? Parse(Caller caller, ProfileCatalog profiles, TimeProvider time, int? year, int? quarter, string? jurisdiction)
    {
        var now = time.GetUtcNow().ToOffset(TrackerFilter.ChinaOffset);
        var y = year ?? now.Year;
        var q = quarter ?? (now.Month + 2) / 3;
        var j = jurisdiction is { Length: > 0 } named ? named : caller.Jurisdiction;
        if (y is < 2000 or > 2100 || q is < 1 or > 4 || !profiles.Contains(j) || !Reachable(caller, profiles).Contains(j)) return null;
        return new Query(y, q, j);
    }

    private static IResult Refusal(Caller caller, ProfileCatalog profiles, int? year, int? quarter, string? jurisdiction)
    {
        if (year is < 2000 or > 2100)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad year", detail: $"年份 {year} 无效，应为 2000–2100 (year is 2000 to 2100)");
        if (quarter is < 1 or > 4)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad quarter", detail: $"季度 {quarter} 无效，应为 1–4 (quarter is 1 to 4)");
        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such jurisdiction",
            detail: $"没有辖区「{jurisdiction}」(no jurisdiction '{jurisdiction}')");
    }

    private static async Task<QuarterlyFigures> LoadAsync(Query query, StatisticsCases cases, CancellationToken cancellationToken) =>
        // A class is filed before it starts: cases filed after the quarter's end cannot start in it.
        QuarterlyStatisticsBuilder.Build(query.Year, query.Quarter,
            await cases.LoadAsync(query.Jurisdiction, new DateOnly(query.Year, 3 * query.Quarter - 2, 1).AddMonths(3), cancellationToken));
}
