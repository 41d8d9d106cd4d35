namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Internal signal raised by operators and built-ins that do not know where they are in the expression.
/// <see cref="FeelEvaluator"/> catches it at the node that failed and rethrows a
/// <see cref="FeelEvaluationException"/> carrying that node's position.
/// </summary>
internal sealed class FeelRuntimeError(string reason) : Exception(reason);
