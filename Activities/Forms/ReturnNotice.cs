using Pipeline.Activities.Forms.Layout;
using Pipeline.Activities.Packs;

namespace Pipeline.Activities.Forms;

/// <summary>The record behind <see cref="ReturnNotice"/>.</summary>
public sealed record ReturnNoticeData : NoticeData
{
    /// <summary>Why the materials failed: at least one finding, each with its rule id and page.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>What to resubmit, one item each; when empty, the materials the findings concern.</summary>
    public IReadOnlyList<string> Resubmit { get; init; } = [];

    /// <summary>补正期限, when set.</summary>
    public DateOnly? ResubmitBy { get; init; }
}

/// <summary>
/// 材料退回补正通知书 (return notice) as a DOCX: materials that fail acceptance go back to the institution with a
/// numbered table of findings (rule id, page, message) and the list of what to resubmit, all at once (一次性告知); the
/// subsidy is paid once the completed materials pass (R-WS-15).
/// </summary>
public static class ReturnNotice
{
    public const string Title = "材料退回补正通知书";

    /// <exception cref="ArgumentException">No findings: a return notice says why.</exception>
    public static byte[] Render(ReturnNoticeData data)
    {
        if (data.Findings.Count == 0)
            throw new ArgumentException("findings: a return notice lists at least one finding", nameof(data));
        var deadline = data.ResubmitBy is { } by ? $"于{FormText.Date(by)}前" : "";
        var form = NoticeLayout.Start(Title, data)
            .Paragraph($"{NoticeLayout.Submitted(data)}培训补贴申请材料，经考核验收不合格，现予退回。"
                + $"请对照下列问题逐项补正，{deadline}重新报送；待补足资料验收合格后，再按规定拨付培训补贴资金。",
                TextStyle.Body with { After = 6 });

        var table = form.Table(10.5, 8, 14, 12, 66)
            .Row(22, new Cell("序号") { Bold = true }, new Cell("规则") { Bold = true }, new Cell("页码") { Bold = true }, new Cell("问题说明") { Bold = true });
        for (var i = 0; i < data.Findings.Count; i++)
        {
            var f = data.Findings[i];
            table.Row(22, FormText.Number(i + 1), f.Rule, FormText.Page(f.Page), new Cell(f.Message) { Align = Align.Left });
        }

        IReadOnlyList<string> resubmit = data.Resubmit.Count > 0 ? data.Resubmit : ["按上述问题补正后的全部申请材料"];
        form.Paragraph("需补正并重新报送的材料：", TextStyle.Body with { Before = 6 });
        for (var i = 0; i < resubmit.Count; i++)
            form.Paragraph($"{i + 1}．{resubmit[i]}", TextStyle.Body);
        form.Paragraph("以上事项一次性告知。", TextStyle.Body);
        return NoticeLayout.End(form, data);
    }
}
