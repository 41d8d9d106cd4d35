using Pipeline.Activities.Forms.Layout;

namespace Pipeline.Activities.Forms;

/// <summary>
/// One line of the quarter's figures: for a category, or for one class or institution of it (lines of the same
/// category are added up).
/// </summary>
public sealed record QuarterlyCategoryRow
{
    /// <summary>培训类别.</summary>
    public required TrainingCategory Category { get; init; }

    /// <summary>班次.</summary>
    public int Classes { get; init; }

    /// <summary>人数.</summary>
    public int Trainees { get; init; }

    /// <summary>合格人数.</summary>
    public int Passed { get; init; }

    /// <summary>补贴资金 in yuan.</summary>
    public decimal Subsidy { get; init; }

    /// <summary>承办职业培训机构.</summary>
    public IReadOnlyList<string> Institutions { get; init; } = [];
}

/// <summary>The record behind <see cref="QujingQuarterlyStatistics"/>.</summary>
public sealed record QujingQuarterlyStatisticsData
{
    /// <summary>填报单位 (the county employment service agency).</summary>
    public required string Reporter { get; init; }

    public required int Year { get; init; }

    /// <summary>1–4.</summary>
    public required int Quarter { get; init; }

    /// <summary>填报日期: printed, and the document's date.</summary>
    public required DateOnly Date { get; init; }

    public required IReadOnlyList<QuarterlyCategoryRow> Rows { get; init; }

    /// <summary>What the figures do not contain (stated, never guessed), printed under the table.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// QJ 附件1 曲靖市职业培训情况统计表 (quarterly training statistics of Qujing, R-QJ-6) as an XLSX. The seed gives the
/// title and the contents (培训类别、班次、人数、合格率、补贴资金及承办职业培训机构); the layout is ours: a title row, the
/// quarter (2026年第2季度), 填报单位 and 填报日期, one row per category (all three, zeros included), a 合计 row, then
/// signature cells for 填表人 / 审核人 / 批准人 left for the hand (YN §二十). 合格人数 is added as the base of 合格率.
/// Counts and amounts are numbers; 合格率 is a fraction shown with the format <c>0.0%</c>, empty when nobody trained.
/// </summary>
public static class QujingQuarterlyStatistics
{
    public const string Title = "曲靖市职业培训情况统计表";

    /// <exception cref="ArgumentException">A quarter outside 1–4, a negative figure, or more passed than trained.</exception>
    public static byte[] Render(QujingQuarterlyStatisticsData data)
    {
        if (data.Quarter is < 1 or > 4)
            throw new ArgumentException($"quarter: {data.Quarter} is not 1–4", nameof(data));
        for (var i = 0; i < data.Rows.Count; i++)
        {
            var r = data.Rows[i];
            if (r.Classes < 0 || r.Trainees < 0 || r.Passed < 0 || r.Subsidy < 0)
                throw new ArgumentException($"rows[{i}]: figures cannot be negative", nameof(data));
            if (r.Passed > r.Trainees)
                throw new ArgumentException($"rows[{i}].passed: {r.Passed} passed of {r.Trainees} trainees", nameof(data));
        }

        var sheet = new SheetForm(Title, "统计表", data.Date)
            .Columns(6, 20, 10, 10, 15, 10, 16, 40)
            .Landscape()
            .Across(Title, SheetStyle.Title, 32)
            .Across($"（{data.Year}年第{data.Quarter}季度）", SheetStyle.Centred, 20)
            .Split($"填报单位（盖章）：{data.Reporter}", $"填报日期：{FormText.Date(data.Date)}", 5)
            .Row(30, H("序号"), H("培训类别"), H("班次（个）"), H("人数（人）"), H("合格人数（人）"), H("合格率"), H("补贴资金（元）"), H("承办职业培训机构"));

        var categories = Enum.GetValues<TrainingCategory>();
        foreach (var (category, number) in categories.Select((c, i) => (c, i + 1)))
        {
            var rows = data.Rows.Where(r => r.Category == category).ToList();
            sheet.Row(24, Figures(new SheetCell(number, SheetStyle.Integer), category.Label(), rows.Sum(r => r.Classes), rows.Sum(r => r.Trainees),
                rows.Sum(r => r.Passed), rows.Sum(r => r.Subsidy), Institutions(rows)));
        }
        var all = data.Rows;
        var institutions = all.SelectMany(r => r.Institutions).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().Count();
        sheet.Row(24, Figures(new SheetCell("合计", SheetStyle.Header) { Span = 2 }, null, all.Sum(r => r.Classes), all.Sum(r => r.Trainees),
            all.Sum(r => r.Passed), all.Sum(r => r.Subsidy), $"共{institutions}家"));

        sheet
            .Signatures("填表人", "审核人", "批准人")
            .Across("注：合格率＝合格人数÷人数。签字栏须本人签字，不得以打印代替。", SheetStyle.Plain);
        foreach (var note in data.Notes) sheet.Across(note, SheetStyle.Plain);
        return sheet.ToBytes();
    }

    private static SheetCell H(string text) => new(text, SheetStyle.Header);

    private static SheetCell[] Figures(SheetCell first, string? category, int classes, int trainees, int passed, decimal subsidy, string institutions)
    {
        var cells = new List<SheetCell> { first };
        if (category is not null) cells.Add(category);
        cells.AddRange(
        [
            new SheetCell(classes, SheetStyle.Integer),
            new SheetCell(trainees, SheetStyle.Integer),
            new SheetCell(passed, SheetStyle.Integer),
            new SheetCell(FormText.Rate(passed, trainees), SheetStyle.Percent),
            new SheetCell(subsidy, SheetStyle.Money),
            new SheetCell(institutions, SheetStyle.TextLeft),
        ]);
        return cells.ToArray();
    }

    private static string Institutions(IEnumerable<QuarterlyCategoryRow> rows) =>
        string.Join("、", rows.SelectMany(r => r.Institutions).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct());
}
