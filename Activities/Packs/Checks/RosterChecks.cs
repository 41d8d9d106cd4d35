using Pipeline.Activities.Classification;
using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Packs.Checks;

/// <summary>
/// Checks the roster's ID numbers (GB 11643; legal working age per profile, R-JZ-1) and the vacancy ratio of
/// the job vacancy list against the trainee count (R-JZ-3 "不少于1:3", ratio from the profile).
/// </summary>
public static class RosterChecks
{
    /// <summary>
    /// Reads the roster pages and the job vacancy list of a pack and checks them: ID findings, a warning when a
    /// roster shows no ID number at all, and the vacancy ratio.
    /// </summary>
    /// <returns>The trainees, the vacancies read (null when none), and the findings.</returns>
    public static (IReadOnlyList<RosterEntry> Roster, int? Vacancies, IReadOnlyList<Finding> Findings) Check(
        IReadOnlyList<ClassifiedPage> pages, PackChecklist checklist, JurisdictionProfile profile, DateOnly asOf)
    {
        var workingAge = profile.WorkingAge is { } age ? (age.Min, age.Max) : ((int, int)?)null;
        var rosterPages = pages.Where(p => p.Section == SectionIds.TraineeRoster).ToList();
        var roster = RosterExtractor.Extract(
            rosterPages.Select(p => (p.Number, p.Page.Text, p.Page.Source == TextSource.Ocr)), asOf, workingAge);
        var findings = IdFindings(roster, checklist, profile).ToList();
        if (rosterPages.Count > 0 && roster.Count == 0)
            findings.Add(new Finding(checklist.Rule, Severities.Warning,
                $"花名册（第 {rosterPages[0].Number} 页起）未能读出任何身份证号码，请人工核对。", rosterPages[0].Number));

        var vacancyPages = pages.Where(p => p.Section == SectionIds.JobVacancyList).ToList();
        int? vacancyPage = vacancyPages.Count > 0 ? vacancyPages[0].Number : null;
        var vacancies = vacancyPage is null ? null : VacancyCounter.Count(vacancyPages.Select(p => p.Page.Text));
        findings.AddRange(VacancyFindings(roster.Count, vacancies, vacancyPage, profile));
        return (roster, vacancies, findings);
    }

    /// <summary>
    /// An error per invalid ID number, at its page; a warning per number OCR could not read reliably. Ages cite the
    /// profile's age rule, everything else the checklist's.
    /// </summary>
    public static IEnumerable<Finding> IdFindings(IReadOnlyList<RosterEntry> roster, PackChecklist checklist, JurisdictionProfile profile)
    {
        foreach (var entry in roster.Where(e => !e.IdValid))
        {
            var who = entry.Name.Length > 0 ? $"学员{entry.Name}" : "一名学员";
            if (entry.Problem == IdNumberProblem.Illegible)
            {
                yield return new Finding(checklist.Rule, Severities.Warning,
                    $"花名册第 {entry.Page} 页：{who}的身份证号码无法准确识别（{entry.IdNumberMasked}），请人工核对原件。", entry.Page);
                continue;
            }
            var (rule, why) = entry.Problem switch
            {
                IdNumberProblem.Format => (checklist.Rule, "格式不对（应为17位数字加1位校验码）"),
                IdNumberProblem.AreaCode => (checklist.Rule, "地区码不存在"),
                IdNumberProblem.BirthDate => (checklist.Rule, "出生日期不是有效日期"),
                IdNumberProblem.Checksum => (checklist.Rule, "校验码错误"),
                IdNumberProblem.WorkingAge => (profile.WorkingAge?.Rule ?? checklist.Rule,
                    $"不在法定劳动年龄内（{profile.WorkingAge?.Min}–{profile.WorkingAge?.Max} 周岁）"),
                _ => (checklist.Rule, entry.Problem.ToString()),
            };
            yield return new Finding(rule, Severities.Error,
                $"花名册第 {entry.Page} 页：{who}的身份证号码 {entry.IdNumberMasked} {why}。", entry.Page);
        }
    }

    /// <summary>
    /// Vacancy ratio finding, when the profile sets a ratio and the pack has both a roster and a vacancy list:
    /// an error when vacancies &lt; ratio × trainees, a warning when the count could not be read.
    /// </summary>
    public static IEnumerable<Finding> VacancyFindings(int trainees, int? vacancies, int? vacancyPage, JurisdictionProfile profile)
    {
        if (profile.VacanciesPerTrainee is not { } ratio || vacancyPage is null || trainees == 0) yield break;
        if (vacancies is null)
        {
            yield return new Finding(ratio.Rule, Severities.Warning,
                $"未能从就业岗位信息统计表读出招聘人数，请人工核对岗位数不少于学员数的 {ratio.Value:0.##} 倍。", vacancyPage);
            yield break;
        }
        var needed = (int)Math.Ceiling(ratio.Value * trainees);
        if (vacancies < needed)
            yield return new Finding(ratio.Rule, Severities.Error,
                $"就业岗位 {vacancies} 个，少于学员 {trainees} 人的 {ratio.Value:0.##} 倍（应不少于 {needed} 个）。", vacancyPage);
    }
}
