using Pipeline.Workflows.Definitions;

namespace Pipeline.Workflows.Runtime;

/// <summary>BPMN errors (§10.5.4 error events, §13.5.6): thrown by error end events and by jobs, caught by error boundary events.</summary>
public sealed partial class InstanceAdvancer
{
    /// <summary>
    /// The job of a service task ended with a BPMN error (Zeebe's <c>ThrowError</c> command) instead of a result. When an
    /// error boundary event catches it, <paramref name="variables"/> are merged and the instance moves on from there;
    /// otherwise the token is held in an incident and the job bookmark stays, so that a retry runs the job again.
    /// </summary>
    public void ThrowJobError(Bookmark job, string errorCode, string? message, IReadOnlyDictionary<string, object?>? variables)
    {
        ThrowError(TokenById(job.TokenId), errorCode, message, variables);
        Advance();
    }

    /// <summary>
    /// Looks for the nearest catcher, from the token's own activity outwards through its enclosing sub-processes:
    /// an error boundary event with the same error code, else a catch-all one. The catching activity is cancelled with
    /// everything inside it and a token leaves the boundary event. Uncaught, the throwing token gets an incident.
    /// </summary>
    /// <remarks>
    /// In an instance started by a call activity, an error uncaught here is also listed in <see cref="UncaughtErrors"/>
    /// so that the engine offers it to the calling instance (Zeebe's error propagation); if a caller catches it, this
    /// instance is cancelled with its call activity and the incident goes with it.
    /// </remarks>
    private void ThrowError(Token origin, string code, string? message, IReadOnlyDictionary<string, object?>? variables)
    {
        var description = Describe(code, message);
        if (TryCatchError(origin, code, message, variables)) return;
        if (instance.ParentInstanceId is not null) _uncaughtErrors.Add(new ThrownError(code, message, variables));
        RaiseIncident(origin.Id, $"{description} thrown at {origin.NodeId} was not caught: no enclosing activity has an error boundary event for code '{code}' or a catch-all one"
            + (instance.ParentInstanceId is null ? "" : ", here or in the instances that called this one"));
    }

    private static string Describe(string code, string? message) => $"error '{code}'" + (string.IsNullOrEmpty(message) ? "" : $" ({message})");

    /// <summary>The catching part of <see cref="ThrowError"/>: true when an error boundary event caught the error (nothing else changes otherwise but the history).</summary>
    private bool TryCatchError(Token origin, string code, string? message, IReadOnlyDictionary<string, object?>? variables)
    {
        var description = Describe(code, message);
        Record(HistoryKinds.ErrorThrown, origin.NodeId, description);
        for (var candidate = origin; candidate is not null; candidate = Parent(candidate))
        {
            // An instance of a multi-instance activity: the boundary events belong to its multi-instance token.
            if (candidate.LoopCounter is not null) continue;
            var catchers = model.BoundaryEvents(candidate.NodeId).Where(b => b.Trigger is ErrorTrigger).ToList();
            var catcher = catchers.FirstOrDefault(b => b.Trigger is ErrorTrigger { CatchesAll: false, Error.Code: var c } && c == code)
                ?? catchers.FirstOrDefault(b => b.Trigger is ErrorTrigger { CatchesAll: true });
            if (catcher is null) continue;
            Cancel(candidate, $"{description} caught by {catcher.Id}");
            Record(HistoryKinds.ErrorCaught, catcher.Id, $"{description} thrown at {origin.NodeId}");
            if (variables is { Count: > 0 }) SetVariables(variables, HistoryKinds.ErrorCaught, catcher.Id, description);
            var branch = NewToken(catcher.Id, candidate.ParentId);
            instance.Tokens.Add(branch);
            return true;
        }
        return false;
    }
}
