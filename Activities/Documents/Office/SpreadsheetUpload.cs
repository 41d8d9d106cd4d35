using DocumentFormat.OpenXml.Packaging;
using Pipeline.Activities.Documents.Intake;

namespace Pipeline.Activities.Documents.Office;

/// <summary>
/// An uploaded XLSX read as a table (not as pages), under the same limits as every upload (<see cref="IntakeOptions"/>):
/// size, ZIP entry count and declared bytes, characters per part.
/// </summary>
public static class SpreadsheetUpload
{
    /// <summary>Opens the workbook at <paramref name="path"/> read-only and runs <paramref name="read"/> on it.</summary>
    /// <exception cref="DocumentRejectedException"><see cref="RejectionReason.Empty"/>; <see cref="RejectionReason.TooLarge"/>
    /// (file, ZIP or part over its limit); <see cref="RejectionReason.NotASpreadsheet"/> (not a ZIP, or a ZIP without
    /// <c>xl/workbook.xml</c>: a PDF, an old .xls, a DOCX); <see cref="RejectionReason.Damaged"/>; and whatever
    /// <paramref name="read"/> refuses.</exception>
    public static T Read<T>(string path, IntakeOptions options, Func<SpreadsheetDocument, T> read)
    {
        var length = DocumentIntake.CheckLength(path, options);
        var head = new byte[Math.Min(1024, length)];
        using (var file = File.OpenRead(path)) file.ReadExactly(head);
        if (DocumentIntake.Sniff(head) != "zip")
            throw new DocumentRejectedException(RejectionReason.NotASpreadsheet, $"no ZIP signature (looks like {DocumentIntake.Sniff(head) ?? "unknown"})");
        if (!DocumentIntake.ZipEntryNames(path, options).Contains("xl/workbook.xml"))
            throw new DocumentRejectedException(RejectionReason.NotASpreadsheet, "ZIP without xl/workbook.xml");
        return OfficePackage.Read(options.MaxOfficePartCharacters, settings =>
        {
            using var doc = SpreadsheetDocument.Open(path, false, settings);
            return read(doc);
        });
    }
}
