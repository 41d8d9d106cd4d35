using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Host.Forms;

/// <summary>
/// A task form as deployed: a form-js schema (bpmn-io/form-js, the format of Camunda 8's linked forms), a JSON object
/// <c>{ "id": "acceptance-review", "type": "default", "components": [ … ] }</c>. Its <c>id</c> is what user tasks
/// name in <c>zeebe:formDefinition formId</c>. See <see cref="FormData"/> for how completion data is checked against it.
/// </summary>
public sealed partial record FormSchema(string Id, string Name, JsonObject Json)
{
    /// <summary>Largest schema accepted, in bytes of UTF-8 JSON (256 KiB).</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The schema's components (fields, groups, texts), in order.</summary>
    public JsonArray Components => Json["components"]!.AsArray();

    /// <summary>Parses and checks a schema: JSON object, at most <see cref="MaxBytes"/>, an <c>id</c> usable as a form id, a <c>components</c> array of objects each with a <c>type</c>.</summary>
    /// <exception cref="FormSchemaException">What is wrong, in Chinese and English.</exception>
    public static FormSchema Parse(string json)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
            throw new FormSchemaException($"表单不能超过 {MaxBytes / 1024} KiB", $"a form schema has at most {MaxBytes / 1024} KiB");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new FormSchemaException($"表单不是有效的 JSON：{e.Message}", $"the form schema is not valid JSON: {e.Message}");
        }
        if (node is not JsonObject schema)
            throw new FormSchemaException("表单必须是 JSON 对象（form-js 表单定义）", "a form schema is a JSON object (a form-js schema)");
        if (schema["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || id.Length == 0)
            throw new FormSchemaException("表单缺少 id（用户任务以 formId 引用它）", "the form schema has no \"id\" (user tasks name it in formId)");
        if (id.Length > Workflows.Definitions.Bpmn.BpmnReader.MaxFormIdLength || !IdPattern().IsMatch(id))
            throw new FormSchemaException($"表单 id \"{id}\" 不合格式（字母、数字、_ . -，以字母或 _ 开头）",
                $"form id \"{id}\" is not a form id (letters, digits, _ . -, starting with a letter or _)");
        if (schema["components"] is not JsonArray components)
            throw new FormSchemaException("表单缺少 components 数组", "the form schema has no \"components\" array");
        foreach (var component in Walk(components))
            if (component is not JsonObject c || c["type"] is not JsonValue type || !type.TryGetValue<string>(out _))
                throw new FormSchemaException("表单的每个组件都须是带 type 的对象", "every component of a form schema is an object with a \"type\"");
        return new FormSchema(id, NameOf(schema, components, id), schema);
    }

    /// <summary>Every component, nested ones (groups, dynamic lists) included.</summary>
    private static IEnumerable<JsonNode?> Walk(JsonArray components)
    {
        foreach (var component in components)
        {
            yield return component;
            if (component is JsonObject { } c && c["components"] is JsonArray children)
                foreach (var child in Walk(children)) yield return child;
        }
    }

    /// <summary>The form's title: its first text component's first line (without Markdown heading marks), else its id.</summary>
    private static string NameOf(JsonObject schema, JsonArray components, string id)
    {
        var text = components.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "text")?["text"]?.GetValue<string>();
        var line = text?.Split('\n').Select(l => l.Trim().TrimStart('#').Trim()).FirstOrDefault(l => l.Length > 0);
        return line is { Length: > 0 } ? line[..Math.Min(line.Length, 200)] : id;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex IdPattern();
}

/// <summary>A form schema cannot be deployed (400): <see cref="Exception.Message"/> in English, <see cref="MessageZh"/> for the administrator.</summary>
public sealed class FormSchemaException(string messageZh, string message) : Exception(message)
{
    public string MessageZh { get; } = messageZh;
}
