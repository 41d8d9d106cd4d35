namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Tree-walking evaluator (DMN 1.5 §10.3.2 "Semantics"). Holds only the expression text for messages, so one
/// instance is shared by all threads evaluating the same <see cref="FeelExpression"/>; per-evaluation state
/// lives in the <see cref="Scope"/> passed down.
/// </summary>
internal sealed class FeelEvaluator(string text)
{
    /// <summary>Evaluates <paramref name="node"/> in <paramref name="scope"/>.</summary>
    /// <exception cref="FeelEvaluationException">A type error, division by zero or overflow at this node or below.</exception>
    public object? Evaluate(FeelNode node, Scope scope)
    {
        try
        {
            return node switch
            {
                LiteralNode literal => literal.Value,
                NameNode name => scope.TryLookup(name.Name, out var value) ? value : null,
                PathNode path => FeelOperators.Member(Evaluate(path.Target, scope), path.Member),
                ListNode list => EvaluateList(list, scope),
                ContextNode context => EvaluateContext(context, scope),
                NegationNode negation => FeelOperators.Negate(Evaluate(negation.Operand, scope)),
                BinaryNode { Operator: BinaryOperator.And } and => EvaluateAnd(and, scope),
                BinaryNode { Operator: BinaryOperator.Or } or => EvaluateOr(or, scope),
                BinaryNode binary => FeelOperators.Apply(binary.Operator, Evaluate(binary.Left, scope), Evaluate(binary.Right, scope)),
                BetweenNode between => FeelOperators.Between(
                    Evaluate(between.Value, scope), Evaluate(between.Low, scope), Evaluate(between.High, scope)),
                InNode @in => EvaluateIn(@in, scope),
                IfNode @if => EvaluateIf(@if, scope),
                FunctionCallNode call => call.Function.Invoke(EvaluateArguments(call.Arguments, scope), scope.Context),
                IsDefinedNode isDefined => IsDefined(isDefined.Argument, scope),
                _ => throw new InvalidOperationException($"Unknown FEEL node {node.GetType().Name}."),
            };
        }
        catch (FeelRuntimeError error)
        {
            throw new FeelEvaluationException(error.Message, text, node.Position, error);
        }
    }

    private IReadOnlyList<object?> EvaluateList(ListNode list, Scope scope)
    {
        var items = new object?[list.Items.Length];
        for (var i = 0; i < items.Length; i++) items[i] = Evaluate(list.Items[i], scope);
        return Array.AsReadOnly(items);
    }

    /// <summary>Entries are evaluated in order; each may refer to the keys before it (§10.3.2.6).</summary>
    private IReadOnlyDictionary<string, object?> EvaluateContext(ContextNode context, Scope scope)
    {
        var entries = new Dictionary<string, object?>(context.Entries.Length, StringComparer.Ordinal);
        var local = scope.Child(entries);
        foreach (var entry in context.Entries) entries[entry.Key] = Evaluate(entry.Value, local);
        return entries.AsReadOnly();
    }

    private object?[] EvaluateArguments(FeelNode[] arguments, Scope scope)
    {
        var values = new object?[arguments.Length];
        for (var i = 0; i < values.Length; i++) values[i] = Evaluate(arguments[i], scope);
        return values;
    }

    /// <summary>
    /// Three-valued conjunction (§10.3.2.15, table "Semantics of conjunction and disjunction"): false if
    /// either side is false, true if both are true, otherwise null. The right side is not evaluated when the
    /// left is false. A non-boolean, non-null operand throws.
    /// </summary>
    private object? EvaluateAnd(BinaryNode node, Scope scope)
    {
        var left = Logical(Evaluate(node.Left, scope), "left", "and");
        if (left == false) return false;
        var right = Logical(Evaluate(node.Right, scope), "right", "and");
        if (right == false) return false;
        return left == true && right == true ? true : null;
    }

    /// <summary>Three-valued disjunction: true if either side is true, false if both are false, otherwise null. Short-circuits on a true left side.</summary>
    private object? EvaluateOr(BinaryNode node, Scope scope)
    {
        var left = Logical(Evaluate(node.Left, scope), "left", "or");
        if (left == true) return true;
        var right = Logical(Evaluate(node.Right, scope), "right", "or");
        if (right == true) return true;
        return left == false && right == false ? false : null;
    }

    private static bool? Logical(object? value, string side, string symbol) => value switch
    {
        null => null,
        bool b => b,
        _ => throw new FeelRuntimeError($"'{symbol}' needs boolean operands but its {side} operand is {FeelTypes.Describe(value)}"),
    };

    /// <summary>§10.3.2.15 "if": the then-branch when the condition is true, the else-branch when false or null.</summary>
    private object? EvaluateIf(IfNode node, Scope scope)
    {
        return Evaluate(node.Condition, scope) switch
        {
            true => Evaluate(node.Then, scope),
            false or null => Evaluate(node.Else, scope),
            var other => throw new FeelEvaluationException(
                $"the condition of 'if' must be a boolean but is {FeelTypes.Describe(other)}", text, node.Condition.Position),
        };
    }

    /// <summary>
    /// <c>value in (t1, t2, ...)</c>: true if any test is true; otherwise null if any test is null; otherwise false
    /// (§10.3.2.15, "in" with positive unary tests).
    /// </summary>
    private object? EvaluateIn(InNode node, Scope scope)
    {
        var value = Evaluate(node.Value, scope);
        var sawNull = false;
        foreach (var test in node.Tests)
        {
            switch (Test(test, value, scope))
            {
                case true: return true;
                case null: sawNull = true; break;
            }
        }
        return sawNull ? null : false;
    }

    private bool? Test(UnaryTest test, object? value, Scope scope)
    {
        switch (test)
        {
            case ComparisonTest comparison:
                var endpoint = Evaluate(comparison.Endpoint, scope);
                return comparison.Operator switch
                {
                    BinaryOperator.Equal => FeelOperators.Equal(value, endpoint, "in"),
                    BinaryOperator.NotEqual => !FeelOperators.Equal(value, endpoint, "in"),
                    _ => FeelOperators.Compare(comparison.Operator, value, endpoint, "in"),
                };
            case IntervalTest interval:
                var start = Evaluate(interval.Start, scope);
                var end = Evaluate(interval.End, scope);
                if (value is null || start is null || end is null) return null;
                var afterStart = FeelOperators.Compare(
                    interval.StartIncluded ? BinaryOperator.GreaterOrEqual : BinaryOperator.Greater, value, start, "in");
                var beforeEnd = FeelOperators.Compare(
                    interval.EndIncluded ? BinaryOperator.LessOrEqual : BinaryOperator.Less, value, end, "in");
                return afterStart == true && beforeEnd == true;
            case ExpressionTest expression:
                return Evaluate(expression.Expression, scope) switch
                {
                    IReadOnlyList<object?> list => FeelOperators.ListContains(list, value, "in"),
                    var other => FeelOperators.Equal(value, other, "in"),
                };
            default:
                throw new InvalidOperationException($"Unknown unary test {test.GetType().Name}.");
        }
    }

    /// <summary>
    /// Camunda's <c>is defined(x)</c>: false when a name or a path step does not exist, true otherwise, even
    /// when the value is null. A non-path argument is evaluated and counts as defined.
    /// </summary>
    private bool IsDefined(FeelNode argument, Scope scope)
    {
        return TryResolve(argument, scope, out _);

        bool TryResolve(FeelNode node, Scope s, out object? value)
        {
            switch (node)
            {
                case NameNode name:
                    return s.TryLookup(name.Name, out value);
                case PathNode path:
                    value = null;
                    if (!TryResolve(path.Target, s, out var target)) return false;
                    switch (target)
                    {
                        case IReadOnlyDictionary<string, object?> context:
                            return context.TryGetValue(path.Member, out value);
                        case IReadOnlyList<object?>:
                            value = FeelOperators.Member(target, path.Member);
                            return true;
                        case var temporal when FeelTypes.IsTemporal(temporal):
                            try
                            {
                                value = FeelOperators.Member(temporal, path.Member);
                                return true;
                            }
                            catch (FeelRuntimeError)
                            {
                                return false;
                            }
                        default:
                            return false;
                    }
                default:
                    value = Evaluate(node, s);
                    return true;
            }
        }
    }
}
