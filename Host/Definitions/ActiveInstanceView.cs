using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Definitions;

/// <summary>
/// One active instance of a process version, as the designer's migration list shows it: no variables (they may hold
/// personal data), only where it stands.
/// </summary>
/// <param name="ActiveElements">The distinct element ids its tokens stand on, in token order.</param>
/// <param name="Incidents">Tokens held by an incident.</param>
public sealed record ActiveInstanceView(Guid InstanceId, string? BusinessKey, DateTimeOffset StartedAt, IReadOnlyList<string> ActiveElements, int Incidents)
{
    public static ActiveInstanceView Of(ProcessInstance instance) => new(
        instance.Id, instance.BusinessKey, instance.StartedAt,
        instance.Tokens.Select(t => t.NodeId).Distinct(StringComparer.Ordinal).ToList(),
        instance.Tokens.Count(t => t.State == TokenState.Incident));
}
