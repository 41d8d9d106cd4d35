namespace Pipeline.Activities.Forms;

/// <summary>
/// Training category (培训类别) of the Qujing forms (QJ 附件1 and 附件2). JSON names: <c>employment-skills</c>,
/// <c>entrepreneurship-basics</c>, <c>entrepreneurship-improvement</c>.
/// </summary>
public enum TrainingCategory
{
    /// <summary>就业技能培训.</summary>
    EmploymentSkills,

    /// <summary>创业基础能力培训.</summary>
    EntrepreneurshipBasics,

    /// <summary>提升创业能力培训.</summary>
    EntrepreneurshipImprovement,
}

public static class TrainingCategoryNames
{
    public static string Label(this TrainingCategory category) => category switch
    {
        TrainingCategory.EmploymentSkills => "就业技能培训",
        TrainingCategory.EntrepreneurshipBasics => "创业基础能力培训",
        TrainingCategory.EntrepreneurshipImprovement => "提升创业能力培训",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
