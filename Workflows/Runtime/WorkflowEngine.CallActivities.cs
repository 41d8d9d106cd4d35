using Pipeline.Workflows.Definitions;

namespace Pipeline.Workflows.Runtime;

/// <summary>
/// Call activities across instances (BPMN 2.0 §10.3.6; Zeebe semantics): starting, completing and cancelling child
/// instances, and passing a child's uncaught errors to its callers.
/// </summary>
/// <remarks>
/// <para>
/// Each instance is saved in a transaction of its own, so a call takes several saves, always in this order:
/// (1) the parent, waiting on a <see cref="BookmarkKind.CallActivity"/> bookmark that names the child's id and holds
/// the variables handed to it; (2) the child, inserted with that id (a second insert of the same id is refused, so
/// starting is idempotent); when the child completes, (3) the child as completed, then (4) the parent resumed. When the
/// call activity ends otherwise (boundary event, terminate end event, cancellation of the parent), the parent is
/// saved first and the child cancelled after, recursively down to grandchildren. All of it happens in the engine call
/// that caused it, after that call's own commit.
/// </para>
/// <para>
/// A crash (or a lost optimistic-concurrency race, retried up to <see cref="MaxCascadeAttempts"/> times) between two
/// of these saves leaves a state that <see cref="ReconcileCallActivitiesAsync"/> repairs from the database alone: a
/// waiting call bookmark whose child does not exist gets its child started (from the bookmark's inputs, with the same
/// id); one whose child completed is resumed. A child whose parent moved on before cancelling it stays active; it can
/// then be cancelled with <see cref="CancelInstanceAsync"/>, which refuses only children their parent still waits for.
/// A child's uncaught error is saved with the child (as an incident) before it is offered to the callers; if the
/// offer is lost, retrying the incident throws the error again.
/// </para>
/// </remarks>
public sealed partial class WorkflowEngine
{
    /// <summary>Most call activities one engine call may start inside each other (a process calling itself at once would never stop).</summary>
    public const int MaxCallDepth = 32;

    /// <summary>How often a follow-up save of another instance (parent resumed, child cancelled) is tried when it loses a race.</summary>
    public const int MaxCascadeAttempts = 5;

    /// <summary>State shared by the follow-up steps of one engine call: the latest saved state of each instance touched.</summary>
    private sealed class Cascade
    {
        public Dictionary<Guid, ProcessInstance> Latest { get; } = [];

        public int Depth { get; set; }
    }

    /// <summary>
    /// Repairs call activities interrupted between two saves (see the remarks of <see cref="WorkflowEngine"/>): for every
    /// waiting <see cref="BookmarkKind.CallActivity"/> bookmark, starts the child when it does not exist and resumes
    /// the parent when the child completed. Idempotent; meant for start-up (the Host calls it once, like the timer
    /// reconciliation).
    /// </summary>
    /// <returns>How many call activities were repaired.</returns>
    public async Task<int> ReconcileCallActivitiesAsync(CancellationToken cancellationToken)
    {
        var repaired = 0;
        foreach (var (parent, call) in await instances.FindBookmarksAsync(new BookmarkQuery(BookmarkKind.CallActivity), cancellationToken).ConfigureAwait(false))
        {
            if (parent.Tokens.FirstOrDefault(t => t.Id == call.TokenId) is not { State: TokenState.Waiting }) continue;
            var child = await instances.GetAsync(ChildOf(call), cancellationToken).ConfigureAwait(false);
            if (child is null)
            {
                await StartChildAsync(parent, call, new Cascade(), cancellationToken).ConfigureAwait(false);
                repaired++;
            }
            else if (child.Status == InstanceStatus.Completed)
            {
                await ResumeParentAsync(child, new Cascade(), cancellationToken).ConfigureAwait(false);
                repaired++;
            }
        }
        return repaired;
    }

    private static Guid ChildOf(Bookmark call) => Guid.Parse(call.CorrelationKey!);

    /// <summary>After a commit: children of removed call bookmarks are cancelled, those of new ones started; a child that completed resumes its parent, one that threw an uncaught error offers it to its callers.</summary>
    private async Task FollowCallActivitiesAsync(ProcessInstance instance, IReadOnlyList<Bookmark> before, InstanceAdvancer step, Cascade cascade, CancellationToken cancellationToken)
    {
        var open = instance.Bookmarks.Where(b => b.Kind == BookmarkKind.CallActivity).Select(b => b.Id).ToHashSet();
        var earlier = before.Where(b => b.Kind == BookmarkKind.CallActivity).Select(b => b.Id).ToHashSet();
        foreach (var removed in before.Where(b => b.Kind == BookmarkKind.CallActivity && !open.Contains(b.Id)))
            await CancelChildAsync(ChildOf(removed), $"call activity {removed.NodeId} of instance {instance.Id} ended", cascade, cancellationToken).ConfigureAwait(false);
        foreach (var added in instance.Bookmarks.Where(b => b.Kind == BookmarkKind.CallActivity && !earlier.Contains(b.Id)).ToList())
            await StartChildAsync(instance, added, cascade, cancellationToken).ConfigureAwait(false);
        if (instance.ParentInstanceId is null) return;
        foreach (var error in step.UncaughtErrors)
            await OfferErrorAsync(instance, error, cascade, cancellationToken).ConfigureAwait(false);
        if (step.History.Any(h => h.Kind == HistoryKinds.InstanceCompleted))
            await ResumeParentAsync(instance, cascade, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the child a call bookmark names: the called process's version by the call activity's binding, at its
    /// plain start event, with the bookmark's inputs and the parent's business key. When it cannot (not deployed, no
    /// plain start event, nesting too deep) the parent's token gets an incident; retrying it enters the call activity again.
    /// </summary>
    private async Task StartChildAsync(ProcessInstance parent, Bookmark call, Cascade cascade, CancellationToken cancellationToken)
    {
        var childId = ChildOf(call);
        if (await instances.GetAsync(childId, cancellationToken).ConfigureAwait(false) is not null) return;
        var parentProcess = await definitions.GetAsync(parent.ProcessId, parent.Version, cancellationToken).ConfigureAwait(false);
        DeployedProcess? called = null;
        string? problem;
        if (parentProcess?.Model.Node(call.NodeId) is not CallActivity node) problem = $"'{call.NodeId}' is not a call activity of {parent.ProcessId} version {parent.Version}";
        else (called, problem) = await ResolveCalledAsync(call.Name, node, parentProcess, cancellationToken).ConfigureAwait(false);
        if (called is not null && !called.Model.StartEvents.Any()) problem = $"process '{called.ProcessId}' version {called.Version} has no plain start event to be called at";
        if (cascade.Depth >= MaxCallDepth) problem = $"more than {MaxCallDepth} call activities started inside each other in one step (a process calling itself?)";
        if (problem is not null || called is null)
        {
            await StepAsync(parent.Id, cascade, (step, current) =>
            {
                if (current.Bookmarks.FirstOrDefault(b => b.Id == call.Id) is null) return false;
                step.RaiseIncident(call.TokenId, $"call activity {call.NodeId}: {problem}");
                return true;
            }, cancellationToken).ConfigureAwait(false);
            return;
        }
        var child = new ProcessInstance
        {
            Id = childId, ProcessId = called.ProcessId, Version = called.Version, BusinessKey = parent.BusinessKey, StartedAt = time.GetUtcNow(),
            ParentInstanceId = parent.Id, ParentBookmarkId = call.Id,
        };
        var start = new InstanceAdvancer(called.Model, child, "system", time);
        start.Start(call.Inputs);
        try
        {
            await instances.InsertAsync(child, start.History, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyException)
        {
            return; // started meanwhile (reconciliation on another node)
        }
        cascade.Depth++;
        try
        {
            await AfterCommitAsync(child, [], start, cancellationToken, cascade).ConfigureAwait(false);
        }
        finally
        {
            cascade.Depth--;
        }
    }

    /// <summary>The called process's version by binding type (Zeebe: latest, deployment, versionTag), or why there is none.</summary>
    private async Task<(DeployedProcess? Called, string? Problem)> ResolveCalledAsync(
        string processId, CallActivity node, DeployedProcess caller, CancellationToken cancellationToken)
    {
        switch (node.Binding)
        {
            case CallBinding.Latest:
                var latest = await definitions.LatestAsync(processId, cancellationToken).ConfigureAwait(false);
                return latest is null ? (null, $"called process '{processId}' is not deployed") : (latest, null);
            case CallBinding.Deployment:
                var same = (await definitions.ListAsync(cancellationToken).ConfigureAwait(false))
                    .LastOrDefault(p => p.ProcessId == processId && p.Sha256 == caller.Sha256);
                return same is null ? (null, $"called process '{processId}' was not deployed with {caller.ProcessId} version {caller.Version} (bindingType=\"deployment\")") : (same, null);
            default:
                var tagged = (await definitions.ListAsync(cancellationToken).ConfigureAwait(false))
                    .LastOrDefault(p => p.ProcessId == processId && p.Model.VersionTag == node.VersionTag);
                return tagged is null ? (null, $"no deployed version of '{processId}' has zeebe:versionTag '{node.VersionTag}'") : (tagged, null);
        }
    }

    /// <summary>The child completed: its parent's call bookmark is resumed with the child's variables (a no-op when the parent no longer waits).</summary>
    private Task ResumeParentAsync(ProcessInstance child, Cascade cascade, CancellationToken cancellationToken) =>
        StepAsync(child.ParentInstanceId!.Value, cascade, (step, parent) =>
        {
            var call = parent.Bookmarks.FirstOrDefault(b => b.Id == child.ParentBookmarkId && b.Kind == BookmarkKind.CallActivity && ChildOf(b) == child.Id);
            if (call is null) return false;
            step.CompleteCall(call, child.Variables);
            return true;
        }, cancellationToken);

    /// <summary>Cancels a child whose call activity ended otherwise than by the child completing; a no-op for a child that is not active or does not exist.</summary>
    private Task CancelChildAsync(Guid childId, string reason, Cascade cascade, CancellationToken cancellationToken) =>
        StepAsync(childId, cascade, (step, child) =>
        {
            if (child.Status != InstanceStatus.Active) return false;
            step.CancelInstance(reason);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Offers an error the child did not catch to its parent's call activity, then to the grandparent's, and so on
    /// (Zeebe's propagation). The first caller that catches it cancels its call activity, which cancels the child; when
    /// none does, nothing changes and the incident stays at the throwing element of the child.
    /// </summary>
    private async Task OfferErrorAsync(ProcessInstance child, ThrownError error, Cascade cascade, CancellationToken cancellationToken)
    {
        for (var current = child; current.ParentInstanceId is { } parentId;)
        {
            ProcessInstance? offered = null;
            var waiting = false;
            var caught = await StepAsync(parentId, cascade, (step, parent) =>
            {
                offered = parent;
                var call = parent.Bookmarks.FirstOrDefault(b => b.Id == current.ParentBookmarkId && b.Kind == BookmarkKind.CallActivity);
                waiting = call is not null && parent.Status == InstanceStatus.Active;
                return waiting && step.CatchCalledError(call!, error);
            }, cancellationToken).ConfigureAwait(false);
            if (caught is not null || !waiting || offered is null) return;
            current = offered;
        }
    }

    /// <summary>
    /// Loads an instance, applies <paramref name="apply"/> (false: nothing to do, nothing saved), saves it and runs its
    /// after-commit work; a lost race is retried from a fresh load. Null when nothing was saved (no such instance,
    /// nothing to do, or still losing after <see cref="MaxCascadeAttempts"/>: then reconciliation repairs it).
    /// </summary>
    private async Task<ProcessInstance?> StepAsync(Guid instanceId, Cascade cascade, Func<InstanceAdvancer, ProcessInstance, bool> apply, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var instance = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
            var process = instance is null ? null : await definitions.GetAsync(instance.ProcessId, instance.Version, cancellationToken).ConfigureAwait(false);
            if (instance is null || process is null) return null;
            var expected = instance.Revision;
            var before = instance.Bookmarks.ToList();
            var step = new InstanceAdvancer(process.Model, instance, "system", time);
            if (!apply(step, instance)) return null;
            try
            {
                await instances.UpdateAsync(instance, expected, step.History, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyException) when (attempt < MaxCascadeAttempts)
            {
                continue;
            }
            catch (ConcurrencyException)
            {
                return null;
            }
            return await AfterCommitAsync(instance, before, step, cancellationToken, cascade).ConfigureAwait(false);
        }
    }

    /// <summary>Refuses to cancel a child its parent still waits for (Zeebe: cancel the root instance instead).</summary>
    private async Task EnsureNotAwaitedAsync(ProcessInstance instance, CancellationToken cancellationToken)
    {
        if (instance.ParentInstanceId is not { } parentId) return;
        var parent = await instances.GetAsync(parentId, cancellationToken).ConfigureAwait(false);
        if (parent is { Status: InstanceStatus.Active } && parent.Bookmarks.Any(b => b.Kind == BookmarkKind.CallActivity && b.Id == instance.ParentBookmarkId))
            throw new InvalidOperationException($"instance {instance.Id} was started by a call activity of instance {parentId}, which waits for it; cancel {parentId} instead");
    }
}
