using Pipeline.Workflows.Definitions;

namespace Pipeline.Workflows.Runtime;

/// <summary>
/// Leaving nodes, ending and cancelling tokens, embedded sub-processes and terminate end events (BPMN 2.0 §13.3.4
/// activities, §13.3.5 sub-processes, §13.5.6 end events).
/// </summary>
public sealed partial class InstanceAdvancer
{
    /// <summary>
    /// The activity's work is done (outputs already merged): an instance of a multi-instance activity reports to its
    /// multi-instance token; any other token leaves the node.
    /// </summary>
    private void CompleteActivity(Token token)
    {
        var node = model.Node(token.NodeId)!;
        if (token.LoopCounter is not null) CompleteLoopInstance(token, node);
        else Leave(token, node);
    }

    /// <summary>
    /// Moves a token out of <paramref name="node"/>: its remaining bookmarks (boundary subscriptions) and local state
    /// go; one outgoing flow moves it, several fork it (BPMN's uncontrolled flow: an implicit parallel split), none
    /// ends it.
    /// </summary>
    private void Leave(Token token, FlowNode node)
    {
        RemoveBookmarksOf(token.Id);
        token.State = TokenState.Ready;
        token.Variables = null;
        token.LoopItems = null;
        token.ArrivedVia = null;
        var outgoing = model.Outgoing(node.Id).ToList();
        switch (outgoing.Count)
        {
            case 0:
                EndToken(token);
                break;
            case 1:
                Take(token, outgoing[0]);
                break;
            default:
                Record(HistoryKinds.GatewayForked, node.Id, string.Join(", ", outgoing.Select(f => f.Id)));
                Take(token, outgoing[0]);
                foreach (var flow in outgoing.Skip(1))
                {
                    var branch = NewToken(node.Id, token.ParentId);
                    instance.Tokens.Add(branch);
                    Take(branch, flow);
                }
                break;
        }
    }

    private void Take(Token token, SequenceFlow flow)
    {
        token.NodeId = flow.TargetId;
        token.ArrivedVia = flow.Id;
        Record(HistoryKinds.FlowTaken, flow.SourceId, $"{flow.Id} → {flow.TargetId}");
    }

    /// <summary>The token is consumed (end event); its scope completes when it was the last token inside.</summary>
    private void EndToken(Token token)
    {
        RemoveBookmarksOf(token.Id);
        instance.Tokens.Remove(token);
        CompleteScopeIfEmpty(token.ParentId);
    }

    /// <summary>An embedded sub-process: its token becomes the scope and a child token starts at its start event.</summary>
    private void EnterSubProcess(Token token, SubProcess subProcess)
    {
        if (!TryPrepareBoundaries(token, subProcess, out var boundaries)) return;
        token.State = TokenState.Scope;
        Subscribe(token, boundaries);
        instance.Tokens.Add(NewToken(model.StartEventsOf(subProcess.Id).Single().Id, token.Id));
    }

    /// <summary>When no token remains inside a sub-process's scope, the sub-process completes and its token moves on.</summary>
    private void CompleteScopeIfEmpty(Guid? scopeId)
    {
        if (scopeId is not { } id || instance.Tokens.Any(t => t.ParentId == id)) return;
        if (instance.Tokens.FirstOrDefault(t => t.Id == id) is not { State: TokenState.Scope } scope) return;
        if (model.Node(scope.NodeId) is not SubProcess || IsMultiInstanceToken(scope)) return;
        Record(HistoryKinds.SubProcessCompleted, scope.NodeId, null);
        scope.State = TokenState.Ready;
        CompleteActivity(scope);
    }

    /// <summary>
    /// Terminate end event: every other token of the same scope is cancelled with everything inside it. At process
    /// level the instance then completes; in a sub-process the sub-process completes.
    /// </summary>
    private void Terminate(Token token, TerminateEndEvent end)
    {
        var scope = Parent(token);
        Record(HistoryKinds.Terminated, end.Id, scope is null ? "process" : $"sub-process {scope.NodeId}");
        foreach (var other in instance.Tokens.Where(t => t.ParentId == token.ParentId && t != token).ToList())
            Cancel(other, $"terminated by {end.Id}");
        EndToken(token);
    }

    /// <summary>Removes a token, every token inside it and all their bookmarks.</summary>
    private void Cancel(Token token, string reason)
    {
        foreach (var child in instance.Tokens.Where(t => t.ParentId == token.Id).ToList()) Cancel(child, reason);
        RemoveBookmarksOf(token.Id);
        instance.Tokens.Remove(token);
        Record(HistoryKinds.ActivityCancelled, token.NodeId, reason);
    }

    private void RemoveBookmarksOf(Guid tokenId) => instance.Bookmarks.RemoveAll(b => b.TokenId == tokenId);

    private bool IsMultiInstanceToken(Token token) =>
        token.LoopCounter is null && token.State == TokenState.Scope && model.Node(token.NodeId)?.Loop is not null;
}
