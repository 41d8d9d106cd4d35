namespace Pipeline.Activities.Documents;

/// <summary>Why an upload cannot be checked.</summary>
public enum RejectionReason
{
    Empty,
    UnsupportedType,
    Encrypted,
    Damaged,
    Truncated,
    NoPages,
    TooLarge,
    UnreadableImage,

    /// <summary>An image declares more pixels than a page can have (a pixel bomb).</summary>
    TooManyPixels,

    /// <summary>Reading the document took longer than its time budget.</summary>
    TimedOut,

    /// <summary>A table import (a sign-in sheet) was given something other than an Excel workbook (.xlsx).</summary>
    NotASpreadsheet,

    /// <summary>A table import found no header row with the columns its layout requires; <see cref="DocumentRejectedException.Detail"/> names them.</summary>
    NoHeaderRow,
}

/// <summary>
/// An upload that cannot be checked. <see cref="Exception.Message"/> is one line a clerk understands,
/// Chinese first, then English; <see cref="Detail"/> carries the tool's own words for the log.
/// </summary>
public sealed class DocumentRejectedException(RejectionReason reason, string? detail = null)
    : Exception(MessageFor(reason))
{
    public RejectionReason Reason { get; } = reason;
    public string? Detail { get; } = detail;

    /// <summary>In a pack of several files: the file that was refused (named first in <see cref="Message"/>).</summary>
    public string? FileName { get; init; }

    public override string Message => FileName is null ? base.Message : $"「{FileName}」：{base.Message}";

    /// <summary>The clerk-facing sentence for each reason.</summary>
    public static string MessageFor(RejectionReason reason) => reason switch
    {
        RejectionReason.Empty => "文件是空的（0 字节），请重新上传。The file is empty (0 bytes).",
        RejectionReason.UnsupportedType => "不支持的文件类型：请上传 PDF、图片（PNG/JPEG/TIFF）、图片 ZIP 包或 Word/Excel 文件。Unsupported file type: upload a PDF, PNG/JPEG/TIFF image, ZIP of page images, DOCX or XLSX.",
        RejectionReason.Encrypted => "PDF 已加密或设有密码，请上传未加密的文件。The PDF is encrypted; upload an unencrypted copy.",
        RejectionReason.Damaged => "文件已损坏，无法读取，请重新导出或扫描后上传。The file is damaged and cannot be read.",
        RejectionReason.Truncated => "文件不完整（可能上传中断），请重新上传。The file is incomplete (truncated); upload it again.",
        RejectionReason.NoPages => "文件中没有任何页面。The document has no pages.",
        RejectionReason.TooLarge => "文件过大，请拆分后上传。The file is too large; split it and upload the parts.",
        RejectionReason.TooManyPixels => "图片尺寸异常（像素过多），请按 200–300 dpi 重新扫描后上传。The image declares far more pixels than a scanned page; scan it again at 200–300 dpi.",
        RejectionReason.TimedOut => "文件处理超时，请检查文件是否异常，或拆分后重新上传。Reading the file took too long; check it or split it and upload the parts.",
        RejectionReason.UnreadableImage => "图片无法解码，请重新扫描后上传。The image cannot be decoded; scan it again.",
        RejectionReason.NotASpreadsheet => "不是 Excel 工作簿：请另存为 .xlsx 格式后上传。The file is not an Excel workbook; save it as .xlsx and upload it again.",
        RejectionReason.NoHeaderRow => "表格中找不到规定的表头行（列名），请按模板填写后上传。The spreadsheet has no header row with the required column names; fill in the template and upload it again.",
        _ => reason.ToString(),
    };
}
