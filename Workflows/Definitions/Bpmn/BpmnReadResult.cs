namespace Pipeline.Workflows.Definitions.Bpmn;

/// <summary>What <see cref="BpmnReader"/> made of a file: the processes it could read and every problem met on the way.</summary>
public sealed record BpmnReadResult(IReadOnlyList<ProcessModel> Processes, IReadOnlyList<DefinitionProblem> Problems);
