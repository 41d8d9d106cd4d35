namespace Pipeline.Activities.Documents.Ocr;

/// <summary>Recognised text of one image and tesseract's mean word confidence (0–100).</summary>
public sealed record OcrResult(string Text, int Confidence);
