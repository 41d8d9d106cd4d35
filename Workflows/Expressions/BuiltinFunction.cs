namespace Pipeline.Workflows.Expressions;

/// <summary>
/// A built-in function: its FEEL name (possibly several words, e.g. <c>string length</c> or <c>date and time</c>),
/// how many positional arguments it accepts, and its implementation over already-evaluated FEEL values and the
/// evaluation's <see cref="FeelEvaluationContext"/> (clock, working-day calendar).
/// </summary>
/// <param name="Name">The FEEL name, words separated by single spaces.</param>
/// <param name="MinArguments">Fewest positional arguments accepted.</param>
/// <param name="MaxArguments">Most positional arguments accepted (<see cref="int.MaxValue"/> for variadic).</param>
/// <param name="Invoke">The implementation; throws <see cref="FeelRuntimeError"/> on type errors.</param>
internal sealed record BuiltinFunction(string Name, int MinArguments, int MaxArguments, Func<object?[], FeelEvaluationContext, object?> Invoke)
{
    /// <summary>A function that does not need the evaluation context.</summary>
    public BuiltinFunction(string name, int minArguments, int maxArguments, Func<object?[], object?> invoke)
        : this(name, minArguments, maxArguments, (args, _) => invoke(args))
    {
    }

    /// <summary>
    /// When set, the only argument counts accepted within <see cref="MinArguments"/>..<see cref="MaxArguments"/>,
    /// e.g. <c>[1, 3]</c> for <c>date(text)</c> and <c>date(year, month, day)</c>.
    /// </summary>
    public int[]? ArgumentCounts { get; init; }

    /// <summary>Whether a call with <paramref name="count"/> arguments is well-formed.</summary>
    public bool Accepts(int count) =>
        count >= MinArguments && count <= MaxArguments && (ArgumentCounts is null || ArgumentCounts.Contains(count));

    /// <summary>The argument count in words for an arity error, e.g. <c>1 argument</c> or <c>1 or more arguments</c>.</summary>
    public string ArityText() =>
        ArgumentCounts is { Length: > 0 } counts ? $"{string.Join(" or ", counts)} arguments"
        : MaxArguments == int.MaxValue ? $"{MinArguments} or more arguments"
        : MinArguments == MaxArguments ? (MinArguments == 1 ? "1 argument" : $"{MinArguments} arguments")
        : $"{MinArguments} to {MaxArguments} arguments";
}
