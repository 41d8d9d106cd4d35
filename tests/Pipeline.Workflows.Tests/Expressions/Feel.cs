using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Tests.Expressions;

/// <summary>Shorthands for tests: parse and evaluate in one call.</summary>
internal static class Feel
{
    public static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();

    public static object? Eval(string text, IReadOnlyDictionary<string, object?>? variables = null) =>
        FeelExpression.Parse(text).Evaluate(variables ?? NoVariables);

    public static bool Condition(string text, IReadOnlyDictionary<string, object?>? variables = null) =>
        FeelExpression.Parse(text).EvaluateCondition(variables ?? NoVariables);

    public static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    public static FeelEvaluationException EvalError(string text, IReadOnlyDictionary<string, object?>? variables = null) =>
        Assert.Throws<FeelEvaluationException>(() => Eval(text, variables));

    public static FeelSyntaxException SyntaxError(string text) =>
        Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse(text));
}
