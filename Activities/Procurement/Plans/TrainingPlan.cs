namespace Pipeline.Activities.Procurement.Plans;

/// <summary>
/// A county's annual training plan (年度职业技能培训计划, YN §四; QJ §二(一) and 附件2 培训计划审批表) as the workflow
/// carries it: <c>{ year, county, items: [{ occupation, headcount, targetGroup, category?, certificate?, nationalStandard?,
/// evaluationInstitution? }] }</c>.
/// </summary>
public sealed record TrainingPlan
{
    /// <summary>The plan year (the year the training runs), e.g. 2027.</summary>
    public required int Year { get; init; }

    /// <summary>The county (县区) that drafts the plan, e.g. 麒麟区.</summary>
    public required string County { get; init; }

    /// <summary>The plan's items, at least one.</summary>
    public IReadOnlyList<PlanItem> Items { get; init; } = [];
}

/// <summary>One line of the plan: an occupation with its planned headcount for a target group.</summary>
/// <param name="Occupation">Occupation (职业（工种）), e.g. 中式烹调师.</param>
/// <param name="Headcount">Planned trainees, persons, ≥ 1.</param>
/// <param name="TargetGroup">Target group (培训对象), e.g. 农村转移就业劳动者.</param>
/// <param name="Category">Training category (就业技能培训 / 创业基础能力培训 / 提升创业能力培训), optional.</param>
/// <param name="Certificate">Certificate type (职业资格证书 / 职业技能等级证书 / 专项职业能力证书 / 培训合格证书), optional.</param>
/// <param name="NationalStandard">The national occupational standard (国家职业标准) of an added occupation, e.g. its code; null when none is published.</param>
/// <param name="EvaluationInstitution">The in-province evaluation institution (省内评价认定机构) of an added occupation; null when there is none.</param>
public sealed record PlanItem(
    string Occupation, int Headcount, string TargetGroup, string? Category = null, string? Certificate = null,
    string? NationalStandard = null, string? EvaluationInstitution = null);
