using Hangfire.Common;
using Hangfire.States;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// Retries a failed <see cref="ServiceTaskJob"/> by its own settings (arguments <c>tries</c> and <c>backoffMs</c>,
/// taken from the BPMN service task or its activity): the n-th retry after backoff × 2^(n−1), as Hangfire's
/// <c>AutomaticRetry</c> does with fixed numbers. The job itself raises the incident on its last try, so a job never
/// ends in Hangfire's Failed state by running out of tries.
/// </summary>
public sealed class BookmarkRetryAttribute : JobFilterAttribute, IElectStateFilter
{
    public BookmarkRetryAttribute() => Order = 30;

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState failed) return;
        var args = context.BackgroundJob.Job.Args;
        if (args.Count < 7 || args[5] is not int tries || args[6] is not long backoffMs) return;
        var retry = context.GetJobParameter<int>(SchedulingKeys.RetryCountParameter) + 1;
        if (retry >= tries) return;
        context.SetJobParameter(SchedulingKeys.RetryCountParameter, retry);
        var delay = TimeSpan.FromMilliseconds(backoffMs * Math.Pow(2, retry - 1));
        context.CandidateState = new ScheduledState(delay) { Reason = $"try {retry} of {tries} failed ({failed.Exception.Message}); retry in {delay.TotalSeconds:0.#} s" };
    }
}
