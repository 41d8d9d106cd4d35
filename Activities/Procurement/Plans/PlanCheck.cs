using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Procurement.Plans;

/// <summary>The outcome of <see cref="PlanCheck.Check"/>.</summary>
/// <param name="Admissible">True when no finding is an error.</param>
/// <param name="Findings">Each with its rule id; <c>page</c> always null.</param>
/// <param name="AddedOccupations">Occupations of the plan that are in neither last year's plan nor the occupation list, ordinally sorted.</param>
/// <param name="Occupations">Every occupation of the plan, ordinally sorted, each once.</param>
/// <param name="Headcount">Planned trainees in all, persons.</param>
public sealed record PlanCheckResult(bool Admissible, IReadOnlyList<Finding> Findings, IReadOnlyList<string> AddedOccupations,
    IReadOnlyList<string> Occupations, int Headcount);

/// <summary>
/// 培训计划审核: the plan's items are complete (occupation, headcount ≥ 1, target group), and where the profile sets
/// <c>plan.addedOccupationStandards</c> (YN §四, R-YN-3) an occupation <em>added</em> — in neither last year's plan nor the
/// occupation list (培训补贴工种目录) — needs a published national standard and an in-province evaluation institution,
/// else it may not be added. A jurisdiction without that rule only lists the added occupations.
/// </summary>
public static class PlanCheck
{
    /// <param name="plan">The plan.</param>
    /// <param name="previousOccupations">Occupations of last year's plan.</param>
    /// <param name="occupationList">The occupation list in force (培训补贴工种目录), when the bureau keeps one.</param>
    /// <param name="profile">The county's jurisdiction profile.</param>
    /// <exception cref="ArgumentException">No item, a blank occupation or target group, a headcount below 1, an occupation and
    /// target group given twice (Chinese first).</exception>
    public static PlanCheckResult Check(TrainingPlan plan, IReadOnlyList<string> previousOccupations, IReadOnlyList<string> occupationList,
        JurisdictionProfile profile)
    {
        if (plan.Items is not { Count: > 0 })
            throw new ArgumentException($"{plan.County} {plan.Year} 年培训计划没有计划项目 (the plan has no items)", nameof(plan));
        for (var i = 0; i < plan.Items.Count; i++)
        {
            var item = plan.Items[i];
            if (string.IsNullOrWhiteSpace(item.Occupation))
                throw new ArgumentException($"第 {i + 1} 项未填写职业（工种） (item {i + 1}: occupation is blank)", nameof(plan));
            if (string.IsNullOrWhiteSpace(item.TargetGroup))
                throw new ArgumentException($"第 {i + 1} 项「{item.Occupation}」未填写培训对象 (item {i + 1}: target group is blank)", nameof(plan));
            if (item.Headcount < 1)
                throw new ArgumentException($"第 {i + 1} 项「{item.Occupation}」的计划人数须至少为 1 人，而不是 {item.Headcount} (item {i + 1}: headcount must be ≥ 1)", nameof(plan));
        }
        if (plan.Items.GroupBy(i => (i.Occupation.Trim(), i.TargetGroup.Trim())).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"职业（工种）「{twice.Key.Item1}」、培训对象「{twice.Key.Item2}」重复列出 (an occupation and target group is given twice)", nameof(plan));

        var known = previousOccupations.Concat(occupationList).Select(o => o.Trim()).ToHashSet(StringComparer.Ordinal);
        var occupations = plan.Items.Select(i => i.Occupation.Trim()).Distinct().Order(StringComparer.Ordinal).ToList();
        var added = occupations.Where(o => !known.Contains(o)).ToList();
        var findings = new List<Finding>();
        if (profile.FlagRule(ParameterKeys.PlanAddedOccupationStandards) is { } rule)
        {
            foreach (var occupation in added)
            {
                var items = plan.Items.Where(i => i.Occupation.Trim() == occupation).ToList();
                var missing = new List<string>();
                if (items.All(i => string.IsNullOrWhiteSpace(i.NationalStandard))) missing.Add("国家职业标准");
                if (items.All(i => string.IsNullOrWhiteSpace(i.EvaluationInstitution))) missing.Add("省内评价认定机构");
                if (missing.Count > 0)
                    findings.Add(new Finding(rule, Severities.Error,
                        $"新增职业（工种）「{occupation}」没有{string.Join("和", missing)}，不予增加（{rule}）", null));
            }
        }
        return new PlanCheckResult(!findings.Any(f => f.Severity == Severities.Error), findings, added, occupations,
            plan.Items.Sum(i => i.Headcount));
    }
}
