namespace Pipeline.Activities.Documents.Ocr;

/// <summary>Recognised text of one image and the engine's mean confidence (0–100: tesseract's mean word confidence, PaddleOCR's mean character probability).</summary>
public sealed record OcrResult(string Text, int Confidence);
