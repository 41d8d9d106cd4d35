using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Supervision.Attendance;

/// <summary>Input of <see cref="ImportAttendanceActivity"/>.</summary>
public sealed record ImportAttendanceInput
{
    [ActivityInput("SHA-256 of the uploaded sign-in sheet (XLSX) in the original store (never a path)",
        DescriptionZh = "已上传签到表（XLSX）在原件库中的 SHA-256（不是文件路径）")]
    public required string Document { get; init; }

    [ActivityInput("Jurisdiction profile name, e.g. guilin, yunnan, qujing", DescriptionZh = "辖区配置名称，如 guilin、yunnan、qujing")]
    public required string Profile { get; init; }

    [ActivityInput("Scheduled hours of one morning, from the teaching plan (学时)", DescriptionZh = "教学计划中每个上午安排的学时")]
    public required decimal MorningHours { get; init; }

    [ActivityInput("Scheduled hours of one afternoon, from the teaching plan (学时)", DescriptionZh = "教学计划中每个下午安排的学时")]
    public required decimal AfternoonHours { get; init; }

    [ActivityInput("Planned hours of the class in all (学时), the denominator of the attendance rate", DescriptionZh = "本班计划总学时，即出勤率的分母")]
    public required decimal PlannedHours { get; init; }
}

/// <summary>Output of <see cref="ImportAttendanceActivity"/>.</summary>
public sealed record ImportAttendanceOutput
{
    [ActivityOutput("Per trainee: name, masked ID number, attended and planned hours, rate %, below the least rate",
        DescriptionZh = "每名学员：姓名、脱敏身份证号、出勤学时和计划学时、出勤率 %、是否低于最低出勤率")]
    public required IReadOnlyList<TraineeAttendance> Trainees { get; init; }

    [ActivityOutput("Trainees below the profile's least attendance rate", DescriptionZh = "出勤率低于辖区配置最低出勤率的学员人数")]
    public required int BelowThreshold { get; init; }

    [ActivityOutput("The profile's least attendance rate in %, null where it sets none", DescriptionZh = "辖区配置的最低出勤率（%）；未规定时为 null")]
    public decimal? MinRatePercent { get; init; }

    [ActivityOutput("Findings: unreadable rows and marks, unknown headers, duplicates, missing sign-outs, low attendance",
        DescriptionZh = "问题清单：无法识别的行和签到标记、未知表头、重复记录、缺少签退、出勤率不足")]
    public required IReadOnlyList<Finding> Findings { get; init; }
}

/// <summary>
/// Catalogue activity <c>attendance.import</c> (签到表导入): reads a sign-in sheet (XLSX, layout in
/// <see cref="SignInSheetLayout"/>) from the original store and computes each trainee's attended hours and rate
/// (R-GL-4, R-YN-9, R-YN-9c). Outcome <c>below-threshold</c> when any trainee is below the least rate, else <c>ok</c>.
/// A file that is no XLSX, is too large or has no header row is refused with a <see cref="Documents.DocumentRejectedException"/>
/// (permanent: the institution uploads a corrected sheet).
/// </summary>
[Activity("attendance.import", "Supervision",
    DisplayName = "Import sign-in sheet",
    DisplayNameZh = "签到表导入",
    Description = "Reads an XLSX sign-in sheet; attended hours and attendance rate per trainee, flagged below the jurisdiction's least rate.",
    DescriptionZh = "读取 XLSX 签到表，计算每名学员的出勤学时和出勤率，并标出低于辖区最低出勤率的学员。",
    Outcomes = [Ok, BelowThreshold])]
public sealed class ImportAttendanceActivity(IOriginalStore originals, ProfileCatalog profiles, IntakeOptions? intake = null)
    : IActivity<ImportAttendanceInput, ImportAttendanceOutput>
{
    public const string Ok = "ok";
    public const string BelowThreshold = "below-threshold";

    /// <exception cref="KeyNotFoundException">The document is not the SHA-256 of a stored original, or the profile is unknown.</exception>
    /// <exception cref="Documents.DocumentRejectedException">Not an XLSX, too large, damaged, or no header row with the required columns.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Hours that cannot be a teaching plan's.</exception>
    public Task<ActivityResult<ImportAttendanceOutput>> ExecuteAsync(
        ImportAttendanceInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var profile = profiles.Get(input.Profile);
        var schedule = new AttendanceSchedule(input.MorningHours, input.AfternoonHours, input.PlannedHours);
        schedule.Validate();
        var original = originals.Require(input.Document, "attendance.import", "an uploaded sign-in sheet");
        var report = AttendanceRules.Check(SignInSheetReader.Read(original.Path, intake), schedule, profile);
        var output = new ImportAttendanceOutput
        {
            Trainees = report.Trainees,
            BelowThreshold = report.BelowThreshold,
            MinRatePercent = report.MinRatePercent,
            Findings = report.Findings,
        };
        return Task.FromResult(new ActivityResult<ImportAttendanceOutput>(report.BelowThreshold > 0 ? BelowThreshold : Ok, output));
    }
}
