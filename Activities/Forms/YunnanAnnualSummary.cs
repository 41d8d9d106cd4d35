using Pipeline.Activities.Forms.Layout;

namespace Pipeline.Activities.Forms;

/// <summary>One quarter of the year's training and subsidy figures.</summary>
public sealed record AnnualQuarterRow
{
    /// <summary>1–4.</summary>
    public required int Quarter { get; init; }

    /// <summary>班次.</summary>
    public int Classes { get; init; }

    /// <summary>培训人数.</summary>
    public int Trainees { get; init; }

    /// <summary>已考核人数: trainees of the classes whose assessment results are recorded (the base of 合格率).</summary>
    public int Assessed { get; init; }

    /// <summary>合格人数 (of the assessed).</summary>
    public int Passed { get; init; }

    /// <summary>补贴资金 paid, yuan.</summary>
    public decimal Subsidy { get; init; }

    /// <summary>承办机构数.</summary>
    public int Institutions { get; init; }
}

/// <summary>The record behind <see cref="YunnanAnnualSummary"/>.</summary>
public sealed record YunnanAnnualSummaryData
{
    /// <summary>填报单位 (the bureau reporting).</summary>
    public required string Reporter { get; init; }

    public required int Year { get; init; }

    /// <summary>填报日期: printed, and the document's date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The four quarters (a missing quarter prints as zeros).</summary>
    public required IReadOnlyList<AnnualQuarterRow> Quarters { get; init; }

    /// <summary>承办机构 over the year (distinct), for the 合计 row.</summary>
    public int InstitutionsInYear { get; init; }

    /// <summary>What the figures do not contain, printed under the table.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// YN §二十 年度职业技能培训及补贴资金使用情况统计表 (a bureau's yearly training and subsidy statistics, reported with
/// the annual summary to the province's HRSS and finance departments) as an XLSX. The seed names the duty, not the
/// form; the layout is ours: one row per quarter with the figures of QJ 附件1 (班次, 培训人数, 已考核人数, 合格人数,
/// 合格率 = 合格人数 ÷ 已考核人数, 补贴资金, 承办机构数), a 合计 row, the notes on what is not known, and 填表人 / 审核人 /
/// 批准人 signature cells left for the hand (YN §二十: no printed signatures).
/// </summary>
public static class YunnanAnnualSummary
{
    public const string Title = "职业技能培训及补贴资金使用情况年度统计表";

    public static string TitleOf(string reporter, int year) => $"{reporter}{year}年度{Title}";

    /// <exception cref="ArgumentException">A quarter outside 1–4 or twice, a negative figure, more passed than assessed or more assessed than trained.</exception>
    public static byte[] Render(YunnanAnnualSummaryData data)
    {
        for (var i = 0; i < data.Quarters.Count; i++)
        {
            var q = data.Quarters[i];
            if (q.Quarter is < 1 or > 4) throw new ArgumentException($"quarters[{i}].quarter: {q.Quarter} is not 1–4", nameof(data));
            if (data.Quarters.Take(i).Any(o => o.Quarter == q.Quarter)) throw new ArgumentException($"quarters[{i}].quarter: quarter {q.Quarter} twice", nameof(data));
            if (q.Classes < 0 || q.Trainees < 0 || q.Assessed < 0 || q.Passed < 0 || q.Subsidy < 0 || q.Institutions < 0)
                throw new ArgumentException($"quarters[{i}]: figures cannot be negative", nameof(data));
            if (q.Passed > q.Assessed) throw new ArgumentException($"quarters[{i}].passed: {q.Passed} passed of {q.Assessed} assessed", nameof(data));
            if (q.Assessed > q.Trainees) throw new ArgumentException($"quarters[{i}].assessed: {q.Assessed} assessed of {q.Trainees} trainees", nameof(data));
        }

        var title = TitleOf(data.Reporter, data.Year);
        var sheet = new SheetForm(title, "年度统计", data.Date)
            .Columns(14, 10, 12, 14, 12, 10, 16, 14)
            .Landscape()
            .Across(title, SheetStyle.Title, 32)
            .Split($"填报单位（盖章）：{data.Reporter}", $"填报日期：{FormText.Date(data.Date)}", 5)
            .Row(30, H("季度"), H("班次（个）"), H("培训人数（人）"), H("已考核人数（人）"), H("合格人数（人）"), H("合格率"), H("补贴资金（元）"), H("承办机构（家）"));
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var q = data.Quarters.FirstOrDefault(r => r.Quarter == quarter) ?? new AnnualQuarterRow { Quarter = quarter };
            sheet.Row(24, [new SheetCell($"第{quarter}季度", SheetStyle.Header), .. Figures(q.Classes, q.Trainees, q.Assessed, q.Passed, q.Subsidy, q.Institutions)]);
        }
        var all = data.Quarters;
        sheet.Row(24, [new SheetCell("合计", SheetStyle.Header), .. Figures(all.Sum(q => q.Classes), all.Sum(q => q.Trainees), all.Sum(q => q.Assessed),
            all.Sum(q => q.Passed), all.Sum(q => q.Subsidy), data.InstitutionsInYear)]);
        sheet.Signatures("填表人", "审核人", "批准人")
            .Across("注：合格率＝合格人数÷已考核人数。签字栏须本人签字，不得以打印代替（云人社通〔2022〕50号 §二十）。", SheetStyle.Plain);
        foreach (var note in data.Notes) sheet.Across(note, SheetStyle.Plain);
        return sheet.ToBytes();
    }

    private static SheetCell H(string text) => new(text, SheetStyle.Header);

    private static SheetCell[] Figures(int classes, int trainees, int assessed, int passed, decimal subsidy, int institutions) =>
    [
        new SheetCell(classes, SheetStyle.Integer),
        new SheetCell(trainees, SheetStyle.Integer),
        new SheetCell(assessed, SheetStyle.Integer),
        new SheetCell(passed, SheetStyle.Integer),
        new SheetCell(FormText.Rate(passed, assessed), SheetStyle.Percent),
        new SheetCell(subsidy, SheetStyle.Money),
        new SheetCell(institutions, SheetStyle.Integer),
    ];
}
