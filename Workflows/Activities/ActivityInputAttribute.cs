namespace Pipeline.Workflows.Activities;

/// <summary>Marks a property of an activity's input record as a described input.</summary>
/// <param name="description">English description.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ActivityInputAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>Chinese description, shown first in the designer; rule ids, units, variable names and JSON keys as in the English.</summary>
    public string? DescriptionZh { get; init; }

    public bool Required { get; init; } = true;
}

/// <summary>Marks a property of an activity's output record as a described output.</summary>
/// <param name="description">English description.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ActivityOutputAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>Chinese description, shown first in the designer; rule ids, units, variable names and JSON keys as in the English.</summary>
    public string? DescriptionZh { get; init; }
}
