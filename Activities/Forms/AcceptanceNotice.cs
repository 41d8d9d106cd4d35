using Pipeline.Activities.Forms.Layout;

namespace Pipeline.Activities.Forms;

/// <summary>The record behind <see cref="AcceptanceNotice"/>.</summary>
public sealed record AcceptanceNoticeData : NoticeData
{
    /// <summary>培训职业（工种）, when given.</summary>
    public string? Occupation { get; init; }

    /// <summary>最终确认的培训人数 (subsidised headcount), when given.</summary>
    public int? SubsidisedHeadcount { get; init; }

    /// <summary>The accepted amount in yuan, to the fen.</summary>
    public required decimal AcceptedAmount { get; init; }
}

/// <summary>
/// 验收合格通知书 (acceptance notice) as a DOCX: the claim's materials passed acceptance and the subsidy is granted for
/// the confirmed headcount; states the accepted amount in figures and in capitals (WS §五(一)).
/// </summary>
public static class AcceptanceNotice
{
    public const string Title = "验收合格通知书";

    /// <exception cref="ArgumentException">The amount is negative or finer than a fen.</exception>
    public static byte[] Render(AcceptanceNoticeData data)
    {
        var capitals = FormText.Capitals(data.AcceptedAmount, "acceptedAmount");
        var occupation = FormText.OrBlank(data.Occupation) is { Length: > 0 } o ? $"（培训职业（工种）：{o}）" : "";
        var headcount = data.SubsidisedHeadcount is { } n ? $"依据最终确认的培训人数{FormText.Number(n)}人，" : "";
        var form = NoticeLayout.Start(Title, data)
            .Paragraph($"{NoticeLayout.Submitted(data)}{occupation}培训补贴申请材料，"
                + "经我局组织专人考核验收，验收合格。"
                + $"{headcount}核定培训补贴资金人民币{FormText.Yuan(data.AcceptedAmount)}元（大写：{capitals}），将按规定程序拨付。",
                TextStyle.Body);
        return NoticeLayout.End(form, data);
    }
}
