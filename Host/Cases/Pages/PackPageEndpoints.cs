using System.Text.Json;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Host.Authentication;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Cases.Pages;

/// <summary>
/// <c>/api/cases/{businessKey}/report</c> and <c>…/packs/{sha256}/pages/{page}</c>: a case's latest pack report with its
/// checklist, and its pages as images. Anyone who reaches the case (its institution's staff, the bureau of its
/// jurisdiction, administrators); anyone else is told there is no such case.
/// </summary>
public static class PackPageEndpoints
{
    public static IEndpointRouteBuilder MapPackPages(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.SignedIn);
        cases.MapGet("/{businessKey}/report", ReportAsync)
            .WithSummary("The case's latest checked pack page by page (section, text, findings) with its checklist (材料清单) ✓/✗; 404 before any check");
        cases.MapGet("/{businessKey}/packs/{sha256}/pages/{page:int}", PageAsync)
            .WithSummary("Page {page} (1-based) of one of the case's packs as PNG: size=thumb (240 px wide) or large (1,240 px); 404 for a text-only page");
        return app;
    }

    private static async Task<IResult> ReportAsync(
        string businessKey, Caller caller, IInstanceStore instances, CaseAccess access, PackReportStore reports,
        ProfileCatalog profiles, CancellationToken cancellationToken)
    {
        if (await access.ReachableAsync(businessKey, caller, cancellationToken) is not { } entry) return CaseAccess.NotFound(businessKey);
        var children = await instances.ChildrenAsync(entry.InstanceId, cancellationToken);
        var json = await reports.LatestAsync(children.Select(c => c.Id).Prepend(entry.InstanceId), cancellationToken);
        if (json is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No pack checked yet",
                detail: "材料尚未审核完毕 (no pack of this case has been checked yet)");
        var report = json.Deserialize<PackReport>(ReportJson.Options)!;
        return TypedResults.Ok(new PackReportView(
            report.File, report.Sha256, report.Pack, report.Profile, report.Verdict, report.Parts, report.Pages,
            Checklist(report, profiles), report.Missing, report.Findings, report.Roster, report.Summary));
    }

    /// <summary>The checklist the report was checked against, item by item; null when the profile has none for the pack.</summary>
    private static ChecklistView? Checklist(PackReport report, ProfileCatalog profiles)
    {
        if (!profiles.Names.Contains(report.Profile, StringComparer.Ordinal) || !profiles.Get(report.Profile).Checklists.TryGetValue(report.Pack, out var id)) return null;
        var checklist = PackChecklist.LoadEmbedded(id);
        var found = report.Sections.ToDictionary(s => s.Id, s => s, StringComparer.Ordinal);
        return new ChecklistView(checklist.Id, checklist.DisplayName, checklist.Source, checklist.Rule, checklist.Sections.Select(s =>
        {
            var pages = found.TryGetValue(s.Id, out var section) && section.Found ? section.Pages : [];
            return new ChecklistItemView(s.Id, s.Label, s.Required, s.Rule ?? checklist.Rule, pages.Count > 0, pages, s.MinPages,
                pages.Count >= (s.MinPages ?? 1));
        }).ToList());
    }

    private static async Task<IResult> PageAsync(
        string businessKey, string sha256, int page, string? size, Caller caller, CaseAccess access, PagePreviews previews,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (size is not (null or "thumb" or "large"))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad size", detail: "size is thumb or large");
        // Only the case's own packs: a hash of another case's pack reads as missing, like a case out of reach.
        if (await access.ReachableAsync(businessKey, caller, cancellationToken) is not { } entry || !entry.Packs.Any(p => p.Document == sha256))
            return CaseAccess.NotFound(businessKey);
        var preview = await previews.GetAsync(sha256, page, size == "large" ? PreviewSize.Large : PreviewSize.Thumb, cancellationToken);
        if (preview is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such page", detail: $"材料中没有第 {page} 页 (the pack has no page {page})");
        if (preview.Path is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No page image",
                detail: $"第 {page} 页为文字内容，没有图像 (page {page} is text only: a Word or Excel page)");
        // A pack never changes under its hash: the browser may keep the image (private: it is one institution's).
        context.Response.Headers.CacheControl = "private, max-age=86400, immutable";
        return TypedResults.PhysicalFile(preview.Path, "image/png", enableRangeProcessing: false);
    }
}
