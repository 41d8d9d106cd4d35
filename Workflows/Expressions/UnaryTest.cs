namespace Pipeline.Workflows.Expressions;

/// <summary>
/// A positive unary test on the right of <c>in</c> (DMN 1.5 §10.3.1.2 rules 7, 8, 13, 14; semantics
/// §10.3.2.7 "Ranges"). The tested value is the left operand of the <see cref="InNode"/>.
/// </summary>
internal abstract record UnaryTest(int Position);

/// <summary><c>&lt; e</c>, <c>&lt;= e</c>, <c>&gt; e</c>, <c>&gt;= e</c>, <c>= e</c> or <c>!= e</c> (rule 7a).</summary>
internal sealed record ComparisonTest(int Position, BinaryOperator Operator, FeelNode Endpoint) : UnaryTest(Position);

/// <summary>An interval such as <c>[1..5]</c>, <c>(1..5]</c> or <c>]1..5[</c> (rule 8).</summary>
internal sealed record IntervalTest(int Position, bool StartIncluded, FeelNode Start, FeelNode End, bool EndIncluded)
    : UnaryTest(Position);

/// <summary>
/// Any other expression (rule 13): the tested value must equal it, or, when it evaluates to a list, be an
/// element of that list.
/// </summary>
internal sealed record ExpressionTest(int Position, FeelNode Expression) : UnaryTest(Position);
