using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Definitions;

/// <summary>
/// <c>bpmn:multiInstanceLoopCharacteristics</c> on an activity (BPMN 2.0 §10.3.8, §13.3.7), in the Zeebe dialect:
/// the activity runs once per item of <paramref name="InputCollection"/> (<c>zeebe:loopCharacteristics
/// inputCollection</c>), or <paramref name="Cardinality"/> times (<c>bpmn:loopCardinality</c>), all at once or one
/// after another (<paramref name="IsSequential"/>). Each instance sees its item as the local variable
/// <paramref name="InputElement"/> and its 1-based index as <c>loopCounter</c>. When an instance completes,
/// <paramref name="OutputElement"/> is evaluated in it and stored at its index of <paramref name="OutputCollection"/>,
/// which becomes a process variable when the activity completes. <paramref name="CompletionCondition"/> is evaluated
/// after each completed instance with <c>nrOfInstances</c>, <c>nrOfActiveInstances</c>, <c>nrOfCompletedInstances</c>
/// (also as Zeebe's <c>numberOf…</c>); when it holds, the remaining instances are cancelled and the activity completes.
/// </summary>
public sealed record MultiInstanceLoop(
    bool IsSequential,
    FeelExpression? InputCollection,
    string? InputElement,
    string? OutputCollection,
    FeelExpression? OutputElement,
    FeelExpression? CompletionCondition,
    FeelExpression? Cardinality);
