using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Runtime;

/// <summary>A BPMN error an instance threw and did not catch (BPMN 2.0 §10.5.4), offered to the instance that called it.</summary>
/// <param name="Code">The <c>errorCode</c>.</param>
/// <param name="Message">The error message, if any.</param>
/// <param name="Variables">Variables thrown with it (a job error's), merged where it is caught; null when none.</param>
public sealed record ThrownError(string Code, string? Message, IReadOnlyDictionary<string, object?>? Variables);

/// <summary>
/// Call activities (BPMN 2.0 §10.3.6, Zeebe's <c>zeebe:calledElement</c>): the token waits on a
/// <see cref="BookmarkKind.CallActivity"/> bookmark that names the child instance to start; the engine starts it after
/// the commit and resumes the bookmark when it completes (<see cref="CompleteCall"/>) or offers it the child's
/// uncaught errors (<see cref="CatchCalledError"/>). Cancelling the token removes the bookmark, and the engine then
/// cancels the child.
/// </summary>
public sealed partial class InstanceAdvancer
{
    private readonly List<ThrownError> _uncaughtErrors = [];

    /// <summary>Errors this step threw and nothing in the instance caught; for an instance with a parent, the engine offers them to the callers.</summary>
    public IReadOnlyList<ThrownError> UncaughtErrors => _uncaughtErrors;

    /// <summary>
    /// Evaluates the called process id (literal or FEEL, which must give a non-empty string) and the input mappings,
    /// arms the boundary events, and waits. The child gets every variable the token sees when
    /// <see cref="CallActivity.PropagateAllParentVariables"/>, overlaid by the inputs; only the inputs otherwise.
    /// </summary>
    private void EnterCallActivity(Token token, CallActivity call)
    {
        var processId = call.CalledProcessId!;
        if (call.CalledProcessIdExpression is { } expression)
        {
            if (!TryEvaluate(token, expression, "called process id", out var value)) return;
            if (value is not string { Length: > 0 } id)
            {
                RaiseIncident(token.Id, $"called process id ({expression.Text}) must be a non-empty string, not {FeelTypes.Describe(value)}");
                return;
            }
            processId = id;
        }
        if (!TryEvaluateInputs(token, call.Inputs, out var inputs) || !TryPrepareBoundaries(token, call, out var boundaries)) return;
        var handed = call.PropagateAllParentVariables
            ? new Dictionary<string, object?>(VariablesOf(token), StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in inputs) handed[name] = value;
        var childId = Guid.CreateVersion7(time.GetUtcNow());
        Wait(token, BookmarkKind.CallActivity, processId, childId.ToString("D"), [], handed);
        Subscribe(token, boundaries);
    }

    /// <summary>
    /// The child instance of <paramref name="call"/> completed with <paramref name="childVariables"/>: with output
    /// mappings, their targets (evaluated over the child's variables) are merged; without, every child variable when
    /// <see cref="CallActivity.PropagateAllChildVariables"/>, none otherwise. Then the call activity completes.
    /// </summary>
    public void CompleteCall(Bookmark call, IReadOnlyDictionary<string, object?> childVariables)
    {
        var node = model.Node(call.NodeId) as CallActivity;
        var propagated = node is { Outputs.Count: 0, PropagateAllChildVariables: false } ? new Dictionary<string, object?>() : childVariables;
        Resume(call, propagated, HistoryKinds.CallActivityCompleted);
    }

    /// <summary>
    /// Offers an error the child of <paramref name="call"/> did not catch to the call activity and its enclosing
    /// scopes, as if the call activity had thrown it. True when an error boundary event caught it (the call activity
    /// was cancelled and the instance advanced); false when nothing here catches it (the instance is unchanged apart
    /// from history this step's caller discards).
    /// </summary>
    public bool CatchCalledError(Bookmark call, ThrownError error)
    {
        if (!TryCatchError(TokenById(call.TokenId), error.Code, error.Message, error.Variables)) return false;
        Advance();
        return true;
    }
}
