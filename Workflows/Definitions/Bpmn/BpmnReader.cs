using System.Xml;
using System.Xml.Linq;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Definitions.Bpmn;

/// <summary>
/// Reads BPMN 2.0 XML as bpmn-js and Camunda Modeler write it in the Camunda 8 (Zeebe) dialect into
/// <see cref="ProcessModel"/>s. Supported flow elements: plain, message and timer start events; plain, terminate and error end events;
/// sequence flows with FEEL conditions and default flows; exclusive, parallel and event-based gateways; embedded
/// sub-processes; service tasks (<c>zeebe:taskDefinition type</c>, <c>zeebe:ioMapping</c>); user tasks
/// (<c>zeebe:assignmentDefinition candidateGroups</c>, <c>zeebe:properties</c> <c>pipeline:distinctAssignees</c> and
/// <c>pipeline:notCompletedBy</c>); receive tasks and intermediate message catch events (<c>bpmn:message</c> +
/// <c>zeebe:subscription correlationKey</c>); call activities (<c>zeebe:calledElement</c>); intermediate timer catch events; boundary events (error, timer,
/// message); multi-instance loop characteristics (<c>zeebe:loopCharacteristics</c> or <c>bpmn:loopCardinality</c>);
/// plain and manual tasks (pass-through). Diagram-only elements (lanes, annotations, associations, groups, data
/// objects, BPMNDI) are read and ignored. Anything else is reported as a <see cref="DefinitionProblem"/> with its id,
/// never ignored silently. Every problem is collected; reading never stops at the first.
/// </summary>
public static partial class BpmnReader
{
    private static readonly HashSet<string> DiagramOnly =
    [
        "laneSet", "lane", "textAnnotation", "association", "group", "dataObject", "dataObjectReference",
        "dataStoreReference", "documentation", "extensionElements", "category", "property",
        "multiInstanceLoopCharacteristics", "standardLoopCharacteristics", "incoming", "outgoing",
    ];

    private static readonly HashSet<string> DefinitionsLevelIgnored =
    [
        "collaboration", "category", "documentation", "extensionElements", "signal", "escalation", "itemDefinition",
    ];

    /// <summary>
    /// Deepest element nesting read: the reader follows sub-processes recursively, so 20,000 nested sub-processes would
    /// overflow the stack (which no .NET code can catch); a real lifecycle nests a handful.
    /// </summary>
    public const int MaxElementDepth = 100;

    /// <summary>How deeply elements nest below <paramref name="root"/> (1 for a leaf), without recursion.</summary>
    private static int DepthOf(XElement root)
    {
        var deepest = 0;
        var stack = new Stack<(XElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            if (deepest > MaxElementDepth) return deepest;
            foreach (var child in element.Elements()) stack.Push((child, depth + 1));
        }
        return deepest;
    }

    /// <summary>Reads a BPMN document from text. DTDs and external entities are refused; nesting deeper than <see cref="MaxElementDepth"/> is refused.</summary>
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
            return new BpmnReadResult([], [new DefinitionProblem(sourceName, "xml", $"not well-formed XML: {e.Message}", $"XML 格式不正确：{e.Message}")]);
        }

        var root = document.Root!;
        if (DepthOf(root) is var depth && depth > MaxElementDepth)
            return new BpmnReadResult([], [new DefinitionProblem(sourceName, "xml",
                $"elements are nested {depth} deep; at most {MaxElementDepth} (sub-processes inside sub-processes are read recursively)",
                $"元素嵌套了 {depth} 层；最多 {MaxElementDepth} 层（子流程中的子流程是递归读取的）")]);
        if (root.Name != BpmnNames.Model + "definitions")
            return new BpmnReadResult([], [new DefinitionProblem(sourceName, BpmnNames.Display(root.Name),
                "the root element must be bpmn:definitions (BPMN 2.0, namespace http://www.omg.org/spec/BPMN/20100524/MODEL)",
                "根元素必须是 bpmn:definitions（BPMN 2.0，命名空间 http://www.omg.org/spec/BPMN/20100524/MODEL）")]);

        var problems = new List<DefinitionProblem>();
        var context = new ReadContext(ReadMessages(root, problems), ReadErrors(root), problems);
        var processes = new List<ProcessModel>();
        foreach (var element in root.Elements())
        {
            if (element.Name == BpmnNames.Model + "process") processes.Add(ReadProcess(element, context));
            else if (element.Name.Namespace == BpmnNames.Model && (element.Name.LocalName is "message" or "error" || DefinitionsLevelIgnored.Contains(element.Name.LocalName))) { }
            else if (element.Name.Namespace == BpmnNames.Model)
                problems.Add(new DefinitionProblem(Id(element) ?? element.Name.LocalName, BpmnNames.Display(element.Name), "not supported by this engine", NotSupportedZh));
        }
        if (processes.Count == 0)
            problems.Add(new DefinitionProblem(sourceName, "bpmn:definitions", "no bpmn:process in the file", "文件中没有 bpmn:process"));
        return new BpmnReadResult(processes, problems);
    }

    /// <summary>What every element reader needs: the document's messages and errors, and where problems go.</summary>
    private sealed record ReadContext(
        Dictionary<string, MessageDefinition> Messages, Dictionary<string, ErrorDefinition> Errors, List<DefinitionProblem> Problems)
    {
        public void Add(string id, string type, string message, string messageZh) => Problems.Add(new DefinitionProblem(id, type, message, messageZh));
    }

    /// <summary>One process's nodes and flows as they are read, sub-processes included.</summary>
    private sealed class ProcessBuilder
    {
        public List<FlowNode> Nodes { get; } = [];
        public List<SequenceFlow> Flows { get; } = [];
        public Dictionary<string, string> Scopes { get; } = new(StringComparer.Ordinal);
    }

    private static Dictionary<string, MessageDefinition> ReadMessages(XElement root, List<DefinitionProblem> problems)
    {
        var messages = new Dictionary<string, MessageDefinition>(StringComparer.Ordinal);
        foreach (var m in root.Elements(BpmnNames.Model + "message"))
        {
            var id = Id(m) ?? "";
            var key = m.Element(BpmnNames.Model + "extensionElements")?.Element(BpmnNames.Zeebe + "subscription")?.Attribute("correlationKey")?.Value;
            messages[id] = new MessageDefinition(id, m.Attribute("name")?.Value ?? "", ParseExpression(key, id, "bpmn:message", "correlation key", "关联键", problems));
        }
        return messages;
    }

    private static Dictionary<string, ErrorDefinition> ReadErrors(XElement root)
    {
        var errors = new Dictionary<string, ErrorDefinition>(StringComparer.Ordinal);
        foreach (var e in root.Elements(BpmnNames.Model + "error"))
        {
            var id = Id(e) ?? "";
            errors[id] = new ErrorDefinition(id, e.Attribute("name")?.Value, e.Attribute("errorCode")?.Value is { Length: > 0 } code ? code.Trim() : null);
        }
        return errors;
    }

    private static ProcessModel ReadProcess(XElement process, ReadContext context)
    {
        var builder = new ProcessBuilder();
        ReadScope(process, null, builder, context);
        var executable = string.Equals(process.Attribute("isExecutable")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        return new ProcessModel(Id(process) ?? "", process.Attribute("name")?.Value, executable, builder.Nodes, builder.Flows, builder.Scopes)
        {
            VersionTag = Extension(process, "versionTag")?.Attribute("value")?.Value is { Length: > 0 } tag ? tag.Trim() : null,
        };
    }

    /// <summary>Reads the flow elements directly inside a process or sub-process; sub-processes recurse.</summary>
    private static void ReadScope(XElement container, string? scopeId, ProcessBuilder builder, ReadContext context)
    {
        foreach (var e in container.Elements())
        {
            var type = BpmnNames.Display(e.Name);
            var id = Id(e);
            if (e.Name.Namespace != BpmnNames.Model || DiagramOnly.Contains(e.Name.LocalName)) continue;
            if (id is null)
            {
                context.Add($"line {((IXmlLineInfo)e).LineNumber}", type, "element has no id", "元素没有 id");
                continue;
            }
            if (e.Name.LocalName == "sequenceFlow")
            {
                var condition = e.Element(BpmnNames.Model + "conditionExpression")?.Value;
                builder.Flows.Add(new SequenceFlow(id, e.Attribute("name")?.Value, e.Attribute("sourceRef")?.Value ?? "", e.Attribute("targetRef")?.Value ?? "",
                    ParseExpression(condition, id, type, "condition", "条件", context.Problems)));
                continue;
            }
            var node = ReadNode(e, id, type, context);
            if (node is null) continue;
            if (e.Element(BpmnNames.Model + "multiInstanceLoopCharacteristics") is { } loop)
                node = node with { Loop = ReadLoop(loop, id, type, context) };
            else if (e.Element(BpmnNames.Model + "standardLoopCharacteristics") is not null)
                context.Add(id, type, "bpmn:standardLoopCharacteristics (a loop marker) is not supported by this engine; use a multi-instance marker or a loop back through a gateway",
                    "本引擎不支持 bpmn:standardLoopCharacteristics（循环标记）；请使用多实例标记，或经网关连回形成循环");
            builder.Nodes.Add(node);
            if (scopeId is not null) builder.Scopes[id] = scopeId;
            if (node is SubProcess) ReadScope(e, id, builder, context);
        }
    }

    private static FlowNode? ReadNode(XElement e, string id, string type, ReadContext context)
    {
        var name = e.Attribute("name")?.Value;
        switch (e.Name.LocalName)
        {
            case "startEvent":
                return ReadStartEvent(e, id, name, type, context);
            case "endEvent":
                return ReadEndEvent(e, id, name, type, context);
            case "exclusiveGateway":
                return new ExclusiveGateway(id, name, e.Attribute("default")?.Value);
            case "parallelGateway":
                return new ParallelGateway(id, name);
            case "eventBasedGateway":
                return new EventBasedGateway(id, name);
            case "subProcess":
                if (string.Equals(e.Attribute("triggeredByEvent")?.Value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    context.Add(id, type, "event sub-processes (triggeredByEvent=\"true\") are not supported by this engine; use a boundary event on an embedded sub-process",
                        "本引擎不支持事件子流程（triggeredByEvent=\"true\"）；请在内嵌子流程上使用边界事件");
                    return null;
                }
                if (Extension(e, "ioMapping") is not null)
                    context.Add(id, type, "zeebe:ioMapping on a sub-process is not supported by this engine (variables are shared with the process)",
                        "本引擎不支持子流程上的 zeebe:ioMapping（子流程与流程共享变量）");
                return new SubProcess(id, name);
            case "callActivity":
                return ReadCallActivity(e, id, name, type, context);
            case "serviceTask":
                return ReadServiceTask(e, id, name, type, context);
            case "userTask":
                return ReadUserTask(e, id, name, type, context);
            case "receiveTask":
                return new MessageCatch(id, name, type, MessageRef(e.Attribute("messageRef")?.Value, context.Messages));
            case "intermediateCatchEvent":
                return ReadIntermediateCatch(e, id, name, type, context);
            case "boundaryEvent":
                return ReadBoundaryEvent(e, id, name, type, context);
            case "task" or "manualTask":
                return new PassThroughTask(id, name, type);
            default:
                context.Add(id, type, "not supported by this engine", NotSupportedZh);
                return null;
        }
    }

    private static string? Id(XElement e) => e.Attribute("id")?.Value is { Length: > 0 } id ? id : null;

    private static XElement? EventDefinition(XElement e) =>
        e.Elements().FirstOrDefault(c => c.Name.Namespace == BpmnNames.Model && c.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal));

    private static XElement? Extension(XElement e, string zeebeName) =>
        e.Element(BpmnNames.Model + "extensionElements")?.Element(BpmnNames.Zeebe + zeebeName);

    private static MessageDefinition? MessageRef(string? reference, Dictionary<string, MessageDefinition> messages) =>
        reference is not null && messages.TryGetValue(reference, out var message) ? message : null;

    /// <summary>"not supported by this engine" in Chinese.</summary>
    private const string NotSupportedZh = "本引擎不支持此元素";

    /// <param name="what">What the expression is, for the message (<c>condition</c>).</param>
    /// <param name="whatZh">The same in Chinese (<c>条件</c>).</param>
    private static FeelExpression? ParseExpression(string? text, string id, string type, string what, string whatZh, List<DefinitionProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (FeelExpression.TryParse(text.Trim(), out var expression, out var error)) return expression;
        problems.Add(new DefinitionProblem(id, type, $"{what} '{text.Trim()}' is not a valid FEEL expression: {error!.Message}",
            $"{whatZh} '{text.Trim()}' 不是有效的 FEEL 表达式：{error.Message}"));
        return null;
    }
}
