using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Host.Authentication;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Uploads;

/// <summary>
/// <c>/api/uploads</c>: resumable uploads by the tus 1.0.0 protocol (https://tus.io/protocols/resumable-upload), core
/// plus the <c>creation</c>, <c>termination</c> and <c>expiration</c> extensions, for institution staff. A large scan
/// survives a dropped connection: the client (tus-js-client) asks for the offset (HEAD) and sends the rest (PATCH). A
/// finished upload is handed to a case by <c>POST /api/cases/{businessKey}/packs</c> with <c>{ "uploads": [id, …] }</c>.
/// </summary>
public static class TusEndpoints
{
    public const string Version = "1.0.0";

    public static IEndpointRouteBuilder MapTusUploads(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<PipelineOptions>().MaxUploadBytes;
        var uploads = app.MapGroup("/api/uploads").WithTags("Uploads").RequireAuthorization(Policies.Institution);
        uploads.MapMethods("/", ["OPTIONS"], Options).WithSummary("tus discovery: version, extensions, largest upload");
        // Not rate-limited per request (a pack of many files creates many); each user has a bounded number open.
        uploads.MapPost("/", Create)
            .WithSummary("tus creation: Upload-Length and Upload-Metadata (filename in base64) → 201 with Location");
        uploads.MapMethods("/{id}", ["HEAD"], Head).WithSummary("tus: the bytes received so far (Upload-Offset)");
        uploads.MapMethods("/{id}", ["PATCH"], PatchAsync)
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + 1024))
            .WithSummary("tus: append application/offset+octet-stream at Upload-Offset");
        uploads.MapDelete("/{id}", Delete).WithSummary("tus termination: discard an upload");
        return app;
    }

    private static IResult Options(HttpContext context, PipelineOptions options)
    {
        var headers = context.Response.Headers;
        headers["Tus-Resumable"] = Version;
        headers["Tus-Version"] = Version;
        headers["Tus-Extension"] = "creation,termination,expiration";
        headers["Tus-Max-Size"] = options.MaxUploadBytes.ToString(CultureInfo.InvariantCulture);
        return TypedResults.NoContent();
    }

    private static IResult Create(HttpContext context, Caller caller, ResumableUploads uploads)
    {
        if (Refused(context) is { } refused) return refused;
        if (!long.TryParse(context.Request.Headers["Upload-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            return Problem(context, new UploadProblemException(StatusCodes.Status400BadRequest, "No Upload-Length",
                "Upload-Length is required (deferred lengths are not supported)"));
        var fileName = Metadata(context.Request.Headers["Upload-Metadata"].ToString()).GetValueOrDefault("filename") is { Length: > 0 } name
            ? Path.GetFileName(name) : "upload";
        try
        {
            var upload = uploads.Create(caller.UserId, length, fileName);
            context.Response.Headers["Location"] = $"/api/uploads/{upload.Id}";
            context.Response.Headers["Upload-Expires"] = upload.Expires.ToString("r", CultureInfo.InvariantCulture);
            return TypedResults.StatusCode(StatusCodes.Status201Created);
        }
        catch (UploadProblemException e)
        {
            return Problem(context, e);
        }
    }

    private static IResult Head(string id, HttpContext context, Caller caller, ResumableUploads uploads)
    {
        context.Response.Headers["Tus-Resumable"] = Version;
        context.Response.Headers.CacheControl = "no-store";
        if (uploads.Find(id, caller.UserId) is not { } upload) return TypedResults.NotFound();
        context.Response.Headers["Upload-Offset"] = upload.Offset.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["Upload-Length"] = upload.Length.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["Upload-Expires"] = upload.Expires.ToString("r", CultureInfo.InvariantCulture);
        return TypedResults.Ok();
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext context, Caller caller, ResumableUploads uploads, CancellationToken cancellationToken)
    {
        if (Refused(context) is { } refused) return refused;
        if (!string.Equals(context.Request.ContentType, "application/offset+octet-stream", StringComparison.OrdinalIgnoreCase))
            return Problem(context, new UploadProblemException(StatusCodes.Status415UnsupportedMediaType, "Wrong content type",
                "PATCH bodies are application/offset+octet-stream"));
        if (!long.TryParse(context.Request.Headers["Upload-Offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            return Problem(context, new UploadProblemException(StatusCodes.Status400BadRequest, "No Upload-Offset", "Upload-Offset is required"));
        try
        {
            var received = await uploads.AppendAsync(id, caller.UserId, offset, context.Request.Body, cancellationToken);
            context.Response.Headers["Upload-Offset"] = received.ToString(CultureInfo.InvariantCulture);
            return TypedResults.NoContent();
        }
        catch (UploadProblemException e)
        {
            return Problem(context, e);
        }
    }

    private static IResult Delete(string id, HttpContext context, Caller caller, ResumableUploads uploads)
    {
        if (Refused(context) is { } refused) return refused;
        if (uploads.Find(id, caller.UserId) is null) return TypedResults.NotFound();
        uploads.Delete(id);
        return TypedResults.NoContent();
    }

    /// <summary>Every tus response names the version; a request for another version is refused (412).</summary>
    private static IResult? Refused(HttpContext context)
    {
        context.Response.Headers["Tus-Resumable"] = Version;
        return context.Request.Headers["Tus-Resumable"] == Version
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Unsupported tus version",
                detail: $"send Tus-Resumable: {Version}");
    }

    private static IResult Problem(HttpContext context, UploadProblemException e)
    {
        context.Response.Headers["Tus-Resumable"] = Version;
        return TypedResults.Problem(statusCode: e.Status, title: e.Title, detail: e.Message);
    }

    /// <summary>tus <c>Upload-Metadata</c>: comma-separated pairs of a key and its value in base64.</summary>
    private static Dictionary<string, string> Metadata(string header)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(' ', 2);
            try
            {
                values[parts[0]] = parts.Length == 2 ? Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])) : "";
            }
            catch (FormatException)
            {
                // A value that is not base64 is ignored, as if absent.
            }
        }
        return values;
    }
}
