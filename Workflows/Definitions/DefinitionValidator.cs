namespace Pipeline.Workflows.Definitions;

/// <summary>
/// Deploy-time checks of a read <see cref="ProcessModel"/>: everything that would make an instance stop or go
/// wrong at run time is reported up front, every problem with its element id. A definition with any problem is
/// refused whole.
/// </summary>
public static class DefinitionValidator
{
    /// <summary>Validates one process.</summary>
    /// <param name="knownActivityTypes">Task types of the activity catalogue (<c>pack.check</c>, …); service tasks must name one.</param>
    public static IReadOnlyList<DefinitionProblem> Validate(ProcessModel process, IReadOnlySet<string> knownActivityTypes)
    {
        var problems = new List<DefinitionProblem>();
        void Add(FlowNode node, string message) => problems.Add(new DefinitionProblem(node.Id, node.ElementType, message));

        if (!process.IsExecutable)
            problems.Add(new DefinitionProblem(process.Id, "bpmn:process", "the process is not marked executable (isExecutable=\"true\")"));
        var starts = process.StartEvents.ToList();
        if (starts.Count == 0)
            problems.Add(new DefinitionProblem(process.Id, "bpmn:process", "the process has no start event"));
        if (starts.Count > 1)
            foreach (var extra in starts.Skip(1)) Add(extra, "a process may have only one plain start event");

        foreach (var flow in process.Flows)
        {
            if (process.Node(flow.SourceId) is null)
                problems.Add(new DefinitionProblem(flow.Id, "bpmn:sequenceFlow", $"source '{flow.SourceId}' is not a supported element of the process"));
            if (process.Node(flow.TargetId) is null)
                problems.Add(new DefinitionProblem(flow.Id, "bpmn:sequenceFlow", $"target '{flow.TargetId}' is not a supported element of the process"));
        }

        foreach (var node in process.Nodes)
        {
            var outgoing = process.Outgoing(node.Id).ToList();
            var incoming = process.Incoming(node.Id).ToList();
            switch (node)
            {
                case StartEvent when incoming.Count > 0:
                    Add(node, "a start event cannot have incoming sequence flows");
                    break;
                case EndEvent when outgoing.Count > 0:
                    Add(node, "an end event cannot have outgoing sequence flows");
                    break;
            }
            if (node is not EndEvent && outgoing.Count == 0)
                Add(node, "no outgoing sequence flow: the token would stop here; connect it or use an end event");
            if (node is ExclusiveGateway gateway) ValidateGateway(gateway, outgoing, Add);
            else if (outgoing.Count > 1)
                Add(node, "more than one outgoing sequence flow: branch with an exclusive gateway (parallel splits are not supported yet)");
            if (node is not ExclusiveGateway)
                foreach (var flow in outgoing.Where(f => f.Condition is not null))
                    problems.Add(new DefinitionProblem(flow.Id, "bpmn:sequenceFlow", "only flows leaving an exclusive gateway may carry a condition"));

            switch (node)
            {
                case ServiceTask { TaskType: null or "" }:
                    Add(node, "a service task needs zeebe:taskDefinition with a type naming a catalogue activity");
                    break;
                case ServiceTask task when !knownActivityTypes.Contains(task.TaskType!):
                    Add(node, $"unknown activity type '{task.TaskType}' (known: {string.Join(", ", knownActivityTypes.Order(StringComparer.Ordinal))})");
                    break;
                case MessageCatch { Message: null }:
                    Add(node, "needs a messageRef to a bpmn:message");
                    break;
                case MessageCatch { Message: { } message } when message.Name.Length == 0:
                    Add(node, $"message '{message.Id}' has no name");
                    break;
                case MessageCatch { Message: { } message } when message.CorrelationKey is null:
                    Add(node, $"message '{message.Name}' needs zeebe:subscription correlationKey");
                    break;
            }
        }

        foreach (var node in Unreachable(process, starts))
            Add(node, "unreachable: no path leads here from the start event");
        return problems;
    }

    private static void ValidateGateway(ExclusiveGateway gateway, List<SequenceFlow> outgoing, Action<FlowNode, string> add)
    {
        if (gateway.DefaultFlowId is { } defaultId)
        {
            var defaultFlow = outgoing.FirstOrDefault(f => f.Id == defaultId);
            if (defaultFlow is null) add(gateway, $"default flow '{defaultId}' is not one of the gateway's outgoing flows");
            else if (defaultFlow.Condition is not null) add(gateway, $"default flow '{defaultId}' must not have a condition");
        }
        if (outgoing.Count < 2) return;
        var unconditioned = outgoing.Where(f => f.Condition is null && f.Id != gateway.DefaultFlowId).Select(f => f.Id).ToList();
        if (unconditioned.Count > 0)
            add(gateway, $"outgoing flow(s) {string.Join(", ", unconditioned)} need a condition or must be the default flow");
        if (gateway.DefaultFlowId is null)
            add(gateway, "no default flow: when no condition holds the token would be stuck; mark one outgoing flow as default");
    }

    private static IEnumerable<FlowNode> Unreachable(ProcessModel process, IReadOnlyList<StartEvent> starts)
    {
        var seen = new HashSet<string>(starts.Select(s => s.Id));
        var queue = new Queue<string>(seen);
        while (queue.Count > 0)
            foreach (var flow in process.Outgoing(queue.Dequeue()))
                if (process.Node(flow.TargetId) is not null && seen.Add(flow.TargetId)) queue.Enqueue(flow.TargetId);
        return starts.Count == 0 ? [] : process.Nodes.Where(n => !seen.Contains(n.Id));
    }
}
