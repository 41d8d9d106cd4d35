namespace Pipeline.Workflows.Activities;

/// <summary>
/// A catalogue activity: takes a typed input record, returns a typed output record and an outcome.
/// Implementations carry <see cref="ActivityAttribute"/>; their input and output records carry
/// <see cref="ActivityInputAttribute"/> / <see cref="ActivityOutputAttribute"/> on properties.
/// </summary>
public interface IActivity<TInput, TOutput>
{
    /// <summary>Runs the activity. Throws on failure; the runtime turns exhausted retries into an incident.</summary>
    Task<ActivityResult<TOutput>> ExecuteAsync(TInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>Result of an activity: the outcome name (one of the declared outcomes) and the output record.</summary>
public sealed record ActivityResult<TOutput>(string Outcome, TOutput Output);

/// <summary>Progress of a long-running activity, e.g. pages OCR'd of a pack.</summary>
public sealed record ActivityProgress(int Done, int Total, string Unit);
