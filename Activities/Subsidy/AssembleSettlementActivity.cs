using Pipeline.Activities.ClassOpening;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Subsidy;

/// <summary>Input of <see cref="AssembleSettlementActivity"/>.</summary>
public sealed record AssembleSettlementInput
{
    [ActivityInput("The class data filed at opening (class)", DescriptionZh = "开班时报送的开班数据（class）")]
    public required ClassApplication Class { get; init; }

    [ActivityInput("Trainees of the sign-in sheet import: name, idNumberMasked, attendedHours",
        DescriptionZh = "签到表导入得到的学员考勤：name、idNumberMasked、attendedHours")]
    public IReadOnlyList<AttendanceLine>? Attendance { get; init; }

    [ActivityInput("The acceptance reviewer's assessment: failed, notEmployed, unverified (names), dailyRates, tendered, approvedAmount",
        DescriptionZh = "验收审核人的评定：failed、notEmployed、unverified（学员姓名）、dailyRates、tendered、approvedAmount", Required = false)]
    public AcceptanceAssessment? Assessment { get; init; }

    [ActivityInput("Impersonations recorded during training: name, date (R-JZ-4)",
        DescriptionZh = "培训期间记录的冒名顶替：name、date（R-JZ-4）", Required = false)]
    public IReadOnlyList<RecordedImpersonation>? Impersonations { get; init; }

    [ActivityInput("Days or half days without video: date, portion (R-WS-14)",
        DescriptionZh = "缺失视频的整天或半天：date、portion（R-WS-14）", Required = false)]
    public IReadOnlyList<VideoGap>? VideoGaps { get; init; }
}

/// <summary>A trainee line of the attendance import as the workflow carries it.</summary>
public sealed record AttendanceLine(string Name, string IdNumberMasked, decimal AttendedHours);

/// <summary>Output of <see cref="AssembleSettlementActivity"/>.</summary>
public sealed record AssembleSettlementOutput
{
    [ActivityOutput("The class settlement record for subsidy.compute", DescriptionZh = "供 subsidy.compute 补贴核算使用的班级结算记录")]
    public required ClassSettlement Settlement { get; init; }
}

/// <summary>
/// Catalogue activity <c>settlement.assemble</c> (汇总结算数据): the class settlement of <see cref="SettlementAssembly"/>
/// from the case's own records, so the subsidy is computed from what was filed, signed in and inspected, not retyped.
/// </summary>
[Activity("settlement.assemble", "Subsidy",
    DisplayName = "Assemble class settlement",
    DisplayNameZh = "汇总结算数据",
    Description = "Roster, attendance, assessment, impersonations and video gaps of the class as its settlement record.",
    DescriptionZh = "把本班的花名册、考勤、验收评定、冒名顶替记录和视频缺失汇总为班级结算记录。",
    Retries = 1)]
public sealed class AssembleSettlementActivity : IActivity<AssembleSettlementInput, AssembleSettlementOutput>
{
    /// <exception cref="ArgumentException">A name that is on no roster line (see <see cref="SettlementAssembly"/>).</exception>
    public Task<ActivityResult<AssembleSettlementOutput>> ExecuteAsync(AssembleSettlementInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var settlement = SettlementAssembly.Assemble(input.Class,
            (input.Attendance ?? []).Select(a => new AttendedHours(a.Name, a.IdNumberMasked, a.AttendedHours)).ToList(),
            input.Assessment ?? new AcceptanceAssessment(), input.Impersonations ?? [], input.VideoGaps ?? []);
        return Task.FromResult(new ActivityResult<AssembleSettlementOutput>("done", new AssembleSettlementOutput { Settlement = settlement }));
    }
}
