using Pipeline.Workflows.Definitions;

namespace Pipeline.Workflows.Runtime.Migration;

/// <summary>
/// Checks a requested migration of one instance to another version of its process and turns it into a
/// <see cref="MigrationPlan"/> (Camunda 8 "process instance migration" semantics, with the differences noted here).
/// Nothing is changed; every problem is collected before refusing.
/// </summary>
/// <remarks>
/// <para>
/// <b>Active elements</b> are: the node of every token (waiting on a bookmark, held by an incident, joining at a parallel
/// gateway), every enclosing embedded sub-process and multi-instance activity (their scope tokens), and every boundary
/// event or event-based gateway branch a token is subscribed to. Each must be mapped.
/// </para>
/// <para>
/// <b>Mapping.</b> An entry of the caller's mapping (source element id → target element id) wins; an active element
/// without an entry maps <i>implicitly</i> to the target element with the same id, when there is one. (Camunda 8 wants
/// an explicit instruction for every active element; Operate pre-fills the same ids. Versions of one process keep most
/// ids, so the implicit mapping spares the caller a list of identities; renames and moves must be given.) Every entry
/// must name an element of the source and of the target version, whether active or not.
/// </para>
/// <para>
/// <b>Refused</b>: an instance that is not active; a target version that is not deployed or is the current one; an active
/// element with no mapping; a mapping to an element of another type (<see cref="ElementCompatibility"/>); a mapping
/// into another sub-process scope than the one its enclosing sub-process maps to; a boundary subscription mapped to a
/// boundary event not attached to the activity's target; an event-based gateway branch mapped to an event that does not
/// follow the gateway's target; two subscriptions of one token mapped onto one event; a job whose target names another
/// task type (the job keeps running the activity it was dispatched for); a message wait or subscription whose target
/// waits for another message name (the correlation key is kept, never evaluated again); a token joining at a parallel
/// gateway whose incoming flow id is not an incoming flow of the gateway's target.
/// </para>
/// </remarks>
public static class MigrationPlanner
{
    /// <summary>Validates the migration of <paramref name="instance"/> (on <paramref name="source"/>) to <paramref name="target"/>.</summary>
    /// <param name="target">The target version, or null when version <paramref name="targetVersion"/> of the process is not deployed.</param>
    /// <param name="mapping">Source element id → target element id; elements not listed map to the same id.</param>
    /// <exception cref="MigrationRefusedException">Every problem found, each with its source element id.</exception>
    public static MigrationPlan Plan(
        ProcessInstance instance, DeployedProcess source, DeployedProcess? target, int targetVersion, IReadOnlyDictionary<string, string> mapping)
    {
        var problems = new List<MigrationProblem>();
        if (instance.Status != InstanceStatus.Active)
            problems.Add(new(instance.ProcessId, $"instance {instance.Id} is {instance.Status.ToString().ToLowerInvariant()}; only active instances migrate",
                $"流程实例 {instance.Id} {StatusZh(instance.Status)}；只有运行中的流程实例可以迁移"));
        if (target is null)
            problems.Add(new(instance.ProcessId, $"version {targetVersion} of process '{instance.ProcessId}' is not deployed",
                $"流程 '{instance.ProcessId}' 的版本 {targetVersion} 未部署"));
        else if (target.ProcessId != source.ProcessId)
            problems.Add(new(instance.ProcessId, $"the target is process '{target.ProcessId}'; an instance migrates to another version of its own process only",
                $"目标是流程 '{target.ProcessId}'；流程实例只能迁移到本流程的另一个版本"));
        else if (target.Version == source.Version)
            problems.Add(new(instance.ProcessId, $"instance {instance.Id} runs on version {source.Version} already",
                $"流程实例 {instance.Id} 已在版本 {source.Version} 上运行"));
        if (problems.Count > 0) throw new MigrationRefusedException(problems);

        var walk = new Walk(source.Model, target!.Model, mapping, problems);
        walk.CheckMapping(source.Version, target.Version);
        foreach (var token in instance.Tokens) walk.CheckToken(instance, token);
        if (problems.Count > 0) throw new MigrationRefusedException(problems.Distinct().ToList());
        return new MigrationPlan(source.Version, target.Version, target.Model, walk.Active, new Dictionary<string, string>(mapping, StringComparer.Ordinal));
    }

    private static string StatusZh(InstanceStatus status) => status switch
    {
        InstanceStatus.Completed => "已完成",
        InstanceStatus.Cancelled => "已取消",
        _ => $"的状态为 {status.ToString().ToLowerInvariant()}",
    };

    /// <summary>The checks, sharing the two models, the mapping and the problems found so far.</summary>
    private sealed class Walk(ProcessModel from, ProcessModel to, IReadOnlyDictionary<string, string> mapping, List<MigrationProblem> problems)
    {
        /// <summary>Active source element → target element, for those that map.</summary>
        public Dictionary<string, string> Active { get; } = new(StringComparer.Ordinal);

        private readonly HashSet<string> _checked = new(StringComparer.Ordinal);

        public void CheckMapping(int fromVersion, int toVersion)
        {
            foreach (var (sourceId, targetId) in mapping)
            {
                if (from.Node(sourceId) is null)
                    Add(sourceId, $"the mapping names '{sourceId}', which is no element of version {fromVersion}", $"映射中的 '{sourceId}' 不是版本 {fromVersion} 的元素");
                if (to.Node(targetId) is null)
                    Add(sourceId, $"the mapping maps it to '{targetId}', which is no element of version {toVersion}", $"映射的目标 '{targetId}' 不是版本 {toVersion} 的元素");
            }
        }

        public void CheckToken(ProcessInstance instance, Token token)
        {
            var target = CheckElement(token.NodeId);
            if (target is not null && token.State == TokenState.Joining && token.ArrivedVia is { } flow && !to.Incoming(target.Id).Any(f => f.Id == flow))
                Add(token.NodeId, $"a token waits at the join having arrived by flow '{flow}', which is not an incoming flow of '{target.Id}' in the target version",
                    $"令牌经顺序流 '{flow}' 到达并在汇合处等待，但在目标版本中该顺序流不是 '{target.Id}' 的传入顺序流");
            var subscribed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var bookmark in instance.Bookmarks.Where(b => b.TokenId == token.Id))
            {
                if (bookmark.NodeId == token.NodeId)
                {
                    if (target is not null) CheckOwnWait(bookmark, target);
                    continue;
                }
                // Subscriptions are checked even when their activity does not map, so that every problem is listed.
                if (CheckElement(bookmark.NodeId) is not { } eventTarget || target is null) continue;
                CheckSubscription(bookmark, target, eventTarget);
                if (subscribed.TryGetValue(eventTarget.Id, out var other) && other != bookmark.NodeId)
                    Add(bookmark.NodeId, $"'{other}' and '{bookmark.NodeId}' would both become '{eventTarget.Id}' for the same activity",
                        $"'{other}' 和 '{bookmark.NodeId}' 会在同一活动上都变成 '{eventTarget.Id}'");
                subscribed[eventTarget.Id] = bookmark.NodeId;
            }
        }

        /// <summary>Maps one active element and checks its type and scope; null when it does not map.</summary>
        private FlowNode? CheckElement(string sourceId)
        {
            var source = from.Node(sourceId)!;
            var target = Resolve(sourceId);
            if (!_checked.Add(sourceId)) return target is not null && Active.ContainsKey(sourceId) ? target : null;
            if (target is null)
            {
                if (!mapping.ContainsKey(sourceId))
                    Add(sourceId, $"active {source.ElementType} '{sourceId}' is not mapped: the target version has no element '{sourceId}'; map it to an element of the same type",
                        $"运行中的 {source.ElementType} '{sourceId}' 未映射：目标版本中没有元素 '{sourceId}'；请将它映射到同类型的元素");
                return null;
            }
            var ok = true;
            if (ElementCompatibility.Check(source, target) is { } reason)
            {
                Add(sourceId, reason.Message, reason.MessageZh);
                ok = false;
            }
            if (from.ScopeOf(sourceId) is { } sourceScope)
            {
                var expected = Resolve(sourceScope)?.Id;
                if (expected is not null && to.ScopeOf(target.Id) != expected)
                {
                    Add(sourceId, $"maps to '{target.Id}' {ScopeName(to.ScopeOf(target.Id))}, but its sub-process '{sourceScope}' maps to '{expected}': an element may not move into another sub-process scope",
                        $"映射到{ScopeNameZh(to.ScopeOf(target.Id))}的 '{target.Id}'，但其所在的子流程 '{sourceScope}' 映射到 '{expected}'：元素不能移入另一个子流程作用域");
                    ok = false;
                }
            }
            else if (to.ScopeOf(target.Id) is { } targetScope)
            {
                Add(sourceId, $"is at process level but maps to '{target.Id}' inside sub-process '{targetScope}': an element may not move into another sub-process scope",
                    $"位于流程顶层，却映射到子流程 '{targetScope}' 内的 '{target.Id}'：元素不能移入另一个子流程作用域");
                ok = false;
            }
            if (!ok) return null;
            Active[sourceId] = target.Id;
            return target;
        }

        /// <summary>The token's own wait: a job keeps its task type, a message wait its message name.</summary>
        private void CheckOwnWait(Bookmark bookmark, FlowNode target)
        {
            switch (bookmark.Kind, target)
            {
                case (BookmarkKind.Job, ServiceTask { TaskType: var type }) when type != bookmark.Name:
                    Add(bookmark.NodeId, $"its job runs activity '{bookmark.Name}' but '{target.Id}' names '{type}': a running job keeps its activity; map it to a task of the same type",
                        $"其作业运行的是活动 '{bookmark.Name}'，而 '{target.Id}' 的作业类型是 '{type}'：运行中的作业保持原活动；请映射到作业类型相同的任务");
                    break;
                case (BookmarkKind.Message, MessageCatch { Message.Name: var name }) when name != bookmark.Name:
                    Add(bookmark.NodeId, $"waits for message '{bookmark.Name}' but '{target.Id}' for '{name}': a subscription keeps its message and correlation key",
                        $"等待消息 '{bookmark.Name}'，而 '{target.Id}' 等待 '{name}'：订阅保持原消息及其关联键");
                    break;
            }
        }

        /// <summary>A boundary event stays on the activity's target; an event-based gateway's branch follows the gateway's target.</summary>
        private void CheckSubscription(Bookmark bookmark, FlowNode ownerTarget, FlowNode eventTarget)
        {
            switch (from.Node(bookmark.NodeId))
            {
                case BoundaryEvent when eventTarget is BoundaryEvent { AttachedToId: var attached } && attached != ownerTarget.Id:
                    Add(bookmark.NodeId, $"maps to boundary event '{eventTarget.Id}', which is attached to '{attached}', not to '{ownerTarget.Id}'",
                        $"映射到的边界事件 '{eventTarget.Id}' 附加在 '{attached}' 上，而不是 '{ownerTarget.Id}' 上");
                    return;
                case not BoundaryEvent when !to.Outgoing(ownerTarget.Id).Any(f => f.TargetId == eventTarget.Id):
                    Add(bookmark.NodeId, $"maps to '{eventTarget.Id}', which does not follow the event-based gateway '{ownerTarget.Id}' in the target version",
                        $"映射到的 '{eventTarget.Id}' 在目标版本中并不跟在事件网关 '{ownerTarget.Id}' 之后");
                    return;
            }
            var targetMessage = eventTarget switch
            {
                BoundaryEvent { Trigger: MessageTrigger { Message: var m } } => m,
                MessageCatch { Message: var m } => m,
                _ => null,
            };
            if (bookmark.Kind == BookmarkKind.Message && targetMessage?.Name != bookmark.Name)
                Add(bookmark.NodeId, $"waits for message '{bookmark.Name}' but '{eventTarget.Id}' for '{targetMessage?.Name}': a subscription keeps its message and correlation key",
                    $"等待消息 '{bookmark.Name}'，而 '{eventTarget.Id}' 等待 '{targetMessage?.Name}'：订阅保持原消息及其关联键");
        }

        private FlowNode? Resolve(string sourceId) =>
            mapping.TryGetValue(sourceId, out var targetId) ? to.Node(targetId) : to.Node(sourceId);

        private static string ScopeName(string? scope) => scope is null ? "at process level" : $"inside sub-process '{scope}'";

        private static string ScopeNameZh(string? scope) => scope is null ? "流程顶层" : $"子流程 '{scope}' 内";

        private void Add(string elementId, string message, string messageZh) => problems.Add(new MigrationProblem(elementId, message, messageZh));
    }
}
