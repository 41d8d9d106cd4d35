using System.Xml;
using Pipeline.Activities.Catalogue;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Definitions;

/// <summary><c>/api/definitions</c>: deployed process versions, and deploying BPMN XML.</summary>
public static class DefinitionEndpoints
{
    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        var definitions = app.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization(Policies.SignedIn);
        definitions.MapGet("/", ListAsync).WithSummary("Every deployed version of every process");
        definitions.MapGet("/{processId}/{version:int}/xml", XmlAsync)
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .WithSummary("The stored BPMN XML of one process version (for the diagram)");
        definitions.MapGet("/{processId}/{version:int}/instances", ActiveInstancesAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("The active instances of one process version, oldest first (at most limit, 1–1000, default 200): id, business key, start, active elements, incidents — the candidates for migration");
        definitions.MapPost("/", DeployAsync).RequireAuthorization(Policies.Admin)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<Hosting.PipelineOptions>().MaxDefinitionBytes))
            .Accepts<string>("application/xml", "text/xml")
            .WithSummary("Deploy BPMN 2.0 XML: 201 with the versions, or 422 listing every problem with its element id (errors: [{ elementId, elementType, message, messageZh }])");
        definitions.MapPost("/validate", ValidateAsync).RequireAuthorization(Policies.Admin)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<Hosting.PipelineOptions>().MaxDefinitionBytes))
            .Accepts<string>("application/xml", "text/xml")
            .WithSummary("Deploy-time validation without deploying: { deployable, processes, problems: [{ elementId, elementType, message, messageZh }] }");
        return app;
    }

    private static async Task<IResult> ListAsync(IDefinitionStore store, IInstanceStore instances, AccountNames accounts, CancellationToken cancellationToken)
    {
        var running = await instances.CountActiveByVersionAsync(cancellationToken);
        return TypedResults.Ok(await ViewsAsync(await store.ListAsync(cancellationToken), accounts, cancellationToken, running));
    }

    /// <summary>The versions with who deployed each by display name (start-up deployment shows as <c>startup</c>) and their active instances.</summary>
    private static async Task<List<DefinitionView>> ViewsAsync(
        IEnumerable<DeployedProcess> processes, AccountNames accounts, CancellationToken cancellationToken,
        IReadOnlyDictionary<(string ProcessId, int Version), int>? running = null)
    {
        var list = processes.ToList();
        var name = await accounts.ResolveAsync(list.Select(p => p.DeployedBy), cancellationToken);
        return list.Select(p => DefinitionView.Of(p) with
        {
            DeployedBy = name(p.DeployedBy),
            Running = running?.GetValueOrDefault((p.ProcessId, p.Version)) ?? 0,
        }).ToList();
    }

    private static async Task<IResult> ActiveInstancesAsync(
        string processId, int version, IDefinitionStore store, IInstanceStore instances, CancellationToken cancellationToken, int limit = 200)
    {
        if (limit is < 1 or > 1000)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad limit", detail: "limit is 1 to 1000");
        if (await store.GetAsync(processId, version, cancellationToken) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such definition",
                detail: $"no version {version} of process '{processId}'");
        var active = await instances.ActiveAsync(processId, version, limit, cancellationToken);
        return TypedResults.Ok(active.Select(ActiveInstanceView.Of).ToList());
    }

    private static async Task<IResult> XmlAsync(string processId, int version, IDefinitionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(processId, version, cancellationToken) is { } process
            ? TypedResults.Text(process.Xml, "application/xml", System.Text.Encoding.UTF8)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such definition",
                detail: $"no version {version} of process '{processId}'");

    private static readonly IResult ExpectedBpmn = TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Expected BPMN XML", detail: "send the definition as application/xml or text/xml");

    /// <summary>The request's BPMN XML, or null when it is not sent as <c>application/xml</c> or <c>text/xml</c> (415).</summary>
    private static async Task<string?> BpmnBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/xml" or "text/xml")) return null;
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>The checks a deployment makes (BPMN reading and the deploy-time validator), nothing stored.</summary>
    private static async Task<IResult> ValidateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (await BpmnBodyAsync(context, cancellationToken) is not { } xml) return ExpectedBpmn;
        try
        {
            var read = Workflows.Definitions.Bpmn.BpmnReader.Read(xml, "designer");
            var problems = read.Problems
                .Concat(read.Processes.SelectMany(p => Workflows.Definitions.DefinitionValidator.Validate(p, ActivityCatalogue.Types)))
                .Select(p => new ProblemView(p.ElementId, p.ElementType, p.Message, p.MessageZh)).ToList();
            return TypedResults.Ok(new ValidationView(problems.Count == 0, read.Processes.Select(p => p.Id).ToList(), problems));
        }
        catch (XmlException e)
        {
            return TypedResults.Ok(new ValidationView(false, [], [new ProblemView("", "xml", $"not well-formed XML: {e.Message}", $"XML 格式不正确：{e.Message}")]));
        }
    }

    private static async Task<IResult> DeployAsync(
        HttpContext context, Caller caller, WorkflowEngine engine, AccountNames accounts, CancellationToken cancellationToken)
    {
        if (await BpmnBodyAsync(context, cancellationToken) is not { } xml) return ExpectedBpmn;
        try
        {
            var deployed = await engine.DeployAsync(xml, ActivityCatalogue.Types, caller.UserId, cancellationToken, "upload");
            return TypedResults.Created("/api/definitions", await ViewsAsync(deployed, accounts, cancellationToken));
        }
        catch (DefinitionInvalidException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Definition not deployable",
                detail: $"{e.Problems.Count} problem(s)",
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = e.Problems.Select(p => new ProblemView(p.ElementId, p.ElementType, p.Message, p.MessageZh)).ToList(),
                });
        }
        catch (XmlException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Definition not deployable",
                detail: $"not well-formed XML: {e.Message}",
                extensions: new Dictionary<string, object?> { ["errors"] = Array.Empty<ProblemView>() });
        }
        catch (ConcurrencyException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Deployed concurrently", detail: e.Message);
        }
    }
}

/// <param name="Running">Active instances on this version (0 after a deployment).</param>
public sealed record DefinitionView(string ProcessId, string? Name, int Version, string Sha256, DateTimeOffset DeployedAt, string DeployedBy, int Running = 0)
{
    public static DefinitionView Of(DeployedProcess p) => new(p.ProcessId, p.Model.Name, p.Version, p.Sha256, p.DeployedAt, p.DeployedBy);
}

/// <summary>What <c>POST /api/definitions/validate</c> found: deployable or not, the process ids, every problem by element.</summary>
public sealed record ValidationView(bool Deployable, IReadOnlyList<string> Processes, IReadOnlyList<ProblemView> Problems);

/// <summary>One <c>DefinitionProblem</c> of a refused deployment: the English message and the Chinese one (<c>messageZh</c>).</summary>
public sealed record ProblemView(string ElementId, string ElementType, string Message, string MessageZh);
