using Pipeline.Workflows.Definitions.Bpmn;

namespace Pipeline.Workflows.Definitions;

/// <summary>Checks of tasks, events and multi-instance characteristics.</summary>
public static partial class DefinitionValidator
{
    private static void ValidateTask(ProcessModel process, FlowNode node, IReadOnlySet<string> knownActivityTypes, Action<FlowNode, string, string> add)
    {
        switch (node)
        {
            case ServiceTask { TaskType: null or "" }:
                add(node, "a service task needs zeebe:taskDefinition with a type naming a catalogue activity",
                    "服务任务需要 zeebe:taskDefinition，其作业类型（type）须为活动目录中的一个活动");
                break;
            case ServiceTask task when !knownActivityTypes.Contains(task.TaskType!):
            {
                var known = knownActivityTypes.Order(StringComparer.Ordinal).ToList();
                add(node, $"unknown activity type '{task.TaskType}' (known: {string.Join(", ", known)})",
                    $"未知的作业类型 '{task.TaskType}'（已知：{string.Join("、", known)}）");
                break;
            }
            case MessageCatch { Message: var message }:
                ValidateMessage(node, message, add);
                break;
            case CallActivity call:
                ValidateCallActivity(call, add);
                break;
            case UserTask task:
                if (task.DistinctAssignees && task.Loop is null)
                    add(node, $"{BpmnReader.DistinctAssigneesProperty} needs a multi-instance marker: it is about the instances of one task",
                        $"{BpmnReader.DistinctAssigneesProperty} 需要多实例标记：它约束的是同一任务的各个实例");
                foreach (var other in task.NotCompletedBy)
                {
                    if (other == task.Id)
                        add(node, $"{BpmnReader.NotCompletedByProperty} names the task itself; use {BpmnReader.DistinctAssigneesProperty} for co-signing",
                            $"{BpmnReader.NotCompletedByProperty} 指向了任务本身；会签请使用 {BpmnReader.DistinctAssigneesProperty}");
                    else if (process.Node(other) is null)
                        add(node, $"{BpmnReader.NotCompletedByProperty} names '{other}', which is not an element of the process",
                            $"{BpmnReader.NotCompletedByProperty} 指向的 '{other}' 不是流程中的元素");
                    else if (process.Node(other) is not UserTask)
                        add(node, $"{BpmnReader.NotCompletedByProperty} names '{other}', which is not a user task",
                            $"{BpmnReader.NotCompletedByProperty} 指向的 '{other}' 不是人工任务");
                }
                break;
        }
    }

    private static void ValidateMessage(FlowNode node, MessageDefinition? message, Action<FlowNode, string, string> add)
    {
        if (message is null) add(node, "needs a messageRef to a bpmn:message", "需要指向 bpmn:message 的 messageRef");
        else if (message.Name.Length == 0) add(node, $"message '{message.Id}' has no name", $"消息 '{message.Id}' 没有名称");
        else if (message.CorrelationKey is null)
            add(node, $"message '{message.Name}' needs zeebe:subscription correlationKey", $"消息 '{message.Name}' 需要 zeebe:subscription correlationKey（关联键）");
    }

    private static void ValidateEvent(ProcessModel process, FlowNode node, List<SequenceFlow> outgoing, Action<FlowNode, string, string> add)
    {
        switch (node)
        {
            case ErrorEndEvent { Error: null }:
                add(node, "an error end event needs an errorRef to a bpmn:error with an errorCode", "错误结束事件需要 errorRef，指向带 errorCode 的 bpmn:error");
                break;
            case ErrorEndEvent { Error.Code: null or "" } end:
                add(node, $"error '{end.Error!.Id}' has no errorCode: a thrown error needs a code to be caught by",
                    $"错误 '{end.Error!.Id}' 没有 errorCode：抛出的错误需要错误代码才能被捕获");
                break;
            case TimerCatch { Timer.Type: TimerType.Cycle }:
                add(node, "bpmn:timeCycle is for non-interrupting boundary events; an intermediate timer needs bpmn:timeDuration or bpmn:timeDate",
                    "bpmn:timeCycle 仅用于非中断边界事件；中间定时器捕获事件需要 bpmn:timeDuration 或 bpmn:timeDate");
                break;
            case BoundaryEvent boundary:
                ValidateBoundary(process, boundary, add);
                break;
            case EventBasedGateway:
                if (outgoing.Count < 2)
                    add(node, "an event-based gateway needs at least two outgoing flows, each to an intermediate message or timer catch event",
                        "事件网关至少需要两条传出顺序流，每条都连到中间消息捕获事件或中间定时器捕获事件");
                foreach (var flow in outgoing)
                {
                    var target = process.Node(flow.TargetId);
                    if (target is not (TimerCatch or MessageCatch { ElementType: "bpmn:intermediateCatchEvent" }))
                        add(node, $"flow '{flow.Id}' leads to '{flow.TargetId}', which is not an intermediate message or timer catch event",
                            $"顺序流 '{flow.Id}' 连到的 '{flow.TargetId}' 不是中间消息捕获事件或中间定时器捕获事件");
                    else if (process.Incoming(target.Id).Count() > 1)
                        add(node, $"'{target.Id}' after the event-based gateway may have no other incoming flow", $"事件网关之后的 '{target.Id}' 不能有其他传入的顺序流");
                }
                break;
        }
        if (node is TimerCatch { Timer: var timer }) ValidateTimer(node, timer, add);
        if (node is TimerStartEvent { Timer: var startTimer }) ValidateTimer(node, startTimer, add);
        if (node is BoundaryEvent { Trigger: TimerTrigger { Timer: var boundaryTimer } }) ValidateTimer(node, boundaryTimer, add);
    }

    private static void ValidateTimer(FlowNode node, TimerDefinition timer, Action<FlowNode, string, string> add)
    {
        if (timer.Expression is null && TimerSchedule.Validate(timer) is { } error) add(node, error.Message, error.MessageZh);
    }

    private static void ValidateBoundary(ProcessModel process, BoundaryEvent boundary, Action<FlowNode, string, string> add)
    {
        var attached = process.Node(boundary.AttachedToId);
        if (attached is null)
        {
            add(boundary, $"attachedToRef '{boundary.AttachedToId}' is not a supported element of the process",
                $"attachedToRef '{boundary.AttachedToId}' 不是流程中受支持的元素");
            return;
        }
        if (attached is not (ServiceTask or UserTask or SubProcess or CallActivity or MessageCatch { ElementType: "bpmn:receiveTask" } or PassThroughTask))
            add(boundary, $"is attached to '{attached.Id}' ({attached.ElementType}); boundary events attach to tasks and sub-processes",
                $"附加在 '{attached.Id}'（{attached.ElementType}）上；边界事件只能附加在任务和子流程上");
        if (process.ScopeOf(boundary.Id) != process.ScopeOf(attached.Id))
            add(boundary, $"lies in another scope than the activity '{attached.Id}' it is attached to", $"与其附加的活动 '{attached.Id}' 不在同一作用域");
        switch (boundary.Trigger)
        {
            case ErrorTrigger when !boundary.CancelActivity:
                add(boundary, "an error boundary event is always interrupting (cancelActivity must not be false)", "错误边界事件总是中断型的（cancelActivity 不能为 false）");
                break;
            case MessageTrigger { Message: var message }:
                ValidateMessage(boundary, message, add);
                break;
            case TimerTrigger { Timer.Type: TimerType.Cycle } when boundary.CancelActivity:
                add(boundary, "bpmn:timeCycle needs a non-interrupting boundary event (cancelActivity=\"false\"); an interrupting timer fires once",
                    "bpmn:timeCycle 需要非中断边界事件（cancelActivity=\"false\"）；中断型定时器只触发一次");
                break;
        }
    }

    private static void ValidateLoop(FlowNode node, MultiInstanceLoop loop, Action<FlowNode, string, string> add)
    {
        if (node is not (ServiceTask or UserTask or SubProcess or CallActivity or MessageCatch { ElementType: "bpmn:receiveTask" } or PassThroughTask))
        {
            add(node, "a multi-instance marker is allowed on tasks and sub-processes only", "多实例标记只能用于任务和子流程");
            return;
        }
        if (loop.InputCollection is null && loop.Cardinality is null)
            add(node, "a multi-instance activity needs zeebe:loopCharacteristics inputCollection or bpmn:loopCardinality",
                "多实例活动需要 zeebe:loopCharacteristics inputCollection 或 bpmn:loopCardinality");
        if (loop.InputCollection is not null && loop.Cardinality is not null)
            add(node, "give either an input collection or a loop cardinality, not both", "输入集合（inputCollection）与循环基数（loopCardinality）只能给出其一，不能同时给出");
        if (loop.InputElement is not null && loop.InputCollection is null)
            add(node, $"inputElement '{loop.InputElement}' needs an inputCollection", $"inputElement '{loop.InputElement}' 需要 inputCollection");
        if (loop.OutputElement is not null && loop.OutputCollection is null)
            add(node, "outputElement needs an outputCollection to collect into", "outputElement 需要 outputCollection 来收集结果");
        if (loop.OutputCollection is not null && loop.OutputElement is null)
            add(node, $"outputCollection '{loop.OutputCollection}' needs an outputElement expression (what each instance contributes)",
                $"outputCollection '{loop.OutputCollection}' 需要 outputElement 表达式（每个实例贡献的值）");
    }
}
