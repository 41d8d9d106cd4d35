using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Host.Hosting;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Uploads;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Cases;

/// <summary><c>/api/cases</c>: pack uploads (start or resubmission) and the case view.</summary>
public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.SignedIn);
        cases.MapPost("/{businessKey}/packs", UploadAsync)
            .RequireAuthorization(Policies.Institution)
            .RequireRateLimiting(AuthenticationComposition.UploadLimit)
            // Anti-forgery for cookie sign-ins is checked by the Host's middleware; the form binding's own check is off.
            .DisableAntiforgery()
            // One file or several ('file' fields), or JSON naming finished resumable uploads (PackFromUploads).
            .Accepts<IFormFile>("multipart/form-data", "application/json")
            .WithMetadata(new RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<PipelineOptions>().MaxUploadBytes + 1024 * 1024))
            .WithSummary("Institution staff upload a material pack: starts their case, or resubmits a pack when it waits for one");
        cases.MapGet("/", ListAsync).WithSummary("Cases the caller reaches, newest first (prefix filters business keys; limit 1–500, default 100)");
        cases.MapGet("/{businessKey}", GetAsync).WithSummary("Where a case stands: waiting elements, incidents, variables, the latest pack report, history");
        return app;
    }

    private static async Task<IResult> UploadAsync(
        string businessKey, Caller caller, HttpContext context, CaseUploads uploads, ResumableUploads resumable, PipelineOptions options,
        CancellationToken cancellationToken)
    {
        if (context.Request.HasJsonContentType()) return await UploadResumedAsync(businessKey, caller, context, uploads, resumable, cancellationToken);
        if (!context.Request.HasFormContentType)
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Expected multipart/form-data",
                detail: "send the pack as multipart/form-data with one or more 'file' fields, or as JSON naming finished uploads { \"uploads\": [id, …] }");
        if (context.Request.ContentLength > options.MaxUploadBytes + 1024 * 1024)
            return TooLarge(options);

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable form", detail: e.Message);
        }
        var files = form.Files.GetFiles("file");
        if (files.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file", detail: "the multipart field 'file' is missing");
        if (files.Sum(f => f.Length) > options.MaxUploadBytes) return TooLarge(options);
        if (WrongJurisdiction(caller, form["profile"].ToString()) is { } wrong) return wrong;
        var incoming = files.Select(f => new IncomingFile(Path.GetFileName(f.FileName) is { Length: > 0 } name ? name : "pack", f.OpenReadStream)).ToList();
        var process = form["process"].ToString() is { Length: > 0 } p ? p : "class-opening";
        return await AcceptAsync(businessKey, incoming, process, caller, uploads, form["class"].ToString(), cancellationToken);
    }

    /// <summary>The JSON form: files already sent by resumable upload (<c>/api/uploads</c>), removed once the pack is accepted.</summary>
    private static async Task<IResult> UploadResumedAsync(
        string businessKey, Caller caller, HttpContext context, CaseUploads uploads, ResumableUploads resumable, CancellationToken cancellationToken)
    {
        PackFromUploads? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<PackFromUploads>(cancellationToken);
        }
        catch (System.Text.Json.JsonException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid JSON", detail: e.Message);
        }
        if (body?.Uploads is not { Count: > 0 } ids)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file", detail: "uploads names no finished upload");
        if (WrongJurisdiction(caller, body.Profile) is { } wrong) return wrong;
        var found = ids.Select(id => resumable.Find(id, caller.UserId)).ToList();
        if (found.IndexOf(null) is var missing and >= 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No such upload",
                detail: $"上传 {ids[missing]} 不存在或已过期，请重新上传该文件 (upload '{ids[missing]}' is unknown or expired)");
        if (found.FirstOrDefault(u => !u!.Complete) is { } partial)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Upload not complete",
                detail: $"「{partial.FileName}」尚未上传完成 ('{partial.FileName}' is not complete: {partial.Offset} of {partial.Length} bytes)");
        var incoming = found.Select(u => new IncomingFile(u!.FileName, () => resumable.OpenComplete(u.Id, caller.UserId))).ToList();
        var classData = body.Class is { ValueKind: not System.Text.Json.JsonValueKind.Null and not System.Text.Json.JsonValueKind.Undefined } c ? c.GetRawText() : null;
        var result = await AcceptAsync(businessKey, incoming, body.Process is { Length: > 0 } p ? p : "class-opening", caller, uploads, classData, cancellationToken);
        // The files are in the original store now; a refused pack keeps its uploads, so a corrected form needs no new upload.
        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 })
            foreach (var upload in found) resumable.Delete(upload!.Id);
        return result;
    }

    private static async Task<IResult> AcceptAsync(
        string businessKey, IReadOnlyList<IncomingFile> files, string process, Caller caller, CaseUploads uploads, string? classData,
        CancellationToken cancellationToken)
    {
        try
        {
            var accepted = await uploads.AcceptAsync(businessKey, files, process, caller, cancellationToken, classData);
            return accepted.Duplicate
                ? TypedResults.Ok(accepted)
                : TypedResults.Accepted($"/api/cases/{Uri.EscapeDataString(businessKey)}", accepted);
        }
        catch (UploadRefusedException e)
        {
            return TypedResults.Problem(statusCode: e.Status, title: e.Title, detail: e.Message);
        }
        catch (KeyNotFoundException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such process", detail: e.Message);
        }
        catch (CaseExistsException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The case was started meanwhile",
                detail: $"{e.Message}: upload the pack again to resubmit it");
        }
    }

    /// <summary>A case's jurisdiction is its institution's; a form naming another one is a mistake worth saying.</summary>
    private static IResult? WrongJurisdiction(Caller caller, string? profile) =>
        profile is { Length: > 0 } && !string.Equals(profile, caller.Jurisdiction, StringComparison.OrdinalIgnoreCase)
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Wrong jurisdiction",
                detail: $"贵机构属于「{caller.Jurisdiction}」，案件按该辖区办理 (your institution is in '{caller.Jurisdiction}'; its cases follow that profile, not '{profile}')")
            : null;

    private static async Task<IResult> ListAsync(
        Caller caller, ICaseIndex index, CaseAccess access, AccountNames accounts, Accounts.AccountDirectory directory,
        Tracker.CaseTracker tracker, Tracker.TrackerItems items, TimeProvider time, CancellationToken cancellationToken, string? prefix = null, int limit = 100)
    {
        if (limit is < 1 or > 500)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad limit", detail: "limit is 1 to 500");
        var cases = await index.ListAsync(access.Filter(caller, prefix), limit, cancellationToken);
        var name = await accounts.ResolveAsync(cases.Select(c => c.CreatedBy), cancellationToken);
        var institutions = await directory.OrganisationNamesAsync(cases.Select(c => c.InstitutionId), cancellationToken);
        var tracked = await tracker.ProgressAsync(cases.Select(c => c.BusinessKey).ToList(), cancellationToken);
        var named = (await items.NameAsync(tracked.Values.ToList(), cancellationToken)).ToDictionary(t => t.BusinessKey, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return TypedResults.Ok(cases.Select(c => new CaseListItem(c with { CreatedBy = name(c.CreatedBy) },
            c.InstitutionId is { } id ? institutions.GetValueOrDefault(id) : null)
        {
            Progress = tracked.TryGetValue(c.BusinessKey, out var t) ? CaseProgress.Of(t, named[c.BusinessKey], now) : null,
        }).ToList());
    }

    private static IResult TooLarge(PipelineOptions options) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Pack too large",
        detail: $"a pack may have at most {options.MaxUploadBytes / (1024 * 1024)} MB");

    private static async Task<IResult> GetAsync(
        string businessKey, Caller caller, ICaseIndex index, IInstanceStore instances, CaseAccess access, CaseViews views, CancellationToken cancellationToken)
    {
        // A case is its index entry (started by a pack upload) or, failing that, the first top-level instance with
        // the business key (started by a timer or a message, with no pack).
        var entry = await index.FindAsync(businessKey, cancellationToken);
        var instance = entry is not null
            ? await instances.GetAsync(entry.InstanceId, cancellationToken)
            : (await instances.ByBusinessKeyAsync(businessKey, cancellationToken)).FirstOrDefault(i => i.ParentInstanceId is null);
        if (instance is null || !access.Reaches(caller, entry?.Scope))
            return CaseAccess.NotFound(businessKey);
        return TypedResults.Ok(await views.BuildAsync(instance, entry, caller, cancellationToken));
    }
}

/// <summary>
/// Where a listed case stands (办件进度): its stages by name, its status (<c>active</c>, <c>incident</c>, <c>completed</c>,
/// <c>cancelled</c>), who acts next (<c>institution</c>: a corrected pack; <c>bureau</c>: a task; <c>system</c>: checks
/// and timers; <c>none</c>: finished) and the earliest open task's due date with the working days left (negative: overdue by).
/// </summary>
public sealed record CaseProgress(
    IReadOnlyList<string> Stages, string Status, string Next, DateTimeOffset? DueAt, bool Overdue, int? WorkingDaysLeft)
{
    public static CaseProgress Of(Tracker.TrackedCase tracked, Tracker.TrackerItem item, DateTimeOffset now) => new(
        item.Stages.Select(s => s.Name).ToList(), item.Status,
        item.Status is Tracker.TrackerStatus.Completed or Tracker.TrackerStatus.Cancelled ? "none"
            : tracked.AwaitsPack ? "institution"
            : tracked.OpenTasks > 0 ? "bureau"
            : "system",
        tracked.DueAt, item.Overdue, tracked.DueAt is { } due ? CaseDeadlines.WorkingDays(now, due) : null);
}

/// <summary>
/// A pack made of finished resumable uploads (<c>/api/uploads</c>), in pack order, with what the multipart form carries
/// as fields: the process to start, the class data (a <c>ClassApplication</c> object) and, optionally, the profile.
/// </summary>
public sealed record PackFromUploads(IReadOnlyList<string>? Uploads, string? Process, System.Text.Json.JsonElement? Class, string? Profile);

/// <summary>A case in a list: its summary, flattened, with the institution's registered name (培训机构名称) and where it stands.</summary>
public sealed record CaseListItem(
    string BusinessKey, Guid InstanceId, string ProcessId, DateTimeOffset CreatedAt, string CreatedBy, int Packs, string? InstitutionId,
    string? Jurisdiction, string? InstitutionName)
{
    /// <summary>Stage, status and what is expected next by when; null when the case's instance is gone.</summary>
    public CaseProgress? Progress { get; init; }

    public CaseListItem(CaseSummary c, string? institutionName)
        : this(c.BusinessKey, c.InstanceId, c.ProcessId, c.CreatedAt, c.CreatedBy, c.Packs, c.InstitutionId, c.Jurisdiction, institutionName)
    {
    }
}
