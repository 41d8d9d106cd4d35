namespace Pipeline.Activities.Documents.Ocr;

/// <summary>
/// One OCR engine instance, used by one worker at a time (<see cref="OcrEnginePool"/> hands them out).
/// Implementations: <see cref="TesseractEngine"/> (libtesseract) and <see cref="Paddle.PaddleEngine"/>
/// (PaddleOCR PP-OCRv4 on ONNX Runtime).
/// </summary>
public interface IOcrEngine : IDisposable
{
    /// <summary>
    /// Recognises a page image owned by the caller (any leptonica depth). Returns the page's text, lines top to
    /// bottom and the cells of a table row on one line separated by two spaces, and a mean confidence 0–100.
    /// </summary>
    OcrResult Recognize(LeptonicaImage image);
}
