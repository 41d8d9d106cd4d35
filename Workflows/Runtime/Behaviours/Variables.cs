using System.Text.Json;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Runtime;

/// <summary>Variables: what an expression sees for a token, I/O mappings, and recording changes in the history.</summary>
public sealed partial class InstanceAdvancer
{
    /// <summary>What expressions evaluate against besides variables: the engine's clock behind <c>now()</c> and <c>today()</c>, the national working-day calendar.</summary>
    private FeelEvaluationContext FeelContext => _feelContext ??= new FeelEvaluationContext { Clock = time };

    private FeelEvaluationContext? _feelContext;

    /// <summary>
    /// The variables an expression evaluated for <paramref name="token"/> sees: the instance's variables, overlaid by
    /// the local variables of its enclosing tokens (outermost first) and its own.
    /// </summary>
    private IReadOnlyDictionary<string, object?> VariablesOf(Token token)
    {
        var layers = new List<Dictionary<string, object?>>();
        for (var t = token; t is not null; t = Parent(t))
            if (t.Variables is { Count: > 0 } locals) layers.Add(locals);
        if (layers.Count == 0) return instance.Variables;
        var scope = new Dictionary<string, object?>(instance.Variables, StringComparer.Ordinal);
        for (var i = layers.Count - 1; i >= 0; i--)
            foreach (var (name, value) in layers[i]) scope[name] = value;
        return scope;
    }

    private bool TryEvaluateInputs(Token token, IReadOnlyList<IoMapping> mappings, out IReadOnlyDictionary<string, object?> inputs)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        inputs = result;
        foreach (var mapping in mappings)
        {
            if (!TryEvaluate(token, mapping.Source, $"input '{mapping.Target}'", out var value)) return false;
            result[mapping.Target] = value;
        }
        return true;
    }

    /// <summary>Output mappings evaluate against the result layered over the token's variables; without mappings the result is merged whole.</summary>
    private bool TryMapOutputs(Token token, IReadOnlyList<IoMapping> mappings, IReadOnlyDictionary<string, object?> result, out IReadOnlyDictionary<string, object?> mapped)
    {
        var converted = result.ToDictionary(kv => kv.Key, kv => FeelValues.From(kv.Value), StringComparer.Ordinal);
        mapped = converted;
        if (mappings.Count == 0) return true;
        var scope = new Dictionary<string, object?>(VariablesOf(token), StringComparer.Ordinal);
        foreach (var (key, value) in converted) scope[key] = value;
        var output = new Dictionary<string, object?>(StringComparer.Ordinal);
        mapped = output;
        foreach (var mapping in mappings)
        {
            try
            {
                output[mapping.Target] = mapping.Source.Evaluate(scope, FeelContext);
            }
            catch (FeelEvaluationException e)
            {
                RaiseIncident(token.Id, $"output '{mapping.Target}' ({mapping.Source.Text}) failed: {e.Message}");
                return false;
            }
        }
        return true;
    }

    private bool TryEvaluate(Token token, FeelExpression expression, string what, out object? value)
    {
        try
        {
            value = expression.Evaluate(VariablesOf(token), FeelContext);
            return true;
        }
        catch (FeelEvaluationException e)
        {
            value = null;
            RaiseIncident(token.Id, $"{what} ({expression.Text}) failed: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// Sets instance variables from outside the flow (an administrator fixing the data an incident failed on), with
    /// a <see cref="HistoryKinds.VariablesUpdated"/> entry holding the variables before and after.
    /// </summary>
    /// <exception cref="InvalidOperationException">The instance is not active.</exception>
    public void UpdateVariables(IReadOnlyDictionary<string, object?> changes)
    {
        if (instance.Status != InstanceStatus.Active) throw new InvalidOperationException($"instance {instance.Id} is {instance.Status}, not active");
        SetVariables(changes, HistoryKinds.VariablesUpdated, null, string.Join(", ", changes.Keys.Order(StringComparer.Ordinal)));
    }

    private void SetVariables(IReadOnlyDictionary<string, object?> changes, string kind, string? nodeId, string? detail)
    {
        if (changes.Count == 0)
        {
            Record(kind, nodeId, detail);
            return;
        }
        var before = Json(instance.Variables);
        foreach (var (key, value) in changes) instance.Variables[key] = FeelValues.From(value);
        Record(kind, nodeId, detail, before, Json(instance.Variables));
    }

    private void Record(string kind, string? nodeId, string? detail, string? before = null, string? after = null) =>
        _history.Add(new HistoryEntry(instance.Id, ++instance.HistorySequence, time.GetUtcNow(), actor, kind, nodeId, detail, before, after));

    /// <summary>Variables as JSON for the audit trail, Chinese kept readable.</summary>
    private static string Json(IReadOnlyDictionary<string, object?> variables) =>
        JsonSerializer.Serialize(variables.ToDictionary(kv => kv.Key, kv => FeelValues.ToJsonNode(kv.Value)), HistoryJson);

    private static readonly JsonSerializerOptions HistoryJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
