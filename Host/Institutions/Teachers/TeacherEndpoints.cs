using Microsoft.AspNetCore.Mvc;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Host.Authentication;

namespace Pipeline.Host.Institutions.Teachers;

/// <summary>
/// <c>/api/institutions/{institutionId}/teachers</c>: an institution's teacher pool (YN §九, R-QJ-2). Reading: bureau
/// staff the institutions they reach, institution staff their own (another's → 404). The institution's staff (and
/// administrators) add and change teachers (bureau staff 403); reviewers and administrators record annual checks and
/// exclusions (other roles and institutions 403); exclusion evidence is for bureau staff. Problems Chinese first.
/// </summary>
public static class TeacherEndpoints
{
    public static IEndpointRouteBuilder MapTeachers(this IEndpointRouteBuilder app)
    {
        var teachers = app.MapGroup("/api/institutions/{institutionId}/teachers").WithTags("Teachers").RequireAuthorization(Policies.SignedIn);
        teachers.MapGet("/", (Caller caller, TeacherPool pool, string institutionId, CancellationToken ct) => Run(() => pool.PoolAsync(caller, institutionId, ct)))
            .WithSummary("The pool: teachers (ID numbers masked), certificates, annual checks, exclusions; SIYB teachers required (R-QJ-2) and in the pool");
        teachers.MapPost("/", (Caller caller, TeacherPool pool, string institutionId, TeacherRequest request, CancellationToken ct) =>
            Run(() => pool.AddAsync(caller, institutionId, request, ct), created: true))
            .WithSummary("The institution's staff add a teacher { name, idNumber, occupations, certificates: [{ kind: siyb|teacher-qualification|vocational-qualification|skill-level|other, number }] }");
        teachers.MapPut("/{teacherId}", (Caller caller, TeacherPool pool, string institutionId, string teacherId, TeacherRequest request, CancellationToken ct) =>
            Run(() => pool.UpdateAsync(caller, institutionId, teacherId, request, ct)))
            .WithSummary("The institution's staff change a teacher (idNumber empty: unchanged)");
        teachers.MapPost("/{teacherId}/checks", (Caller caller, TeacherPool pool, string institutionId, string teacherId, CheckRequest request, CancellationToken ct) =>
            Run(() => pool.RecordCheckAsync(caller, institutionId, teacherId, request.Year, request.Passed, request.Note, ct)))
            .RequireAuthorization(Policies.BureauStaff).WithSummary("A reviewer records the annual check { year, passed, note }; a failed check clears the teacher out of the pool (YN §九)");
        teachers.MapPost("/{teacherId}/exclusion", ExcludeAsync)
            .RequireAuthorization(Policies.BureauStaff)
            .DisableAntiforgery() // checked by the Host's middleware for cookie sign-ins
            .WithMetadata(new RequestSizeLimitAttribute(TeacherPool.MaxEvidenceBytes + 1024 * 1024))
            .WithSummary("A reviewer excludes a teacher: multipart reason, fraud (barred for life from every pool) and the evidence file");
        teachers.MapGet("/{teacherId}/exclusions/{exclusionId}/evidence", EvidenceAsync)
            .RequireAuthorization(Policies.BureauStaff).WithSummary("The evidence original of an exclusion, as uploaded (bureau staff in reach)");
        return app;
    }

    public sealed record CheckRequest(int? Year, bool? Passed, string? Note);

    private static async Task<IResult> ExcludeAsync(Caller caller, TeacherPool pool, string institutionId, string teacherId, HttpRequest request, CancellationToken ct) =>
        await Run(async () =>
        {
            Registry.EnsureMayRecord(caller);
            if (!request.HasFormContentType) throw new RegistryException("请以 multipart/form-data 提交，附证据材料 (send multipart/form-data with the evidence file)", rule: TeacherPool.PoolRule);
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("evidence");
            if (file is { Length: > TeacherPool.MaxEvidenceBytes }) throw new RegistryException("证据材料不能超过 20 MB (the evidence is at most 20 MB)");
            byte[]? bytes = null;
            if (file is not null)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                bytes = buffer.ToArray();
            }
            var fraud = form["fraud"].ToString() is "true" or "on" or "1";
            return await pool.ExcludeAsync(caller, institutionId, teacherId, form["reason"], fraud, file?.FileName, bytes, ct);
        });

    private static async Task<IResult> EvidenceAsync(
        Caller caller, TeacherPool pool, IOriginalStore originals, string institutionId, string teacherId, string exclusionId, CancellationToken ct)
    {
        try
        {
            var exclusion = await pool.ExclusionAsync(caller, institutionId, teacherId, exclusionId, ct);
            return originals.Find(exclusion.EvidenceSha256) is { } kept
                ? TypedResults.PhysicalFile(kept.Path, "application/octet-stream", exclusion.EvidenceFileName)
                : TypedResults.Problem(statusCode: 404, title: "Not found", detail: "证据原件不在存储中 (the evidence original is missing from the store)");
        }
        catch (RegistryException e)
        {
            return Problem(e);
        }
    }

    private static async Task<IResult> Run<T>(Func<Task<T>> action, bool created = false)
    {
        try
        {
            var value = await action();
            return created ? TypedResults.Created((string?)null, value) : TypedResults.Ok(value);
        }
        catch (RegistryException e)
        {
            return Problem(e);
        }
    }

    private static IResult Problem(RegistryException e) =>
        TypedResults.Problem(statusCode: e.Status, title: e.Status switch { 403 => "Forbidden", 404 => "Not found", 409 => "Conflict", _ => "Bad request" },
            detail: e.Message, extensions: e.Rule is null ? null : new Dictionary<string, object?> { ["rule"] = e.Rule });
}
