using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Supervision.Inspections;

/// <summary>
/// Checks one class's inspection records against the jurisdiction's inspection rules: how many (R-YN-9b at least 2;
/// R-GL-9 1 to 2), by whom (R-GL-9 groups of exactly 2 inspectors with a leader), what they answered (R-GL-10), who
/// signed (R-GL-9 both sides; R-YN-9b the institution's on-site head), and how many trainees were phoned (R-YN-9b at
/// least 5). A jurisdiction whose profile sets none of <c>inspection.minPerClass</c>, <c>inspection.inspectorsPerGroup</c>
/// and <c>inspection.phoneCheckMin</c> has no inspection rule to check: no findings.
/// </summary>
public static class InspectionRules
{
    /// <summary>
    /// The rule of the record's items: they are R-GL-10's (GL Art.11 现场督查内容), and the record keeps them for every
    /// jurisdiction. A finding that one is unanswered cites it.
    /// </summary>
    public const string ItemsRule = "R-GL-10";

    /// <summary>Findings for <paramref name="records"/>, one class's inspections; errors make the inspections insufficient.</summary>
    /// <exception cref="RuleNotConfiguredException">An inspection setting of the profile is not yet set.</exception>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<InspectionRecord> records, JurisdictionProfile profile)
    {
        var min = profile.RuleNumber(ParameterKeys.InspectionsMin);
        var max = profile.RuleNumber(ParameterKeys.InspectionsMax);
        var group = profile.RuleNumber(ParameterKeys.InspectorsPerGroup);
        var phone = profile.RuleNumber(ParameterKeys.PhoneCheckMin);
        // The rule that makes the record itself required: GL Art.10 (R-GL-9), YN §十四 (R-YN-9b).
        var recordRule = min?.Rule ?? group?.Rule ?? phone?.Rule;
        if (recordRule is null) return [];

        var findings = new List<Finding>();
        if (min is not null && records.Count < min.Value)
            findings.Add(new Finding(min.Rule, Severities.Error, $"本班检查 {records.Count} 次，每期至少须检查 {min.Value:0} 次", null));
        if (max is not null && records.Count > max.Value)
            findings.Add(new Finding(max.Rule, Severities.Warning, $"本班检查 {records.Count} 次，每班（期）规定 {min?.Value ?? 1:0} 至 {max.Value:0} 次", null));

        foreach (var (record, index) in records.OrderBy(r => r.Date).Select((r, i) => (r, i + 1)))
        {
            var which = $"第 {index} 次检查（{record.Date:yyyy-MM-dd}）";
            var inspectors = (record.Inspectors ?? []).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (group is not null)
            {
                if (inspectors.Count != group.Value)
                    findings.Add(new Finding(group.Rule, Severities.Error,
                        $"{which}检查人员 {inspectors.Count} 名（{string.Join("、", inspectors)}），每组须 {group.Value:0} 名", null));
                if (string.IsNullOrWhiteSpace(record.Leader) || !inspectors.Contains(record.Leader.Trim()))
                    findings.Add(new Finding(group.Rule, Severities.Warning, $"{which}未指定检查组组长（须为本组检查人员之一）", null));
            }
            else if (inspectors.Count == 0)
            {
                findings.Add(new Finding(recordRule, Severities.Error, $"{which}没有检查人员姓名", null));
            }

            foreach (var (label, ok, note) in (record.Items ?? new()).All())
            {
                if (ok is null)
                    findings.Add(new Finding(ItemsRule, Severities.Error, $"{which}「{label}」一项未填写", null));
                else if (ok is false)
                    findings.Add(new Finding(ItemsRule, Severities.Warning,
                        $"{which}发现「{label}」不符合要求{(string.IsNullOrWhiteSpace(note) ? "" : "：" + SensitiveText.Mask(note.Trim()))}", null));
            }

            if (string.IsNullOrWhiteSpace(record.ConfirmedByInstitution))
                findings.Add(new Finding(recordRule, Severities.Error, $"{which}检查表没有培训机构现场负责人签字确认", null));
            if (!record.ConfirmedByInspectors)
                findings.Add(new Finding(recordRule, Severities.Error, $"{which}检查表没有检查人员签字确认", null));

            if (phone is not null && record.PhoneChecks is { Count: > 0 })
            {
                var reached = record.PhoneChecks.Where(c => c.Reached).Select(c => c.Trainee.Trim()).Distinct(StringComparer.Ordinal).Count();
                if (reached < phone.Value)
                    findings.Add(new Finding(phone.Rule, Severities.Error,
                        $"{which}电话抽查接通 {reached} 人（拨打 {record.PhoneChecks.Count} 次），每班次抽查人数不少于 {phone.Value:0} 人", null));
            }
        }
        return findings;
    }
}
