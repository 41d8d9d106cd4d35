using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Host.Hosting;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
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
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<PipelineOptions>().MaxUploadBytes + 1024 * 1024))
            .WithSummary("Institution staff upload a material pack: starts their case, or resubmits a pack when it waits for one");
        cases.MapGet("/", ListAsync).WithSummary("Cases the caller reaches, newest first (prefix filters business keys; limit 1–500, default 100)");
        cases.MapGet("/{businessKey}", GetAsync).WithSummary("Where a case stands: waiting elements, incidents, variables, the latest pack report, history");
        return app;
    }

    private static async Task<IResult> UploadAsync(
        string businessKey, Caller caller, HttpContext context, CaseUploads uploads, PipelineOptions options, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Expected multipart/form-data",
                detail: "send the pack as the multipart field 'file'");
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
        if (form.Files.GetFile("file") is not { } file)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file", detail: "the multipart field 'file' is missing");
        if (file.Length > options.MaxUploadBytes) return TooLarge(options);

        var process = form["process"].ToString() is { Length: > 0 } p ? p : "class-opening";
        // A case's jurisdiction is its institution's; a form naming another one is a mistake worth saying.
        if (form["profile"].ToString() is { Length: > 0 } profile && !string.Equals(profile, caller.Jurisdiction, StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Wrong jurisdiction",
                detail: $"贵机构属于「{caller.Jurisdiction}」，案件按该辖区办理 (your institution is in '{caller.Jurisdiction}'; its cases follow that profile, not '{profile}')");
        var fileName = Path.GetFileName(file.FileName) is { Length: > 0 } name ? name : "pack";
        try
        {
            await using var content = file.OpenReadStream();
            var accepted = await uploads.AcceptAsync(businessKey, content, fileName, process, caller, cancellationToken, form["class"].ToString());
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

    private static async Task<IResult> ListAsync(
        Caller caller, ICaseIndex index, CaseAccess access, AccountNames accounts, Accounts.AccountDirectory directory,
        CancellationToken cancellationToken, string? prefix = null, int limit = 100)
    {
        if (limit is < 1 or > 500)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad limit", detail: "limit is 1 to 500");
        var cases = await index.ListAsync(access.Filter(caller, prefix), limit, cancellationToken);
        var name = await accounts.ResolveAsync(cases.Select(c => c.CreatedBy), cancellationToken);
        var institutions = await directory.OrganisationNamesAsync(cases.Select(c => c.InstitutionId), cancellationToken);
        return TypedResults.Ok(cases.Select(c => new CaseListItem(c with { CreatedBy = name(c.CreatedBy) },
            c.InstitutionId is { } id ? institutions.GetValueOrDefault(id) : null)).ToList());
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

/// <summary>A case in a list: its summary, flattened, with the institution's registered name (培训机构名称).</summary>
public sealed record CaseListItem(
    string BusinessKey, Guid InstanceId, string ProcessId, DateTimeOffset CreatedAt, string CreatedBy, int Packs, string? InstitutionId,
    string? Jurisdiction, string? InstitutionName)
{
    public CaseListItem(CaseSummary c, string? institutionName)
        : this(c.BusinessKey, c.InstanceId, c.ProcessId, c.CreatedAt, c.CreatedBy, c.Packs, c.InstitutionId, c.Jurisdiction, institutionName)
    {
    }
}
