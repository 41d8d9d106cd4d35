using System.Collections;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Converts .NET and JSON values into the FEEL value shapes the evaluator works with, and back to JSON.
/// </summary>
/// <remarks>
/// FEEL values (DMN 1.5 §10.3.2.3, §10.3.2.12) are represented as:
/// <list type="bullet">
/// <item><description><c>null</c>;</description></item>
/// <item><description><see cref="bool"/> for boolean;</description></item>
/// <item><description><see cref="decimal"/> for number (FEEL's Decimal128 narrowed to .NET decimal: 28–29 significant digits, about ±7.9e28);</description></item>
/// <item><description><see cref="string"/> for string;</description></item>
/// <item><description><see cref="IReadOnlyList{T}"/> of <c>object?</c> for list;</description></item>
/// <item><description><see cref="IReadOnlyDictionary{TKey,TValue}"/> of <c>string</c> to <c>object?</c> for context;</description></item>
/// <item><description><see cref="DateOnly"/> for date, <see cref="DateTimeOffset"/> for date and time, <see cref="TimeOnly"/>
/// for time, <see cref="TimeSpan"/> for days and time duration, <see cref="YearMonthDuration"/> for years and months duration.</description></item>
/// </list>
/// <see cref="From"/> accepts, in addition: all integral types, <see cref="float"/> and <see cref="double"/>
/// (finite only) as numbers; <see cref="char"/>, <see cref="Guid"/> and enums as strings; <see cref="DateTime"/> as
/// a date and time (UTC and local kinds keep their instant and are shown at UTC+08:00; an unspecified kind is read as
/// UTC+08:00 wall-clock time); <see cref="JsonElement"/>, <see cref="JsonDocument"/> and
/// <see cref="JsonNode"/>; any <see cref="IDictionary"/> with string keys; any non-string
/// <see cref="IEnumerable"/>; and, as a last resort, any object serializable by System.Text.Json with web
/// defaults (camelCase properties). Values already in FEEL shape are returned as the same instance.
/// <para>
/// In JSON (<see cref="ToJsonNode"/>, <see cref="FromJson(JsonElement)"/>, <see cref="VariablesFromJson"/>) a temporal
/// value is a tagged object such as <c>{"@type": "date", "value": "2025-10-01"}</c> (see <see cref="TemporalJson"/>),
/// so it comes back with its type; every other value keeps its plain JSON form. Dates inside objects converted by
/// serialization (the last-resort path) are ISO strings, as System.Text.Json writes them.
/// </para>
/// </remarks>
public static class FeelValues
{
    private const int MaxDepth = 64;

    /// <summary>Converts a .NET or JSON value to a FEEL value (see the type remarks for the accepted shapes).</summary>
    /// <exception cref="ArgumentException">
    /// The value (or something inside it) has no FEEL representation: NaN or infinite doubles, numbers beyond
    /// decimal range, dictionaries with non-string keys, cycles or nesting deeper than 64 levels.
    /// </exception>
    public static object? From(object? value) => Convert(value, 0);

    /// <summary>
    /// Converts a JSON element: objects become contexts (tagged temporal objects, see the remarks, become temporal values), arrays lists,
    /// numbers decimals.
    /// </summary>
    /// <exception cref="ArgumentException">A number is outside decimal range, or a tagged temporal object holds an invalid value.</exception>
    public static object? FromJson(JsonElement element) => ConvertJson(element, 0);

    /// <summary>Converts a JSON node (null stands for JSON null).</summary>
    /// <exception cref="ArgumentException">A number is outside decimal range.</exception>
    public static object? FromJson(JsonNode? node) => ConvertJsonNode(node, 0);

    /// <summary>
    /// Converts a JSON object, such as a process instance's variables document, to a variables dictionary
    /// suitable for <see cref="FeelExpression.Evaluate"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="variables"/> is not a JSON object, or holds an out-of-range number.</exception>
    public static IReadOnlyDictionary<string, object?> VariablesFromJson(JsonElement variables)
    {
        if (variables.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"Variables must be a JSON object, not {variables.ValueKind}.", nameof(variables));
        return (IReadOnlyDictionary<string, object?>)ConvertJson(variables, 0)!;
    }

    /// <summary>
    /// Converts a FEEL value (or anything <see cref="From"/> accepts) to a <see cref="JsonNode"/>, e.g. to
    /// store the result of an output mapping as a process variable. FEEL null becomes a null node.
    /// </summary>
    /// <exception cref="ArgumentException">The value cannot be converted (see <see cref="From"/>).</exception>
    public static JsonNode? ToJsonNode(object? value) => ToJson(From(value));

    /// <summary>True when <paramref name="value"/> is already in FEEL shape, all the way down.</summary>
    public static bool IsFeelValue(object? value) => IsConverted(value, 0);

    private static bool IsConverted(object? value, int depth)
    {
        if (depth > MaxDepth) return false;
        switch (value)
        {
            case null or bool or decimal or string or DateOnly or DateTimeOffset or TimeOnly or TimeSpan or YearMonthDuration:
                return true;
            case IReadOnlyDictionary<string, object?> context:
                foreach (var entry in context)
                {
                    if (!IsConverted(entry.Value, depth + 1)) return false;
                }
                return true;
            case IReadOnlyList<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (!IsConverted(list[i], depth + 1)) return false;
                }
                return true;
            default:
                return false;
        }
    }

    private static object? Convert(object? value, int depth)
    {
        if (depth > MaxDepth)
            throw new ArgumentException($"Value is nested more than {MaxDepth} levels deep (or contains a cycle).");

        switch (value)
        {
            case null or bool or decimal or string or DateOnly or DateTimeOffset or TimeOnly or TimeSpan or YearMonthDuration:
                return value;
            case int or long or short or sbyte or byte or ushort or uint or ulong:
                return System.Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            case double d:
                return FromDouble(d);
            case float f when float.IsFinite(f):
                return (decimal)f; // float precision, so 0.1f is 0.1 rather than 0.100000001490116
            case float f:
                return FromDouble(f);
            case char c:
                return c.ToString();
            case Guid g:
                return g.ToString();
            case Enum e:
                return e.ToString();
            case DateTime dt:
                return FromDateTime(dt);
            case JsonElement element:
                return ConvertJson(element, depth);
            case JsonDocument document:
                return ConvertJson(document.RootElement, depth);
            case JsonNode node:
                return ConvertJsonNode(node, depth);
            case IReadOnlyDictionary<string, object?> context when IsConverted(context, depth):
                return context;
            case IReadOnlyList<object?> list when IsConverted(list, depth):
                return list;
            case IDictionary dictionary:
                return ConvertDictionary(dictionary, depth);
            case IReadOnlyDictionary<string, object?> context:
                return ConvertEntries(context, depth);
            case IEnumerable sequence:
                var items = new List<object?>();
                foreach (var item in sequence) items.Add(Convert(item, depth + 1));
                return items.AsReadOnly();
            default:
                return ConvertBySerialization(value, depth);
        }
    }

    private static DateTimeOffset FromDateTime(DateTime value)
    {
        try
        {
            return value.Kind == DateTimeKind.Unspecified
                ? new DateTimeOffset(value, FeelEvaluationContext.LocalOffset)
                : new DateTimeOffset(value).ToOffset(FeelEvaluationContext.LocalOffset);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"{value:O} is outside the supported date and time range.", e);
        }
    }

    private static decimal FromDouble(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
            throw new ArgumentException($"{d.ToString(CultureInfo.InvariantCulture)} has no FEEL number representation.");
        try
        {
            return (decimal)d;
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"{d.ToString(CultureInfo.InvariantCulture)} is outside the supported number range.");
        }
    }

    private static ReadOnlyDictionary<string, object?> ConvertDictionary(IDictionary dictionary, int depth)
    {
        var result = new Dictionary<string, object?>(dictionary.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
                throw new ArgumentException($"Dictionary keys must be strings to become a FEEL context, not {entry.Key.GetType().Name}.");
            result[key] = Convert(entry.Value, depth + 1);
        }
        return result.AsReadOnly();
    }

    private static ReadOnlyDictionary<string, object?> ConvertEntries(IReadOnlyDictionary<string, object?> context, int depth)
    {
        var result = new Dictionary<string, object?>(context.Count, StringComparer.Ordinal);
        foreach (var (key, item) in context) result[key] = Convert(item, depth + 1);
        return result.AsReadOnly();
    }

    private static object? ConvertBySerialization(object value, int depth)
    {
        JsonElement element;
        try
        {
            element = JsonSerializer.SerializeToElement(value, value.GetType(), JsonSerializerOptions.Web);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new ArgumentException($"{value.GetType().Name} values cannot be converted to FEEL: {e.Message}", e);
        }
        return ConvertJson(element, depth);
    }

    private static object? ConvertJson(JsonElement element, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException($"JSON is nested more than {MaxDepth} levels deep.");
        switch (element.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetDecimal(out var number)) return number;
                throw new ArgumentException($"JSON number {element.GetRawText()} is outside the supported number range.");
            case JsonValueKind.Array:
                var items = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray()) items.Add(ConvertJson(item, depth + 1));
                return items.AsReadOnly();
            case JsonValueKind.Object when TemporalJson.TryRead(element, out var temporal):
                return temporal;
            case JsonValueKind.Object:
                var context = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject()) context[property.Name] = ConvertJson(property.Value, depth + 1);
                return context.AsReadOnly();
            default:
                throw new ArgumentException($"Unsupported JSON value kind {element.ValueKind}.");
        }
    }

    private static object? ConvertJsonNode(JsonNode? node, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException($"JSON is nested more than {MaxDepth} levels deep.");
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj when TemporalJson.TryRead(obj, out var temporal):
                return temporal;
            case JsonObject obj:
                var context = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
                foreach (var (key, item) in obj) context[key] = ConvertJsonNode(item, depth + 1);
                return context.AsReadOnly();
            case JsonArray array:
                var items = new List<object?>(array.Count);
                foreach (var item in array) items.Add(ConvertJsonNode(item, depth + 1));
                return items.AsReadOnly();
            case JsonValue scalar when scalar.TryGetValue<JsonElement>(out var element):
                return ConvertJson(element, depth);
            default:
                return ConvertJson(JsonSerializer.SerializeToElement(node), depth);
        }
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        decimal d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        DateOnly or DateTimeOffset or TimeOnly or TimeSpan or YearMonthDuration => TemporalJson.ToJson(value),
        IReadOnlyDictionary<string, object?> context => new JsonObject(context.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        IReadOnlyList<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        _ => throw new ArgumentException($"{value.GetType().Name} is not a FEEL value."),
    };
}
