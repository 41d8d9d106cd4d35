namespace Pipeline.Activities.Forms.Layout;

/// <summary>
/// The frame of a notice to an institution (通知书): title, case number, addressee, then the caller's body, then
/// 特此通知, the issuing bureau and the date, right-aligned.
/// </summary>
internal static class NoticeLayout
{
    public static WordForm Start(string title, NoticeData notice) =>
        new WordForm(title, notice.Date)
            .Paragraph(title, TextStyle.Title with { Size = 22, After = 6 })
            .Paragraph($"案件编号：{notice.CaseNumber}", TextStyle.Line with { Align = Align.Right, After = 12 })
            .Paragraph($"{notice.Institution}：", TextStyle.Body with { IndentChars = 0 });

    public static byte[] End(WordForm form, NoticeData notice) =>
        form.Paragraph("特此通知。", TextStyle.Body)
            .Paragraph(notice.Bureau, TextStyle.Body with { IndentChars = 0, Align = Align.Right, Before = 36 })
            .Paragraph(FormText.Date(notice.Date), TextStyle.Body with { IndentChars = 0, Align = Align.Right })
            .ToBytes();

    /// <summary>"你单位于2026年6月20日报送的“班名”" (without the date when the submission date is not known).</summary>
    public static string Submitted(NoticeData notice) =>
        $"你单位{(notice.SubmittedOn is { } d ? $"于{FormText.Date(d)}" : "")}报送的“{notice.ClassName}”";
}
