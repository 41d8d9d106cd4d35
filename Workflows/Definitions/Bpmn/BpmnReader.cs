using System.Xml;
using System.Xml.Linq;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Definitions.Bpmn;

/// <summary>
/// Reads BPMN 2.0 XML as bpmn-js and Camunda Modeler write it in the Camunda 8 (Zeebe) dialect into
/// <see cref="ProcessModel"/>s. Supported flow elements: start and end events (no event definition), sequence flows
/// with FEEL conditions and default flows, exclusive gateways, service tasks (<c>zeebe:taskDefinition type</c>,
/// <c>zeebe:ioMapping</c>), user tasks (<c>zeebe:assignmentDefinition candidateGroups</c>), receive tasks and
/// intermediate message catch events (<c>bpmn:message</c> + <c>zeebe:subscription correlationKey</c>), plain and
/// manual tasks (pass-through). Diagram-only elements (lanes, annotations, associations, groups, data objects,
/// BPMNDI) are read and ignored. Anything else is reported as a <see cref="DefinitionProblem"/> with its id, never
/// ignored silently. Every problem is collected; reading never stops at the first.
/// </summary>
public static class BpmnReader
{
    private static readonly HashSet<string> DiagramOnly =
    [
        "laneSet", "lane", "textAnnotation", "association", "group", "dataObject", "dataObjectReference",
        "dataStoreReference", "documentation", "extensionElements", "category", "property",
    ];

    private static readonly HashSet<string> DefinitionsLevelIgnored =
    [
        "collaboration", "category", "documentation", "extensionElements", "signal", "error", "escalation", "itemDefinition",
    ];

    /// <summary>Reads a BPMN document from text. DTDs and external entities are refused.</summary>
    public static BpmnReadResult Read(string xml, string sourceName = "definitions")
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
            });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return new BpmnReadResult([], [new DefinitionProblem(sourceName, "xml", $"not well-formed XML: {e.Message}")]);
        }

        var root = document.Root!;
        if (root.Name != BpmnNames.Model + "definitions")
            return new BpmnReadResult([], [new DefinitionProblem(sourceName, BpmnNames.Display(root.Name), "the root element must be bpmn:definitions (BPMN 2.0, namespace http://www.omg.org/spec/BPMN/20100524/MODEL)")]);

        var problems = new List<DefinitionProblem>();
        var messages = ReadMessages(root, problems);
        var processes = new List<ProcessModel>();
        foreach (var element in root.Elements())
        {
            if (element.Name == BpmnNames.Model + "process") processes.Add(ReadProcess(element, messages, problems));
            else if (element.Name.Namespace == BpmnNames.Model && (element.Name.LocalName == "message" || DefinitionsLevelIgnored.Contains(element.Name.LocalName))) { }
            else if (element.Name.Namespace == BpmnNames.Model)
                problems.Add(new DefinitionProblem(Id(element) ?? element.Name.LocalName, BpmnNames.Display(element.Name), "not supported by this engine"));
        }
        if (processes.Count == 0)
            problems.Add(new DefinitionProblem(sourceName, "bpmn:definitions", "no bpmn:process in the file"));
        return new BpmnReadResult(processes, problems);
    }

    private static Dictionary<string, MessageDefinition> ReadMessages(XElement root, List<DefinitionProblem> problems)
    {
        var messages = new Dictionary<string, MessageDefinition>(StringComparer.Ordinal);
        foreach (var m in root.Elements(BpmnNames.Model + "message"))
        {
            var id = Id(m) ?? "";
            var key = m.Element(BpmnNames.Model + "extensionElements")?.Element(BpmnNames.Zeebe + "subscription")?.Attribute("correlationKey")?.Value;
            messages[id] = new MessageDefinition(id, m.Attribute("name")?.Value ?? "", ParseExpression(key, id, "bpmn:message", "correlation key", problems));
        }
        return messages;
    }

    private static ProcessModel ReadProcess(XElement process, Dictionary<string, MessageDefinition> messages, List<DefinitionProblem> problems)
    {
        var nodes = new List<FlowNode>();
        var flows = new List<SequenceFlow>();
        foreach (var e in process.Elements())
        {
            var type = BpmnNames.Display(e.Name);
            var id = Id(e);
            if (e.Name.Namespace != BpmnNames.Model || DiagramOnly.Contains(e.Name.LocalName)) continue;
            if (id is null)
            {
                problems.Add(new DefinitionProblem($"line {((IXmlLineInfo)e).LineNumber}", type, "element has no id"));
                continue;
            }
            var name = e.Attribute("name")?.Value;
            switch (e.Name.LocalName)
            {
                case "sequenceFlow":
                    var condition = e.Element(BpmnNames.Model + "conditionExpression")?.Value;
                    flows.Add(new SequenceFlow(id, name, e.Attribute("sourceRef")?.Value ?? "", e.Attribute("targetRef")?.Value ?? "",
                        ParseExpression(condition, id, type, "condition", problems)));
                    break;
                case "startEvent" or "endEvent":
                    if (EventDefinition(e) is { } definition)
                        problems.Add(new DefinitionProblem(id, type, $"{BpmnNames.Display(definition.Name)} on a {e.Name.LocalName} is not supported by this engine"));
                    else nodes.Add(e.Name.LocalName == "startEvent" ? new StartEvent(id, name) : new EndEvent(id, name));
                    break;
                case "exclusiveGateway":
                    nodes.Add(new ExclusiveGateway(id, name, e.Attribute("default")?.Value));
                    break;
                case "serviceTask":
                    var definitionElement = Extension(e, "taskDefinition");
                    int? retries = int.TryParse(definitionElement?.Attribute("retries")?.Value, out var r) ? r : null;
                    nodes.Add(new ServiceTask(id, name, definitionElement?.Attribute("type")?.Value, retries,
                        Mappings(e, "input", id, type, problems), Mappings(e, "output", id, type, problems)));
                    break;
                case "userTask":
                    var groups = Extension(e, "assignmentDefinition")?.Attribute("candidateGroups")?.Value ?? "";
                    nodes.Add(new UserTask(id, name,
                        groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                        Mappings(e, "input", id, type, problems), Mappings(e, "output", id, type, problems)));
                    break;
                case "receiveTask":
                    nodes.Add(new MessageCatch(id, name, type, MessageRef(e.Attribute("messageRef")?.Value, messages)));
                    break;
                case "intermediateCatchEvent":
                    var eventDefinition = EventDefinition(e);
                    if (eventDefinition?.Name.LocalName == "messageEventDefinition")
                        nodes.Add(new MessageCatch(id, name, type, MessageRef(eventDefinition.Attribute("messageRef")?.Value, messages)));
                    else
                        problems.Add(new DefinitionProblem(id, type, eventDefinition is null
                            ? "an intermediate catch event needs a message event definition"
                            : $"{BpmnNames.Display(eventDefinition.Name)} is not supported by this engine"));
                    break;
                case "task" or "manualTask":
                    nodes.Add(new PassThroughTask(id, name, type));
                    break;
                default:
                    problems.Add(new DefinitionProblem(id, type, "not supported by this engine"));
                    break;
            }
        }
        var executable = string.Equals(process.Attribute("isExecutable")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        return new ProcessModel(Id(process) ?? "", process.Attribute("name")?.Value, executable, nodes, flows);
    }

    private static string? Id(XElement e) => e.Attribute("id")?.Value is { Length: > 0 } id ? id : null;

    private static XElement? EventDefinition(XElement e) =>
        e.Elements().FirstOrDefault(c => c.Name.Namespace == BpmnNames.Model && c.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal));

    private static XElement? Extension(XElement e, string zeebeName) =>
        e.Element(BpmnNames.Model + "extensionElements")?.Element(BpmnNames.Zeebe + zeebeName);

    private static MessageDefinition? MessageRef(string? reference, Dictionary<string, MessageDefinition> messages) =>
        reference is not null && messages.TryGetValue(reference, out var message) ? message : null;

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
        var parsed = ParseExpression(expression, id, type, $"{direction} mapping to '{target}'", problems);
        return parsed is null ? null : new IoMapping(parsed, target);
    }

    private static FeelExpression? ParseExpression(string? text, string id, string type, string what, List<DefinitionProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (FeelExpression.TryParse(text.Trim(), out var expression, out var error)) return expression;
        problems.Add(new DefinitionProblem(id, type, $"{what} '{text.Trim()}' is not a valid FEEL expression: {error!.Message}"));
        return null;
    }
}
