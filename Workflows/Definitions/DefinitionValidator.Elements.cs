using Pipeline.Workflows.Definitions.Bpmn;

namespace Pipeline.Workflows.Definitions;

/// <summary>Checks of tasks, events and multi-instance characteristics.</summary>
public static partial class DefinitionValidator
{
    private static void ValidateTask(ProcessModel process, FlowNode node, IReadOnlySet<string> knownActivityTypes, Action<FlowNode, string> add)
    {
        switch (node)
        {
            case ServiceTask { TaskType: null or "" }:
                add(node, "a service task needs zeebe:taskDefinition with a type naming a catalogue activity");
                break;
            case ServiceTask task when !knownActivityTypes.Contains(task.TaskType!):
                add(node, $"unknown activity type '{task.TaskType}' (known: {string.Join(", ", knownActivityTypes.Order(StringComparer.Ordinal))})");
                break;
            case MessageCatch { Message: var message }:
                ValidateMessage(node, message, add);
                break;
            case CallActivity call:
                ValidateCallActivity(call, add);
                break;
            case UserTask task:
                if (task.DistinctAssignees && task.Loop is null)
                    add(node, $"{BpmnReader.DistinctAssigneesProperty} needs a multi-instance marker: it is about the instances of one task");
                foreach (var other in task.NotCompletedBy)
                {
                    if (other == task.Id) add(node, $"{BpmnReader.NotCompletedByProperty} names the task itself; use {BpmnReader.DistinctAssigneesProperty} for co-signing");
                    else if (process.Node(other) is null) add(node, $"{BpmnReader.NotCompletedByProperty} names '{other}', which is not an element of the process");
                    else if (process.Node(other) is not UserTask) add(node, $"{BpmnReader.NotCompletedByProperty} names '{other}', which is not a user task");
                }
                break;
        }
    }

    private static void ValidateMessage(FlowNode node, MessageDefinition? message, Action<FlowNode, string> add)
    {
        if (message is null) add(node, "needs a messageRef to a bpmn:message");
        else if (message.Name.Length == 0) add(node, $"message '{message.Id}' has no name");
        else if (message.CorrelationKey is null) add(node, $"message '{message.Name}' needs zeebe:subscription correlationKey");
    }

    private static void ValidateEvent(ProcessModel process, FlowNode node, List<SequenceFlow> outgoing, Action<FlowNode, string> add)
    {
        switch (node)
        {
            case ErrorEndEvent { Error: null }:
                add(node, "an error end event needs an errorRef to a bpmn:error with an errorCode");
                break;
            case ErrorEndEvent { Error.Code: null or "" } end:
                add(node, $"error '{end.Error!.Id}' has no errorCode: a thrown error needs a code to be caught by");
                break;
            case TimerCatch { Timer.Type: TimerType.Cycle }:
                add(node, "bpmn:timeCycle is for non-interrupting boundary events; an intermediate timer needs bpmn:timeDuration or bpmn:timeDate");
                break;
            case BoundaryEvent boundary:
                ValidateBoundary(process, boundary, add);
                break;
            case EventBasedGateway:
                if (outgoing.Count < 2) add(node, "an event-based gateway needs at least two outgoing flows, each to an intermediate message or timer catch event");
                foreach (var flow in outgoing)
                {
                    var target = process.Node(flow.TargetId);
                    if (target is not (TimerCatch or MessageCatch { ElementType: "bpmn:intermediateCatchEvent" }))
                        add(node, $"flow '{flow.Id}' leads to '{flow.TargetId}', which is not an intermediate message or timer catch event");
                    else if (process.Incoming(target.Id).Count() > 1)
                        add(node, $"'{target.Id}' after the event-based gateway may have no other incoming flow");
                }
                break;
        }
        if (node is TimerCatch { Timer: var timer }) ValidateTimer(node, timer, add);
        if (node is TimerStartEvent { Timer: var startTimer }) ValidateTimer(node, startTimer, add);
        if (node is BoundaryEvent { Trigger: TimerTrigger { Timer: var boundaryTimer } }) ValidateTimer(node, boundaryTimer, add);
    }

    private static void ValidateTimer(FlowNode node, TimerDefinition timer, Action<FlowNode, string> add)
    {
        if (timer.Expression is null && TimerSchedule.Validate(timer) is { } error) add(node, error);
    }

    private static void ValidateBoundary(ProcessModel process, BoundaryEvent boundary, Action<FlowNode, string> add)
    {
        var attached = process.Node(boundary.AttachedToId);
        if (attached is null)
        {
            add(boundary, $"attachedToRef '{boundary.AttachedToId}' is not a supported element of the process");
            return;
        }
        if (attached is not (ServiceTask or UserTask or SubProcess or CallActivity or MessageCatch { ElementType: "bpmn:receiveTask" } or PassThroughTask))
            add(boundary, $"is attached to '{attached.Id}' ({attached.ElementType}); boundary events attach to tasks and sub-processes");
        if (process.ScopeOf(boundary.Id) != process.ScopeOf(attached.Id))
            add(boundary, $"lies in another scope than the activity '{attached.Id}' it is attached to");
        switch (boundary.Trigger)
        {
            case ErrorTrigger when !boundary.CancelActivity:
                add(boundary, "an error boundary event is always interrupting (cancelActivity must not be false)");
                break;
            case MessageTrigger { Message: var message }:
                ValidateMessage(boundary, message, add);
                break;
            case TimerTrigger { Timer.Type: TimerType.Cycle } when boundary.CancelActivity:
                add(boundary, "bpmn:timeCycle needs a non-interrupting boundary event (cancelActivity=\"false\"); an interrupting timer fires once");
                break;
        }
    }

    private static void ValidateLoop(FlowNode node, MultiInstanceLoop loop, Action<FlowNode, string> add)
    {
        if (node is not (ServiceTask or UserTask or SubProcess or CallActivity or MessageCatch { ElementType: "bpmn:receiveTask" } or PassThroughTask))
        {
            add(node, "a multi-instance marker is allowed on tasks and sub-processes only");
            return;
        }
        if (loop.InputCollection is null && loop.Cardinality is null)
            add(node, "a multi-instance activity needs zeebe:loopCharacteristics inputCollection or bpmn:loopCardinality");
        if (loop.InputCollection is not null && loop.Cardinality is not null)
            add(node, "give either an input collection or a loop cardinality, not both");
        if (loop.InputElement is not null && loop.InputCollection is null)
            add(node, $"inputElement '{loop.InputElement}' needs an inputCollection");
        if (loop.OutputElement is not null && loop.OutputCollection is null)
            add(node, "outputElement needs an outputCollection to collect into");
        if (loop.OutputCollection is not null && loop.OutputElement is null)
            add(node, $"outputCollection '{loop.OutputCollection}' needs an outputElement expression (what each instance contributes)");
    }
}
