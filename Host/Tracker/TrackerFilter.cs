using System.Globalization;

namespace Pipeline.Host.Tracker;

/// <summary>Status values of the tracker's <c>status</c> filter.</summary>
public static class TrackerStatus
{
    /// <summary>The case's instance is running (incidents included).</summary>
    public const string Active = "active";

    /// <summary>Running, with a token held by an incident in the case or one of its stages (child instances).</summary>
    public const string Incident = "incident";

    /// <summary>The case's instance reached its end.</summary>
    public const string Completed = "completed";

    /// <summary>Cancelled by an administrator.</summary>
    public const string Cancelled = "cancelled";

    public static readonly string[] All = [Active, Incident, Completed, Cancelled];
}

/// <summary>
/// The case tracker's filters, as the query string carries them (so a view can be bookmarked): <c>process</c> (the
/// top-level process id, e.g. <c>class-case</c>; empty: every process), <c>jurisdiction</c> (a profile name),
/// <c>institution</c> (<c>host_organisations.id</c>), <c>occupation</c> (exact), <c>stage</c> (an element id of the
/// process where the case waits), <c>step</c> (an element id of a stage's sub-process where one of the case's child
/// instances waits: the drill-down), <c>status</c> (<see cref="TrackerStatus"/>), <c>overdue=true</c> (a waiting user task
/// of the case or its stages is past its due date), <c>from</c> / <c>to</c> (start dates <c>yyyy-MM-dd</c>, inclusive,
/// China Standard Time, UTC+8). Null fields do not filter.
/// </summary>
public sealed record TrackerFilter(
    string? Process = null, string? Jurisdiction = null, string? Institution = null, string? Occupation = null, string? Stage = null,
    string? Status = null, bool Overdue = false, DateOnly? From = null, DateOnly? To = null, string? Step = null)
{
    /// <summary>China Standard Time: the day a case started, as the bureau counts it.</summary>
    public static readonly TimeSpan ChinaOffset = Workflows.Calendar.ChinaTime.Offset;

    /// <summary>Start of <see cref="From"/> (UTC+8) as UTC (PostgreSQL's timestamptz takes UTC only), inclusive.</summary>
    public DateTimeOffset? StartedFrom => From is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime() : null;

    /// <summary>Start of the day after <see cref="To"/> (UTC+8), exclusive.</summary>
    public DateTimeOffset? StartedBefore => To is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime() : null;

    /// <summary>Reads the filters of a query string.</summary>
    /// <exception cref="TrackerInputException">A status, date or overdue value that is not one of the allowed ones, or from after to.</exception>
    public static TrackerFilter Parse(IQueryCollection query)
    {
        string? Text(string name) => query[name].ToString().Trim() is { Length: > 0 } v ? v : null;
        var status = Text("status")?.ToLowerInvariant();
        if (status is not null && !TrackerStatus.All.Contains(status))
            throw new TrackerInputException($"状态「{status}」无效，可选 {string.Join("、", TrackerStatus.All)} (status must be one of {string.Join(", ", TrackerStatus.All)})");
        var overdue = Text("overdue") switch
        {
            null or "false" or "0" => false,
            "true" or "1" => true,
            var other => throw new TrackerInputException($"逾期筛选「{other}」无效，应为 true 或 false (overdue must be true or false)"),
        };
        var filter = new TrackerFilter(Text("process"), Text("jurisdiction"), Text("institution"), Text("occupation"), Text("stage"), status, overdue,
            Date(Text("from"), "from", "开始日期起"), Date(Text("to"), "to", "开始日期止"), Text("step"));
        if (filter.From > filter.To)
            throw new TrackerInputException($"开始日期起 {filter.From:yyyy-MM-dd} 晚于止 {filter.To:yyyy-MM-dd} (from is after to)");
        return filter;
    }

    private static DateOnly? Date(string? text, string name, string zh) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new TrackerInputException($"{zh}「{text}」不是日期，格式 yyyy-MM-dd ({name} must be a date yyyy-MM-dd)");
}

/// <summary>A tracker query the caller got wrong (400, Chinese first).</summary>
public sealed class TrackerInputException(string message) : Exception(message);
