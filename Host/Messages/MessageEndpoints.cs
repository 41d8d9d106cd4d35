using System.Text.Json;
using Pipeline.Activities.Profiles;
using Pipeline.Host.Authentication;
using Pipeline.Host.Cases;
using Pipeline.Workflows.Expressions;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Messages;

/// <summary>
/// <c>POST /api/messages</c>: publish a BPMN message (an objection filed during publicity, a contract signed, …). It
/// resumes the instance waiting for it and starts the processes with a message start event for it
/// (<see cref="WorkflowEngine.PublishMessageAsync"/>); a message nobody takes is refused with 409, not kept. A case it starts
/// gets the variable <c>profile</c>: the named jurisdiction (or the publisher's), as an uploaded pack's case does.
/// </summary>
public static class MessageEndpoints
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/messages").WithTags("Messages").RequireAuthorization(Policies.Admin)
            .MapPost("/", PublishAsync)
            .WithSummary("Publish a message { name, correlationKey, variables }: 200 with the instances it resumed or started, 409 when nobody takes it");
        return app;
    }

    private static async Task<IResult> PublishAsync(
        PublishMessageRequest? body, Caller caller, MessageStarter starter, ProfileCatalog profiles, CancellationToken cancellationToken)
    {
        if (body is not { Name.Length: > 0, CorrelationKey.Length: > 0 })
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid message",
                detail: "give the message's name and correlationKey (the case's business key)");
        var jurisdiction = body.Jurisdiction is { Length: > 0 } named ? named : caller.Jurisdiction;
        if (!profiles.Contains(jurisdiction))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown jurisdiction",
                detail: $"未知辖区「{jurisdiction}」(unknown jurisdiction '{jurisdiction}'; known: {string.Join(", ", profiles.Names)})");
        Dictionary<string, object?>? variables = null;
        if (body.Variables is { ValueKind: JsonValueKind.Object } json)
            variables = new Dictionary<string, object?>(FeelValues.VariablesFromJson(json), StringComparer.Ordinal);
        if (variables?.Keys.Where(ReservedVariables.Names.Contains).ToList() is { Count: > 0 } reserved)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Reserved variables",
                detail: $"消息不能设置系统变量 {string.Join(", ", reserved)} (a message cannot set the Host's own variables: {string.Join(", ", reserved)}; packs are uploaded, not named)");
        try
        {
            var published = await starter.PublishAsync(body.Name, body.CorrelationKey, variables, jurisdiction, caller.UserId, cancellationToken);
            if (published.Refused)
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nobody takes this message",
                    detail: $"no instance waits for '{body.Name}' with key '{body.CorrelationKey}' and no process starts by it; messages are not kept, send it again when the case waits for it");
            return TypedResults.Ok(new MessagePublished(published.Correlated?.Id, published.Started.Select(i => i.Id).ToList()));
        }
        catch (ConcurrencyException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile", detail: e.Message);
        }
    }
}

/// <param name="Variables">A JSON object of variables the message carries, or none.</param>
/// <param name="Jurisdiction">The jurisdiction of a case the message starts (default: the publisher's).</param>
public sealed record PublishMessageRequest(string Name, string CorrelationKey, JsonElement? Variables, string? Jurisdiction = null);

/// <param name="Correlated">The waiting instance the message resumed, if any.</param>
/// <param name="Started">Instances it started at message start events.</param>
public sealed record MessagePublished(Guid? Correlated, IReadOnlyList<Guid> Started);
