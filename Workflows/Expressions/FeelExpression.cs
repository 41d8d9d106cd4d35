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
/// Temporal values: dates, dates and times, times and both kinds of duration, made by <c>date()</c>,
/// <c>date and time()</c>, <c>time()</c>, <c>duration()</c>, <c>now()</c>, <c>today()</c> or <c>@"2025-10-01"</c>
/// literals; their arithmetic, comparisons and properties (<c>d.year</c>, <c>d.weekday</c>); and Pipeline's
/// working-day functions <c>addWorkingDays</c>, <c>workingDaysBetween</c> and <c>isWorkingDay</c>. A date and time
/// written without an offset is at UTC+08:00 (China Standard Time, see <see cref="FeelEvaluationContext"/>).
/// </para>
/// <para>
/// Deviation from the specification: where FEEL yields <c>null</c> for operands of mismatched types
/// (<c>"abc" &lt; 3</c>), evaluation throws <see cref="FeelEvaluationException"/> so that the runtime raises a
/// readable incident. Null operands still propagate as in FEEL, and a missing variable or path step is null.
/// The same holds for temporal values: comparing a date with a date and time, adding a number to a date, text that
/// is not a valid date, time or duration (<c>date("2025-02-30")</c>) and an unknown property (<c>d.years</c>) all
/// throw where FEEL would yield null.
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
    /// <param name="variables">The variables in scope.</param>
    /// <param name="context">
    /// The clock for <c>now()</c>/<c>today()</c> and the working-day calendar; <see cref="FeelEvaluationContext.Default"/>
    /// (system clock, <see cref="Calendar.WorkingDayCalendar.China"/>) when null.
    /// </param>
    /// <returns>
    /// A FEEL value: <c>null</c>, <see cref="bool"/>, <see cref="decimal"/>, <see cref="string"/>,
    /// <see cref="IReadOnlyList{T}"/> of <c>object?</c>, <see cref="IReadOnlyDictionary{TKey,TValue}"/> of
    /// <c>string</c> to <c>object?</c>, or a temporal value: <see cref="DateOnly"/> (date),
    /// <see cref="DateTimeOffset"/> (date and time), <see cref="TimeOnly"/> (time), <see cref="TimeSpan"/>
    /// (days and time duration) or <see cref="YearMonthDuration"/> (years and months duration).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="variables"/> is null.</exception>
    /// <exception cref="FeelEvaluationException">
    /// A type error (the message names the operator or function and the operand types and values), division by
    /// zero, arithmetic overflow, a variable whose value cannot be converted, text that is not a valid date, time or
    /// duration, or a working-day question about a date outside the calendar's years.
    /// </exception>
    public object? Evaluate(IReadOnlyDictionary<string, object?> variables, FeelEvaluationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return _evaluator.Evaluate(_root, Scope.Root(variables, context ?? FeelEvaluationContext.Default));
    }

    /// <summary>
    /// Evaluates the expression as a sequence-flow condition: <c>true</c> → true; <c>false</c> or <c>null</c>
    /// → false (a condition over missing data does not hold).
    /// </summary>
    /// <param name="variables">The variables in scope.</param>
    /// <param name="context">Clock and working-day calendar, as for <see cref="Evaluate"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="variables"/> is null.</exception>
    /// <exception cref="FeelEvaluationException">
    /// Evaluation failed as for <see cref="Evaluate"/>, or the result is not a boolean (e.g. a string).
    /// </exception>
    public bool EvaluateCondition(IReadOnlyDictionary<string, object?> variables, FeelEvaluationContext? context = null) => Evaluate(variables, context) switch
    {
        true => true,
        false or null => false,
        var other => throw new FeelEvaluationException(
            $"a condition must evaluate to a boolean but this one evaluated to {FeelTypes.Describe(other)}", Text, _root.Position),
    };

    /// <summary>The expression text.</summary>
    public override string ToString() => Text;
}
