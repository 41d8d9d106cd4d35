namespace Pipeline.Workflows.Expressions;

/// <summary>
/// A built-in function: its FEEL name (possibly several words, e.g. <c>string length</c>), how many
/// positional arguments it accepts, and its implementation over already-evaluated FEEL values.
/// </summary>
/// <param name="Name">The FEEL name, words separated by single spaces.</param>
/// <param name="MinArguments">Fewest positional arguments accepted.</param>
/// <param name="MaxArguments">Most positional arguments accepted (<see cref="int.MaxValue"/> for variadic).</param>
/// <param name="Invoke">The implementation; throws <see cref="FeelRuntimeError"/> on type errors.</param>
internal sealed record BuiltinFunction(string Name, int MinArguments, int MaxArguments, Func<object?[], object?> Invoke)
{
    /// <summary>The argument count in words for an arity error, e.g. <c>1 argument</c> or <c>1 or more arguments</c>.</summary>
    public string ArityText() =>
        MaxArguments == int.MaxValue ? $"{MinArguments} or more arguments"
        : MinArguments == MaxArguments ? (MinArguments == 1 ? "1 argument" : $"{MinArguments} arguments")
        : $"{MinArguments} to {MaxArguments} arguments";
}
