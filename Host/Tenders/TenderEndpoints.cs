using Pipeline.Activities.Profiles;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Cases;
using Pipeline.Host.Messages;
using Pipeline.Workflows.Expressions;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Tenders;

/// <summary>
/// <c>/api/tenders</c>: the tenders page's API (issue 14). Listing: signed in (bureau staff their reach, institutions
/// the published tenders over them, <see cref="TenderBoard"/>). Starting a tender (the message <c>tender-requested</c>
/// of <c>tender.bpmn</c>): reviewers and administrators. Filing an objection during publicity (R-QJ-4, the message
/// <c>tender-objection</c>): institution staff and bureau staff who reach the tender. <c>/api/plans</c>: the annual plans
/// (bureau staff; reviewers and administrators start next year's, the message <c>annual-plan</c>). Errors are problems, Chinese first.
/// </summary>
public static class TenderEndpoints
{
    public static IEndpointRouteBuilder MapTenders(this IEndpointRouteBuilder app)
    {
        var tenders = app.MapGroup("/api/tenders").WithTags("Tenders").RequireAuthorization(Policies.SignedIn);
        tenders.MapGet("/", async (Caller caller, TenderBoard board, CancellationToken ct) => TypedResults.Ok(await board.ListAsync(caller, ct)))
            .WithSummary("Tenders in reach, newest first: notice, stage, dates, winners, contracts (institutions: published tenders, no scores)");
        tenders.MapPost("/", StartAsync).RequireAuthorization(Policies.BureauStaff)
            .WithSummary("Reviewer or administrator starts a tender { title, method, occupations, headcount, lots, evaluatorPool, evaluatorCount, contractStartsOn, … }");
        tenders.MapPost("/{key}/objections", ObjectAsync)
            .WithSummary("Files an objection { text } while the selected institutions are publicised (R-QJ-4)");

        var plans = app.MapGroup("/api/plans").WithTags("Plans").RequireAuthorization(Policies.BureauStaff);
        plans.MapGet("/", async (Caller caller, PlanBoard board, CancellationToken ct) => TypedResults.Ok(await board.ListAsync(caller, ct)))
            .WithSummary("Annual training plans in reach, newest first: year, county, planned headcount, occupations, stage, findings");
        plans.MapPost("/", StartPlanAsync)
            .WithSummary("Reviewer or administrator starts next year's plan { planYear, previousOccupations } (R-YN-2, R-YN-3)");
        return app;
    }

    /// <summary>Only reviewers and administrators of a bureau start a tender or a plan.</summary>
    private static IResult? MayStart(Caller caller, string what) =>
        caller.IsInstitution || !(caller.IsAdmin || caller.Roles.Contains(Roles.Reviewer))
            ? TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: $"只有经办人或管理员可以发起{what} (only a reviewer or an administrator starts this)")
            : null;

    private static string NewKey(string kind, Caller caller, TimeProvider time) =>
        $"{kind}-{caller.Jurisdiction.ToUpperInvariant()}-{Workflows.Calendar.ChinaTime.Day(time.GetUtcNow()):yyyyMMdd}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";

    private static async Task<IResult> StartPlanAsync(Caller caller, PlanRequest request, MessageStarter starter, TimeProvider time, CancellationToken ct)
    {
        if (MayStart(caller, "年度计划") is { } refused) return refused;
        var thisYear = Workflows.Calendar.ChinaTime.Day(time.GetUtcNow()).Year;
        if (request.PlanYear is not { } year || year < thisYear || year > thisYear + 1)
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: $"计划年度应为 {thisYear} 或 {thisYear + 1} (planYear is this year or next)");
        var previous = (request.PreviousOccupations ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length is > 0 and <= 100).Distinct().ToList();
        var key = NewKey("PLAN", caller, time);
        var published = await starter.PublishAsync("annual-plan", key, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["planYear"] = (decimal)year, ["previousOccupations"] = previous.Cast<object?>().ToList(),
        }, caller.Jurisdiction, caller.UserId, ct);
        return published.Started.Count == 0
            ? TypedResults.Problem(statusCode: 409, title: "Conflict", detail: "年度计划流程未部署 (no deployed process starts on annual-plan)")
            : TypedResults.Created($"/cases/{key}", new TenderStarted(key));
    }

    /// <summary>Next year's plan: its year and last year's occupations (an occupation not among them is "added", R-YN-3).</summary>
    public sealed record PlanRequest(int? PlanYear, IReadOnlyList<string>? PreviousOccupations);

    private static async Task<IResult> StartAsync(
        Caller caller, TenderRequest request, MessageStarter starter, ProfileCatalog profiles, TimeProvider time, CancellationToken ct)
    {
        if (MayStart(caller, "招标") is { } refused) return refused;
        Dictionary<string, object?> variables;
        try { variables = request.ToVariables().ToDictionary(v => v.Key, v => FeelValues.From(v.Value), StringComparer.Ordinal); }
        catch (ArgumentException e) { return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: e.Message); }
        // Bid evaluation needs the jurisdiction's criteria and weights (R-QJ-3): a profile whose regulation says nothing of tendering has none.
        if (!profiles.Contains(caller.Jurisdiction) || profiles.Get(caller.Jurisdiction).Find(ParameterKeys.TenderWeights) is null)
            return TypedResults.Problem(statusCode: 409, title: "Conflict",
                detail: $"{(profiles.Contains(caller.Jurisdiction) ? profiles.Get(caller.Jurisdiction).DisplayName : caller.Jurisdiction)}的规定没有招标评标的规则（{ParameterKeys.TenderWeights}），不能在本系统发起招标 (the jurisdiction's profile has no tender rules)");
        var key = NewKey("TENDER", caller, time);
        var published = await starter.PublishAsync("tender-requested", key, variables, caller.Jurisdiction, caller.UserId, ct);
        return published.Started.Count == 0
            ? TypedResults.Problem(statusCode: 409, title: "Conflict", detail: "招标流程未部署 (no deployed process starts on tender-requested)")
            : TypedResults.Created($"/cases/{key}", new TenderStarted(key));
    }

    private static async Task<IResult> ObjectAsync(
        Caller caller, string key, ObjectionRequest request, TenderBoard board, WorkflowEngine engine, CancellationToken ct)
    {
        var tender = (await board.ListAsync(caller, ct)).FirstOrDefault(t => t.Key == key);
        if (tender is null) return CaseAccess.NotFound($"tender {key}");
        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > 2000) return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: "请填写异议的事实和理由（不超过2000字）(give the objection, at most 2,000 characters)");
        if (!tender.InPublicity)
            return TypedResults.Problem(statusCode: 409, title: "Conflict", detail: "该项目不在公示期，不能提出异议 (the tender is not in its publicity period)", extensions: new Dictionary<string, object?> { ["rule"] = "R-QJ-4" });
        var by = caller.IsInstitution ? caller.OrganisationName : $"{caller.OrganisationName} {caller.DisplayName}";
        try
        {
            var resumed = await engine.CorrelateMessageAsync("tender-objection", key,
                new Dictionary<string, object?> { ["objection"] = text, ["objectionBy"] = by }, caller.UserId, ct);
            return resumed is null
                ? TypedResults.Problem(statusCode: 409, title: "Conflict", detail: "该项目不在公示期，不能提出异议 (the tender is not in its publicity period)")
                : TypedResults.Accepted($"/cases/{key}");
        }
        catch (ConcurrencyException e)
        {
            return TypedResults.Problem(statusCode: 409, title: "Changed meanwhile", detail: e.Message);
        }
    }

    /// <summary>An objection (异议) to the publicised selection: the facts and reasons, at most 2,000 characters.</summary>
    public sealed record ObjectionRequest(string? Text);
}
