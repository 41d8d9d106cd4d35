using System.Globalization;
using System.Text;

namespace Pipeline.Workflows.Expressions;

/// <summary>The FEEL types this subset works with (DMN 1.5 §10.3.2.3).</summary>
internal enum FeelKind
{
    Null,
    Boolean,
    Number,
    String,
    List,
    Context,
    Date,
    DateAndTime,
    Time,
    DaysAndTimeDuration,
    YearsAndMonthsDuration,
}

/// <summary>
/// Classifies FEEL values (already converted by <see cref="FeelValues"/>) and renders them for
/// error messages and for the <c>string()</c> built-in.
/// </summary>
internal static class FeelTypes
{
    private const int DescribeLimit = 60;

    /// <summary>The FEEL type of a converted value.</summary>
    public static FeelKind KindOf(object? value) => value switch
    {
        null => FeelKind.Null,
        bool => FeelKind.Boolean,
        decimal => FeelKind.Number,
        string => FeelKind.String,
        IReadOnlyDictionary<string, object?> => FeelKind.Context,
        IReadOnlyList<object?> => FeelKind.List,
        DateOnly => FeelKind.Date,
        DateTimeOffset => FeelKind.DateAndTime,
        TimeOnly => FeelKind.Time,
        TimeSpan => FeelKind.DaysAndTimeDuration,
        YearMonthDuration => FeelKind.YearsAndMonthsDuration,
        _ => throw new InvalidOperationException($"{value.GetType()} is not a FEEL value; convert it with FeelValues.From."),
    };

    /// <summary>
    /// The FEEL type name: null, boolean, number, string, list, context, date, date and time, time, days and time
    /// duration or years and months duration.
    /// </summary>
    public static string TypeName(object? value) => Name(KindOf(value));

    /// <summary>Lower-case FEEL name of <paramref name="kind"/>.</summary>
    public static string Name(FeelKind kind) => kind switch
    {
        FeelKind.Null => "null",
        FeelKind.Boolean => "boolean",
        FeelKind.Number => "number",
        FeelKind.String => "string",
        FeelKind.List => "list",
        FeelKind.Context => "context",
        FeelKind.Date => "date",
        FeelKind.DateAndTime => "date and time",
        FeelKind.Time => "time",
        FeelKind.DaysAndTimeDuration => "days and time duration",
        FeelKind.YearsAndMonthsDuration => "years and months duration",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Type and value for an error message, e.g. <c>string "abc"</c>, <c>number 3</c>, <c>null</c>; a temporal value
    /// is its literal alone, which names its type (<c>date("2025-10-01")</c>).
    /// </summary>
    public static string Describe(object? value)
    {
        if (value is null) return "null";
        var text = Format(value, quoteStrings: true);
        if (IsTemporal(value)) return text;
        if (text.Length > DescribeLimit) text = text[..(DescribeLimit - 3)] + "...";
        return $"{TypeName(value)} {text}";
    }

    /// <summary>True for a date, date and time, time or duration.</summary>
    public static bool IsTemporal(object? value) => value is DateOnly or DateTimeOffset or TimeOnly or TimeSpan or YearMonthDuration;

    /// <summary>
    /// The ISO 8601 lexical form of a temporal value, as <c>string()</c> returns it (<c>2025-10-01</c>,
    /// <c>P3D</c>); null for any other value.
    /// </summary>
    public static string? LexicalForm(object? value) => value switch
    {
        DateOnly date => TemporalLexical.Format(date),
        DateTimeOffset dateTime => TemporalLexical.Format(dateTime),
        TimeOnly time => TemporalLexical.Format(time),
        TimeSpan duration => TemporalLexical.Format(duration),
        YearMonthDuration duration => TemporalLexical.Format(duration),
        _ => null,
    };

    /// <summary>
    /// FEEL-like text of a value: numbers without trailing zeros in invariant culture, <c>true</c>/<c>false</c>,
    /// <c>null</c>, lists as <c>[1, "a"]</c>, contexts as <c>{key: 1, "odd key": 2}</c>, temporal values as the
    /// FEEL expression that makes them: <c>date("2025-10-01")</c>, <c>date and time("2025-10-01T09:00:00+08:00")</c>,
    /// <c>time("09:00:00")</c>, <c>duration("P3D")</c>, <c>duration("P1Y2M")</c>. Top-level strings are quoted only
    /// when <paramref name="quoteStrings"/> is set; nested strings always are.
    /// </summary>
    public static string Format(object? value, bool quoteStrings)
    {
        var builder = new StringBuilder();
        Append(builder, value, quoteStrings);
        return builder.ToString();
    }

    /// <summary>A number in invariant culture with trailing fractional zeros removed (2.50 → "2.5").</summary>
    public static string FormatNumber(decimal value) =>
        (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static void Append(StringBuilder builder, object? value, bool quoteStrings)
    {
        switch (value)
        {
            case null: builder.Append("null"); break;
            case bool b: builder.Append(b ? "true" : "false"); break;
            case decimal d: builder.Append(FormatNumber(d)); break;
            case string s when quoteStrings: AppendQuoted(builder, s); break;
            case string s: builder.Append(s); break;
            case IReadOnlyDictionary<string, object?> context:
                builder.Append('{');
                var firstEntry = true;
                foreach (var (key, item) in context)
                {
                    if (!firstEntry) builder.Append(", ");
                    firstEntry = false;
                    if (IsPlainName(key)) builder.Append(key); else AppendQuoted(builder, key);
                    builder.Append(": ");
                    Append(builder, item, quoteStrings: true);
                }
                builder.Append('}');
                break;
            case IReadOnlyList<object?> list:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) builder.Append(", ");
                    Append(builder, list[i], quoteStrings: true);
                }
                builder.Append(']');
                break;
            case DateOnly or DateTimeOffset or TimeOnly or TimeSpan or YearMonthDuration:
                builder.Append(value switch
                {
                    DateOnly => "date",
                    DateTimeOffset => "date and time",
                    TimeOnly => "time",
                    _ => "duration",
                });
                builder.Append('(');
                AppendQuoted(builder, LexicalForm(value)!);
                builder.Append(')');
                break;
            default: builder.Append(value); break;
        }
    }

    private static void AppendQuoted(StringBuilder builder, string s)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        builder.Append('"');
    }

    private static bool IsPlainName(string key) =>
        key.Length > 0 && (char.IsLetter(key[0]) || key[0] == '_') && key.All(c => char.IsLetterOrDigit(c) || c == '_');
}
