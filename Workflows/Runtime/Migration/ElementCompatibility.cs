using Pipeline.Workflows.Definitions;

namespace Pipeline.Workflows.Runtime.Migration;

/// <summary>
/// Whether an active element may become a given element of the target version (Camunda 8 process instance migration:
/// "the element type must not change"), and, for multi-instance activities, whether the running instances fit the
/// target's loop.
/// </summary>
internal static class ElementCompatibility
{
    /// <summary>
    /// Null when <paramref name="target"/> can take over <paramref name="source"/>'s running state, else why not: a
    /// different element type (a user task is not a service task; a plain, terminate and error end event differ; a
    /// receive task is not an intermediate catch event); a boundary or catch event with another kind of trigger; a
    /// multi-instance marker on one side only; or a multi-instance loop that differs in what its running instances
    /// depend on (sequential or parallel, input element, output collection).
    /// </summary>
    /// <returns>Null, or why not in English and in Chinese.</returns>
    public static (string Message, string MessageZh)? Check(FlowNode source, FlowNode target)
    {
        if (source.GetType() != target.GetType() || source.ElementType != target.ElementType)
            return ($"is a {Describe(source)} but '{target.Id}' is a {Describe(target)}: the element type may not change",
                $"是 {Describe(source)}，而 '{target.Id}' 是 {Describe(target)}：元素类型不能改变");
        if (source is BoundaryEvent { Trigger: var sourceTrigger } && target is BoundaryEvent { Trigger: var targetTrigger }
            && sourceTrigger?.GetType() != targetTrigger?.GetType())
            return ($"has a {sourceTrigger?.ElementType ?? "missing trigger"} but '{target.Id}' a {targetTrigger?.ElementType ?? "missing trigger"}: the event type may not change",
                $"的触发器是 {sourceTrigger?.ElementType ?? "（缺失）"}，而 '{target.Id}' 的触发器是 {targetTrigger?.ElementType ?? "（缺失）"}：事件类型不能改变");
        return (source.Loop, target.Loop) switch
        {
            (null, null) => null,
            (null, _) => ($"is not multi-instance but '{target.Id}' is", $"不是多实例，而 '{target.Id}' 是多实例"),
            (_, null) => ($"is multi-instance but '{target.Id}' is not", $"是多实例，而 '{target.Id}' 不是多实例"),
            ({ IsSequential: var a }, { IsSequential: var b }) when a != b =>
                ($"runs its instances {(a ? "sequentially" : "in parallel")} but '{target.Id}' {(b ? "sequentially" : "in parallel")}",
                    $"{(a ? "依次" : "并行")}运行各实例，而 '{target.Id}' {(b ? "依次" : "并行")}运行"),
            ({ InputElement: var a }, { InputElement: var b }) when a != b =>
                ($"gives each instance its item as '{a}' but '{target.Id}' as '{b}'", $"以 '{a}' 把各项交给每个实例，而 '{target.Id}' 以 '{b}'"),
            ({ OutputCollection: var a }, { OutputCollection: var b }) when a != b =>
                ($"collects into '{a}' but '{target.Id}' into '{b}'", $"收集到 '{a}'，而 '{target.Id}' 收集到 '{b}'"),
            _ => null,
        };
    }

    /// <summary><c>bpmn:userTask</c>, or the class for elements that share a BPMN name (<c>bpmn:endEvent (TerminateEndEvent)</c>).</summary>
    private static string Describe(FlowNode node) => node switch
    {
        TerminateEndEvent or ErrorEndEvent or TimerCatch or MessageCatch { ElementType: "bpmn:intermediateCatchEvent" } => $"{node.ElementType} ({node.GetType().Name})",
        _ => node.ElementType,
    };
}
