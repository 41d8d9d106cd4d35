namespace Pipeline.Workflows.Definitions;

/// <summary>Checks of message and timer start events (BPMN 2.0 §10.5.2) and call activities (§10.3.6).</summary>
public static partial class DefinitionValidator
{
    /// <summary>
    /// Message and timer start events belong at process level (an embedded sub-process starts at its plain start
    /// event); a message start event needs a named message, and two of them may not wait for the same name.
    /// </summary>
    private static void ValidateStartEvents(ProcessModel process, Action<FlowNode, string, string> add)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in process.Nodes.Where(n => n is MessageStartEvent or TimerStartEvent))
        {
            if (process.ScopeOf(node.Id) is { } scope)
            {
                add(node, $"a message or timer start event belongs at process level; sub-process '{scope}' starts at a plain start event",
                    $"消息开始事件和定时器开始事件只能位于流程顶层；子流程 '{scope}' 须以普通开始事件开始");
                continue;
            }
            if (node is not MessageStartEvent { Message: var message }) continue;
            if (message is null) add(node, "a message start event needs a messageRef to a bpmn:message", "消息开始事件需要指向 bpmn:message 的 messageRef");
            else if (message.Name.Length == 0)
                add(node, $"message '{message.Id}' has no name: a message start event is found by its message name",
                    $"消息 '{message.Id}' 没有名称：消息开始事件是按消息名称找到的");
            else if (!names.Add(message.Name))
                add(node, $"another message start event of the process waits for message '{message.Name}'", $"流程中另一个消息开始事件已在等待消息 '{message.Name}'");
        }
    }

    private static void ValidateCallActivity(CallActivity call, Action<FlowNode, string, string> add)
    {
        if (call.CalledProcessId is null)
            add(call, "a call activity needs zeebe:calledElement with a processId (a process id, or =FEEL evaluating to one)",
                "调用活动需要带 processId 的 zeebe:calledElement（一个流程 id，或求值为流程 id 的 =FEEL 表达式）");
        if (call.Binding == CallBinding.VersionTag && call.VersionTag is null)
            add(call, "bindingType=\"versionTag\" needs a versionTag attribute naming the zeebe:versionTag of the called process",
                "bindingType=\"versionTag\" 需要 versionTag 属性，指明被调用流程的 zeebe:versionTag");
        if (call.Binding != CallBinding.VersionTag && call.VersionTag is not null)
            add(call, $"versionTag '{call.VersionTag}' is only used with bindingType=\"versionTag\"",
                $"versionTag '{call.VersionTag}' 只在 bindingType=\"versionTag\" 时使用");
    }
}
