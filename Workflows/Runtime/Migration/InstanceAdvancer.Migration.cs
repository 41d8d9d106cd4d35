using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Runtime.Migration;

namespace Pipeline.Workflows.Runtime;

/// <summary>Applying a validated <see cref="MigrationPlan"/> (the advancer is built on the target version's model).</summary>
public sealed partial class InstanceAdvancer
{
    /// <summary>
    /// Moves the instance onto <see cref="MigrationPlan.ToVersion"/>, interfering with its running state as little as
    /// possible; no token moves and nothing is evaluated again:
    /// <list type="bullet">
    /// <item><description>every token stays, at its node's target (local variables, loop state and incidents kept);</description></item>
    /// <item><description>every bookmark keeps its id, creation time and inputs, so task links, dispatched jobs and scheduled
    /// timers stay valid; it takes its target element's id; a user task takes the target's name and candidate groups
    /// and keeps its due and follow-up dates; a job keeps its activity; a message wait or subscription keeps its
    /// correlation key; a timer keeps its due time and remaining repetitions;</description></item>
    /// <item><description>a message or timer boundary event of the target that no subscription was mapped to is subscribed
    /// now, as when the activity is entered (its timer runs from now); an expression failing there refuses the
    /// migration;</description></item>
    /// <item><description>the instance's record of completed tasks follows the caller's mapping, so segregation-of-duties
    /// rules of the target find renamed tasks.</description></item>
    /// </list>
    /// Records <see cref="HistoryKinds.InstanceMigrated"/> with the versions and the mapping of the active elements.
    /// </summary>
    /// <exception cref="MigrationRefusedException">A new boundary subscription could not be evaluated; the instance must then be discarded, not saved.</exception>
    public void Migrate(MigrationPlan plan)
    {
        foreach (var token in instance.Tokens) token.NodeId = plan.ActiveElements[token.NodeId];
        for (var i = 0; i < instance.Bookmarks.Count; i++) instance.Bookmarks[i] = Migrated(instance.Bookmarks[i], plan.ActiveElements[instance.Bookmarks[i].NodeId]);
        for (var i = 0; i < instance.CompletedTasks.Count; i++)
            if (plan.Mapping.TryGetValue(instance.CompletedTasks[i].NodeId, out var renamed))
                instance.CompletedTasks[i] = instance.CompletedTasks[i] with { NodeId = renamed };
        instance.Version = plan.ToVersion;
        Record(HistoryKinds.InstanceMigrated, null, plan.Describe());

        var problems = new List<MigrationProblem>();
        foreach (var token in instance.Tokens.Where(HoldsItsActivity).ToList())
            SubscribeNewBoundaries(token, problems);
        if (problems.Count > 0) throw new MigrationRefusedException(problems);
    }

    private Bookmark Migrated(Bookmark bookmark, string nodeId)
    {
        var node = model.Node(nodeId)!;
        return bookmark.Kind switch
        {
            BookmarkKind.UserTask when node is UserTask task => bookmark with { NodeId = nodeId, Name = task.Name ?? task.Id, CandidateGroups = task.CandidateGroups, FormId = task.FormId },
            BookmarkKind.Timer => bookmark with { NodeId = nodeId, Name = node.Name ?? node.Id },
            _ => bookmark with { NodeId = nodeId },
        };
    }

    /// <summary>A token whose activity is running: a scope (sub-process, multi-instance activity) or a wait of its own (also under a job's incident).</summary>
    private bool HoldsItsActivity(Token token) =>
        token.LoopCounter is null
        && (token.State == TokenState.Scope || instance.Bookmarks.Any(b => b.TokenId == token.Id && b.NodeId == token.NodeId));

    private void SubscribeNewBoundaries(Token token, List<MigrationProblem> problems)
    {
        foreach (var boundary in model.BoundaryEvents(token.NodeId))
        {
            if (instance.Bookmarks.Any(b => b.TokenId == token.Id && b.NodeId == boundary.Id)) continue;
            Bookmark? subscription = null;
            var ok = boundary.Trigger switch
            {
                MessageTrigger { Message: { } message } => TryMessageBookmark(token, boundary.Id, message, out subscription),
                TimerTrigger { Timer: var timer } => TryTimerBookmark(token, boundary.Id, boundary.Name, timer, out subscription),
                _ => true,
            };
            if (!ok)
                problems.Add(new MigrationProblem(boundary.Id, $"new boundary event of '{token.NodeId}' cannot be subscribed: {token.Incident}",
                    $"'{token.NodeId}' 的新边界事件无法订阅：{token.Incident}"));
            else if (subscription is not null) Subscribe(token, [subscription]);
        }
    }
}
