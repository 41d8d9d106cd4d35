using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipeline.Host.Forms;

/// <summary>
/// Checks a task's completion data against its form, as far as the schema says: required fields present (not null,
/// not empty), numbers are JSON numbers within <c>validate.min</c> / <c>max</c>, checkboxes booleans, dates
/// <c>YYYY-MM-DD</c>, a select or radio one of its static <c>values</c>, texts within <c>validate.maxLength</c>.
/// Groups and dynamic lists with a <c>path</c> nest their fields (<c>{ "inspection": { "date": … } }</c>), as do dotted keys.
/// </summary>
/// <remarks>
/// A text field with the custom property <c>pipeline:list = true</c> holds a list of names (检查人员, 未通过考核学员):
/// a string is split on 、，, ; and line breaks into a JSON array before checking, and an array is kept as it is.
/// </remarks>
public static class FormData
{
    /// <summary>The custom property (form-js <c>properties</c>) that makes a text field a list of names.</summary>
    public const string ListProperty = "pipeline:list";

    private static readonly char[] ListSeparators = ['、', '，', ',', ';', '；', '\n', '\r'];

    /// <summary>Normalises <paramref name="data"/> in place (list fields) and returns every problem, Chinese first; empty when the data fits.</summary>
    public static IReadOnlyList<string> Check(FormSchema form, JsonObject data)
    {
        var problems = new List<string>();
        Walk(form.Components, data, problems);
        return problems;
    }

    private static void Walk(JsonArray components, JsonObject scope, List<string> problems)
    {
        foreach (var component in components.OfType<JsonObject>())
        {
            var type = (string?)component["type"] ?? "";
            var path = (string?)component["path"];
            if (type == "group" && component["components"] is JsonArray groupChildren)
            {
                var inner = path is { Length: > 0 } ? Object(scope, path) : scope;
                Walk(groupChildren, inner ?? [], problems);
                continue;
            }
            if (type == "dynamiclist" && component["components"] is JsonArray itemChildren && path is { Length: > 0 })
            {
                if (Get(scope, path) is JsonArray items)
                    foreach (var item in items.OfType<JsonObject>()) Walk(itemChildren, item, problems);
                continue;
            }
            if ((string?)component["key"] is not { Length: > 0 } key) continue;
            CheckField(component, type, key, scope, problems);
        }
    }

    private static void CheckField(JsonObject component, string type, string key, JsonObject scope, List<string> problems)
    {
        var label = ((string?)component["label"] ?? (string?)component["dateLabel"]) is { Length: > 0 } l ? $"「{l}」" : $"「{key}」";
        var validate = component["validate"] as JsonObject;
        var value = Get(scope, key);
        if (type is "textfield" or "textarea" && IsList(component) && value is JsonValue text && text.TryGetValue<string>(out var names))
        {
            value = new JsonArray(names.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
            Set(scope, key, value);
        }
        if (Empty(value))
        {
            if (validate?["required"] is JsonValue required && required.TryGetValue<bool>(out var r) && r)
                problems.Add($"{label}为必填项 ({key} is required)");
            return;
        }
        switch (type)
        {
            case "number":
                if (value is not JsonValue n || !n.TryGetValue<double>(out var number))
                {
                    problems.Add($"{label}须为数字 ({key} must be a number)");
                    return;
                }
                if (Limit(validate, "min") is { } min && number < min) problems.Add($"{label}不能小于 {min} ({key} must be at least {min})");
                if (Limit(validate, "max") is { } max && number > max) problems.Add($"{label}不能大于 {max} ({key} must be at most {max})");
                break;
            case "checkbox":
                if (value is not JsonValue b || !b.TryGetValue<bool>(out _)) problems.Add($"{label}须为是或否 ({key} must be true or false)");
                break;
            case "datetime" when (string?)component["subtype"] is null or "date":
                if (value is not JsonValue d || !d.TryGetValue<string>(out var date)
                    || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    problems.Add($"{label}须为日期 YYYY-MM-DD ({key} must be a date, YYYY-MM-DD)");
                break;
            case "select" or "radio" when component["values"] is JsonArray options:
                var allowed = options.OfType<JsonObject>().Select(o => o["value"]?.ToJsonString()).ToHashSet();
                if (!allowed.Contains(value!.ToJsonString())) problems.Add($"{label}的取值不在选项中 ({key}: {value.ToJsonString()} is not one of its options)");
                break;
            case "textfield" or "textarea" when !IsList(component):
                if (value is not JsonValue s || !s.TryGetValue<string>(out var str)) problems.Add($"{label}须为文字 ({key} must be text)");
                else if (Limit(validate, "maxLength") is { } maxLength && str.Length > maxLength)
                    problems.Add($"{label}不能超过 {maxLength} 个字 ({key} has at most {maxLength} characters)");
                break;
        }
    }

    private static bool IsList(JsonObject component) =>
        component["properties"] is JsonObject properties && (string?)properties[ListProperty] == "true";

    private static bool Empty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Trim().Length == 0,
        JsonArray a => a.Count == 0,
        _ => false,
    };

    private static double? Limit(JsonObject? validate, string name) =>
        validate?[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static JsonNode? Get(JsonObject scope, string path)
    {
        JsonNode? node = scope;
        foreach (var part in path.Split('.'))
            node = node is JsonObject o ? o[part] : null;
        return node;
    }

    private static JsonObject? Object(JsonObject scope, string path) => Get(scope, path) as JsonObject;

    private static void Set(JsonObject scope, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var target = scope;
        foreach (var part in parts[..^1])
        {
            if (target[part] is not JsonObject next) return;
            target = next;
        }
        target[parts[^1]] = value;
    }
}
