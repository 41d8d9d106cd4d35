using System.Globalization;
using Pipeline.Workflows.Activities;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// Where a job stands, as the case view and <c>GET /api/jobs</c> show it.
/// </summary>
/// <param name="BookmarkId">The job bookmark.</param>
/// <param name="InstanceId">Its process instance.</param>
/// <param name="JobType">Task type, e.g. <c>pack.check</c>.</param>
/// <param name="State"><c>running</c> (a node is executing it), <c>retrying</c> (a try failed; the next is due at
/// <paramref name="NextTryAt"/>) or <c>queued</c> (waiting for a free worker).</param>
/// <param name="Try">1 for the first try, n for the n-th.</param>
/// <param name="Percent">0–100 while running, when the activity reports progress.</param>
/// <param name="Done">Units done (pages for <c>pack.check</c>).</param>
/// <param name="Total">Units in all.</param>
/// <param name="Unit">What is counted (<c>pages</c>).</param>
/// <param name="Node">The job server running it (a Hangfire server id: host, process, server).</param>
public sealed record JobProgress(
    Guid BookmarkId, Guid InstanceId, string JobType, string State, int Try, int? Percent, int? Done, int? Total, string? Unit,
    DateTimeOffset? NextTryAt, string? Node)
{
    /// <summary>The stored progress message for <paramref name="progress"/>: <c>"12/24 pages"</c>.</summary>
    public static string Format(ActivityProgress progress) =>
        string.Create(CultureInfo.InvariantCulture, $"{progress.Done}/{progress.Total} {progress.Unit}");

    /// <summary>Reads a message written by <see cref="Format"/>; null parts when it is not one.</summary>
    public static (int? Done, int? Total, string? Unit) Parse(string? message)
    {
        if (message is null) return (null, null, null);
        var space = message.IndexOf(' ', StringComparison.Ordinal);
        var counts = (space < 0 ? message : message[..space]).Split('/');
        if (counts.Length != 2
            || !int.TryParse(counts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var done)
            || !int.TryParse(counts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var total))
            return (null, null, null);
        return (done, total, space < 0 ? null : message[(space + 1)..]);
    }
}
