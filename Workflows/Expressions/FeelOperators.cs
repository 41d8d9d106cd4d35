namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Semantics of FEEL operators on converted values (DMN 1.5 §10.3.2.15 "Semantic mappings", tables for
/// arithmetic, comparison, equality and path). Null operands propagate (result null) except for
/// equality, where <c>null = null</c> is true and <c>x = null</c> is false. Where the specification yields
/// null for operands of mismatched types, these methods throw <see cref="FeelRuntimeError"/> with a message
/// naming the operator and both operands. Dates, times and durations follow <see cref="TemporalArithmetic"/>.
/// </summary>
internal static class FeelOperators
{
    /// <summary>Applies an arithmetic or comparison operator (not <c>and</c>/<c>or</c>, which short-circuit in the evaluator).</summary>
    public static object? Apply(BinaryOperator op, object? left, object? right) => op switch
    {
        BinaryOperator.Equal => Equal(left, right, "="),
        BinaryOperator.NotEqual => !Equal(left, right, "!="),
        BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual
            => Compare(op, left, right, op.Symbol()),
        BinaryOperator.Add => Add(left, right),
        BinaryOperator.Subtract => Arithmetic(op, left, right),
        BinaryOperator.Multiply => Arithmetic(op, left, right),
        BinaryOperator.Divide => Arithmetic(op, left, right),
        BinaryOperator.Power => Arithmetic(op, left, right),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "logical operators are evaluated by FeelEvaluator"),
    };

    /// <summary>
    /// FEEL equality: null equals only null; numbers by value (1 = 1.0); strings ordinally; lists element-wise;
    /// contexts by keys and values; dates, times and durations by value, dates and times by instant
    /// (<c>10:00:00+08:00 = 02:00:00Z</c>). Non-null operands of different types throw.
    /// </summary>
    public static bool Equal(object? left, object? right, string symbol)
    {
        if (left is null || right is null) return left is null && right is null;
        if (FeelTypes.KindOf(left) != FeelTypes.KindOf(right)) throw CannotCompare(left, right, symbol);
        return DeepEquals(left, right);
    }

    /// <summary>Structural equality used inside lists and contexts, where values of different types are simply unequal.</summary>
    public static bool DeepEquals(object? left, object? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (bool a, bool b):
                return a == b;
            case (decimal a, decimal b):
                return a == b;
            case (string a, string b):
                return string.Equals(a, b, StringComparison.Ordinal);
            case (DateOnly or DateTimeOffset or TimeOnly or TimeSpan or YearMonthDuration, _):
                return TemporalArithmetic.TryOrder(left, right) == 0;
            case (IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b):
                if (a.Count != b.Count) return false;
                foreach (var (key, value) in a)
                {
                    if (!b.TryGetValue(key, out var other) || !DeepEquals(value, other)) return false;
                }
                return true;
            case (IReadOnlyList<object?> a, IReadOnlyList<object?> b):
                if (a.Count != b.Count) return false;
                for (var i = 0; i < a.Count; i++)
                {
                    if (!DeepEquals(a[i], b[i])) return false;
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Ordering comparison of two numbers, two strings (by ordinal code-unit order) or two temporal values of the
    /// same type (see <see cref="TemporalArithmetic"/>). Null if either
    /// operand is null; throws for other types or mixed types. <paramref name="symbol"/> names the operator in
    /// the message (e.g. <c>between</c> or <c>in</c> when called for those).
    /// </summary>
    public static bool? Compare(BinaryOperator op, object? left, object? right, string symbol)
    {
        if (left is null || right is null) return null;
        var order = (left, right) switch
        {
            (decimal a, decimal b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => TemporalArithmetic.TryOrder(left, right) ?? throw CannotCompare(left, right, symbol),
        };
        return op switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            BinaryOperator.GreaterOrEqual => order >= 0,
            BinaryOperator.Equal => order == 0,
            BinaryOperator.NotEqual => order != 0,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
    }

    /// <summary><c>value between low and high</c>: <c>low &lt;= value and value &lt;= high</c>; null if any operand is null.</summary>
    public static bool? Between(object? value, object? low, object? high)
    {
        if (value is null || low is null || high is null) return null;
        return Compare(BinaryOperator.GreaterOrEqual, value, low, "between") == true
            && Compare(BinaryOperator.LessOrEqual, value, high, "between") == true;
    }

    /// <summary>
    /// Whether <paramref name="list"/> holds an element equal to <paramref name="value"/>. Elements of another
    /// type never match, but if no non-null element has the value's type at all, the test is a type error.
    /// </summary>
    public static bool ListContains(IReadOnlyList<object?> list, object? value, string symbol)
    {
        if (value is null) return list.Contains(null);
        var kind = FeelTypes.KindOf(value);
        var sawSameType = false;
        var sawAnyValue = false;
        foreach (var element in list)
        {
            if (element is null) continue;
            sawAnyValue = true;
            if (FeelTypes.KindOf(element) != kind) continue;
            sawSameType = true;
            if (DeepEquals(element, value)) return true;
        }
        if (sawAnyValue && !sawSameType)
        {
            throw new FeelRuntimeError(
                $"cannot look for {FeelTypes.Describe(value)} in {FeelTypes.Describe(list)} using {symbol}: the list holds no {FeelTypes.TypeName(value)} values");
        }
        return false;
    }

    /// <summary>Number addition, string concatenation or temporal addition; null if either operand is null.</summary>
    public static object? Add(object? left, object? right) => (left, right) switch
    {
        (null, _) or (_, null) => null,
        (string a, string b) => a + b,
        (decimal, decimal) => Arithmetic(BinaryOperator.Add, left, right),
        _ when FeelTypes.IsTemporal(left) || FeelTypes.IsTemporal(right) => Temporal(BinaryOperator.Add, left, right),
        _ => throw CannotApply(BinaryOperator.Add, left, right),
    };

    /// <summary><c>- * / **</c> (and <c>+</c>) on numbers, or on temporal values; null if either operand is null.</summary>
    public static object? Arithmetic(BinaryOperator op, object? left, object? right)
    {
        if (left is null || right is null) return null;
        if (FeelTypes.IsTemporal(left) || FeelTypes.IsTemporal(right)) return Temporal(op, left, right);
        if (left is not decimal a || right is not decimal b) throw CannotApply(op, left, right);
        try
        {
            return op switch
            {
                BinaryOperator.Add => a + b,
                BinaryOperator.Subtract => a - b,
                BinaryOperator.Multiply => a * b,
                BinaryOperator.Divide when b == 0 => throw new FeelRuntimeError(
                    $"division by zero: {FeelTypes.FormatNumber(a)} / {FeelTypes.FormatNumber(b)}"),
                BinaryOperator.Divide => a / b,
                BinaryOperator.Power => Power(a, b),
                _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
            };
        }
        catch (OverflowException)
        {
            throw new FeelRuntimeError(
                $"arithmetic overflow: {FeelTypes.FormatNumber(a)} {op.Symbol()} {FeelTypes.FormatNumber(b)} is outside the supported number range");
        }
    }

    /// <summary>Arithmetic negation of a number or a duration; null stays null.</summary>
    public static object? Negate(object? value) => value switch
    {
        null => null,
        decimal d => -d,
        _ => TemporalArithmetic.TryNegate(value)
            ?? throw new FeelRuntimeError($"cannot negate {FeelTypes.Describe(value)}: '-' needs a number or a duration"),
    };

    /// <summary>
    /// A path step (§10.3.2.5, §10.3.2.6): the entry of a context (null when missing), the step applied to each
    /// element of a list, a property of a temporal value (<see cref="TemporalProperties"/>), or null on null. Any
    /// other target is a type error.
    /// </summary>
    public static object? Member(object? target, string member) => target switch
    {
        null => null,
        _ when TemporalProperties.TryGet(target, member, out var property) => property,
        IReadOnlyDictionary<string, object?> context => context.TryGetValue(member, out var value) ? value : null,
        IReadOnlyList<object?> list => list.Select(item => Member(item, member)).ToList().AsReadOnly(),
        _ => throw new FeelRuntimeError(
            $"cannot read '{member}' from {FeelTypes.Describe(target)}: only contexts (and lists of contexts) have members"),
    };

    private static decimal Power(decimal b, decimal e)
    {
        if (e == decimal.Truncate(e) && Math.Abs(e) <= int.MaxValue)
        {
            var n = (long)Math.Abs(e);
            decimal result = 1, square = b;
            while (n > 0)
            {
                if ((n & 1) == 1) result *= square;
                n >>= 1;
                if (n > 0) square *= square;
            }
            if (e >= 0) return result;
            if (result == 0) throw new FeelRuntimeError($"division by zero: {FeelTypes.FormatNumber(b)} ** {FeelTypes.FormatNumber(e)}");
            return 1 / result;
        }

        var power = Math.Pow((double)b, (double)e);
        if (double.IsNaN(power) || double.IsInfinity(power))
            throw new FeelRuntimeError($"{FeelTypes.FormatNumber(b)} ** {FeelTypes.FormatNumber(e)} has no number result");
        return (decimal)power;
    }

    private static object Temporal(BinaryOperator op, object left, object right) =>
        TemporalArithmetic.TryApply(op, left, right)
        ?? throw new FeelRuntimeError(
            $"cannot apply {op.Symbol()} to {FeelTypes.Describe(left)} and {FeelTypes.Describe(right)}{TemporalArithmetic.Hint(op, left, right)}");

    private static FeelRuntimeError CannotCompare(object? left, object? right, string symbol) =>
        new($"cannot compare {FeelTypes.Describe(left)} with {FeelTypes.Describe(right)} using {symbol}");

    private static FeelRuntimeError CannotApply(BinaryOperator op, object? left, object? right) =>
        new($"cannot apply {op.Symbol()} to {FeelTypes.Describe(left)} and {FeelTypes.Describe(right)}"
            + (op == BinaryOperator.Add ? ": + needs two numbers or two strings" : ": it needs two numbers"));
}
