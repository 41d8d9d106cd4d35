namespace Pipeline.Workflows.Expressions;

/// <summary>
/// The built-in functions of the subset (DMN 1.5 §10.3.4): <c>not</c> (§10.3.4.2); <c>string</c> (§10.3.4.1);
/// <c>contains</c>, <c>starts with</c>, <c>ends with</c>, <c>string length</c>, <c>upper case</c>,
/// <c>lower case</c> (§10.3.4.3); <c>count</c>, <c>sum</c>, <c>min</c>, <c>max</c>, <c>list contains</c>
/// (§10.3.4.4); <c>abs</c>, <c>floor</c>, <c>ceiling</c> (§10.3.4.5); the temporal functions of
/// <see cref="TemporalBuiltins"/> (§10.3.4.1, §10.3.4.7); Pipeline's working-day functions of
/// <see cref="WorkingDayBuiltins"/>; and Camunda's <c>is defined</c>, which the parser turns into an
/// <see cref="IsDefinedNode"/>.
/// </summary>
/// <remarks>
/// A null argument makes the result null (FEEL's null propagation). An argument of the wrong type throws
/// instead of returning null, so a mistyped workflow variable becomes a readable incident.
/// <c>sum</c>, <c>min</c> and <c>max</c> take either one list or several values; on an empty list they
/// return null, as the specification says. <c>min</c> and <c>max</c> also order dates, times and durations of one
/// type. <c>string</c> of a temporal value is its ISO 8601 form (<c>string(date("2025-10-01"))</c> is
/// <c>"2025-10-01"</c>).
/// </remarks>
internal static class Builtins
{
    /// <summary>Name of the special form handled by <see cref="IsDefinedNode"/>.</summary>
    public const string IsDefined = "is defined";

    private static readonly Dictionary<string, BuiltinFunction> Functions = new BuiltinFunction[]
    {
        new("not", 1, 1, args => Not(args[0])),
        new("count", 1, 1, args => Count(args[0])),
        new("sum", 1, int.MaxValue, args => Sum(Items(args))),
        new("min", 1, int.MaxValue, args => Extreme("min", Items(args), wantGreater: false)),
        new("max", 1, int.MaxValue, args => Extreme("max", Items(args), wantGreater: true)),
        new("list contains", 2, 2, args => ListContains(args[0], args[1])),
        new("contains", 2, 2, args => Strings("contains", args, (s, m) => s.Contains(m, StringComparison.Ordinal))),
        new("starts with", 2, 2, args => Strings("starts with", args, (s, m) => s.StartsWith(m, StringComparison.Ordinal))),
        new("ends with", 2, 2, args => Strings("ends with", args, (s, m) => s.EndsWith(m, StringComparison.Ordinal))),
        new("string length", 1, 1, args => StringArgument("string length", args[0]) is { } s ? (decimal)s.EnumerateRunes().Count() : null),
        new("upper case", 1, 1, args => StringArgument("upper case", args[0])?.ToUpperInvariant()),
        new("lower case", 1, 1, args => StringArgument("lower case", args[0])?.ToLowerInvariant()),
        new("string", 1, 1, args => args[0] is null ? null : FeelTypes.LexicalForm(args[0]) ?? FeelTypes.Format(args[0], quoteStrings: false)),
        new("abs", 1, 1, args => NumberArgument("abs", args[0]) is { } n ? Math.Abs(n) : null),
        new("floor", 1, 1, args => NumberArgument("floor", args[0]) is { } n ? Math.Floor(n) : null),
        new("ceiling", 1, 1, args => NumberArgument("ceiling", args[0]) is { } n ? Math.Ceiling(n) : null),
        new(IsDefined, 1, 1, _ => throw new InvalidOperationException("'is defined' is evaluated by IsDefinedNode.")),
    }.Concat(TemporalBuiltins.Functions).Concat(WorkingDayBuiltins.Functions).ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>
    /// Built-in names with a word that is also a keyword (<c>date and time</c>, <c>years and months duration</c>),
    /// as word arrays, longest first: the parser matches them before treating <c>and</c> as the operator.
    /// </summary>
    public static readonly string[][] NamesWithKeywords = Functions.Keys
        .Select(name => name.Split(' '))
        .Where(words => words.Contains("and"))
        .OrderByDescending(words => words.Length)
        .ToArray();

    /// <summary>All built-in names, e.g. for editor completion.</summary>
    public static IEnumerable<string> Names => Functions.Keys;

    /// <summary>Finds a built-in by its FEEL name (words separated by single spaces).</summary>
    public static bool TryGet(string name, out BuiltinFunction function) => Functions.TryGetValue(name, out function!);

    private static object? Not(object? value) => value switch
    {
        null => null,
        bool b => !b,
        _ => throw new FeelRuntimeError($"not() expects a boolean but got {FeelTypes.Describe(value)}"),
    };

    private static object? Count(object? value) => value switch
    {
        null => null,
        IReadOnlyList<object?> list => (decimal)list.Count,
        _ => throw new FeelRuntimeError($"count() expects a list but got {FeelTypes.Describe(value)}"),
    };

    /// <summary>The values a list-or-varargs function works on: the single list argument, or all arguments. Null when the single argument is null.</summary>
    private static IReadOnlyList<object?>? Items(object?[] args)
    {
        if (args.Length > 1) return args;
        return args[0] switch
        {
            null => null,
            IReadOnlyList<object?> list => list,
            var single => [single],
        };
    }

    private static object? Sum(IReadOnlyList<object?>? items)
    {
        if (items is null || items.Count == 0) return null;
        decimal total = 0;
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case null:
                    return null;
                case decimal d:
                    try
                    {
                        total += d;
                    }
                    catch (OverflowException)
                    {
                        throw new FeelRuntimeError("sum() overflowed the supported number range");
                    }
                    break;
                default:
                    throw new FeelRuntimeError($"sum() expects numbers but item {i + 1} is {FeelTypes.Describe(items[i])}");
            }
        }
        return total;
    }

    private static object? Extreme(string name, IReadOnlyList<object?>? items, bool wantGreater)
    {
        if (items is null || items.Count == 0) return null;
        object? best = null;
        foreach (var item in items)
        {
            if (item is null) return null;
            if (item is not (decimal or string) && !FeelTypes.IsTemporal(item))
                throw new FeelRuntimeError($"{name}() expects numbers or strings but got {FeelTypes.Describe(item)}");
            if (best is null || FeelOperators.Compare(wantGreater ? BinaryOperator.Greater : BinaryOperator.Less, item, best, $"{name}()") == true)
                best = item;
        }
        return best;
    }

    private static object? ListContains(object? list, object? element) => list switch
    {
        null => null,
        IReadOnlyList<object?> items => FeelOperators.ListContains(items, element, "list contains()"),
        _ => throw new FeelRuntimeError($"list contains() expects a list as its first argument but got {FeelTypes.Describe(list)}"),
    };

    private static object? Strings(string name, object?[] args, Func<string, string, bool> test)
    {
        var text = StringArgument(name, args[0]);
        var match = StringArgument(name, args[1]);
        return text is null || match is null ? null : test(text, match);
    }

    private static string? StringArgument(string name, object? value) => value switch
    {
        null => null,
        string s => s,
        _ => throw new FeelRuntimeError($"{name}() expects a string but got {FeelTypes.Describe(value)}"),
    };

    private static decimal? NumberArgument(string name, object? value) => value switch
    {
        null => null,
        decimal d => d,
        _ => throw new FeelRuntimeError($"{name}() expects a number but got {FeelTypes.Describe(value)}"),
    };
}
