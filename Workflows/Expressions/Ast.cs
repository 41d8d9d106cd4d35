namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Immutable syntax tree of a parsed FEEL expression. Every node records the 0-based position of the
/// token that best names it in an error message (the operator of a binary node, the function name of a
/// call, the first token of a literal). Child collections are arrays never exposed for mutation.
/// </summary>
internal abstract record FeelNode(int Position);

/// <summary>A literal: <c>null</c>, a boolean, a decimal number or a string (DMN §10.3.1.2 rules 31–35).</summary>
internal sealed record LiteralNode(int Position, object? Value) : FeelNode(Position);

/// <summary>A variable or context-entry name (rule 25).</summary>
internal sealed record NameNode(int Position, string Name) : FeelNode(Position);

/// <summary>A path step <c>target.member</c> (rule 43; semantics §10.3.2.5 and §10.3.2.6).</summary>
internal sealed record PathNode(int Position, FeelNode Target, string Member) : FeelNode(Position);

/// <summary>A list literal <c>[a, b, c]</c> (rule 54).</summary>
internal sealed record ListNode(int Position, FeelNode[] Items) : FeelNode(Position);

/// <summary>A context literal <c>{key: value, "other key": value}</c> (rules 57–59).</summary>
internal sealed record ContextNode(int Position, ContextEntryNode[] Entries) : FeelNode(Position);

/// <summary>One entry of a <see cref="ContextNode"/>; later entries may refer to earlier keys (§10.3.2.6).</summary>
internal sealed record ContextEntryNode(int Position, string Key, FeelNode Value);

/// <summary>Arithmetic negation <c>-x</c> (rule 24).</summary>
internal sealed record NegationNode(int Position, FeelNode Operand) : FeelNode(Position);

/// <summary>A binary operator: disjunction, conjunction, comparison or arithmetic (rules 19–23, 47–49a).</summary>
internal sealed record BinaryNode(int Position, BinaryOperator Operator, FeelNode Left, FeelNode Right) : FeelNode(Position);

/// <summary><c>value between low and high</c> (rule 49b).</summary>
internal sealed record BetweenNode(int Position, FeelNode Value, FeelNode Low, FeelNode High) : FeelNode(Position);

/// <summary><c>value in test</c> or <c>value in (test, test, ...)</c> (rules 49c, 49d).</summary>
internal sealed record InNode(int Position, FeelNode Value, UnaryTest[] Tests) : FeelNode(Position);

/// <summary><c>if condition then a else b</c> (rule 45).</summary>
internal sealed record IfNode(int Position, FeelNode Condition, FeelNode Then, FeelNode Else) : FeelNode(Position);

/// <summary>A call of a built-in function with positional arguments (rules 38, 42).</summary>
internal sealed record FunctionCallNode(int Position, BuiltinFunction Function, FeelNode[] Arguments) : FeelNode(Position);

/// <summary>
/// Camunda's <c>is defined(x)</c>: true when the name or path exists (even if its value is null). It looks
/// at its argument unevaluated, so it is its own node rather than a <see cref="FunctionCallNode"/>.
/// </summary>
internal sealed record IsDefinedNode(int Position, FeelNode Argument) : FeelNode(Position);

/// <summary>Binary operators, from lowest to highest precedence group.</summary>
internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
}

/// <summary>Source spelling of operators, for error messages.</summary>
internal static class BinaryOperatorText
{
    /// <summary>The operator as written in FEEL, e.g. <c>&lt;=</c> or <c>and</c>.</summary>
    public static string Symbol(this BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "or",
        BinaryOperator.And => "and",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Power => "**",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
