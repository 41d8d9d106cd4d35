using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Host.Hosting;
using Pipeline.Host.Identity;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Cases;

/// <summary><c>/api/cases</c>: pack uploads (start or resubmission) and the case view.</summary>
public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases");
        cases.MapPost("/{businessKey}/packs", UploadAsync)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(100L * 1024 * 1024 + 1024 * 1024))
            .WithSummary("Upload a material pack: starts the case, or resubmits a pack when the case waits for one");
        cases.MapGet("/", ListAsync).WithSummary("Cases, newest first (prefix filters business keys; limit 1–500, default 100)");
        cases.MapGet("/{businessKey}", GetAsync).WithSummary("Where a case stands: waiting elements, incidents, variables, the latest pack report, history");
        return app;
    }

    private static async Task<IResult> UploadAsync(
        string businessKey, HttpContext context, CaseUploads uploads, PipelineOptions options, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context);
        if (caller.User is not { } user) return Caller.Unauthenticated();
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
        var profile = form["profile"].ToString() is { Length: > 0 } pr ? pr : null;
        var fileName = Path.GetFileName(file.FileName) is { Length: > 0 } name ? name : "pack";
        try
        {
            await using var content = file.OpenReadStream();
            var accepted = await uploads.AcceptAsync(businessKey, content, fileName, process, profile, user, cancellationToken);
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

    private static async Task<IResult> ListAsync(ICaseIndex index, CancellationToken cancellationToken, string? prefix = null, int limit = 100) =>
        limit is < 1 or > 500
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad limit", detail: "limit is 1 to 500")
            : TypedResults.Ok(await index.ListAsync(prefix, limit, cancellationToken));

    private static IResult TooLarge(PipelineOptions options) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Pack too large",
        detail: $"a pack may have at most {options.MaxUploadBytes / (1024 * 1024)} MB");

    private static async Task<IResult> GetAsync(string businessKey, ICaseIndex index, IInstanceStore instances, CaseViews views, CancellationToken cancellationToken)
    {
        // A case is its index entry (started by a pack upload) or, failing that, the first top-level instance with
        // the business key (started by a timer or a message, with no pack).
        var entry = await index.FindAsync(businessKey, cancellationToken);
        var instance = entry is not null
            ? await instances.GetAsync(entry.InstanceId, cancellationToken)
            : (await instances.ByBusinessKeyAsync(businessKey, cancellationToken)).FirstOrDefault(i => i.ParentInstanceId is null);
        return instance is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case", detail: $"no case '{businessKey}'")
            : TypedResults.Ok(await views.BuildAsync(instance, entry, cancellationToken));
    }
}
