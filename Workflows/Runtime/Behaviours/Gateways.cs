using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Runtime;

/// <summary>Exclusive (§13.3.2), parallel (§13.3.4) and event-based (§13.3.6) gateways.</summary>
public sealed partial class InstanceAdvancer
{
    /// <summary>
    /// Diverging: the first outgoing flow whose condition holds, in document order, else the default flow. With one
    /// unconditional outgoing flow it merges: every arriving token passes through.
    /// </summary>
    private void ChooseFlow(Token token, ExclusiveGateway gateway)
    {
        var vars = VariablesOf(token);
        foreach (var flow in model.Outgoing(gateway.Id).Where(f => f.Id != gateway.DefaultFlowId))
        {
            bool holds;
            try
            {
                holds = flow.Condition is null || flow.Condition.EvaluateCondition(vars, FeelContext);
            }
            catch (FeelEvaluationException e)
            {
                RaiseIncident(token.Id, $"condition of {flow.Id} ({flow.Condition!.Text}) failed: {e.Message}");
                return;
            }
            if (holds)
            {
                Take(token, flow);
                return;
            }
        }
        var fallback = model.Outgoing(gateway.Id).FirstOrDefault(f => f.Id == gateway.DefaultFlowId);
        if (fallback is null) RaiseIncident(token.Id, $"no condition of gateway {gateway.Id} holds and it has no default flow");
        else Take(token, fallback);
    }

    /// <summary>
    /// Joining (more than one incoming flow): the token waits until every incoming flow has a waiting token of the same
    /// scope; then one token per incoming flow (the earliest arrived on each) is consumed and one moves on. Later tokens
    /// on the same flow wait for the next firing. Then (or with one incoming flow) it forks onto every outgoing flow.
    /// </summary>
    private void ForkOrJoin(Token token, ParallelGateway gateway)
    {
        var incoming = model.Incoming(gateway.Id).ToList();
        if (incoming.Count > 1)
        {
            token.State = TokenState.Joining;
            // Arrival order is list order among the waiting tokens.
            instance.Tokens.Remove(token);
            instance.Tokens.Add(token);
            var waiting = instance.Tokens.Where(t => t.NodeId == gateway.Id && t.State == TokenState.Joining && t.ParentId == token.ParentId).ToList();
            var chosen = incoming.Select(f => waiting.FirstOrDefault(t => t.ArrivedVia == f.Id)).ToList();
            if (chosen.Any(t => t is null)) return;
            var continuing = chosen.Contains(token) ? token : chosen[0]!;
            foreach (var joined in chosen) if (joined != continuing) instance.Tokens.Remove(joined!);
            Record(HistoryKinds.GatewayJoined, gateway.Id, string.Join(" + ", incoming.Select(f => f.Id)));
            token = continuing;
        }
        Leave(token, gateway);
    }

    /// <summary>
    /// A scope whose remaining tokens all wait at joins can never move again (e.g. a parallel join after an exclusive
    /// split): those tokens are held in incidents instead of waiting silently forever.
    /// </summary>
    private void RaiseDeadlockedJoins()
    {
        foreach (var scope in instance.Tokens.GroupBy(t => t.ParentId).ToList())
        {
            if (!scope.All(t => t.State == TokenState.Joining)) continue;
            foreach (var token in scope)
            {
                var missing = model.Incoming(token.NodeId).Select(f => f.Id)
                    .Where(f => !scope.Any(t => t.NodeId == token.NodeId && t.ArrivedVia == f)).ToList();
                RaiseIncident(token.Id, $"parallel gateway {token.NodeId} waits for a token on {string.Join(", ", missing)} that can no longer arrive (a parallel join after an exclusive split?)");
            }
        }
    }

    /// <summary>The token waits on every event after the gateway; the first to occur takes it (see <see cref="TriggerEvent"/>).</summary>
    private void AwaitFirstEvent(Token token, EventBasedGateway gateway)
    {
        var subscriptions = new List<Bookmark>();
        foreach (var flow in model.Outgoing(gateway.Id))
        {
            Bookmark? subscription = null;
            var ok = model.Node(flow.TargetId) switch
            {
                MessageCatch { Message: { } message } m => TryMessageBookmark(token, m.Id, message, out subscription),
                TimerCatch t => TryTimerBookmark(token, t.Id, t.Name, t.Timer, out subscription),
                _ => false,
            };
            if (!ok) return;
            subscriptions.Add(subscription!);
        }
        token.State = TokenState.Waiting;
        Subscribe(token, subscriptions);
    }
}
