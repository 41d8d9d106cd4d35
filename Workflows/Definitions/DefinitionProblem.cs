namespace Pipeline.Workflows.Definitions;

/// <summary>
/// One reason a BPMN definition cannot be deployed, tied to the element it concerns, in English and in Chinese.
/// </summary>
/// <param name="ElementId">The element's id (or the file / process id for document-level problems).</param>
/// <param name="ElementType">The element's BPMN name, e.g. <c>bpmn:exclusiveGateway</c>.</param>
/// <param name="Message">What is wrong and what to do, in English.</param>
/// <param name="MessageZh">
/// The same in Chinese (zh-CN), which the designer shows first: the same ids, values and technical names
/// (<c>zeebe:taskDefinition</c>, <c>isExecutable="true"</c>, ISO 8601 …) as <paramref name="Message"/>; a detail that comes
/// from elsewhere in English (an XML parser's or FEEL parser's error) is kept as it is.
/// </param>
public sealed record DefinitionProblem(string ElementId, string ElementType, string Message, string MessageZh)
{
    /// <summary><c>ELEMENT_ID (bpmn:type): message</c>, in English (what exceptions and logs carry).</summary>
    public override string ToString() => $"{ElementId} ({ElementType}): {Message}";
}
