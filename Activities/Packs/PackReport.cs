namespace Pipeline.Activities.Packs;

/// <summary>
/// The checked, itemised verdict on one material pack: the <c>bundle check</c> JSON document of
/// architecture.md (the CLI and the API return the same). Nothing in it carries a full ID or phone number.
/// </summary>
/// <param name="File">The upload's file name as given.</param>
/// <param name="Sha256">Hex SHA-256 of the original, which the store keeps unmodified under that name.</param>
/// <param name="Pack">Pack kind: <c>class-opening</c> or <c>subsidy-claim</c>.</param>
/// <param name="Profile">Jurisdiction profile name.</param>
/// <param name="Verdict"><c>complete</c>, <c>incomplete</c> or <c>unreadable</c> (<see cref="Verdicts"/>).</param>
public sealed record PackReport(
    string File,
    string Sha256,
    string Pack,
    string Profile,
    IReadOnlyList<PageReport> Pages,
    IReadOnlyList<SectionReport> Sections,
    IReadOnlyList<string> Missing,
    IReadOnlyList<RosterRow> Roster,
    IReadOnlyList<Finding> Findings,
    string Verdict,
    PackSummary Summary)
{
    /// <summary>
    /// The files the pack is made of, in order, each with its page count: pages 1 to the first file's count are the
    /// first file's, and so on. One entry for a one-file pack; empty when the pack could not be opened.
    /// </summary>
    public IReadOnlyList<PackPart> Parts { get; init; } = [];
}

/// <summary>One page as read and classified.</summary>
/// <param name="Number">1-based page number in the upload.</param>
/// <param name="Source"><c>text</c> (text layer) or <c>ocr</c>.</param>
/// <param name="Confidence">0–100; 100 for text-layer pages.</param>
/// <param name="Section">Section id.</param>
/// <param name="Text">Page text with ID and phone numbers masked.</param>
public sealed record PageReport(int Number, string Source, int Confidence, string Section, string Text);

/// <summary>A checklist section (or an extra section found), and the pages it occupies.</summary>
public sealed record SectionReport(string Id, bool Found, IReadOnlyList<int> Pages);

/// <summary>A trainee as listed on the roster, ID number masked.</summary>
/// <param name="IdProblem">Null when valid, else <c>format</c>, <c>areaCode</c>, <c>birthDate</c>, <c>checksum</c> or <c>workingAge</c>.</param>
public sealed record RosterRow(string Name, string IdNumberMasked, bool IdValid, int Page, string? IdProblem);

/// <summary>One problem found, citing its rule.</summary>
/// <param name="Rule">Rule id of domain.md's catalogue, e.g. <c>R-JZ-3</c>.</param>
/// <param name="Severity"><c>error</c> (makes the pack incomplete) or <c>warning</c>.</param>
/// <param name="Message">For the clerk, in Chinese.</param>
/// <param name="Page">1-based page the finding concerns, or null for the whole pack (e.g. a missing section).</param>
public sealed record Finding(string Rule, string Severity, string Message, int? Page);

/// <summary>Counts for lists and dashboards.</summary>
/// <param name="Pages">Pages in the upload.</param>
/// <param name="OcrPages">Pages that went through OCR.</param>
/// <param name="Trainees">Distinct trainees on the roster.</param>
/// <param name="InvalidIds">Roster ID numbers that failed validation.</param>
/// <param name="Vacancies">Vacancies on the job vacancy list, when one was read.</param>
public sealed record PackSummary(int Pages, int OcrPages, int Trainees, int InvalidIds, int? Vacancies);

/// <summary>Verdict values.</summary>
public static class Verdicts
{
    public const string Complete = "complete";
    public const string Incomplete = "incomplete";
    public const string Unreadable = "unreadable";
}

/// <summary>Finding severities.</summary>
public static class Severities
{
    public const string Error = "error";
    public const string Warning = "warning";
}
