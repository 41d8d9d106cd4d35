namespace Pipeline.Workflows.Expressions;

/// <summary>
/// A FEEL expression could not be parsed: an unexpected character or token, an unterminated string,
/// an unknown function, or a call with the wrong number of arguments.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> reads like <c>unexpected ')' at position 12</c>. Positions are 0-based
/// offsets into the original expression text, including any leading Zeebe <c>=</c> prefix.
/// </remarks>
public sealed class FeelSyntaxException : Exception
{
    /// <summary>Creates the exception for <paramref name="reason"/> found at <paramref name="position"/>.</summary>
    public FeelSyntaxException(string reason, int position, string? expression = null)
        : base($"{reason} at position {position}")
    {
        Reason = reason;
        Position = position;
        Expression = expression;
    }

    /// <summary>What is wrong, without the position, e.g. <c>unexpected ')'</c>.</summary>
    public string Reason { get; }

    /// <summary>0-based offset into <see cref="Expression"/> where the problem was found.</summary>
    public int Position { get; }

    /// <summary>The full expression text that failed to parse, when known.</summary>
    public string? Expression { get; }
}
