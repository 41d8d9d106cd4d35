namespace Pipeline.Activities.Documents.Pdf;

/// <summary>What <c>pdfinfo</c> reports of a PDF: page count and whether it is encrypted.</summary>
public sealed record PdfInfo(int Pages, bool Encrypted);
