using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Pipeline.Workflows.Definitions.Bpmn;

/// <summary><c>zeebe:formDefinition</c> of a user task: the form it is worked with (Camunda 8 linked form).</summary>
public static partial class BpmnReader
{
    /// <summary>Most characters of a form id.</summary>
    public const int MaxFormIdLength = 100;

    /// <summary>
    /// The task's form id from <c>&lt;zeebe:formDefinition formId="inspection-record"/&gt;</c>; null when the task names
    /// none. A definition element without a usable <c>formId</c> is a problem: an empty or malformed id (letters, digits,
    /// <c>_ . -</c>, starting with a letter or <c>_</c>, at most <see cref="MaxFormIdLength"/>), an embedded
    /// <c>formKey</c> form (<c>camunda-forms:bpmn:…</c>) or an <c>externalReference</c> (custom form): this engine serves
    /// deployed forms only.
    /// </summary>
    private static string? ReadFormId(XElement e, string id, string type, ReadContext context)
    {
        if (Extension(e, "formDefinition") is not { } form) return null;
        var formId = form.Attribute("formId")?.Value.Trim();
        if (formId is { Length: > 0 })
        {
            if (formId.Length <= MaxFormIdLength && FormIdPattern().IsMatch(formId)) return formId;
            context.Add(id, type,
                $"zeebe:formDefinition formId \"{formId}\" is not a form id (letters, digits, _ . -, starting with a letter or _, at most {MaxFormIdLength} characters)",
                $"zeebe:formDefinition 的表单 id \"{formId}\" 不合格式（字母、数字、_ . -，以字母或 _ 开头，不超过 {MaxFormIdLength} 个字符）");
            return null;
        }
        if (form.Attribute("formKey")?.Value is { Length: > 0 } key)
            context.Add(id, type,
                $"zeebe:formDefinition formKey \"{key}\" (an embedded form) is not supported: deploy the form and link it with formId",
                $"不支持内嵌表单（zeebe:formDefinition formKey \"{key}\"）：请先部署表单，再用 formId 关联");
        else if (form.Attribute("externalReference")?.Value is { Length: > 0 } reference)
            context.Add(id, type,
                $"zeebe:formDefinition externalReference \"{reference}\" (a custom form) is not supported: link a deployed form with formId",
                $"不支持外部表单（zeebe:formDefinition externalReference \"{reference}\"）：请用 formId 关联已部署的表单");
        else
            context.Add(id, type, "zeebe:formDefinition names no form: set formId to a deployed form's id",
                "zeebe:formDefinition 没有指明表单：请将 formId 设为已部署表单的 id");
        return null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex FormIdPattern();
}
