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
    /// <summary>
    /// The user tasks and pack waits of <paramref name="instances"/> (a case and its stages), earliest due first. A pack
    /// wait is named by its element (等待上传签到表 → 上传签到表), the name of the step the institution must take.
    /// </summary>
    /// <param name="elementName">The name of an element of an instance's definition, or null.</param>
    public static IReadOnlyList<CaseDeadline> Of(IEnumerable<ProcessInstance> instances, DateTimeOffset now, Func<ProcessInstance, string, string?> elementName) =>
        instances.SelectMany(i => i.Bookmarks.Select(b => (Instance: i, Bookmark: b)))
            .Where(x => x.Bookmark.Kind == BookmarkKind.UserTask || (x.Bookmark.Kind == BookmarkKind.Message && x.Bookmark.Name == CaseUploads.ResubmittedMessage))
            .Select(x => Deadline(x.Bookmark, now, elementName(x.Instance, x.Bookmark.NodeId)))
            .OrderBy(d => d.DueAt ?? DateTimeOffset.MaxValue).ThenBy(d => d.Since)
            .ToList();

    /// <summary>What the institution must do for a pack wait, from its element's name: 等待机构补正材料 → 补正材料.</summary>
    public static string PackStep(string? elementName)
    {
        var name = elementName ?? "";
        if (name.StartsWith("等待", StringComparison.Ordinal)) name = name[2..];
        if (name.StartsWith("机构", StringComparison.Ordinal)) name = name[2..];
        return name.Length > 0 ? name : "补正材料";
    }

    /// <summary>Working days from the day of <paramref name="from"/> to the day of <paramref name="to"/> (China dates); null outside the calendar.</summary>
    public static int? WorkingDays(DateTimeOffset from, DateTimeOffset to)
    {
        try
        {
            return WorkingDayCalendar.China.WorkingDaysBetween(ChinaTime.Day(from), ChinaTime.Day(to));
        }
        catch (CalendarRangeException)
        {
            return null;
        }
    }

    private static CaseDeadline Deadline(Bookmark b, DateTimeOffset now, string? elementName)
    {
        var institution = b.Kind == BookmarkKind.Message;
        return new CaseDeadline(institution ? "institution" : "bureau", institution ? PackStep(elementName) : b.Name, b.NodeId, b.CandidateGroups, b.CreatedAt, b.DueAt,
            b.DueAt is { } due ? WorkingDays(b.CreatedAt, due) : null, WorkingDays(b.CreatedAt, now) ?? 0,
            b.DueAt is { } end ? WorkingDays(now, end) : null);
    }
}
