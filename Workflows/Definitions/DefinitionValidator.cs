namespace Pipeline.Workflows.Definitions;

/// <summary>
/// Deploy-time checks of a read <see cref="ProcessModel"/>: everything that would make an instance stop or go
/// wrong at run time is reported up front, every problem with its element id. A definition with any problem is
/// refused whole.
/// </summary>
public static partial class DefinitionValidator
{
    /// <summary>Validates one process.</summary>
    /// <param name="knownActivityTypes">Task types of the activity catalogue (<c>pack.check</c>, …); service tasks must name one.</param>
    public static IReadOnlyList<DefinitionProblem> Validate(ProcessModel process, IReadOnlySet<string> knownActivityTypes)
    {
        var problems = new List<DefinitionProblem>();
        void Add(FlowNode node, string message, string messageZh) => problems.Add(new DefinitionProblem(node.Id, node.ElementType, message, messageZh));
        void AddFlow(SequenceFlow flow, string message, string messageZh) => problems.Add(new DefinitionProblem(flow.Id, "bpmn:sequenceFlow", message, messageZh));

        if (!process.IsExecutable)
            problems.Add(new DefinitionProblem(process.Id, "bpmn:process", "the process is not marked executable (isExecutable=\"true\")",
                "流程未标记为可执行（isExecutable=\"true\"）"));
        var starts = process.StartEvents.ToList();
        // Zeebe: at most one plain start event, any number of message and timer start events.
        var allStarts = process.Nodes.Where(n => n is StartEvent or MessageStartEvent or TimerStartEvent && process.ScopeOf(n.Id) is null).ToList();
        if (allStarts.Count == 0)
            problems.Add(new DefinitionProblem(process.Id, "bpmn:process", "the process has no start event", "流程没有开始事件"));
        foreach (var extra in starts.Skip(1)) Add(extra, "a process may have only one plain start event (and any number of message and timer start events)",
            "一个流程只能有一个普通开始事件（消息开始事件和定时器开始事件不限个数）");
        ValidateStartEvents(process, Add);
        ValidateSubProcessStarts(process, Add);

        foreach (var flow in process.Flows) ValidateFlow(process, flow, AddFlow);

        foreach (var node in process.Nodes)
        {
            var outgoing = process.Outgoing(node.Id).ToList();
            var incoming = process.Incoming(node.Id).ToList();
            switch (node)
            {
                case StartEvent or MessageStartEvent or TimerStartEvent when incoming.Count > 0:
                    Add(node, "a start event cannot have incoming sequence flows", "开始事件不能有传入的顺序流");
                    break;
                case EndEvent or TerminateEndEvent or ErrorEndEvent when outgoing.Count > 0:
                    Add(node, "an end event cannot have outgoing sequence flows", "结束事件不能有传出的顺序流");
                    break;
            }
            if (node is not (EndEvent or TerminateEndEvent or ErrorEndEvent) && outgoing.Count == 0)
                Add(node, "no outgoing sequence flow: the token would stop here; connect it or use an end event",
                    "没有传出的顺序流：令牌会停在这里；请连接后续元素，或改用结束事件");
            if (node is ExclusiveGateway gateway) ValidateGateway(gateway, outgoing, Add);
            else
                foreach (var flow in outgoing.Where(f => f.Condition is not null))
                    AddFlow(flow, "only flows leaving an exclusive gateway may carry a condition", "只有从排他网关传出的顺序流才能带条件");

            ValidateTask(process, node, knownActivityTypes, Add);
            ValidateEvent(process, node, outgoing, Add);
            if (node.Loop is { } loop) ValidateLoop(node, loop, Add);
        }

        foreach (var node in Unreachable(process, allStarts))
            Add(node, "unreachable: no path leads here from the start event", "不可达：从开始事件没有路径通到这里");
        return problems;
    }

    private static void ValidateSubProcessStarts(ProcessModel process, Action<FlowNode, string, string> add)
    {
        foreach (var sub in process.Nodes.OfType<SubProcess>())
        {
            var starts = process.StartEventsOf(sub.Id).ToList();
            if (starts.Count == 0) add(sub, "an embedded sub-process needs one plain start event", "内嵌子流程需要一个普通开始事件");
            foreach (var extra in starts.Skip(1)) add(extra, "a sub-process may have only one plain start event", "子流程只能有一个普通开始事件");
        }
    }

    private static void ValidateFlow(ProcessModel process, SequenceFlow flow, Action<SequenceFlow, string, string> add)
    {
        var source = process.Node(flow.SourceId);
        var target = process.Node(flow.TargetId);
        if (source is null) add(flow, $"source '{flow.SourceId}' is not a supported element of the process", $"源元素 '{flow.SourceId}' 不是流程中受支持的元素");
        if (target is null) add(flow, $"target '{flow.TargetId}' is not a supported element of the process", $"目标元素 '{flow.TargetId}' 不是流程中受支持的元素");
        if (source is null || target is null) return;
        if (process.ScopeOf(source.Id) != process.ScopeOf(target.Id))
        {
            var scope = process.ScopeOf(source.Id) ?? process.ScopeOf(target.Id);
            add(flow, $"crosses the boundary of sub-process '{scope}': a sequence flow stays inside one scope; connect to the sub-process itself",
                $"跨越了子流程 '{scope}' 的边界：顺序流只能在同一作用域内连接；请连接到子流程本身");
        }
        if (target is BoundaryEvent)
            add(flow, $"a boundary event ('{target.Id}') cannot have incoming sequence flows", $"边界事件（'{target.Id}'）不能有传入的顺序流");
    }

    private static void ValidateGateway(ExclusiveGateway gateway, List<SequenceFlow> outgoing, Action<FlowNode, string, string> add)
    {
        if (gateway.DefaultFlowId is { } defaultId)
        {
            var defaultFlow = outgoing.FirstOrDefault(f => f.Id == defaultId);
            if (defaultFlow is null) add(gateway, $"default flow '{defaultId}' is not one of the gateway's outgoing flows", $"默认顺序流 '{defaultId}' 不是该网关的传出顺序流");
            else if (defaultFlow.Condition is not null) add(gateway, $"default flow '{defaultId}' must not have a condition", $"默认顺序流 '{defaultId}' 不能带条件");
        }
        if (outgoing.Count < 2) return;
        var unconditioned = outgoing.Where(f => f.Condition is null && f.Id != gateway.DefaultFlowId).Select(f => f.Id).ToList();
        if (unconditioned.Count > 0)
            add(gateway, $"outgoing flow(s) {string.Join(", ", unconditioned)} need a condition or must be the default flow",
                $"传出顺序流 {string.Join("、", unconditioned)} 需要条件，或设为默认顺序流");
        if (gateway.DefaultFlowId is null)
            add(gateway, "no default flow: when no condition holds the token would be stuck; mark one outgoing flow as default",
                "没有默认顺序流：所有条件都不成立时令牌会卡住；请将一条传出顺序流设为默认顺序流");
    }

    /// <summary>Nodes no token can reach: from the start events along flows, into sub-processes, and onto boundary events.</summary>
    private static IEnumerable<FlowNode> Unreachable(ProcessModel process, IReadOnlyList<FlowNode> starts)
    {
        var seen = new HashSet<string>(starts.Select(s => s.Id));
        var queue = new Queue<string>(seen);
        void Visit(string id)
        {
            if (process.Node(id) is not null && seen.Add(id)) queue.Enqueue(id);
        }
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var flow in process.Outgoing(id)) Visit(flow.TargetId);
            foreach (var boundary in process.BoundaryEvents(id)) Visit(boundary.Id);
            if (process.Node(id) is SubProcess)
                foreach (var start in process.StartEventsOf(id)) Visit(start.Id);
        }
        return starts.Count == 0 ? [] : process.Nodes.Where(n => !seen.Contains(n.Id));
    }
}
