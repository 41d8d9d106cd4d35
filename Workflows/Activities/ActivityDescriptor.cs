namespace Pipeline.Workflows.Activities;

/// <summary>One described input or output of an activity.</summary>
/// <param name="Name">Variable name as used in <c>zeebe:ioMapping</c> (camelCase).</param>
/// <param name="TypeName">Value kind: <c>string</c>, <c>number</c>, <c>boolean</c>, <c>date</c>, <c>object</c>, <c>list</c>.</param>
/// <param name="Description">English description.</param>
/// <param name="DescriptionZh">Chinese description; null when the port gives none.</param>
public sealed record ActivityPortDescriptor(string Name, string TypeName, string Description, string? DescriptionZh, bool Required);

/// <summary>
/// Everything the designer and the validator know about a catalogue activity; built from
/// <see cref="ActivityAttribute"/> by <see cref="ActivityDescriber"/>. <paramref name="Description"/> is English,
/// <paramref name="DescriptionZh"/> Chinese (null when the activity gives none).
/// </summary>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    string DisplayName,
    string DisplayNameZh,
    string? Description,
    string? DescriptionZh,
    IReadOnlyList<string> Outcomes,
    bool LongRunning,
    IReadOnlyList<ActivityPortDescriptor> Inputs,
    IReadOnlyList<ActivityPortDescriptor> Outputs)
{
    /// <summary>Tries of a job before an incident (<see cref="ActivityAttribute.Retries"/>).</summary>
    public int Retries { get; init; } = 3;

    /// <summary>Wait before the first retry, doubled per retry (<see cref="ActivityAttribute.RetryBackoff"/>).</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(1);
}
