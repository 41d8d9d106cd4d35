namespace Pipeline.Activities.ClassOpening;

/// <summary>
/// The class data of a class opening (开班申请表 / 培训计划审批表), as the institution enters it with its pack and as the
/// workflow carries it in the variable <c>class</c>. JSON camelCase; dates <c>yyyy-MM-dd</c>.
/// </summary>
public sealed record ClassApplication
{
    /// <summary>培训职业（工种）, e.g. 中式烹调师; 创业者 for entrepreneurship training (QJ 附件2 注2).</summary>
    public required string Occupation { get; init; }

    /// <summary>培训类别: <c>skills</c> (就业技能培训), <c>entrepreneurship</c> (创业培训), <c>work-based</c> (以工代训).</summary>
    public string Kind { get; init; } = ClassKinds.Skills;

    /// <summary>Training mode for the subsidy (WS §五): <c>order-based</c> 订单式, <c>general</c> 普惠制, <c>project</c> 项目制, <c>employer</c> 企业职工培训.</summary>
    public string TrainingMode { get; init; } = "general";

    /// <summary>The day the application is filed (报送/提交开班信息之日).</summary>
    public required DateOnly FiledOn { get; init; }

    /// <summary>First day of training (开班日期).</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>Last day of training (结业日期).</summary>
    public required DateOnly EndDate { get; init; }

    /// <summary>Planned hours of the teaching plan (培训课时), hours.</summary>
    public int PlannedHours { get; init; }

    /// <summary>Training days (培训天数), days.</summary>
    public int TrainingDays { get; init; }

    /// <summary>Approved headcount asked for (培训人数), persons.</summary>
    public int Headcount { get; init; }

    /// <summary>培训地点.</summary>
    public string? Place { get; init; }

    /// <summary>Online training (线上培训, YN §六).</summary>
    public bool Online { get; init; }

    /// <summary>Planned online hours per trainee per day, hours (R-YN-4).</summary>
    public decimal? OnlineHoursPerDay { get; init; }

    /// <summary>The class's teachers (授课教师).</summary>
    public IReadOnlyList<Teacher> Teachers { get; init; } = [];

    /// <summary>Area of the theory room, m² (R-WS-8).</summary>
    public decimal? TheoryRoomArea { get; init; }

    /// <summary>Trainees per practical group, persons (R-WS-7).</summary>
    public int? PracticalGroupSize { get; init; }

    /// <summary>The occupation's training standard, evaluation standard and evaluation institution (R-YN-8).</summary>
    public OccupationStandards? Standards { get; init; }

    /// <summary>The trainees (学员花名册).</summary>
    public IReadOnlyList<Trainee> Trainees { get; init; } = [];
}

/// <summary>A teacher of the class.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Teaches"><c>theory</c> (理论), <c>practical</c> (实操) or <c>both</c>.</param>
public sealed record Teacher(string Name, string Teaches);

/// <summary>What YN §十三 asks of an occupation before a class may open (R-YN-8): null or empty means absent.</summary>
/// <param name="TrainingStandard">培训标准 (e.g. the national occupational standard's number).</param>
/// <param name="EvaluationStandard">评价标准.</param>
/// <param name="Evaluator">评价考核机构.</param>
public sealed record OccupationStandards(string? TrainingStandard, string? EvaluationStandard, string? Evaluator);

/// <summary>A trainee on the roster.</summary>
/// <param name="Name">Full name.</param>
/// <param name="IdNumber">Resident identity number (GB 11643); never logged or shown unmasked.</param>
/// <param name="TargetGroup">培训对象类别, e.g. 城镇登记失业人员.</param>
public sealed record Trainee(string Name, string IdNumber, string? TargetGroup);

/// <summary>培训类别 values of <see cref="ClassApplication.Kind"/>.</summary>
public static class ClassKinds
{
    public const string Skills = "skills";
    public const string Entrepreneurship = "entrepreneurship";
    public const string WorkBased = "work-based";
}
