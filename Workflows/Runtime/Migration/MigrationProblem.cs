namespace Pipeline.Workflows.Runtime.Migration;

/// <summary>One reason an instance cannot be migrated, tied to the element of the source version it concerns.</summary>
/// <param name="ElementId">The source element's id (the process id for instance-level problems, e.g. a missing target version).</param>
/// <param name="Message">What is wrong and what to do, in English.</param>
public sealed record MigrationProblem(string ElementId, string Message)
{
    public override string ToString() => $"{ElementId}: {Message}";
}
