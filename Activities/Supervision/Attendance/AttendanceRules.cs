using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Supervision.Attendance;

/// <summary>
/// Attendance from a sign-in sheet (R-GL-4, R-YN-9, R-YN-9c): a half-day counts its scheduled hours only when it has
/// both a sign-in and a later sign-out; a trainee's rate is attended ÷ planned hours (GL Art.4 到课率 =
/// 实际参加培训课时 ÷ 按教学计划规定的培训课时 × 100 %); below the profile's <c>attendance.minRate</c> the trainee is
/// flagged with that parameter's rule (R-GL-4 in Guilin, R-YN-9c in Yunnan and Qujing): no completion, no subsidy.
/// Where the profile sets <c>attendance.halfDaySignIn</c> (YN, R-YN-9) a half-day with one mark only is a finding too.
/// </summary>
public static class AttendanceRules
{
    /// <summary>
    /// The rule sheet findings cite where the profile sets no attendance rule of its own: R-GL-4, the catalogue's
    /// definition of the attendance rate the sheet is read for.
    /// </summary>
    public const string RateRule = "R-GL-4";

    /// <summary>Judges <paramref name="sheet"/> against <paramref name="schedule"/> and <paramref name="profile"/>.</summary>
    /// <returns>Trainees with hours and rates; findings citing, for sheet problems (unreadable rows, unknown headers,
    /// duplicates, invalid identity numbers), the profile's attendance rule (<c>attendance.minRate</c>'s, else
    /// <c>attendance.halfDaySignIn</c>'s, else <c>attendance.impersonationLimit</c>'s, else <see cref="RateRule"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Hours that cannot be a teaching plan's (<see cref="AttendanceSchedule.Validate"/>).</exception>
    /// <exception cref="RuleNotConfiguredException">An attendance setting of the profile is not yet set.</exception>
    public static AttendanceReport Check(SignInSheet sheet, AttendanceSchedule schedule, JurisdictionProfile profile)
    {
        schedule.Validate();
        var minRate = profile.RuleNumber(ParameterKeys.AttendanceMinRate);
        var consequence = profile.Find(ParameterKeys.AttendanceMinRate)?.Text ?? "不得申领培训补贴";
        var halfDayRule = profile.FlagRule(ParameterKeys.HalfDaySignIn);
        var sheetRule = minRate?.Rule ?? halfDayRule ?? profile.RuleNumber(ParameterKeys.ImpersonationLimit)?.Rule ?? RateRule;

        var findings = sheet.Problems.Select(p => (p.Row, new Finding(sheetRule, p.Severity, p.Message, null))).ToList();
        if (sheet.Rows.Count == 0)
            findings.Add((null, new Finding(sheetRule, Severities.Warning, $"签到表第 {sheet.HeaderRow} 行表头以下没有可读的签到记录", null)));

        var trainees = new List<TraineeAttendance>();
        foreach (var rows in sheet.Rows.GroupBy(r => r.IdNumber))
        {
            var first = rows.First();
            var masked = IdNumber.Mask(first.IdNumber);
            var who = $"{first.Name}（{masked}）";
            if (IdNumber.Validate(first.IdNumber, first.Date) is not IdNumberProblem.None and var problem)
                findings.Add((first.Row, new Finding(sheetRule, Severities.Warning,
                    $"第 {first.Row} 行 {who} 的身份证号无效（{Describe(problem)}），请核对", null)));

            var counted = new Dictionary<DateOnly, SignInRow>();
            var attended = 0m;
            var halfDays = 0;
            foreach (var row in rows)
            {
                if (row.Name != first.Name)
                    findings.Add((row.Row, new Finding(sheetRule, Severities.Warning,
                        $"第 {row.Row} 行姓名「{row.Name}」与第 {first.Row} 行「{first.Name}」的身份证号相同（{masked}），请核对是否冒名", null)));
                if (counted.TryGetValue(row.Date, out var earlier))
                {
                    findings.Add((row.Row, new Finding(sheetRule, Severities.Warning,
                        $"第 {row.Row} 行与第 {earlier.Row} 行重复（{who}，{row.Date:yyyy-MM-dd}），只计第 {earlier.Row} 行", null)));
                    continue;
                }
                counted[row.Date] = row;
                foreach (var (marks, half, hours) in new[] { (row.Morning, "上午", schedule.MorningHours), (row.Afternoon, "下午", schedule.AfternoonHours) })
                {
                    if (marks.Complete && marks.SignOut > marks.SignIn)
                    {
                        attended += hours;
                        halfDays++;
                    }
                    else if (marks.Complete)
                    {
                        findings.Add((row.Row, new Finding(halfDayRule ?? sheetRule, Severities.Error,
                            $"第 {row.Row} 行 {who} {row.Date:yyyy-MM-dd} {half}签退 {marks.SignOut:HH:mm} 不晚于签到 {marks.SignIn:HH:mm}，该半天不计出勤", null)));
                    }
                    else if (marks.OneMarkOnly && halfDayRule is not null)
                    {
                        var lacking = marks.SignIn is null ? "签到" : "签退";
                        findings.Add((row.Row, new Finding(halfDayRule, Severities.Error,
                            $"第 {row.Row} 行 {who} {row.Date:yyyy-MM-dd} {half}缺少{lacking}（每天上午、下午须分别签到、签退），该半天不计出勤", null)));
                    }
                }
            }

            var rate = attended / schedule.PlannedHours * 100m;
            var below = minRate is not null && rate < minRate.Value;
            if (below) // after the row findings: the verdict on the trainee
                findings.Add((int.MaxValue, new Finding(minRate!.Rule, Severities.Error,
                    $"{who} 出勤率 {rate:0.##}%（{attended:0.##} ÷ {schedule.PlannedHours:0.##} 学时），低于 {minRate.Value:0.##}%：{consequence}", null)));
            trainees.Add(new TraineeAttendance(first.Name, masked, counted.Count, halfDays, attended, schedule.PlannedHours,
                Math.Round(rate, 2, MidpointRounding.AwayFromZero), below));
        }

        return new AttendanceReport(trainees, trainees.Count(t => t.BelowMinRate), minRate?.Value, minRate?.Rule,
            findings.OrderBy(f => f.Row ?? 0).Select(f => f.Item2).ToList());
    }

    private static string Describe(IdNumberProblem problem) => problem switch
    {
        IdNumberProblem.Format => "不是 18 位号码",
        IdNumberProblem.AreaCode => "地区码不存在",
        IdNumberProblem.BirthDate => "出生日期不成立",
        IdNumberProblem.Checksum => "校验码不符",
        _ => problem.ToString(),
    };
}
