using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Host.Hosting;
using Pipeline.Host.Identity;
using Pipeline.Host.Jobs;
using Pipeline.Workflows.Expressions;
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

    private static async Task<IResult> GetAsync(
        string businessKey, ICaseIndex index, IInstanceStore instances, PackReportStore reports, JobMonitor jobs, CancellationToken cancellationToken)
    {
        var entry = await index.FindAsync(businessKey, cancellationToken);
        var instance = entry is null ? null : await instances.GetAsync(entry.InstanceId, cancellationToken);
        if (entry is null || instance is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case", detail: $"no case '{businessKey}'");

        var report = await reports.LoadAsync(instance.Id, cancellationToken);
        var history = await instances.HistoryAsync(instance.Id, cancellationToken);
        var variables = new JsonObject();
        foreach (var (name, value) in instance.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
            if (name != "report") variables[name] = FeelValues.ToJsonNode(value);

        var waiting = new List<WaitingView>();
        foreach (var b in instance.Bookmarks)
            waiting.Add(new WaitingView(b.Id, b.Kind.ToString(), b.NodeId, b.Name, b.CandidateGroups, b.CreatedAt,
                b.Kind == BookmarkKind.Job ? await jobs.FindAsync(b.Id, cancellationToken) : null, b.DueAt));

        return TypedResults.Ok(new CaseView(
            instance.BusinessKey ?? businessKey, instance.Id, instance.ProcessId, instance.Version, instance.Status.ToString(),
            instance.StartedAt, instance.EndedAt,
            waiting,
            instance.Tokens.Where(t => t.State == TokenState.Incident).Select(t => new IncidentView(t.Id, t.NodeId, t.Incident ?? "")).ToList(),
            variables,
            entry.Packs.Select(p => new PackView(p.Sha256, p.FileName, p.Action, p.At, p.By)).ToList(),
            report is null ? null : new ReportView(
                report["file"]?.GetValue<string>(), report["sha256"]?.GetValue<string>(), report["verdict"]?.GetValue<string>(),
                report["missing"]?.DeepClone(), report["findings"]?.DeepClone()),
            history.Select(h => new HistoryView(h.Sequence, h.At, h.Actor, h.Kind, h.NodeId, h.Detail, Parse(h.VariablesBefore), Parse(h.VariablesAfter))).ToList()));
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}

public sealed record CaseView(
    string BusinessKey, Guid InstanceId, string ProcessId, int Version, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    IReadOnlyList<WaitingView> Waiting, IReadOnlyList<IncidentView> Incidents, JsonObject Variables, IReadOnlyList<PackView> Packs,
    ReportView? Report, IReadOnlyList<HistoryView> History);

/// <summary>An open bookmark: what the case waits for; for a job, its state and progress (null once it left the scheduler).</summary>
/// <param name="DueAt">For a timer: when it fires.</param>
public sealed record WaitingView(
    Guid BookmarkId, string Kind, string NodeId, string Name, IReadOnlyList<string> CandidateGroups, DateTimeOffset Since, JobProgress? Job,
    DateTimeOffset? DueAt);

public sealed record IncidentView(Guid TokenId, string NodeId, string Message);

public sealed record PackView(string Sha256, string FileName, string Action, DateTimeOffset At, string By);

/// <summary>The latest pack report's verdict, missing sections and findings.</summary>
public sealed record ReportView(string? File, string? Sha256, string? Verdict, JsonNode? Missing, JsonNode? Findings);

public sealed record HistoryView(long Sequence, DateTimeOffset At, string Actor, string Kind, string? NodeId, string? Detail, JsonNode? VariablesBefore, JsonNode? VariablesAfter);
