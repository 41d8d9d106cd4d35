using Pipeline.Activities.Forms.Layout;

namespace Pipeline.Activities.Forms;

/// <summary>One occupation's employment figures for the year.</summary>
public sealed record EmploymentRow
{
    /// <summary>培训专业（工种）.</summary>
    public required string Occupation { get; init; }

    /// <summary>期数 (classes run).</summary>
    public int Sessions { get; init; }

    /// <summary>培训人数.</summary>
    public int Trained { get; init; }

    /// <summary>结业人数.</summary>
    public int Completed { get; init; }

    /// <summary>单位就业 (employed by an employer).</summary>
    public int EmployedByUnit { get; init; }

    /// <summary>自主创业 (self-employed, own business).</summary>
    public int SelfEmployed { get; init; }

    /// <summary>灵活就业 (flexible employment).</summary>
    public int Flexible { get; init; }

    /// <summary>就业人数: the three kinds of employment of WS §四(三) added up.</summary>
    public int Employed => EmployedByUnit + SelfEmployed + Flexible;
}

/// <summary>The record behind <see cref="JiaozuoEmploymentStatistics"/>.</summary>
public sealed record JiaozuoEmploymentStatisticsData
{
    /// <summary>The training institution (the XX机构 of the title).</summary>
    public required string Institution { get; init; }

    /// <summary>The year reported (the 20XX of the title).</summary>
    public required int Year { get; init; }

    /// <summary>填报日期: printed, and the document's date.</summary>
    public required DateOnly Date { get; init; }

    public required IReadOnlyList<EmploymentRow> Rows { get; init; }

    /// <summary>What the figures do not contain (stated, never guessed), printed under the table.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// JZ 附件9 XX机构20XX年度就业情况统计表 (an institution's yearly employment statistics, reported half-yearly with the
/// follow-up, R-JZ-6) as an XLSX. The seed gives only the title; the columns are our choice: 序号, 培训专业（工种）, 期数,
/// 培训人数, 结业人数, 就业人数, 其中 单位就业 / 自主创业 / 灵活就业 (the three kinds of employment proof of WS §四(三)),
/// 就业率. 就业人数 is the sum of the three kinds; 就业率 = 就业人数 ÷ 结业人数 (the trainees followed up), a fraction
/// shown as <c>0.0%</c>. One row per occupation, a 合计 row, then 填表人 / 审核人 / 负责人 signature cells left for the hand.
/// </summary>
public static class JiaozuoEmploymentStatistics
{
    public static string TitleOf(string institution, int year) => $"{institution}{year}年度就业情况统计表";

    /// <exception cref="ArgumentException">A negative figure, more completing than trained, or more employed than completed.</exception>
    public static byte[] Render(JiaozuoEmploymentStatisticsData data)
    {
        for (var i = 0; i < data.Rows.Count; i++)
        {
            var r = data.Rows[i];
            if (r.Sessions < 0 || r.Trained < 0 || r.Completed < 0 || r.EmployedByUnit < 0 || r.SelfEmployed < 0 || r.Flexible < 0)
                throw new ArgumentException($"rows[{i}]: figures cannot be negative", nameof(data));
            if (r.Completed > r.Trained)
                throw new ArgumentException($"rows[{i}].completed: {r.Completed} completed of {r.Trained} trained", nameof(data));
            if (r.Employed > r.Completed)
                throw new ArgumentException($"rows[{i}]: {r.Employed} employed (unit + self + flexible) of {r.Completed} completed", nameof(data));
        }

        var title = TitleOf(data.Institution, data.Year);
        var sheet = new SheetForm(title, "就业情况", data.Date)
            .Columns(6, 22, 8, 10, 10, 10, 10, 10, 10, 10)
            .Landscape()
            .Across(title, SheetStyle.Title, 32)
            .Split($"填报单位（盖章）：{data.Institution}", $"填报日期：{FormText.Date(data.Date)}", 6)
            .Row(22, H("序号", down: 2), H("培训专业（工种）", down: 2), H("期数", down: 2), H("培训人数", down: 2), H("结业人数", down: 2),
                H("就业人数", down: 2), new SheetCell("其中", SheetStyle.Header) { Span = 3 }, H("就业率", down: 2))
            .Row(22, H("单位就业"), H("自主创业"), H("灵活就业"));

        for (var i = 0; i < data.Rows.Count; i++)
        {
            var r = data.Rows[i];
            sheet.Row(22, [new SheetCell(i + 1, SheetStyle.Integer), r.Occupation, .. Figures(
                r.Sessions, r.Trained, r.Completed, r.Employed, r.EmployedByUnit, r.SelfEmployed, r.Flexible)]);
        }
        var all = data.Rows;
        sheet.Row(22, [new SheetCell("合计", SheetStyle.Header) { Span = 2 }, .. Figures(
            all.Sum(r => r.Sessions), all.Sum(r => r.Trained), all.Sum(r => r.Completed), all.Sum(r => r.Employed),
            all.Sum(r => r.EmployedByUnit), all.Sum(r => r.SelfEmployed), all.Sum(r => r.Flexible))]);

        sheet
            .Signatures("填表人", "审核人", "负责人")
            .Across("注：就业人数＝单位就业＋自主创业＋灵活就业；就业率＝就业人数÷结业人数。签字栏须本人签字。", SheetStyle.Plain);
        foreach (var note in data.Notes) sheet.Across(note, SheetStyle.Plain);
        return sheet.ToBytes();
    }

    private static SheetCell H(string text, int down = 1) => new(text, SheetStyle.Header) { Down = down };

    private static SheetCell[] Figures(int sessions, int trained, int completed, int employed, int unit, int self, int flexible) =>
    [
        .. new[] { sessions, trained, completed, employed, unit, self, flexible }.Select(n => new SheetCell(n, SheetStyle.Integer)),
        new SheetCell(FormText.Rate(employed, completed), SheetStyle.Percent),
    ];
}
