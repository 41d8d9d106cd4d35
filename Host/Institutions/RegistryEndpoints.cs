using Microsoft.AspNetCore.Mvc;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Host.Authentication;

namespace Pipeline.Host.Institutions;

/// <summary>
/// <c>/api/contracts</c> and <c>/api/institutions</c>: the contracts registry and institutions' standing (issue 14).
/// Reading: bureau staff what they reach, institution staff their own (another's → 404). Recording: reviewers and
/// administrators of the jurisdiction (other bureau roles 403, institutions 403). Errors are problems, Chinese first.
/// </summary>
public static class RegistryEndpoints
{
    /// <summary>Largest evidence upload for a blacklist entry (R-YN-12).</summary>
    public const long MaxEvidenceBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        var contracts = app.MapGroup("/api/contracts").WithTags("Contracts").RequireAuthorization(Policies.SignedIn);
        contracts.MapGet("/", async (Caller caller, Registry registry, CancellationToken ct) => TypedResults.Ok(await registry.ContractsAsync(caller, ct)))
            .WithSummary("Contracts the caller reaches (institutions: their own), newest first, each with its status today");
        contracts.MapGet("/{contractId}", (Caller caller, Registry registry, string contractId, CancellationToken ct) =>
            Run(() => registry.ContractAsync(caller, contractId, ct))).WithSummary("One contract: occupations, areas with yearly quotas, term, renewals, status");
        contracts.MapPost("/", (Caller caller, Registry registry, NewContract request, CancellationToken ct) =>
            Run(() => registry.RecordContractAsync(caller, request, ct), created: true))
            .RequireAuthorization(Policies.BureauStaff).WithSummary("Reviewer or administrator records a contract { institutionId, number, occupations, areas: [{ area, quota }], startsOn, endsOn, renewedYearly, orderBasedPercent }");
        contracts.MapPost("/{contractId}/renewals", (Caller caller, Registry registry, string contractId, CancellationToken ct) =>
            Run(() => registry.RenewAsync(caller, contractId, ct)))
            .RequireAuthorization(Policies.BureauStaff).WithSummary("Records the renewal of the next contract year (R-WS-1)");
        contracts.MapPost("/{contractId}/termination", (Caller caller, Registry registry, string contractId, TerminationRequest request, CancellationToken ct) =>
            Run(() => registry.TerminateAsync(caller, contractId, request.Reason, ct)))
            .RequireAuthorization(Policies.BureauStaff).WithSummary("Terminates a contract { reason }");

        var institutions = app.MapGroup("/api/institutions").WithTags("Institutions").RequireAuthorization(Policies.SignedIn);
        institutions.MapGet("/", async (Caller caller, Registry registry, CancellationToken ct) => TypedResults.Ok(await registry.StandingsAsync(caller, ct)))
            .RequireAuthorization(Policies.BureauStaff).WithSummary("Institutions in reach with licence occupations, registration, reviews, blacklist and contracts");
        institutions.MapGet("/{institutionId}/standing", (Caller caller, Registry registry, string institutionId, CancellationToken ct) =>
            Run(() => registry.StandingAsync(caller, institutionId, ct))).WithSummary("One institution's standing (institutions: their own)");
        institutions.MapPut("/{institutionId}/registration", (Caller caller, Registry registry, string institutionId, RegistrationRequest request, CancellationToken ct) =>
            Run(() => registry.RecordRegistrationAsync(caller, institutionId, request.Level, request.RegisteredOn, ct)))
            .RequireAuthorization(Policies.BureauStaff).WithSummary("Records the registration level { level: city|county, registeredOn } (R-QJ-1)");
        institutions.MapPost("/{institutionId}/reviews", (Caller caller, Registry registry, string institutionId, ReviewRequest request, CancellationToken ct) =>
            Run(() => registry.RecordReviewAsync(caller, institutionId, request.Year, request.Grade, request.Publication, ct)))
            .RequireAuthorization(Policies.BureauStaff).WithSummary("Records and publishes a year's annual review { year, grade: excellent|pass|fail, publication } (R-GL-13)");
        institutions.MapPost("/{institutionId}/blacklist", BlacklistAsync)
            .RequireAuthorization(Policies.BureauStaff)
            .DisableAntiforgery() // checked by the Host's middleware for cookie sign-ins
            .WithMetadata(new RequestSizeLimitAttribute(MaxEvidenceBytes + 1024 * 1024))
            .WithSummary("Blacklists an institution (R-YN-12): multipart reason, decision, licenceRevoked and the evidence file");
        institutions.MapGet("/{institutionId}/blacklist/{entryId}/evidence", EvidenceAsync)
            .RequireAuthorization(Policies.BureauStaff).WithSummary("The evidence original of a blacklist entry, as uploaded (bureau staff in reach)");
        institutions.MapGet("/{institutionId}/eligibility", EligibilityAsync)
            .WithSummary("Whether the institution may take subsidised training of ?occupation= in ?area= on ?date= (default today), of ?kind= (entrepreneurship: SIYB teachers, R-QJ-2): eligible, or the reasons with rule ids");
        return app;
    }

    public sealed record TerminationRequest(string? Reason);
    public sealed record RegistrationRequest(string? Level, DateOnly? RegisteredOn);
    public sealed record ReviewRequest(int? Year, string? Grade, string? Publication);

    private static async Task<IResult> BlacklistAsync(Caller caller, Registry registry, string institutionId, HttpRequest request, CancellationToken ct) =>
        await Run(async () =>
        {
            Registry.EnsureMayRecord(caller);
            if (!request.HasFormContentType) throw new RegistryException("请以 multipart/form-data 提交，附证据材料 (send multipart/form-data with the evidence file)", rule: "R-YN-12");
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("evidence");
            if (file is { Length: > MaxEvidenceBytes }) throw new RegistryException("证据材料不能超过 20 MB (the evidence is at most 20 MB)");
            byte[]? bytes = null;
            if (file is not null)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                bytes = buffer.ToArray();
            }
            var revoked = form["licenceRevoked"].ToString() is "true" or "on" or "1";
            return await registry.BlacklistAsync(caller, institutionId, form["reason"], form["decision"], revoked, file?.FileName, bytes, ct);
        });

    private static async Task<IResult> EvidenceAsync(
        Caller caller, Registry registry, IOriginalStore originals, string institutionId, string entryId, CancellationToken ct)
    {
        try
        {
            var entry = await registry.BlacklistEntryAsync(caller, institutionId, entryId, ct);
            return originals.Find(entry.EvidenceSha256) is { } kept
                ? TypedResults.PhysicalFile(kept.Path, "application/octet-stream", entry.EvidenceFileName)
                : TypedResults.Problem(statusCode: 404, title: "Not found", detail: "证据原件不在存储中 (the evidence original is missing from the store)");
        }
        catch (RegistryException e)
        {
            return TypedResults.Problem(statusCode: e.Status, title: "Not found", detail: e.Message);
        }
    }

    private static async Task<IResult> EligibilityAsync(
        Caller caller, Registry registry, InstitutionEligibility eligibility, string institutionId, CancellationToken ct,
        string? occupation = null, string? area = null, string? date = null, string? kind = null) =>
        await Run(async () =>
        {
            var institution = await registry.InstitutionAsync(caller, institutionId, ct);
            if (string.IsNullOrWhiteSpace(occupation)) throw new RegistryException("请指定职业（工种）?occupation= (occupation is required)");
            var day = registry.Today;
            if (!string.IsNullOrEmpty(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", out day))
                throw new RegistryException($"日期「{date}」无效，应为 yyyy-MM-dd (date is yyyy-MM-dd)");
            return (await eligibility.EvaluateAsync(institution.Id, occupation, area, day, ct, kind))!;
        });

    private static async Task<IResult> Run<T>(Func<Task<T>> action, bool created = false)
    {
        try
        {
            var value = await action();
            return created ? TypedResults.Created((string?)null, value) : TypedResults.Ok(value);
        }
        catch (RegistryException e)
        {
            return TypedResults.Problem(statusCode: e.Status, title: e.Status switch { 403 => "Forbidden", 404 => "Not found", 409 => "Conflict", _ => "Bad request" },
                detail: e.Message, extensions: e.Rule is null ? null : new Dictionary<string, object?> { ["rule"] = e.Rule });
        }
    }
}
