namespace Pipeline.Activities.Subsidy;

/// <summary>
/// The training modes (培训方式) a class is paid under (WS §五, R-WS-13): each has its own daily rate, the profile
/// setting <c>subsidy.dailyRate.{mode}</c>.
/// </summary>
public static class TrainingModes
{
    /// <summary>订单式培训: training to an employer's order.</summary>
    public const string OrderBased = "order-based";
    /// <summary>普惠制培训: general training; its rate is also paid when employment falls short (R-WS-14).</summary>
    public const string General = "general";
    /// <summary>项目制培训: tendered project training (YN §三, R-YN-1).</summary>
    public const string Project = "project";
    /// <summary>企业职工培训: an employer training its own staff on an approved plan (YN §三, R-YN-1).</summary>
    public const string Employer = "employer";

    /// <summary>Every mode, with its Chinese name for messages.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [OrderBased] = "订单式",
        [General] = "普惠制",
        [Project] = "项目制",
        [Employer] = "企业职工培训",
    };

    /// <summary>The Chinese name of <paramref name="mode"/>, or the mode itself when unknown.</summary>
    public static string NameOf(string mode) => Names.TryGetValue(mode, out var name) ? name : mode;
}
