using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Workflows.Expressions;

/// <summary>
/// How temporal values are kept in JSON (process variables, history): a tagged object naming the FEEL type and
/// holding the ISO 8601 lexical form of <see cref="TemporalLexical"/>:
/// <code>
/// {"@type": "date", "value": "2025-10-01"}
/// {"@type": "date and time", "value": "2025-10-01T09:30:00+08:00"}
/// {"@type": "time", "value": "09:30:00"}
/// {"@type": "days and time duration", "value": "P3DT2H"}
/// {"@type": "years and months duration", "value": "P1Y2M"}
/// </code>
/// A bare ISO string would come back as a string (<c>"2025-10-01"</c> may be a case number as well as a date), so
/// the type travels with the value. Only an object with exactly these two string properties and one of these five
/// type names is read as a temporal value; every other object stays a context.
/// </summary>
internal static class TemporalJson
{
    private const string TypeProperty = "@type";
    private const string ValueProperty = "value";

    /// <summary>The tagged object of a temporal value, or null when <paramref name="value"/> is not temporal.</summary>
    public static JsonObject? ToJson(object? value) =>
        FeelTypes.LexicalForm(value) is { } text
            ? new JsonObject { [TypeProperty] = FeelTypes.TypeName(value), [ValueProperty] = text }
            : null;

    /// <summary>Reads a tagged object; false when the element is not one (it is then an ordinary context).</summary>
    /// <exception cref="ArgumentException">The tag names a temporal type but the value is not a valid lexical form of it.</exception>
    public static bool TryRead(JsonElement element, out object? value)
    {
        value = null;
        if (element.ValueKind != JsonValueKind.Object) return false;
        string? type = null, text = null;
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (++count > 2 || property.Value.ValueKind != JsonValueKind.String) return false;
            if (property.Name == TypeProperty) type = property.Value.GetString();
            else if (property.Name == ValueProperty) text = property.Value.GetString();
            else return false;
        }
        return type is not null && text is not null && TryParse(type, text, out value);
    }

    /// <summary>Reads a tagged object node; false when the node is not one.</summary>
    /// <exception cref="ArgumentException">As for the <see cref="JsonElement"/> overload.</exception>
    public static bool TryRead(JsonObject node, out object? value)
    {
        value = null;
        return node.Count == 2
            && node[TypeProperty] is JsonValue typeNode && typeNode.TryGetValue<string>(out var type)
            && node[ValueProperty] is JsonValue valueNode && valueNode.TryGetValue<string>(out var text)
            && TryParse(type, text, out value);
    }

    private static bool TryParse(string type, string text, out object? value)
    {
        string error;
        bool ok;
        switch (type)
        {
            case "date":
                ok = TemporalLexical.TryParseDate(text, out var date, out error);
                value = date;
                break;
            case "date and time":
                ok = TemporalLexical.TryParseDateTime(text, out var dateTime, out error);
                value = dateTime;
                break;
            case "time":
                ok = TemporalLexical.TryParseTime(text, out var time, out error);
                value = time;
                break;
            case "days and time duration" or "years and months duration":
                ok = TemporalLexical.TryParseDuration(text, out var duration, out error);
                value = duration;
                if (ok && FeelTypes.TypeName(duration) != type) (ok, error) = (false, $"\"{text}\" is not a {type}");
                break;
            default:
                value = null;
                return false;
        }
        return ok ? true : throw new ArgumentException($"JSON {{\"{TypeProperty}\": \"{type}\"}} holds an invalid value: {error}");
    }
}
