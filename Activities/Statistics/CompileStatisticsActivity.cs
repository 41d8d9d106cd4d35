using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Activities.Forms;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;
using Pipeline.Workflows.Calendar;

namespace Pipeline.Activities.Statistics;

/// <summary>Input of <see cref="CompileStatisticsActivity"/>.</summary>
public sealed record CompileStatisticsInput
{
    [ActivityInput("Report: qj-quarterly (QJ 附件1, R-QJ-6), jz-employment (JZ 附件9, R-JZ-6) or yn-annual (YN §二十)",
        DescriptionZh = "报表：qj-quarterly（曲靖市职业培训情况统计表 附件1，季报，R-QJ-6）、jz-employment（年度就业情况统计表 附件9，半年汇总，R-JZ-6）或 yn-annual（年度培训及补贴资金统计，YN §二十）")]
    public required string Report { get; init; }

    [ActivityInput("Jurisdiction profile the report is for, e.g. qujing", DescriptionZh = "报表所属辖区配置名称，如 qujing")]
    public required string Profile { get; init; }

    [ActivityInput("The report's day: the period is the last one ended before it (default: the day the start timer was due, read from caseKey; else today, China time)",
        DescriptionZh = "报告日期：统计期为此日期之前最近结束的一期（默认：定时启动的到期日，取自 caseKey；否则今天，北京时间）", Required = false)]
    public DateOnly? AsOf { get; init; }

    [ActivityInput("Business key of this instance (=businessKey): filed as a case of the jurisdiction so its staff reach it",
        DescriptionZh = "本实例的业务键（=businessKey）：登记为该辖区的案件，使辖区工作人员可办理和查看", Required = false)]
    public string? CaseKey { get; init; }
}

/// <summary>One form to render: <c>form.render</c>'s form id, data and file name.</summary>
public sealed record StatisticsFormOutput(string Form, JsonElement Data, string FileName);

/// <summary>Output of <see cref="CompileStatisticsActivity"/>.</summary>
public sealed record CompileStatisticsOutput
{
    [ActivityOutput("Forms to render (form, data, fileName), one per institution for jz-employment",
        DescriptionZh = "待生成的表格（form、data、fileName）；jz-employment 每个机构一份")]
    public required IReadOnlyList<StatisticsFormOutput> Forms { get; init; }

    [ActivityOutput("What the figures do not contain (unknowns stated, never guessed)", DescriptionZh = "统计未含的内容（未知数据如实说明，不作推测）")]
    public required IReadOnlyList<string> Notes { get; init; }

    [ActivityOutput("The period, e.g. 2026年第1季度", DescriptionZh = "统计期，如 2026年第1季度")]
    public required string Period { get; init; }

    [ActivityOutput("First day of the period", DescriptionZh = "统计期第一天")]
    public required DateOnly PeriodFrom { get; init; }

    [ActivityOutput("Last day of the period", DescriptionZh = "统计期最后一天")]
    public required DateOnly PeriodTo { get; init; }

    [ActivityOutput("The jurisdiction's name, e.g. 曲靖市", DescriptionZh = "辖区名称，如 曲靖市")]
    public required string JurisdictionName { get; init; }
}

/// <summary>
/// Catalogue activity <c>statistics.compile</c> (汇总统计报表): compiles a timer-started report's figures from the
/// Host's class cases through <see cref="IStatisticsSource"/> for the period before <c>asOf</c>
/// (<see cref="StatisticsPeriod.Before"/>), as the records of the forms a following <c>form.render</c> turns into XLSX.
/// </summary>
[Activity("statistics.compile", "Statistics",
    DisplayName = "Compile statistics",
    DisplayNameZh = "汇总统计报表",
    Description = "Compiles a period's statistics (QJ quarterly, JZ employment, YN annual) from the class cases into form records.",
    DescriptionZh = "按统计期从培训班案件汇总统计数据（曲靖季报、焦作就业情况统计、云南年度统计），生成表格数据。")]
public sealed partial class CompileStatisticsActivity(IStatisticsSource source, ProfileCatalog profiles, TimeProvider? time = null)
    : IActivity<CompileStatisticsInput, CompileStatisticsOutput>
{
    /// <exception cref="ArgumentException">An unknown report.</exception>
    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    public async Task<ActivityResult<CompileStatisticsOutput>> ExecuteAsync(
        CompileStatisticsInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var profile = profiles.Get(input.Profile);
        var today = ChinaTime.Day((time ?? TimeProvider.System).GetUtcNow());
        var asOf = input.AsOf ?? DueDay(input.CaseKey) ?? today;
        var period = StatisticsPeriod.Before(input.Report, asOf);
        if (input.CaseKey is { Length: > 0 } key)
            await source.FileReportCaseAsync(key, profile.Name, cancellationToken).ConfigureAwait(false);
        var compiled = input.Report switch
        {
            StatisticsReports.QujingQuarterly => await source.QuarterlyAsync(profile.Name, period, asOf, cancellationToken).ConfigureAwait(false),
            StatisticsReports.JiaozuoEmployment => await source.EmploymentAsync(profile.Name, period, asOf, cancellationToken).ConfigureAwait(false),
            _ => await source.AnnualAsync(profile.Name, period, asOf, cancellationToken).ConfigureAwait(false),
        };
        return new ActivityResult<CompileStatisticsOutput>("done", new CompileStatisticsOutput
        {
            Forms = compiled.Forms.Select(f => new StatisticsFormOutput(f.Form, JsonSerializer.SerializeToElement(f.Data, f.Data.GetType(), FormCatalog.Json), f.FileName)).ToList(),
            Notes = compiled.Notes,
            Period = period.Label,
            PeriodFrom = period.From,
            PeriodTo = period.To,
            JurisdictionName = profile.DisplayName,
        });
    }

    /// <summary>
    /// The China day a timer start was due, from the business key the engine gives a timer-started instance
    /// (<c>{processId}:{startEventId}:{due}</c>, e.g. <c>…:Start_Quarterly:2027-01-01T00:00:00+08:00</c>), so a report
    /// that runs late still covers its own period; null for any other key.
    /// </summary>
    public static DateOnly? DueDay(string? caseKey) =>
        caseKey is not null && DueSuffix().Match(caseKey) is { Success: true } m
        && DateTimeOffset.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? ChinaTime.Day(due) : null;

    [GeneratedRegex(@":(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})$")]
    private static partial Regex DueSuffix();
}
