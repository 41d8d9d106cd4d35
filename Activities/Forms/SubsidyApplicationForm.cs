using Pipeline.Activities.Forms.Layout;
using Pipeline.Activities.Packs;

namespace Pipeline.Activities.Forms;

/// <summary>The record behind <see cref="SubsidyApplicationForm"/>. Amounts in yuan, to the fen.</summary>
public sealed record SubsidyApplicationData
{
    /// <summary>培训机构 (申请单位).</summary>
    public required string Institution { get; init; }

    /// <summary>培训班（期次）.</summary>
    public required string ClassName { get; init; }

    /// <summary>培训职业（工种）.</summary>
    public required string Occupation { get; init; }

    /// <summary>培训方式 (e.g. 项目制培训, 订单式培训, 线上培训): the mode the daily rate depends on (R-WS-13).</summary>
    public required string Mode { get; init; }

    /// <summary>Case number (案件编号), when the case has one.</summary>
    public string? CaseNumber { get; init; }

    /// <summary>开班审批人数: the base of the pass rate (R-WS-14).</summary>
    public required int ApprovedHeadcount { get; init; }

    /// <summary>核实人数: trainees verified by inspections and video (R-WS-13).</summary>
    public required int VerifiedHeadcount { get; init; }

    /// <summary>补贴人数: after any cut for a pass rate under the threshold (R-WS-14).</summary>
    public required int SubsidisedHeadcount { get; init; }

    /// <summary>认定培训天数: after deductions for missing video (half days allowed, R-WS-14).</summary>
    public required decimal Days { get; init; }

    /// <summary>补贴标准 in yuan per trainee per day (元/人/天), a profile setting.</summary>
    public required decimal DailyRate { get; init; }

    /// <summary>申请补贴金额 as computed by the case; the form prints it, it does not compute it.</summary>
    public required decimal Amount { get; init; }

    /// <summary>已预拨金额, when an advance was paid (R-YN-1); the balance due is printed beside it.</summary>
    public decimal? Advance { get; init; }

    /// <summary>How the amount was reached, in words, when it is not simply headcount × days × rate (计算说明).</summary>
    public string? Basis { get; init; }

    /// <summary>Findings of the checks (pack check, acceptance), each with its rule id.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>经办人.</summary>
    public string? Handler { get; init; }

    /// <summary>审核人.</summary>
    public string? Reviewer { get; init; }

    /// <summary>负责人.</summary>
    public string? Head { get; init; }

    /// <summary>申请日期: printed, and the document's date.</summary>
    public required DateOnly Date { get; init; }
}

/// <summary>
/// 培训补贴申请表 (subsidy application form, the form that opens a subsidy claim pack, JZ 附件10) as a DOCX: class, mode, headcounts (approved, verified,
/// subsidised), credited days, daily rate, the amount in figures and in capitals (<see cref="ChineseAmount"/>), the
/// advance and balance when an advance was paid, the findings with their rule ids, and the signature lines of handler,
/// reviewer and head (R-YN-10: a handler and a responsible approver for every payment).
/// </summary>
public static class SubsidyApplicationForm
{
    public const string Title = "职业技能培训补贴申请表";

    /// <exception cref="ArgumentException">An amount below zero or finer than a fen, or an advance above the amount.</exception>
    public static byte[] Render(SubsidyApplicationData data)
    {
        var capitals = FormText.Capitals(data.Amount, "amount");
        var form = new WordForm(Title, data.Date)
            .Paragraph(Title, TextStyle.Title)
            .Paragraph($"申请单位（盖章）：{data.Institution}", TextStyle.Line)
            .Paragraph($"编号：{FormText.OrBlank(data.CaseNumber)}　　　申请日期：{FormText.Date(data.Date)}", TextStyle.Line with { Align = Align.Right, After = 4 });

        var table = form.Table(10.5, 22, 28, 22, 28)
            .Row(32, "培训机构", new Cell(data.Institution) { Span = 3, Align = Align.Left })
            .Row(32, "培训班（期次）", data.ClassName, "培训职业（工种）", data.Occupation)
            .Row(32, "培训方式", data.Mode, "开班审批人数", $"{FormText.Number(data.ApprovedHeadcount)}人")
            .Row(32, "核实人数", $"{FormText.Number(data.VerifiedHeadcount)}人", "补贴人数", $"{FormText.Number(data.SubsidisedHeadcount)}人")
            .Row(32, "认定培训天数", $"{FormText.Number(data.Days)}天", "补贴标准", $"{FormText.Yuan(data.DailyRate)}元/人/天")
            .Row(48, "申请补贴金额", new Cell($"（小写）￥{FormText.Yuan(data.Amount)}元\n（大写）人民币{capitals}") { Span = 3, Align = Align.Left });
        if (data.Advance is { } advance)
        {
            FormText.Capitals(advance, "advance");
            if (advance > data.Amount)
                throw new ArgumentException($"advance: {advance} yuan is more than the amount {data.Amount}", nameof(data));
            table.Row(32, "已预拨金额", $"￥{FormText.Yuan(advance)}元", "应拨付余额", $"￥{FormText.Yuan(data.Amount - advance)}元");
        }
        if (FormText.OrBlank(data.Basis) is { Length: > 0 } basis)
            table.Row(32, "计算说明", new Cell(basis) { Span = 3, Align = Align.Left });
        var findings = data.Findings.Count == 0
            ? "无"
            : string.Join("\n", data.Findings.Select((f, i) => $"{i + 1}．[{f.Rule}] {f.Message}（{FormText.Page(f.Page)}）"));
        table
            .Row(90, "审核发现", new Cell(findings) { Span = 3, Align = Align.Left })
            .Row(110, "审核签字", new Cell(string.Join("\n",
                FormText.Signature("经办人", data.Handler),
                FormText.Signature("审核人", data.Reviewer),
                FormText.Signature("负责人", data.Head),
                FormText.BlankDate)) { Span = 3, Align = Align.Left });
        return form.ToBytes();
    }
}
