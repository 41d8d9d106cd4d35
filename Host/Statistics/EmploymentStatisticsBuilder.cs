using System.Globalization;
using System.Text.Json;
using Pipeline.Activities.Forms;

namespace Pipeline.Host.Statistics;

/// <summary>
/// Builds JZ 附件9 (XX机构20XX年度就业情况统计表, R-JZ-6) per institution from class cases: a class counts once its
/// opening is approved (<c>opened</c> = true) and its last day (<c>class.endDate</c>) falls in the period; one row per
/// occupation. 培训人数: the roster's length, else the headcount; 结业人数: trainees less the assessment's <c>failed</c>
/// (a class without results counts in 期数 and 培训人数 only); employment from the follow-up records the
/// <c>employment-follow-up</c> child keeps (<c>followUps</c>, <c>startUps</c>): a start-up → 自主创业, reached and
/// employed with an employer named → 单位就业. The records do not tell 灵活就业 apart, so an employed trainee without an
/// employer is not counted in any column and said in the notes, as is a class whose follow-up is still open (within six
/// months of its end, R-JZ-6) or overdue.
/// </summary>
public static class EmploymentStatisticsBuilder
{
    /// <param name="date">填报日期, also the day the follow-up's six months are measured to.</param>
    public static (IReadOnlyList<JiaozuoEmploymentStatisticsData> Forms, IReadOnlyList<string> Notes) Build(
        int year, DateOnly from, DateOnly to, DateOnly date, IEnumerable<EmploymentCase> cases)
    {
        var lines = new List<(string Institution, string Occupation, int Trained, int? Completed, int Unit, int Self)>();
        int withoutResults = 0, unclassified = 0, followUpOpen = 0, followUpOverdue = 0;
        foreach (var (c, children) in cases.Select(e => (e.Case, e.ChildVariablesJson)))
        {
            if (c.ClassData is null) continue;
            using var classData = JsonDocument.Parse(c.ClassData);
            var cls = classData.RootElement;
            if (!(cls.TryGetProperty("endDate", out var e) && DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
                || end < from || end > to) continue;
            using var variables = JsonDocument.Parse(c.VariablesJson ?? "{}");
            var vars = variables.RootElement;
            if (!(vars.TryGetProperty("opened", out var o) && o.ValueKind == JsonValueKind.True)) continue;
            var occupation = cls.TryGetProperty("occupation", out var oc) && oc.GetString() is { Length: > 0 } name ? name : "（未填职业）";
            var trained = cls.TryGetProperty("trainees", out var t) && t.ValueKind == JsonValueKind.Array && t.GetArrayLength() > 0 ? t.GetArrayLength()
                : cls.TryGetProperty("headcount", out var hc) && hc.TryGetInt32(out var n) ? n : 0;
            var institution = c.InstitutionName ?? "（未知机构）";
            if (!(vars.TryGetProperty("assessment", out var a) && a.ValueKind == JsonValueKind.Object))
            {
                withoutResults++;
                lines.Add((institution, occupation, trained, null, 0, 0));
                continue;
            }
            var failed = a.TryGetProperty("failed", out var f) && f.ValueKind == JsonValueKind.Array
                ? f.EnumerateArray().Select(x => x.ToString()).ToHashSet(StringComparer.Ordinal) : [];
            var completed = Math.Max(0, trained - failed.Count);
            var (records, startUps) = FollowUp(children);
            if (records.Count == 0 && startUps.Count == 0)
            {
                if (date < end.AddMonths(6)) followUpOpen++;
                else followUpOverdue++;
            }
            var self = startUps.Where(s => !failed.Contains(s)).ToHashSet(StringComparer.Ordinal);
            var employed = records.Where(r => r.Employed && !self.Contains(r.Trainee) && !failed.Contains(r.Trainee))
                .GroupBy(r => r.Trainee, StringComparer.Ordinal).Select(g => g.Any(r => r.Employer)).ToList();
            var unit = employed.Count(withEmployer => withEmployer);
            unclassified += employed.Count - unit;
            // Identifiers outside the roster cannot make more employed than completed.
            var selfCount = Math.Min(self.Count, completed);
            unit = Math.Min(unit, completed - selfCount);
            lines.Add((institution, occupation, trained, completed, unit, selfCount));
        }

        var forms = lines.GroupBy(l => l.Institution, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new JiaozuoEmploymentStatisticsData
            {
                Institution = g.Key, Year = year, Date = date,
                Rows = g.GroupBy(l => l.Occupation, StringComparer.Ordinal).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new EmploymentRow
                {
                    Occupation = r.Key, Sessions = r.Count(), Trained = r.Sum(l => l.Trained), Completed = r.Sum(l => l.Completed ?? 0),
                    EmployedByUnit = r.Sum(l => l.Unit), SelfEmployed = r.Sum(l => l.Self), Flexible = 0,
                }).ToList(),
            }).ToList();

        var notes = new List<string> { $"统计期：{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd} 结业的已开班培训班 (classes approved and ended {from:yyyy-MM-dd} to {to:yyyy-MM-dd})" };
        if (withoutResults > 0) notes.Add($"{withoutResults} 个班尚无结业考核结果：计入期数与培训人数，未计入结业与就业人数 ({withoutResults} classes have no assessment results: in sessions and trained only)");
        if (followUpOpen > 0) notes.Add($"{followUpOpen} 个班结业未满半年、尚无回访记录，就业人数待回访后补报（R-JZ-6）({followUpOpen} classes ended less than six months ago and have no follow-up yet)");
        if (followUpOverdue > 0) notes.Add($"{followUpOverdue} 个班结业已满半年仍无回访记录（R-JZ-6）({followUpOverdue} classes ended six months ago or more and have no follow-up)");
        if (unclassified > 0) notes.Add($"{unclassified} 名已就业学员的回访记录未登记工作单位，无法区分单位就业与灵活就业，未计入就业人数 ({unclassified} employed trainees have no employer recorded: not counted)");
        notes.Add("回访记录不区分灵活就业，灵活就业栏为 0 (follow-up records do not tell flexible employment apart: that column is 0)");
        if (forms.Count == 0) notes.Add("统计期内没有结业的培训班 (no class ended in the period)");
        return (forms, notes);
    }

    private static (List<(string Trainee, bool Employed, bool Employer)> Records, List<string> StartUps) FollowUp(IReadOnlyList<string> children)
    {
        var records = new List<(string, bool, bool)>();
        var startUps = new List<string>();
        foreach (var json in children)
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.TryGetProperty("followUps", out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var r in list.EnumerateArray())
                {
                    if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("trainee", out var who) || who.GetString() is not { Length: > 0 } trainee) continue;
                    var reached = r.TryGetProperty("reached", out var re) && re.ValueKind == JsonValueKind.True;
                    var employed = reached && r.TryGetProperty("employed", out var em) && em.ValueKind == JsonValueKind.True;
                    var employer = r.TryGetProperty("employer", out var er) && er.ValueKind == JsonValueKind.String && er.GetString()!.Trim().Length > 0;
                    records.Add((trainee, employed, employer));
                }
            if (root.TryGetProperty("startUps", out var ups) && ups.ValueKind == JsonValueKind.Array)
                foreach (var s in ups.EnumerateArray())
                    if (s.ValueKind == JsonValueKind.Object && s.TryGetProperty("trainee", out var who) && who.GetString() is { Length: > 0 } trainee)
                        startUps.Add(trainee);
        }
        return (records, startUps);
    }
}
