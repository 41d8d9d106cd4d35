using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Supervision.FollowUp;

/// <summary>One class's follow-up as it stands.</summary>
/// <param name="ClassEnd">The last day of training.</param>
/// <param name="TraineeCount">Trainees of the class, the base of the follow-up share.</param>
/// <param name="AsOf">The day the check is made: months and deadlines not over by then are not yet missed.</param>
/// <param name="WorkBased">The class is 以工代训 (share <c>followUp.rateWorkBased</c>).</param>
/// <param name="Rate">Share in % where the profile sets none, or to raise it; with neither, the sample size is not checked.</param>
/// <param name="StartUps">Trainees who started a business, with the date.</param>
public sealed record FollowUpCase(DateOnly ClassEnd, int TraineeCount, DateOnly AsOf, bool WorkBased = false, decimal? Rate = null,
    IReadOnlyList<StartUp>? StartUps = null);

/// <summary>A start-up's month and whether a trainee was reached in it.</summary>
/// <param name="Trainee">The trainee, masked where it is an identity number.</param>
public sealed record StartUpMonth(string Trainee, int Month, DateOnly From, DateOnly DueBy, bool Contacted);

/// <summary>What <see cref="FollowUpRules.Check"/> found.</summary>
/// <param name="Required">Least trainees to reach (⌈share × trainees⌉), null where no share applies.</param>
/// <param name="Reached">Distinct trainees reached after the class ended and by the deadline.</param>
/// <param name="DueBy">The deadline of the follow-up, null where the profile sets none.</param>
/// <param name="StartUpMonths">Each start-up's months with their due dates.</param>
/// <param name="Findings">Findings citing their rules; identities masked.</param>
public sealed record FollowUpReport(int? Required, int Reached, DateOnly? DueBy, IReadOnlyList<StartUpMonth> StartUpMonths, IReadOnlyList<Finding> Findings);

/// <summary>
/// Checks a class's follow-up contacts: the share of trainees reached (GL 10 %, 30 % for 以工代训, R-GL-11), calls
/// within the time after training (JZ 6 months, R-JZ-6), and a monthly contact for each trainee who started a business
/// (GL 6 months, R-GL-7). Contacts count when the trainee was reached, on or after the class's end.
/// </summary>
public static class FollowUpRules
{
    /// <summary>Checks <paramref name="records"/> of the class <paramref name="followUp"/> describes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative trainee count; a rate out of range or below the profile's.</exception>
    public static FollowUpReport Check(FollowUpCase followUp, IReadOnlyList<FollowUpRecord> records, JurisdictionProfile profile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(followUp.TraineeCount);
        var findings = new List<Finding>();
        var due = FollowUpSchedule.DueBy(followUp.ClassEnd, profile);
        var shareKey = FollowUpSchedule.ShareKey(followUp.WorkBased);
        var share = followUp.Rate is not null || profile.RuleNumber(shareKey) is not null
            ? FollowUpSchedule.Share(profile, followUp.WorkBased, followUp.Rate) : null;
        var rule = share?.Rule ?? due?.Rule ?? profile.RuleNumber(ParameterKeys.StartUpFollowUpMonths)?.Rule ?? shareKey;

        foreach (var early in records.Where(r => r.Date < followUp.ClassEnd))
            findings.Add(new Finding(rule, Severities.Warning,
                $"{Who(early.Trainee)}的回访 {early.Date:yyyy-MM-dd} 早于培训结束 {followUp.ClassEnd:yyyy-MM-dd}，不计入回访", null));
        if (due is not null)
            foreach (var late in records.Where(r => r.Date > due.DueBy))
                findings.Add(new Finding(due.Rule, Severities.Error,
                    $"{Who(late.Trainee)}的回访 {late.Date:yyyy-MM-dd} 晚于截止日 {due.DueBy:yyyy-MM-dd}（培训结束 {followUp.ClassEnd:yyyy-MM-dd} 后规定期限内）", null));

        var reached = records
            .Where(r => r.Reached && r.Date >= followUp.ClassEnd && (due is null || r.Date <= due.DueBy))
            .Select(r => r.Trainee.Trim()).Distinct(StringComparer.Ordinal).Count();
        int? required = share?.Of(followUp.TraineeCount);
        if (share is not null && reached < required)
        {
            var open = due is not null && followUp.AsOf <= due.DueBy;
            findings.Add(new Finding(rule, open ? Severities.Warning : Severities.Error,
                $"回访接通 {reached} 人，少于规定的 {required} 人（{share.Basis(followUp.TraineeCount)}）{(open ? $"；截止 {due!.DueBy:yyyy-MM-dd}，尚可补访" : "")}", null));
        }

        var months = new List<StartUpMonth>();
        foreach (var startUp in followUp.StartUps ?? [])
        {
            var trainee = startUp.Trainee.Trim();
            foreach (var month in FollowUpSchedule.StartUpContacts(startUp.Date, profile))
            {
                var contacted = records.Any(r => r.Reached && r.Trainee.Trim() == trainee && r.Date >= month.From && r.Date <= month.DueBy);
                months.Add(new StartUpMonth(SensitiveText.Mask(trainee), month.Month, month.From, month.DueBy, contacted));
                if (!contacted && month.DueBy < followUp.AsOf)
                    findings.Add(new Finding(month.Rule, Severities.Error,
                        $"{Who(trainee)}创业后第 {month.Month} 个月（{month.From:yyyy-MM-dd} 至 {month.DueBy:yyyy-MM-dd}）没有跟踪服务记录（每月至少一次）", null));
            }
        }
        return new FollowUpReport(required, reached, due?.DueBy, months, findings);
    }

    private static string Who(string trainee) => $"学员「{SensitiveText.Mask(trainee.Trim())}」";
}
