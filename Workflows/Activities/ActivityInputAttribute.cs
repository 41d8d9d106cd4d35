namespace Pipeline.Workflows.Activities;

/// <summary>Marks a property of an activity's input record as a described input.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ActivityInputAttribute(string description) : Attribute
{
    public string Description { get; } = description;
    public bool Required { get; init; } = true;
}

/// <summary>Marks a property of an activity's output record as a described output.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ActivityOutputAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
