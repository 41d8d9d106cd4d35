namespace Pipeline.Workflows.Expressions;

/// <summary>
/// A parsed FEEL expression failed while being evaluated: a type error (e.g. comparing a string with a
/// number), division by zero, arithmetic overflow, or a variable whose value cannot be represented in FEEL.
/// </summary>
/// <remarks>
/// Where the DMN specification would return <c>null</c> for a type mismatch, this implementation throws so
/// that the workflow runtime raises an incident an administrator can read. <see cref="Reason"/> is the bare
/// English explanation, e.g. <c>cannot compare string "abc" with number 3 using &lt;</c>;
/// <see cref="Exception.Message"/> adds the position and the expression text.
/// </remarks>
public sealed class FeelEvaluationException : Exception
{
    /// <summary>Creates the exception for <paramref name="reason"/> raised by the operator at <paramref name="position"/>.</summary>
    public FeelEvaluationException(string reason, string expression, int position, Exception? innerException = null)
        : base($"{reason} (at position {position} in expression '{expression}')", innerException)
    {
        Reason = reason;
        Expression = expression;
        Position = position;
    }

    /// <summary>What went wrong, naming the operator or function and the operand types and values.</summary>
    public string Reason { get; }

    /// <summary>The expression text being evaluated.</summary>
    public string Expression { get; }

    /// <summary>0-based offset into <see cref="Expression"/> of the operator, function or name that failed.</summary>
    public int Position { get; }
}
