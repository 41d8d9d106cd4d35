namespace Pipeline.Workflows.Activities;

/// <summary>
/// Declares a class as a catalogue activity that a BPMN service task can name through its task
/// type (<c>zeebe:taskDefinition type</c>). The metadata beside the code is what the designer's palette
/// and the deploy-time validator read; nothing is maintained by hand elsewhere.
/// </summary>
/// <param name="type">Stable task type, e.g. <c>pack.check</c>. Never rename: deployed definitions refer to it.</param>
/// <param name="category">Palette group, e.g. <c>Documents</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type, string category) : Attribute
{
    public string Type { get; } = type;
    public string Category { get; } = category;

    /// <summary>English display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Chinese display name shown to bureau staff.</summary>
    public required string DisplayNameZh { get; init; }

    /// <summary>English description: what the activity does, in one sentence.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Chinese description shown to bureau staff (the designer shows it first, the English after it). Keeps rule ids,
    /// units and variable names of the English as they are.
    /// </summary>
    public string? DescriptionZh { get; init; }

    /// <summary>Outcomes the activity can end with; a gateway after it may branch on them.</summary>
    public string[] Outcomes { get; init; } = ["done"];

    /// <summary>True when the activity runs as a persistent background job rather than inline.</summary>
    public bool LongRunning { get; init; }

    /// <summary>
    /// Tries of a job before its token holds an incident (Zeebe's <c>retries</c>: 3 means the first try and two
    /// retries). A service task's <c>zeebe:taskDefinition retries</c> overrides it.
    /// </summary>
    public int Retries { get; init; } = 3;

    /// <summary>
    /// Wait before the first retry as an ISO 8601 duration (<c>PT10S</c>); doubled for each further retry. A service
    /// task's <c>pipeline:retryBackoff</c> property overrides it.
    /// </summary>
    public string RetryBackoff { get; init; } = "PT1S";
}
