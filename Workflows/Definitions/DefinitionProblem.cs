namespace Pipeline.Workflows.Definitions;

/// <summary>
/// One reason a BPMN definition cannot be deployed, tied to the element it concerns.
/// </summary>
/// <param name="ElementId">The element's id (or the file / process id for document-level problems).</param>
/// <param name="ElementType">The element's BPMN name, e.g. <c>bpmn:exclusiveGateway</c>.</param>
/// <param name="Message">What is wrong and what to do, in English.</param>
public sealed record DefinitionProblem(string ElementId, string ElementType, string Message)
{
    public override string ToString() => $"{ElementId} ({ElementType}): {Message}";
}
