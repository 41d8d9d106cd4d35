using Pipeline.Activities.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Activities.Classification;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Packs.Checks;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Packs;

/// <summary>
/// Checks a material pack end to end: keeps the original (by SHA-256), reads every page (text layer or
/// OCR, pages in parallel), classifies pages into sections, extracts the roster and vacancies, and checks
/// the pack against its checklist and the jurisdiction profile. Long-lived and thread-safe: one per process,
/// callable from the CLI and from background jobs alike.
/// </summary>
public sealed class PackChecker(
    DocumentIntake intake,
    OcrEnginePool ocr,
    IOriginalStore originals,
    SectionClassifier classifier,
    ProfileCatalog profiles,
    PackCheckOptions options,
    TimeProvider time,
    ILogger<PackChecker>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<PackChecker>.Instance;
    private readonly PackDocuments _packs = new(intake, originals);

    /// <summary>
    /// The report of an upload that could not be read at all (<paramref name="refusal"/>: empty, damaged, a pixel or
    /// ZIP bomb, too slow…): verdict <c>unreadable</c> and one error finding, citing the checklist's rule, that says
    /// why in the clerk's words, so the case asks for a new pack instead of failing.
    /// </summary>
    /// <exception cref="KeyNotFoundException">Unknown profile, or the profile has no checklist for the pack kind.</exception>
    public PackReport Refused(PackCheckRequest request, string sha256, DocumentRejectedException refusal)
    {
        var profile = profiles.Get(request.Profile);
        if (!profile.Checklists.TryGetValue(request.Pack, out var checklistId))
            throw new KeyNotFoundException($"profile '{profile.Name}' has no checklist for pack '{request.Pack}'");
        var checklist = PackChecklist.LoadEmbedded(checklistId);
        _log.LogWarning("Pack {Sha} refused: {Reason} ({Detail})", sha256[..Math.Min(12, sha256.Length)], refusal.Reason, refusal.Detail);
        return new PackReport(request.FileName ?? Path.GetFileName(request.Path), sha256, request.Pack, profile.Name, [], [], [], [],
            [new Finding(checklist.Rule, Severities.Error, refusal.Message, null)], Verdicts.Unreadable, new PackSummary(0, 0, 0, 0, null));
    }

    /// <summary>Checks one upload.</summary>
    /// <param name="progress">Receives pages done / total while pages are read.</param>
    /// <returns>The report; its verdict says whether the pack is complete. A pack that could be read is never an exception.</returns>
    /// <exception cref="Documents.DocumentRejectedException">The upload cannot be read at all (empty, unsupported, encrypted, damaged, truncated, no pages).</exception>
    /// <exception cref="KeyNotFoundException">Unknown profile, or the profile has no checklist for the pack kind.</exception>
    /// <exception cref="OcrUnavailableException">The OCR engine cannot start on this machine.</exception>
    public async Task<PackReport> CheckAsync(PackCheckRequest request, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var profile = profiles.Get(request.Profile);
        if (!profile.Checklists.TryGetValue(request.Pack, out var checklistId))
            throw new KeyNotFoundException($"profile '{profile.Name}' has no checklist for pack '{request.Pack}' (known: {string.Join(", ", profile.Checklists.Keys)})");
        var checklist = PackChecklist.LoadEmbedded(checklistId);
        var asOf = request.AsOf ?? DateOnly.FromDateTime(time.GetLocalNow().Date);

        var original = await originals.StoreAsync(request.Path, cancellationToken).ConfigureAwait(false);
        var fileName = request.FileName ?? Path.GetFileName(request.Path);
        using var pack = await _packs.OpenAsync(original, fileName, cancellationToken).ConfigureAwait(false);
        var document = pack.Document;
        _log.LogInformation("Checking {Pack} pack {Sha} ({Format}, {Pages} pages, profile {Profile})",
            request.Pack, original.Sha256[..12], document.Format, document.PageCount, profile.Name);

        IReadOnlyList<PageText> texts;
        var budget = options.DocumentTimeBase + options.DocumentTimePerPage * document.PageCount;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(budget);
            try
            {
                texts = await PageReader.ReadAllAsync(document, ocr, progress, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DocumentRejectedException(RejectionReason.TimedOut, $"{document.PageCount} pages not read within {budget.TotalSeconds:0} s");
            }
        }
        var classes = classifier.ClassifyPages(texts.Select(t => t.Text).ToList());
        var pages = texts.Select((t, i) => new ClassifiedPage(t, classes[i].Section, Readability.IsReadable(t, options))).ToList();

        var report = Assess(pages, checklist, profile, asOf) with
        {
            File = fileName,
            Sha256 = original.Sha256,
            Parts = pack.Parts,
            Pack = request.Pack,
            Profile = profile.Name,
        };
        _log.LogInformation("Pack {Sha}: {Verdict}, {Findings} findings, {Trainees} trainees",
            original.Sha256[..12], report.Verdict, report.Findings.Count, report.Summary.Trainees);
        return report;
    }

    /// <summary>
    /// The checks on already read and classified pages (pure; used by tests without OCR). File, hash, pack and
    /// profile fields of the result are left empty for the caller to fill.
    /// </summary>
    public static PackReport Assess(IReadOnlyList<ClassifiedPage> pages, PackChecklist checklist, JurisdictionProfile profile, DateOnly asOf, PackCheckOptions? options = null)
    {
        options ??= new PackCheckOptions();
        var unreadable = Readability.PackUnreadable(pages, options);
        var findings = Readability.Findings(pages, unreadable, checklist).ToList();
        var sections = SectionChecks.Sections(checklist, pages);
        var missing = SectionChecks.Missing(checklist, sections);
        IReadOnlyList<RosterEntry> roster = [];
        int? vacancies = null;
        if (!unreadable)
        {
            // An unreadable pack lists its sections as missing, but only the one readability finding.
            findings.AddRange(SectionChecks.MissingFindings(checklist, missing));
            findings.AddRange(SectionChecks.OrderFindings(checklist, sections));
            findings.AddRange(SectionChecks.CountFindings(checklist, sections));
            findings.AddRange(PageNumbering.Findings(pages, checklist));

            (roster, vacancies, var rosterFindings) = RosterChecks.Check(pages, checklist, profile, asOf);
            findings.AddRange(rosterFindings);
        }

        var verdict = unreadable ? Verdicts.Unreadable
            : findings.Any(f => f.Severity == Severities.Error) ? Verdicts.Incomplete
            : Verdicts.Complete;
        return new PackReport(
            File: "", Sha256: "", Pack: checklist.Pack, Profile: profile.Name,
            Pages: pages.Select(p => new PageReport(p.Number, p.Page.Source == TextSource.Ocr ? "ocr" : "text", p.Page.Confidence, p.Section, SensitiveText.Mask(p.Page.Text))).ToList(),
            Sections: sections,
            Missing: missing,
            Roster: roster.Select(r => new RosterRow(r.Name, r.IdNumberMasked, r.IdValid, r.Page, r.IdValid ? null : JsonName(r.Problem))).ToList(),
            Findings: findings.OrderBy(f => f.Page ?? 0).ThenBy(f => f.Severity).ToList(),
            Verdict: verdict,
            Summary: new PackSummary(pages.Count, pages.Count(p => p.Page.Source == TextSource.Ocr), roster.Count, roster.Count(r => r.IdInvalid), vacancies));
    }

    private static string JsonName(IdNumberProblem problem) => char.ToLowerInvariant(problem.ToString()[0]) + problem.ToString()[1..];
}
