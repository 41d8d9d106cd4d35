using Pipeline.Activities.Packs;

namespace Pipeline.Host.Cases.Pages;

/// <summary>
/// The latest checked pack of a case, page by page, with its checklist (材料清单): what the institution reads to fix
/// its pack and what a reviewer reads before deciding. Page texts are masked (ID and phone numbers) as in the report.
/// </summary>
/// <param name="Sha256">The pack's SHA-256 (one file, or the manifest of several): page previews are addressed by it.</param>
/// <param name="Parts">The pack's files in order with their page counts (pages run on across files).</param>
/// <param name="Checklist">The checklist the pack was checked against, each item ✓ / ✗; null when the profile names none.</param>
public sealed record PackReportView(
    string File, string Sha256, string Pack, string Profile, string Verdict, IReadOnlyList<PackPart> Parts,
    IReadOnlyList<PageReport> Pages, ChecklistView? Checklist, IReadOnlyList<string> Missing, IReadOnlyList<Finding> Findings,
    IReadOnlyList<RosterRow> Roster, PackSummary Summary);

/// <summary>A checklist (材料清单) as checked: its name, the regulation it comes from and the rule it cites.</summary>
public sealed record ChecklistView(string Id, string DisplayName, string Source, string Rule, IReadOnlyList<ChecklistItemView> Items);

/// <summary>
/// One item of the checklist: found (✓) or not (✗), on which pages, and the rule a missing item cites (the item's own,
/// else the checklist's).
/// </summary>
/// <param name="MinPages">Least pages the item needs (YN: two 检查表, R-YN-9b), or null.</param>
/// <param name="Complete">Found, on at least <paramref name="MinPages"/> pages.</param>
public sealed record ChecklistItemView(
    string Id, string Label, bool Required, string Rule, bool Found, IReadOnlyList<int> Pages, int? MinPages, bool Complete);
