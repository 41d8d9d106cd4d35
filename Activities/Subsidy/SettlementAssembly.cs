using Pipeline.Activities.ClassOpening;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Subsidy;

/// <summary>
/// Builds a class's <see cref="ClassSettlement"/> (补贴结算记录) from what the case gathered: the class data and roster
/// filed at opening, the attended hours of the sign-in sheet, the acceptance reviewer's assessment, and the
/// impersonations and video gaps recorded during training. Trainees are matched to the sheet by masked ID number and
/// name; a trainee missing from the sheet attended 0 hours.
/// </summary>
public static class SettlementAssembly
{
    /// <exception cref="ArgumentException">A name in the assessment or an impersonation is on no roster line, or the roster
    /// has the name twice: the reviewer must say whom they mean (the message names the name, never an ID number).</exception>
    public static ClassSettlement Assemble(
        ClassApplication application, IReadOnlyList<AttendedHours> attendance, AcceptanceAssessment assessment,
        IReadOnlyList<RecordedImpersonation> impersonations, IReadOnlyList<VideoGap> videoGaps)
    {
        var roster = application.Trainees;
        var duplicate = roster.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        var failed = Names(assessment.Failed, roster, "未通过考核");
        var notEmployed = Names(assessment.NotEmployed, roster, "未就业");
        var unverified = Names(assessment.Unverified, roster, "未核实");
        var trainees = roster.Select(t =>
        {
            var masked = IdNumber.Mask(t.IdNumber);
            var hours = attendance.FirstOrDefault(a => a.IdNumberMasked == masked && a.Name == t.Name)
                ?? attendance.FirstOrDefault(a => a.IdNumberMasked == masked);
            return new SettlementTrainee(t.Name, t.IdNumber, t.TargetGroup, hours?.Hours ?? 0,
                Verified: !unverified.Contains(t.Name), Passed: !failed.Contains(t.Name), Employed: !notEmployed.Contains(t.Name));
        }).ToList();
        if (duplicate is not null && (failed.Contains(duplicate.Key) || notEmployed.Contains(duplicate.Key) || unverified.Contains(duplicate.Key)
                                      || impersonations.Any(i => i.Name == duplicate.Key)))
            throw new ArgumentException($"花名册中有两名「{duplicate.Key}」，请在考核结果中注明是哪一位 (two trainees are named {duplicate.Key})");
        return new ClassSettlement
        {
            TrainingMode = application.TrainingMode,
            ApprovedHeadcount = application.Headcount,
            PlannedHours = application.PlannedHours,
            TrainingDays = application.TrainingDays,
            DailyRates = assessment.DailyRates ?? new Dictionary<string, decimal>(),
            Tendered = assessment.Tendered,
            ApprovedAmount = assessment.ApprovedAmount,
            Trainees = trainees,
            VideoGaps = videoGaps,
            Impersonations = impersonations.Select(i => new Impersonation(
                roster.FirstOrDefault(t => t.Name == i.Name)?.IdNumber
                    ?? throw new ArgumentException($"冒名顶替记录中的「{i.Name}」不在花名册上 ({i.Name} is not on the roster)"), i.Date)).ToList(),
        };
    }

    private static HashSet<string> Names(IReadOnlyList<string>? names, IReadOnlyList<Trainee> roster, string what)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names ?? [])
        {
            if (!roster.Any(t => t.Name == name))
                throw new ArgumentException($"{what}名单中的「{name}」不在花名册上 ({name} is not on the roster)");
            set.Add(name);
        }
        return set;
    }
}
