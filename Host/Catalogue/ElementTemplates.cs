using System.Text.Json.Nodes;
using Pipeline.Workflows.Activities;

namespace Pipeline.Host.Catalogue;

/// <summary>
/// Zeebe element templates (the Camunda 8 element-template JSON schema that bpmn-js-element-templates reads) generated
/// from the activity catalogue, one per activity: a service task with its task type and retries fixed, each described
/// input as a FEEL field bound to <c>zeebe:input</c> (required ones marked not empty), each output bound to
/// <c>zeebe:output</c> under its own name, and the retry back-off as the <c>pipeline:retryBackoff</c> property. The designer offers them in its create/append menus and properties panel.
/// Texts are Chinese first, English after, like the designer's other labels: the template's description
/// <c>{DescriptionZh}（{DisplayName}. {Description}）</c>, a port's <c>{zh} ({en})</c>; English alone where the catalogue
/// gives no Chinese.
/// </summary>
public static class ElementTemplates
{
    public const string Schema = "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";

    /// <summary>The templates of <paramref name="activities"/>, ids <c>pipeline.{type}</c>, version 1.</summary>
    public static JsonArray Of(IEnumerable<ActivityDescriptor> activities) =>
        new(activities.Select(a => (JsonNode)Of(a)).ToArray());

    /// <summary>One activity's template.</summary>
    public static JsonObject Of(ActivityDescriptor activity)
    {
        var properties = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Hidden", ["value"] = activity.Type,
                ["binding"] = new JsonObject { ["type"] = "zeebe:taskDefinition", ["property"] = "type" },
            },
            new JsonObject
            {
                ["label"] = "重试次数 Retries", ["type"] = "String", ["value"] = activity.Retries.ToString(), ["group"] = "task",
                ["binding"] = new JsonObject { ["type"] = "zeebe:taskDefinition", ["property"] = "retries" },
                ["constraints"] = new JsonObject { ["pattern"] = new JsonObject { ["value"] = "^[1-9][0-9]*$", ["message"] = "至少 1 次 (at least 1)" } },
            },
        };
        properties.Add(new JsonObject
        {
            ["label"] = "重试间隔 Retry back-off", ["description"] = "ISO 8601 时长，每次重试加倍 (doubled per retry), e.g. PT10S",
            ["type"] = "String", ["group"] = "task", ["optional"] = true,
            ["value"] = System.Xml.XmlConvert.ToString(activity.RetryBackoff),
            ["binding"] = new JsonObject { ["type"] = "zeebe:property", ["name"] = "pipeline:retryBackoff" },
        });
        foreach (var input in activity.Inputs)
        {
            var property = new JsonObject
            {
                ["label"] = input.Name, ["description"] = Bilingual(input), ["type"] = "String", ["group"] = "inputs",
                ["feel"] = "optional", ["value"] = "=" + input.Name, ["optional"] = !input.Required,
                ["binding"] = new JsonObject { ["type"] = "zeebe:input", ["name"] = input.Name },
            };
            if (input.Required) property["constraints"] = new JsonObject { ["notEmpty"] = true };
            properties.Add(property);
        }
        foreach (var output in activity.Outputs)
            properties.Add(new JsonObject
            {
                ["label"] = output.Name, ["description"] = Bilingual(output), ["type"] = "String", ["group"] = "outputs",
                ["value"] = output.Name, ["optional"] = true,
                ["binding"] = new JsonObject { ["type"] = "zeebe:output", ["source"] = "=" + output.Name },
            });
        return new JsonObject
        {
            ["$schema"] = Schema,
            ["name"] = activity.DisplayNameZh,
            ["id"] = "pipeline." + activity.Type,
            ["version"] = 1,
            ["description"] = Bilingual(activity),
            ["category"] = new JsonObject { ["id"] = "pipeline-" + activity.Category.ToLowerInvariant().Replace(' ', '-'), ["name"] = activity.Category },
            ["appliesTo"] = new JsonArray("bpmn:Task", "bpmn:ServiceTask"),
            ["elementType"] = new JsonObject { ["value"] = "bpmn:ServiceTask" },
            ["keywords"] = new JsonArray(activity.Type, activity.DisplayName),
            ["groups"] = new JsonArray(
                new JsonObject { ["id"] = "task", ["label"] = "作业 Job" },
                new JsonObject { ["id"] = "inputs", ["label"] = "输入 Inputs" },
                new JsonObject { ["id"] = "outputs", ["label"] = "输出 Outputs（结果变量名）" }),
            ["properties"] = properties,
        };
    }

    /// <summary>
    /// An activity's description: <c>{DescriptionZh}（{DisplayName}. {Description}）</c>, or the English alone
    /// (<c>{DisplayName}. {Description}</c>) when it has no Chinese one.
    /// </summary>
    public static string Bilingual(ActivityDescriptor activity)
    {
        var english = string.IsNullOrWhiteSpace(activity.Description) ? activity.DisplayName : $"{activity.DisplayName}. {activity.Description}";
        return string.IsNullOrWhiteSpace(activity.DescriptionZh) ? english : $"{activity.DescriptionZh}（{english}）";
    }

    /// <summary>A port's description: <c>{zh} ({en})</c>, or the English alone when it has no Chinese one.</summary>
    public static string Bilingual(ActivityPortDescriptor port) =>
        string.IsNullOrWhiteSpace(port.DescriptionZh) ? port.Description
        : string.IsNullOrWhiteSpace(port.Description) ? port.DescriptionZh
        : $"{port.DescriptionZh} ({port.Description})";
}
