using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Runtime;

/// <summary>
/// Multi-instance activities (BPMN 2.0 §13.3.7): a multi-instance token (a new token per activation, in
/// <see cref="TokenState.Scope"/>) holds the counters and the output collection; its child tokens are the instances.
/// </summary>
public sealed partial class InstanceAdvancer
{
    /// <summary>Most instances one multi-instance activity may start.</summary>
    public const int MaxLoopInstances = 10_000;

    private static readonly string[] CounterNames = ["nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances"];

    private void EnterMultiInstance(Token token, FlowNode node)
    {
        var loop = node.Loop!;
        List<object?> items;
        if (loop.InputCollection is { } collection)
        {
            if (!TryEvaluate(token, collection, "multi-instance input collection", out var value)) return;
            if (value is not IReadOnlyList<object?> list || list.Count > MaxLoopInstances)
            {
                RaiseIncident(token.Id, $"multi-instance input collection ({collection.Text}) must be a list of at most {MaxLoopInstances} items, not {FeelTypes.Describe(value)}");
                return;
            }
            items = [.. list];
        }
        else
        {
            if (!TryEvaluate(token, loop.Cardinality!, "loop cardinality", out var value)) return;
            if (value is not decimal n || n < 0 || n > MaxLoopInstances || n != decimal.Truncate(n))
            {
                RaiseIncident(token.Id, $"loop cardinality ({loop.Cardinality!.Text}) must be a whole number from 0 to {MaxLoopInstances}, not {FeelTypes.Describe(value)}");
                return;
            }
            items = Enumerable.Repeat<object?>(null, (int)n).ToList();
        }
        if (!TryPrepareBoundaries(token, node, out var boundaries)) return;

        // A new token per activation, so that "this activation" (e.g. for co-signing) has an identity of its own.
        var body = new Token
        {
            Id = Guid.NewGuid(), NodeId = node.Id, ParentId = token.ParentId, State = TokenState.Scope,
            LoopItems = items, Variables = new Dictionary<string, object?>(StringComparer.Ordinal),
        };
        instance.Tokens[instance.Tokens.IndexOf(token)] = body;
        if (loop.OutputCollection is { } output) body.Variables[output] = new object?[items.Count];
        SetCounters(body, items.Count, 0, 0);
        Record(HistoryKinds.MultiInstanceStarted, node.Id, $"{items.Count} instance(s), {(loop.IsSequential ? "sequential" : "parallel")}");
        if (items.Count == 0)
        {
            CompleteMultiInstance(body, node, "no instances");
            return;
        }
        Subscribe(body, boundaries);
        for (var i = 1; i <= (loop.IsSequential ? 1 : items.Count); i++) StartLoopInstance(body, node, i);
    }

    private void StartLoopInstance(Token body, FlowNode node, int index)
    {
        var locals = new Dictionary<string, object?>(StringComparer.Ordinal) { ["loopCounter"] = (decimal)index };
        if (node.Loop!.InputElement is { } element) locals[element] = body.LoopItems![index - 1];
        instance.Tokens.Add(new Token { Id = Guid.NewGuid(), NodeId = node.Id, ParentId = body.Id, LoopCounter = index, Variables = locals });
        var (n, active, completed) = Counters(body);
        SetCounters(body, n, active + 1, completed);
    }

    /// <summary>
    /// One instance completed: its output element goes into the output collection at its index; then the completion
    /// condition decides whether the remaining instances are cancelled. When all are done (or cancelled) the activity
    /// completes; a sequential one otherwise starts its next instance.
    /// </summary>
    private void CompleteLoopInstance(Token instanceToken, FlowNode node)
    {
        var loop = node.Loop!;
        var body = TokenById(instanceToken.ParentId!.Value);
        var (n, active, completed) = Counters(body);
        active--;
        completed++;

        object? element = null;
        if (loop.OutputElement is { } outputElement && !TryEvaluate(instanceToken, outputElement, "multi-instance output element", out element)) return;
        var conditionMet = false;
        if (loop.CompletionCondition is { } condition)
        {
            var scope = new Dictionary<string, object?>(VariablesOf(instanceToken), StringComparer.Ordinal);
            foreach (var (name, value) in CounterVariables(n, active, completed)) scope[name] = value;
            try
            {
                conditionMet = condition.EvaluateCondition(scope, FeelContext);
            }
            catch (FeelEvaluationException e)
            {
                RaiseIncident(instanceToken.Id, $"completion condition ({condition.Text}) failed: {e.Message}");
                return;
            }
        }

        RemoveBookmarksOf(instanceToken.Id);
        instance.Tokens.Remove(instanceToken);
        if (loop.OutputCollection is { } output && body.Variables![output] is IReadOnlyList<object?> collected)
        {
            var updated = collected.ToArray();
            updated[instanceToken.LoopCounter!.Value - 1] = FeelValues.From(element);
            body.Variables[output] = updated;
        }
        SetCounters(body, n, active, completed);

        if (conditionMet || completed == n)
        {
            foreach (var other in instance.Tokens.Where(t => t.ParentId == body.Id).ToList())
                Cancel(other, $"completion condition of {node.Id} ({loop.CompletionCondition!.Text}) met");
            CompleteMultiInstance(body, node, conditionMet ? $"completion condition met after {completed} of {n}" : $"{completed} of {n} completed");
        }
        else if (loop.IsSequential)
            StartLoopInstance(body, node, completed + 1);
    }

    /// <summary>The output collection becomes a process variable and the multi-instance token leaves the activity.</summary>
    private void CompleteMultiInstance(Token body, FlowNode node, string detail)
    {
        if (node.Loop!.OutputCollection is { } output)
            SetVariables(new Dictionary<string, object?> { [output] = body.Variables![output] }, HistoryKinds.MultiInstanceCompleted, node.Id, detail);
        else
            Record(HistoryKinds.MultiInstanceCompleted, node.Id, detail);
        Leave(body, node);
    }

    private static (int Instances, int Active, int Completed) Counters(Token body) =>
        ((int)(decimal)body.Variables![CounterNames[0]]!, (int)(decimal)body.Variables[CounterNames[1]]!, (int)(decimal)body.Variables[CounterNames[2]]!);

    private static void SetCounters(Token body, int instances, int active, int completed)
    {
        foreach (var (name, value) in CounterVariables(instances, active, completed)) body.Variables![name] = value;
    }

    /// <summary>The counters under their BPMN names (<c>nrOf…</c>) and Zeebe's (<c>numberOf…</c>).</summary>
    private static IEnumerable<(string, object?)> CounterVariables(int instances, int active, int completed)
    {
        yield return ("nrOfInstances", (decimal)instances);
        yield return ("nrOfActiveInstances", (decimal)active);
        yield return ("nrOfCompletedInstances", (decimal)completed);
        yield return ("numberOfInstances", (decimal)instances);
        yield return ("numberOfActiveInstances", (decimal)active);
        yield return ("numberOfCompletedInstances", (decimal)completed);
    }
}
