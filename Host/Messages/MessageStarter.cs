using Pipeline.Activities.Profiles;
using Pipeline.Host.Cases;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Messages;

/// <summary>
/// Publishes a BPMN message on behalf of a signed-in caller (<see cref="WorkflowEngine.PublishMessageAsync"/>) and
/// records every case it starts under the jurisdiction, so that its bureau's staff reach it: the one path for
/// <c>POST /api/messages</c> and the pages that start a case by message (a tender).
/// </summary>
public sealed class MessageStarter(WorkflowEngine engine, ICaseIndex index, ProfileCatalog profiles)
{
    /// <summary>Publishes <paramref name="name"/> to <paramref name="businessKey"/>; when the key has no case yet, the message
    /// carries the variable <c>profile</c> (the jurisdiction's profile name, as an uploaded pack's case gets it) and a case
    /// it starts is recorded under that jurisdiction. A message to an existing case never changes its profile.</summary>
    /// <returns>What the engine did; <see cref="MessagePublication.Refused"/> when nobody took the message.</returns>
    /// <exception cref="KeyNotFoundException">Unknown jurisdiction.</exception>
    /// <exception cref="ConcurrencyException">The waiting instance changed meanwhile.</exception>
    public async Task<MessagePublication> PublishAsync(string name, string businessKey, Dictionary<string, object?>? variables, string jurisdiction,
        string userId, CancellationToken cancellationToken)
    {
        var profile = profiles.Get(jurisdiction).Name;
        if (await index.FindAsync(businessKey, cancellationToken) is null)
            (variables ??= new Dictionary<string, object?>(StringComparer.Ordinal))["profile"] = profile;
        var published = await engine.PublishMessageAsync(name, businessKey, variables, userId, cancellationToken);
        foreach (var started in published.Started.Where(i => i.ParentInstanceId is null))
        {
            try
            {
                await index.AddCaseAsync(new CaseEntry(businessKey, started.Id, started.ProcessId, [], null, profile), userId, cancellationToken);
            }
            catch (CaseExistsException)
            {
                // The key has a case already (an upload's); the instance is reached through it.
            }
        }
        return published;
    }
}
