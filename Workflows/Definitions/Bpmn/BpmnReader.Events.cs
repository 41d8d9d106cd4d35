using System.Xml.Linq;

namespace Pipeline.Workflows.Definitions.Bpmn;

/// <summary>End events, intermediate catch events, boundary events and their event definitions.</summary>
public static partial class BpmnReader
{
    /// <summary>A plain start event, or a message or timer start event (BPMN 2.0 §10.5.2); other triggers are refused.</summary>
    private static FlowNode? ReadStartEvent(XElement e, string id, string? name, string type, ReadContext context)
    {
        switch (EventDefinition(e))
        {
            case null:
                return new StartEvent(id, name);
            case { Name.LocalName: "messageEventDefinition" } message:
                return new MessageStartEvent(id, name, MessageRef(message.Attribute("messageRef")?.Value, context.Messages));
            case { Name.LocalName: "timerEventDefinition" } timer:
                return ReadTimer(timer, id, type, context) is { } definition ? new TimerStartEvent(id, name, definition) : null;
            case var other:
                context.Add(id, type, $"{BpmnNames.Display(other.Name)} on a startEvent is not supported by this engine",
                    $"本引擎不支持开始事件（startEvent）上的 {BpmnNames.Display(other.Name)}");
                return null;
        }
    }

    private static FlowNode? ReadEndEvent(XElement e, string id, string? name, string type, ReadContext context)
    {
        switch (EventDefinition(e))
        {
            case null:
                return new EndEvent(id, name);
            case { Name.LocalName: "terminateEventDefinition" }:
                return new TerminateEndEvent(id, name);
            case { Name.LocalName: "errorEventDefinition" } error:
                return new ErrorEndEvent(id, name, ErrorRef(error, id, type, context));
            case var other:
                context.Add(id, type, $"{BpmnNames.Display(other.Name)} on an endEvent is not supported by this engine",
                    $"本引擎不支持结束事件（endEvent）上的 {BpmnNames.Display(other.Name)}");
                return null;
        }
    }

    private static FlowNode? ReadIntermediateCatch(XElement e, string id, string? name, string type, ReadContext context)
    {
        switch (EventDefinition(e))
        {
            case { Name.LocalName: "messageEventDefinition" } message:
                return new MessageCatch(id, name, type, MessageRef(message.Attribute("messageRef")?.Value, context.Messages));
            case { Name.LocalName: "timerEventDefinition" } timer:
                return ReadTimer(timer, id, type, context) is { } definition ? new TimerCatch(id, name, definition) : null;
            case null:
                context.Add(id, type, "an intermediate catch event needs a message or timer event definition", "中间捕获事件需要消息或定时器事件定义");
                return null;
            case var other:
                context.Add(id, type, $"{BpmnNames.Display(other.Name)} is not supported by this engine", $"本引擎不支持 {BpmnNames.Display(other.Name)}");
                return null;
        }
    }

    private static FlowNode? ReadBoundaryEvent(XElement e, string id, string? name, string type, ReadContext context)
    {
        var attachedTo = e.Attribute("attachedToRef")?.Value ?? "";
        var cancel = !string.Equals(e.Attribute("cancelActivity")?.Value, "false", StringComparison.OrdinalIgnoreCase);
        EventTrigger? trigger;
        switch (EventDefinition(e))
        {
            case { Name.LocalName: "errorEventDefinition" } error:
                trigger = new ErrorTrigger(ErrorRef(error, id, type, context));
                break;
            case { Name.LocalName: "messageEventDefinition" } message:
                trigger = new MessageTrigger(MessageRef(message.Attribute("messageRef")?.Value, context.Messages));
                break;
            case { Name.LocalName: "timerEventDefinition" } timer:
                if (ReadTimer(timer, id, type, context) is not { } definition) return null;
                trigger = new TimerTrigger(definition);
                break;
            case null:
                context.Add(id, type, "a boundary event needs an error, timer or message event definition", "边界事件需要错误、定时器或消息事件定义");
                return null;
            case var other:
                context.Add(id, type, $"{BpmnNames.Display(other.Name)} on a boundary event is not supported by this engine",
                    $"本引擎不支持边界事件上的 {BpmnNames.Display(other.Name)}");
                return null;
        }
        return new BoundaryEvent(id, name, attachedTo, cancel, trigger);
    }

    /// <summary>The <c>bpmn:error</c> an error event definition refers to; null without <c>errorRef</c> (a dangling one is a problem).</summary>
    private static ErrorDefinition? ErrorRef(XElement definition, string id, string type, ReadContext context)
    {
        var reference = definition.Attribute("errorRef")?.Value;
        if (string.IsNullOrEmpty(reference)) return null;
        if (context.Errors.TryGetValue(reference, out var error)) return error;
        context.Add(id, type, $"errorRef '{reference}' names no bpmn:error of the definitions", $"errorRef '{reference}' 在定义中找不到对应的 bpmn:error");
        return null;
    }

    /// <summary>Exactly one of <c>bpmn:timeDuration</c>, <c>bpmn:timeDate</c>, <c>bpmn:timeCycle</c>; its text is ISO 8601 or <c>=</c>FEEL.</summary>
    private static TimerDefinition? ReadTimer(XElement timer, string id, string type, ReadContext context)
    {
        var parts = new[] { ("timeDuration", TimerType.Duration), ("timeDate", TimerType.Date), ("timeCycle", TimerType.Cycle) }
            .Select(p => (Element: timer.Element(BpmnNames.Model + p.Item1), Type: p.Item2))
            .Where(p => p.Element is not null)
            .ToList();
        if (parts.Count != 1)
        {
            context.Add(id, type, "a timer needs exactly one of bpmn:timeDuration, bpmn:timeDate, bpmn:timeCycle",
                "定时器需要 bpmn:timeDuration、bpmn:timeDate、bpmn:timeCycle 三者中恰好一个");
            return null;
        }
        var text = parts[0].Element!.Value.Trim();
        if (text.Length == 0)
        {
            context.Add(id, type, "the timer's value is empty", "定时器的值为空");
            return null;
        }
        if (!text.StartsWith('=')) return new TimerDefinition(parts[0].Type, text, null);
        var expression = ParseExpression(text, id, type, "timer expression", "定时器表达式", context.Problems);
        return expression is null ? null : new TimerDefinition(parts[0].Type, text, expression);
    }
}
