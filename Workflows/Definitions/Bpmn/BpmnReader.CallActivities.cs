using System.Xml.Linq;

namespace Pipeline.Workflows.Definitions.Bpmn;

/// <summary>Call activities: <c>zeebe:calledElement</c> and their I/O mappings.</summary>
public static partial class BpmnReader
{
    /// <summary>
    /// <c>zeebe:calledElement processId bindingType versionTag propagateAllParentVariables propagateAllChildVariables</c>
    /// and <c>zeebe:ioMapping</c>. A missing processId is left to the validator; an unknown binding type is a problem here.
    /// </summary>
    private static CallActivity ReadCallActivity(XElement e, string id, string? name, string type, ReadContext context)
    {
        var called = Extension(e, "calledElement");
        var processId = called?.Attribute("processId")?.Value is { Length: > 0 } p ? p.Trim() : null;
        var expression = processId is not null && processId.StartsWith('=')
            ? ParseExpression(processId, id, type, "called process id", "被调用流程 id", context.Problems)
            : null;
        var binding = CallBinding.Latest;
        switch (called?.Attribute("bindingType")?.Value?.Trim())
        {
            case null or "" or "latest":
                break;
            case "deployment":
                binding = CallBinding.Deployment;
                break;
            case "versionTag":
                binding = CallBinding.VersionTag;
                break;
            case var other:
                context.Add(id, type, $"zeebe:calledElement bindingType '{other}' is not one of latest, deployment, versionTag",
                    $"zeebe:calledElement bindingType '{other}' 不是 latest、deployment、versionTag 之一");
                break;
        }
        var versionTag = called?.Attribute("versionTag")?.Value is { Length: > 0 } t ? t.Trim() : null;
        return new CallActivity(id, name, processId, expression, binding, versionTag,
            Flag(called, "propagateAllParentVariables", id, type, context),
            Flag(called, "propagateAllChildVariables", id, type, context),
            Mappings(e, "input", id, type, context.Problems), Mappings(e, "output", id, type, context.Problems));
    }

    /// <summary>A boolean attribute that defaults to true (Zeebe's propagation flags).</summary>
    private static bool Flag(XElement? element, string attribute, string id, string type, ReadContext context)
    {
        switch (element?.Attribute(attribute)?.Value?.Trim())
        {
            case null or "" or "true":
                return true;
            case "false":
                return false;
            case var other:
                context.Add(id, type, $"zeebe:calledElement {attribute} must be \"true\" or \"false\", not \"{other}\"",
                    $"zeebe:calledElement {attribute} 必须为 \"true\" 或 \"false\"，而不是 \"{other}\"");
                return true;
        }
    }
}
