using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Workflows.Expressions;

/// <summary>
/// A parsed FEEL expression (Camunda 8 / Zeebe dialect) used for BPMN sequence-flow conditions and
/// input/output mappings, e.g. <c>=verdict = "complete" and errors &lt; 3</c>. Parse once when a workflow
/// definition is deployed; evaluate many times, from any number of threads.
/// </summary>
/// <remarks>
/// <para>
/// Implements a subset of FEEL from DMN 1.5 chapter 10 (S-FEEL of chapter 9 plus lists, contexts,
/// <c>if</c>, <c>in</c> and a few built-ins): literals (numbers, strings, <c>true</c>, <c>false</c>,
/// <c>null</c>, lists, contexts); names and paths (<c>pack.summary.trainees</c>); <c>+ - * / **</c> and unary
/// minus; <c>= != &lt; &lt;= &gt; &gt;=</c>; <c>between</c>; <c>in</c> with values, lists, comparisons and
/// intervals such as <c>[1..5]</c> or <c>(1..5]</c>; three-valued <c>and</c>/<c>or</c>; <c>if then else</c>;
/// the built-ins listed on <c>Builtins</c> (<c>not</c>, <c>count</c>, <c>sum</c>, <c>min</c>, <c>max</c>,
/// <c>contains</c>, <c>string length</c>, <c>is defined</c> and others). Grammar and precedence follow
/// §10.3.1.2; value semantics follow §10.3.2.
/// </para>
/// <para>
/// Deviation from the specification: where FEEL yields <c>null</c> for operands of mismatched types
/// (<c>"abc" &lt; 3</c>), evaluation throws <see cref="FeelEvaluationException"/> so that the runtime raises a
/// readable incident. Null operands still propagate as in FEEL, and a missing variable or path step is null.
/// </para>
/// </remarks>
public sealed class FeelExpression
{
    private readonly FeelNode _root;
    private readonly FeelEvaluator _evaluator;

    private FeelExpression(string text, FeelNode root)
    {
        Text = text;
        _root = root;
        _evaluator = new FeelEvaluator(text);
        RootVariables = RootVariableCollector.Collect(root).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The expression text exactly as given to <see cref="Parse"/>, including any <c>=</c> prefix.</summary>
    public string Text { get; }

    /// <summary>
    /// The first segment of every variable path the expression reads, e.g. <c>{"summary", "missing"}</c> for
    /// <c>=summary.invalidIds &gt; 0 or count(missing) &gt; 0</c>. Keys of context literals referenced inside
    /// that literal are not included. Lets the runtime fetch only the variables an expression needs.
    /// </summary>
    public IReadOnlySet<string> RootVariables { get; }

    /// <summary>
    /// Parses <paramref name="text"/>. A leading <c>=</c> (after optional white space), which Zeebe uses to
    /// mark an expression, is skipped.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FeelSyntaxException">
    /// The text is not an expression of the subset: unexpected character or token, unterminated string, unknown
    /// function, or a built-in called with the wrong number of arguments. Carries the 0-based position.
    /// </exception>
    public static FeelExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FeelExpression(text, Parser.Parse(text));
    }

    /// <summary>Parses <paramref name="text"/> like <see cref="Parse"/>, reporting a syntax error instead of throwing it.</summary>
    /// <returns>True and the expression, or false and the error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out FeelExpression? expression,
        [NotNullWhen(false)] out FeelSyntaxException? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (FeelSyntaxException e)
        {
            expression = null;
            error = e;
            return false;
        }
    }

    /// <summary>
    /// Evaluates the expression against <paramref name="variables"/>. Variable values may be FEEL values or
    /// anything <see cref="FeelValues.From"/> converts (CLR numbers, collections, dictionaries, JSON); they are
    /// converted when read.
    /// </summary>
    /// <returns>
    /// A FEEL value: <c>null</c>, <see cref="bool"/>, <see cref="decimal"/>, <see cref="string"/>,
    /// <see cref="IReadOnlyList{T}"/> of <c>object?</c>, or <see cref="IReadOnlyDictionary{TKey,TValue}"/> of
    /// <c>string</c> to <c>object?</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="variables"/> is null.</exception>
    /// <exception cref="FeelEvaluationException">
    /// A type error (the message names the operator or function and the operand types and values), division by
    /// zero, arithmetic overflow, or a variable whose value cannot be converted.
    /// </exception>
    public object? Evaluate(IReadOnlyDictionary<string, object?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return _evaluator.Evaluate(_root, Scope.Root(variables));
    }

    /// <summary>
    /// Evaluates the expression as a sequence-flow condition: <c>true</c> → true; <c>false</c> or <c>null</c>
    /// → false (a condition over missing data does not hold).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="variables"/> is null.</exception>
    /// <exception cref="FeelEvaluationException">
    /// Evaluation failed as for <see cref="Evaluate"/>, or the result is not a boolean (e.g. a string).
    /// </exception>
    public bool EvaluateCondition(IReadOnlyDictionary<string, object?> variables) => Evaluate(variables) switch
    {
        true => true,
        false or null => false,
        var other => throw new FeelEvaluationException(
            $"a condition must evaluate to a boolean but this one evaluated to {FeelTypes.Describe(other)}", Text, _root.Position),
    };

    /// <summary>The expression text.</summary>
    public override string ToString() => Text;
}
