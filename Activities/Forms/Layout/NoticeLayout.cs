namespace Pipeline.Activities.Forms.Layout;

/// <summary>
/// The frame of a notice to an institution (通知书): title, case number, addressee, then the caller's body, then
/// 特此通知, the issuing bureau and the date, right-aligned.
/// </summary>
internal static class NoticeLayout
{
    public static WordForm Start(string title, DateOnly date, string caseNumber, string institution) =>
        new WordForm(title, date)
            .Paragraph(title, TextStyle.Title with { Size = 22, After = 6 })
            .Paragraph($"案件编号：{caseNumber}", TextStyle.Line with { Align = Align.Right, After = 12 })
            .Paragraph($"{institution}：", TextStyle.Body with { IndentChars = 0 });

    public static byte[] End(WordForm form, string bureau, DateOnly date) =>
        form.Paragraph("特此通知。", TextStyle.Body)
            .Paragraph(bureau, TextStyle.Body with { IndentChars = 0, Align = Align.Right, Before = 36 })
            .Paragraph(FormText.Date(date), TextStyle.Body with { IndentChars = 0, Align = Align.Right })
            .ToBytes();

    /// <summary>"于2026年6月20日" when the submission date is known, else nothing.</summary>
    public static string SubmittedOn(DateOnly? submitted) => submitted is { } d ? $"于{FormText.Date(d)}" : "";
}
