using Pipeline.Workflows.Calendar;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Cases;

/// <summary>
/// What a case waits for now, anywhere in it (its stages too), with its time limit in Chinese working days (承诺时限 /
/// 已用时, as government service portals show them). <paramref name="Party"/>: who must act, <c>institution</c> (a
/// corrected pack) or <c>bureau</c> (a task of the roles in <paramref name="Roles"/>).
/// </summary>
/// <param name="Since">When the wait began (UTC).</param>
/// <param name="DueAt">The task's due date (UTC), when it has one; no seed sets a time limit for the others.</param>
/// <param name="PromisedWorkingDays">Working days from the day it began to the due day (the start day not counted); null without a due date.</param>
/// <param name="UsedWorkingDays">Working days from the day it began to today (China time).</param>
/// <param name="RemainingWorkingDays">Working days from today to the due day; negative when overdue by that many; null without a due date.</param>
public sealed record CaseDeadline(
    string Party, string Name, string NodeId, IReadOnlyList<string> Roles, DateTimeOffset Since, DateTimeOffset? DueAt,
    int? PromisedWorkingDays, int UsedWorkingDays, int? RemainingWorkingDays);

/// <summary>Working-day arithmetic of <see cref="CaseDeadline"/> on the national calendar (<see cref="WorkingDayCalendar.China"/>).</summary>
public static class CaseDeadlines
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The user tasks and corrected-pack waits of <paramref name="instances"/> (a case and its stages), earliest due first.</summary>
    public static IReadOnlyList<CaseDeadline> Of(IEnumerable<ProcessInstance> instances, DateTimeOffset now) =>
        instances.SelectMany(i => i.Bookmarks)
            .Where(b => b.Kind == BookmarkKind.UserTask || (b.Kind == BookmarkKind.Message && b.Name == CaseUploads.ResubmittedMessage))
            .Select(b => Deadline(b, now))
            .OrderBy(d => d.DueAt ?? DateTimeOffset.MaxValue).ThenBy(d => d.Since)
            .ToList();

    /// <summary>Working days from the day of <paramref name="from"/> to the day of <paramref name="to"/> (China dates); null outside the calendar.</summary>
    public static int? WorkingDays(DateTimeOffset from, DateTimeOffset to)
    {
        try
        {
            return WorkingDayCalendar.China.WorkingDaysBetween(Day(from), Day(to));
        }
        catch (CalendarRangeException)
        {
            return null;
        }
    }

    private static CaseDeadline Deadline(Bookmark b, DateTimeOffset now)
    {
        var institution = b.Kind == BookmarkKind.Message;
        return new CaseDeadline(institution ? "institution" : "bureau", institution ? "补正材料" : b.Name, b.NodeId, b.CandidateGroups, b.CreatedAt, b.DueAt,
            b.DueAt is { } due ? WorkingDays(b.CreatedAt, due) : null, WorkingDays(b.CreatedAt, now) ?? 0,
            b.DueAt is { } end ? WorkingDays(now, end) : null);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(China).DateTime);
}
