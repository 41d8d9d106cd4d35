namespace Pipeline.Workflows.Runtime.Migration;

/// <summary>One reason an instance cannot be migrated, tied to the element of the source version it concerns, in English and in Chinese.</summary>
/// <param name="ElementId">The source element's id (the process id for instance-level problems, e.g. a missing target version).</param>
/// <param name="Message">What is wrong and what to do, in English.</param>
/// <param name="MessageZh">The same in Chinese (zh-CN), which the designer shows first, with the same ids and values as <paramref name="Message"/>.</param>
public sealed record MigrationProblem(string ElementId, string Message, string MessageZh)
{
    /// <summary><c>ELEMENT_ID: message</c>, in English (what exceptions and logs carry).</summary>
    public override string ToString() => $"{ElementId}: {Message}";
}
