using System.Xml.Linq;

namespace Pipeline.Workflows.Definitions.Bpmn;

/// <summary>Service and user tasks, their I/O mappings, <c>zeebe:properties</c> and multi-instance characteristics.</summary>
public static partial class BpmnReader
{
    /// <summary>Prefix of the engine's own <c>zeebe:property</c> names; other properties are left to other tools.</summary>
    public const string PropertyPrefix = "pipeline:";

    /// <summary><c>pipeline:distinctAssignees</c>: <c>true</c> makes every instance of a multi-instance user task need a different person.</summary>
    public const string DistinctAssigneesProperty = "pipeline:distinctAssignees";

    /// <summary><c>pipeline:notCompletedBy</c>: comma-separated user task ids whose completers may not complete this task.</summary>
    public const string NotCompletedByProperty = "pipeline:notCompletedBy";

    private static ServiceTask ReadServiceTask(XElement e, string id, string? name, string type, ReadContext context)
    {
        var definitionElement = Extension(e, "taskDefinition");
        int? retries = int.TryParse(definitionElement?.Attribute("retries")?.Value, out var r) ? r : null;
        return new ServiceTask(id, name, definitionElement?.Attribute("type")?.Value, retries,
            Mappings(e, "input", id, type, context.Problems), Mappings(e, "output", id, type, context.Problems))
        {
            RetryBackoff = ReadRetryBackoff(e, id, type, context),
        };
    }

    private static UserTask ReadUserTask(XElement e, string id, string? name, string type, ReadContext context)
    {
        var groups = Extension(e, "assignmentDefinition")?.Attribute("candidateGroups")?.Value ?? "";
        var distinct = false;
        IReadOnlyList<string> notCompletedBy = [];
        foreach (var property in Extension(e, "properties")?.Elements(BpmnNames.Zeebe + "property") ?? [])
        {
            var propertyName = property.Attribute("name")?.Value ?? "";
            var value = property.Attribute("value")?.Value?.Trim() ?? "";
            switch (propertyName)
            {
                case DistinctAssigneesProperty when value is "true" or "false":
                    distinct = value == "true";
                    break;
                case DistinctAssigneesProperty:
                    context.Add(id, type, $"{DistinctAssigneesProperty} must be \"true\" or \"false\", not \"{value}\"",
                        $"{DistinctAssigneesProperty} 必须为 \"true\" 或 \"false\"，而不是 \"{value}\"");
                    break;
                case NotCompletedByProperty:
                    notCompletedBy = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (notCompletedBy.Count == 0) context.Add(id, type, $"{NotCompletedByProperty} names no task id", $"{NotCompletedByProperty} 没有指明任何任务 id");
                    break;
                case var other when other.StartsWith(PropertyPrefix, StringComparison.Ordinal):
                    context.Add(id, type, $"unknown property '{other}' (known: {DistinctAssigneesProperty}, {NotCompletedByProperty})",
                        $"未知属性 '{other}'（已知：{DistinctAssigneesProperty}、{NotCompletedByProperty}）");
                    break;
            }
        }
        return new UserTask(id, name,
            groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Mappings(e, "input", id, type, context.Problems), Mappings(e, "output", id, type, context.Problems))
        {
            DistinctAssignees = distinct,
            NotCompletedBy = notCompletedBy,
            DueDate = ReadTaskDate(e, "dueDate", id, type, context),
            FollowUpDate = ReadTaskDate(e, "followUpDate", id, type, context),
            FormId = ReadFormId(e, id, type, context),
        };
    }

    /// <summary>
    /// <c>bpmn:multiInstanceLoopCharacteristics isSequential</c> with <c>zeebe:loopCharacteristics</c> (inputCollection,
    /// inputElement, outputCollection, outputElement), <c>bpmn:loopCardinality</c> and <c>bpmn:completionCondition</c>.
    /// </summary>
    private static MultiInstanceLoop ReadLoop(XElement loop, string id, string type, ReadContext context)
    {
        var zeebe = loop.Element(BpmnNames.Model + "extensionElements")?.Element(BpmnNames.Zeebe + "loopCharacteristics");
        string? Attribute(string name) => zeebe?.Attribute(name)?.Value is { Length: > 0 } v ? v.Trim() : null;
        var cardinality = loop.Element(BpmnNames.Model + "loopCardinality")?.Value;
        var completion = loop.Element(BpmnNames.Model + "completionCondition")?.Value;
        var outputElement = Attribute("outputElement");
        return new MultiInstanceLoop(
            string.Equals(loop.Attribute("isSequential")?.Value, "true", StringComparison.OrdinalIgnoreCase),
            ParseExpression(Attribute("inputCollection"), id, type, "multi-instance input collection", "多实例输入集合", context.Problems),
            Attribute("inputElement"),
            Attribute("outputCollection"),
            outputElement is null ? null : ParseExpression(outputElement.StartsWith('=') ? outputElement : "=" + outputElement, id, type, "multi-instance output element", "多实例输出元素", context.Problems),
            ParseExpression(completion, id, type, "completion condition", "完成条件", context.Problems),
            ParseExpression(cardinality, id, type, "loop cardinality", "循环基数", context.Problems));
    }

    private static List<IoMapping> Mappings(XElement e, string direction, string id, string type, List<DefinitionProblem> problems) =>
        Extension(e, "ioMapping")?.Elements(BpmnNames.Zeebe + direction)
            .Select(m => (Source: m.Attribute("source")?.Value, Target: m.Attribute("target")?.Value))
            .Where(m => m.Target is { Length: > 0 })
            .Select(m => ParseMapping(m.Source ?? "", m.Target!, id, type, direction, problems))
            .OfType<IoMapping>()
            .ToList() ?? [];

    private static IoMapping? ParseMapping(string source, string target, string id, string type, string direction, List<DefinitionProblem> problems)
    {
        // Zeebe: a source starting with '=' is FEEL; anything else is a string literal.
        var expression = source.StartsWith('=') ? source : "\"" + source.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        var parsed = ParseExpression(expression, id, type, $"{direction} mapping to '{target}'",
            $"到 '{target}' 的{(direction == "input" ? "输入" : "输出")}映射", problems);
        return parsed is null ? null : new IoMapping(parsed, target);
    }
}
