using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rosters;
using Pipeline.Workflows.Calendar;

namespace Pipeline.Activities.ClassOpening;

/// <summary>
/// The checks a bureau makes of a class opening's data before approving it, each applied only where the case's
/// jurisdiction profile sets its rule, each finding citing that jurisdiction's rule id: lead time (R-GL-3, R-JZ-3,
/// R-WS-5), occupation standards (R-YN-8), licensed occupation (R-GL-1), entrepreneurship classes (R-GL-7), distinct
/// theory and practical teachers (R-YN-6), online hours (R-YN-4), practical groups and theory room (R-WS-7, R-WS-8),
/// trainees of working age and in a target group (R-JZ-1). Pure: no clock, no I/O.
/// </summary>
public static class ClassOpeningRules
{
    /// <summary>Checks <paramref name="application"/> against <paramref name="profile"/>.</summary>
    /// <param name="licensedOccupations">The institution's licensed occupations (R-GL-1), null when not known.</param>
    /// <returns>The findings (errors refuse the opening) and the latest filing date when a lead time applies.</returns>
    /// <exception cref="ArgumentException">The class ends before it starts.</exception>
    public static (IReadOnlyList<Finding> Findings, DateOnly? LatestFiling) Check(
        ClassApplication application, JurisdictionProfile profile, WorkingDayCalendar calendar, IReadOnlyList<string>? licensedOccupations = null)
    {
        if (application.EndDate < application.StartDate)
            throw new ArgumentException($"结业日期 {application.EndDate:yyyy-MM-dd} 早于开班日期 {application.StartDate:yyyy-MM-dd}，请核对培训期限 (the class ends before it starts)", nameof(application));
        var findings = new List<Finding>();
        var latest = LeadTimeFindings(application, profile, calendar, findings);
        Standards(application, profile, findings);
        Licence(application, profile, licensedOccupations, findings);
        Entrepreneurship(application, profile, findings);
        Teachers(application, profile, findings);
        Premises(application, profile, findings);
        TraineeFindings(application, profile, findings);
        return (findings, latest);
    }

    private static DateOnly? LeadTimeFindings(ClassApplication application, JurisdictionProfile profile, WorkingDayCalendar calendar, List<Finding> findings)
    {
        if (LeadTime.For(application, profile) is not { } lead) return null;
        DateOnly latest;
        try
        {
            latest = LeadTime.LatestFiling(application.StartDate, lead, calendar);
        }
        catch (CalendarRangeException e)
        {
            findings.Add(Error(lead.Rule, $"开班日期 {application.StartDate:yyyy-MM-dd} 超出工作日历范围，无法计算提前期限（{e.Message}）。"));
            return null;
        }
        if (application.FiledOn > latest)
        {
            var unit = lead.Unit == ParameterUnits.WorkingDays ? "个工作日" : "日";
            findings.Add(Error(lead.Rule,
                $"开班申请应于开班前 {lead.Count}{unit}提交（最迟 {latest:yyyy-MM-dd}），本班 {application.FiledOn:yyyy-MM-dd} 提交、{application.StartDate:yyyy-MM-dd} 开班，提前期不足。"));
        }
        return latest;
    }

    private static void Standards(ClassApplication application, JurisdictionProfile profile, List<Finding> findings)
    {
        if (profile.Find(ParameterKeys.StandardsRequired) is not { Flag: true } rule) return;
        var s = application.Standards;
        var absent = new List<string>();
        if (string.IsNullOrWhiteSpace(s?.TrainingStandard)) absent.Add("培训标准");
        if (string.IsNullOrWhiteSpace(s?.EvaluationStandard)) absent.Add("评价标准");
        if (string.IsNullOrWhiteSpace(s?.Evaluator)) absent.Add("评价考核机构");
        if (absent.Count > 0)
            findings.Add(Error(rule.Rule, $"职业（工种）「{application.Occupation}」无{string.Join("、", absent)}，不得批准开班。"));
    }

    private static void Licence(ClassApplication application, JurisdictionProfile profile, IReadOnlyList<string>? licensed, List<Finding> findings)
    {
        if (profile.Find(ParameterKeys.LicensedOccupationsOnly) is not { Flag: true } rule || licensed is null) return;
        if (!licensed.Contains(application.Occupation, StringComparer.Ordinal))
            findings.Add(Error(rule.Rule, $"「{application.Occupation}」不在本机构办学许可的职业（工种）范围内（许可：{(licensed.Count == 0 ? "无" : string.Join("、", licensed))}），不得超范围培训。"));
    }

    private static void Entrepreneurship(ClassApplication application, JurisdictionProfile profile, List<Finding> findings)
    {
        if (application.Kind != ClassKinds.Entrepreneurship) return;
        if (profile.Find(ParameterKeys.EntrepreneurshipMinTeachers) is { } min)
        {
            var teachers = application.Teachers.Select(t => t.Name).Distinct().Count();
            if (teachers < min.Count)
                findings.Add(Error(min.Rule, $"创业培训每期应安排不少于 {min.Count} 名老师上课，本班 {teachers} 名。"));
        }
        if (profile.Find(ParameterKeys.EntrepreneurshipMaxTrainees) is { } max)
        {
            var trainees = Math.Max(application.Headcount, application.Trainees.Count);
            if (trainees > max.Count)
                findings.Add(Error(max.Rule, $"创业培训每班学员人数不得超过 {max.Count} 人，本班 {trainees} 人。"));
        }
    }

    private static void Teachers(ClassApplication application, JurisdictionProfile profile, List<Finding> findings)
    {
        if (profile.Find(ParameterKeys.DistinctTeachers) is not { Flag: true } rule) return;
        var theory = application.Teachers.Where(t => t.Teaches is "theory" or "both").Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var practical = application.Teachers.Where(t => t.Teaches is "practical" or "both").Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in theory.Intersect(practical).Order(StringComparer.Ordinal))
            findings.Add(Error(rule.Rule, $"理论教师和实操教师不得由同一人担任：{name} 同时担任理论和实操教学。"));
    }

    private static void Premises(ClassApplication application, JurisdictionProfile profile, List<Finding> findings)
    {
        if (application.Online && profile.Find(ParameterKeys.OnlineMaxHoursPerDay) is { } hours
            && application.OnlineHoursPerDay is { } perDay && perDay > hours.Number)
            findings.Add(Error(hours.Rule, $"线上培训当日累计时长不超过 {hours.Number:0.##} 小时，本班计划每日 {perDay:0.##} 小时。"));
        if (profile.Find(ParameterKeys.PracticalGroupMax) is { } group)
        {
            if (application.PracticalGroupSize is not { } size)
                findings.Add(Error(group.Rule, $"未填写实操分组人数（每组学员不得超过 {group.Count} 人）。"));
            else if (size > group.Count)
                findings.Add(Error(group.Rule, $"实操培训每组学员不得超过 {group.Count} 人，本班每组 {size} 人。"));
        }
        if (profile.Find(ParameterKeys.TheoryRoomMinArea) is { } area)
        {
            if (application.TheoryRoomArea is not { } m2)
                findings.Add(Error(area.Rule, $"未填写理论教学场地面积（不得低于 {area.Number:0.##} 平方米）。"));
            else if (m2 < area.Number)
                findings.Add(Error(area.Rule, $"理论教学场地不得低于 {area.Number:0.##} 平方米，本班 {m2:0.##} 平方米。"));
        }
    }

    private static void TraineeFindings(ClassApplication application, JurisdictionProfile profile, List<Finding> findings)
    {
        var age = profile.WorkingAge;
        var groups = profile.Find(ParameterKeys.TargetGroups);
        foreach (var trainee in application.Trainees)
        {
            var masked = IdNumber.Mask(trainee.IdNumber);
            if (age is not null)
            {
                var problem = IdNumber.Validate(trainee.IdNumber, application.StartDate, (age.Min, age.Max));
                if (problem == IdNumberProblem.WorkingAge)
                    findings.Add(Error(age.Rule, $"学员{trainee.Name}（{masked}）开班时不在法定劳动年龄内（{age.Min}–{age.Max} 周岁）。"));
                else if (problem != IdNumberProblem.None)
                    findings.Add(Error(age.Rule, $"学员{trainee.Name}的身份证号码 {masked} 无效，无法核实年龄。"));
            }
            if (groups is { IsConfigured: true } && !groups.List.Contains(trainee.TargetGroup ?? "", StringComparer.Ordinal))
                findings.Add(Error(groups.Rule, $"学员{trainee.Name}（{masked}）的人员类别「{trainee.TargetGroup ?? "未填"}」不属于培训对象范围（{string.Join("、", groups.List)}）。"));
        }
    }

    private static Finding Error(string rule, string message) => new(rule, Severities.Error, message, null);
}
