using Pipeline.Workflows.Definitions;

namespace Pipeline.Workflows.Runtime.Migration;

/// <summary>
/// A validated migration of one instance (made by <see cref="MigrationPlanner"/>): which target element each active
/// source element becomes.
/// </summary>
/// <param name="FromVersion">The version the instance runs on now.</param>
/// <param name="ToVersion">The version it moves to (same process id).</param>
/// <param name="Target">The target version's model.</param>
/// <param name="ActiveElements">
/// Every active element of the source (a token's node, an enclosing sub-process, a multi-instance activity, a boundary
/// event or event-based gateway subscription) → its target element id, explicit and implicit (same id) mappings alike.
/// </param>
/// <param name="Mapping">The mapping as given by the caller (source id → target id), also applied to the instance's record of completed tasks.</param>
public sealed record MigrationPlan(
    int FromVersion, int ToVersion, ProcessModel Target, IReadOnlyDictionary<string, string> ActiveElements, IReadOnlyDictionary<string, string> Mapping)
{
    /// <summary>The plan for the history: <c>from version 1 to version 2; Task_A → Task_B, Sub → Sub</c>.</summary>
    public string Describe() =>
        $"from version {FromVersion} to version {ToVersion}; "
        + string.Join(", ", ActiveElements.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} → {p.Value}"));
}
