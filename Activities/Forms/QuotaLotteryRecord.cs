using Pipeline.Activities.Forms.Layout;
using Pipeline.Activities.Procurement.Lottery;

namespace Pipeline.Activities.Forms;

/// <summary>The record behind <see cref="QuotaLotteryRecord"/>: the output of <c>quota.draw</c> with the occasion.</summary>
public sealed record QuotaLotteryRecordData
{
    /// <summary>组织单位, e.g. 文水县人力资源和社会保障局.</summary>
    public required string Bureau { get; init; }

    /// <summary>The training year the quotas are for (年度), e.g. 2023.</summary>
    public required int Year { get; init; }

    /// <summary>抽签日期: also the document's date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>抽签地点, when recorded.</summary>
    public string? Place { get; init; }

    /// <summary>The lottery as <c>quota.draw</c> returned it (its output <c>lottery</c>).</summary>
    public required QuotaLotteryResult Lottery { get; init; }

    /// <summary>The bureau's staff who conducted the draw (工作人员); blank lines for two when empty.</summary>
    public IReadOnlyList<string> Staff { get; init; } = [];

    /// <summary>Witnesses (监督/见证人员); blank lines for two when empty.</summary>
    public IReadOnlyList<string> Witnesses { get; init; } = [];
}

/// <summary>
/// 培训区域和任务数抽签记录 (record of the quota lottery, WS §二(二), R-WS-2) as a DOCX: the occasion, the seed and the
/// method that let anyone repeat the draw, the participating institutions in draw order (with a signature column for
/// each one's representative), the result (lot, area, institution, yearly quota), the areas not drawn (凤城镇四关四街,
/// free recruitment) and signature lines for the bureau's staff and the witnesses. Deterministic: the same record gives
/// the same bytes.
/// </summary>
public static class QuotaLotteryRecord
{
    public const string Title = "培训区域和任务数抽签记录";

    /// <exception cref="ArgumentException">A lottery without participants or assignments, or an assignment to an institution that did not take part.</exception>
    public static byte[] Render(QuotaLotteryRecordData data)
    {
        var lottery = data.Lottery;
        if (lottery.DrawOrder.Count == 0 || lottery.Assignments.Count == 0)
            throw new ArgumentException("lottery: a lottery record needs the draw order and at least one assignment", nameof(data));
        if (lottery.Assignments.FirstOrDefault(a => !lottery.DrawOrder.Contains(a.Institution, StringComparer.Ordinal)) is { } stranger)
            throw new ArgumentException($"lottery.assignments: {stranger.Institution} did not take part in the draw", nameof(data));

        var form = new WordForm(Title, data.Date)
            .Paragraph($"{data.Year}年度{Title}", TextStyle.Title);
        form.Table(10.5, 22, 78)
            .Row(26, "组织单位", new Cell(data.Bureau) { Align = Align.Left })
            .Row(26, "抽签日期", new Cell(FormText.Date(data.Date)) { Align = Align.Left })
            .Row(26, "抽签地点", new Cell(FormText.OrBlank(data.Place)) { Align = Align.Left })
            .Row(26, "依据", new Cell($"对已签约的培训机构，经抽签方式确定各培训学校培训区域和年度培训任务数（{lottery.Rule}）") { Align = Align.Left })
            .Row(26, "随机种子", new Cell(lottery.Seed + (lottery.SeedDrawn ? "（系统生成）" : "")) { Align = Align.Left })
            .Row(40, "抽签方法", new Cell("按 SHA-256(种子:机构) 由小到大确定抽签顺序，按 SHA-256(种子:lots:区域) 由小到大排列签号，"
                + "第 i 签归抽签顺序第 i 位机构（区域多于机构时依次轮转）。凭种子和名单可复核。") { Align = Align.Left });

        form.Paragraph("一、参加抽签的培训机构", TextStyle.Line with { Before = 10, After = 4 });
        var participants = form.Table(10.5, 14, 56, 30)
            .Row(24, new Cell("抽签顺序") { Bold = true }, new Cell("培训机构") { Bold = true }, new Cell("机构代表（签字）") { Bold = true });
        for (var i = 0; i < lottery.DrawOrder.Count; i++)
            participants.Row(22, FormText.Number(i + 1), new Cell(lottery.DrawOrder[i]) { Align = Align.Left }, "");

        form.Paragraph("二、抽签结果", TextStyle.Line with { Before = 10, After = 4 });
        var result = form.Table(10.5, 12, 30, 40, 18)
            .Row(24, new Cell("签号") { Bold = true }, new Cell("培训区域") { Bold = true }, new Cell("培训机构") { Bold = true }, new Cell("年度任务数（人）") { Bold = true });
        foreach (var a in lottery.Assignments)
            result.Row(22, FormText.Number(a.Lot), a.Area, new Cell(a.Institution) { Align = Align.Left }, FormText.Number(a.Quota));
        result.Row(22, new Cell("合计") { Span = 3 }, FormText.Number(lottery.Assignments.Sum(a => a.Quota)));

        if (lottery.FreeRecruitment.Count > 0)
            form.Paragraph($"{string.Join("、", lottery.FreeRecruitment)}内不进行抽签，各培训机构可根据已公布的工种目录进行自主招生组织培训（{lottery.Rule}）。",
                TextStyle.Line with { IndentChars = 2, Before = 8 });

        form.Paragraph($"工作人员（签字）：{Names(data.Staff)}", TextStyle.Line with { Before = 16 })
            .Paragraph($"监督见证人员（签字）：{Names(data.Witnesses)}", TextStyle.Line with { Before = 10 })
            .Paragraph(FormText.Date(data.Date), TextStyle.Line with { Align = Align.Right, Before = 10 });
        return form.ToBytes();
    }

    /// <summary>Each name followed by a line to sign on; two blank lines when no one is named.</summary>
    private static string Names(IReadOnlyList<string> names) =>
        names.Count == 0 ? $"{FormText.Blank}　　{FormText.Blank}" : string.Join("　　", names.Select(n => $"{n} {FormText.Blank}"));
}
