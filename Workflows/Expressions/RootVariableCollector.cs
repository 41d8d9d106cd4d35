namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Finds the first segment of every variable path an expression reads (<c>pack.summary.trainees</c> → <c>pack</c>),
/// skipping names that refer to earlier entries of an enclosing context literal.
/// </summary>
internal static class RootVariableCollector
{
    /// <summary>The distinct root variable names referenced by <paramref name="root"/>, compared ordinally.</summary>
    public static HashSet<string> Collect(FeelNode root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Visit(root, names, []);
        return names;
    }

    private static void Visit(FeelNode node, HashSet<string> names, List<HashSet<string>> locals)
    {
        switch (node)
        {
            case LiteralNode:
                break;
            case NameNode name:
                if (!locals.Any(scope => scope.Contains(name.Name))) names.Add(name.Name);
                break;
            case PathNode path:
                Visit(path.Target, names, locals);
                break;
            case ListNode list:
                foreach (var item in list.Items) Visit(item, names, locals);
                break;
            case ContextNode context:
                var keys = new HashSet<string>(StringComparer.Ordinal);
                locals.Add(keys);
                foreach (var entry in context.Entries)
                {
                    Visit(entry.Value, names, locals);
                    keys.Add(entry.Key);
                }
                locals.RemoveAt(locals.Count - 1);
                break;
            case NegationNode negation:
                Visit(negation.Operand, names, locals);
                break;
            case BinaryNode binary:
                Visit(binary.Left, names, locals);
                Visit(binary.Right, names, locals);
                break;
            case BetweenNode between:
                Visit(between.Value, names, locals);
                Visit(between.Low, names, locals);
                Visit(between.High, names, locals);
                break;
            case InNode @in:
                Visit(@in.Value, names, locals);
                foreach (var test in @in.Tests) VisitTest(test, names, locals);
                break;
            case IfNode @if:
                Visit(@if.Condition, names, locals);
                Visit(@if.Then, names, locals);
                Visit(@if.Else, names, locals);
                break;
            case FunctionCallNode call:
                foreach (var argument in call.Arguments) Visit(argument, names, locals);
                break;
            case IsDefinedNode isDefined:
                Visit(isDefined.Argument, names, locals);
                break;
            default:
                throw new InvalidOperationException($"Unknown FEEL node {node.GetType().Name}.");
        }
    }

    private static void VisitTest(UnaryTest test, HashSet<string> names, List<HashSet<string>> locals)
    {
        switch (test)
        {
            case ComparisonTest comparison:
                Visit(comparison.Endpoint, names, locals);
                break;
            case IntervalTest interval:
                Visit(interval.Start, names, locals);
                Visit(interval.End, names, locals);
                break;
            case ExpressionTest expression:
                Visit(expression.Expression, names, locals);
                break;
        }
    }
}
