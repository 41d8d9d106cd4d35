namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>
/// PaddleOCR PP-OCRv4 on ONNX Runtime (CPU): DB detection → line crops → SVTR recognition → CTC decoding →
/// reading order. Holds no model state of its own (the sessions are shared through <see cref="PaddleModels"/>), so
/// one per worker costs nothing.
/// </summary>
/// <param name="defaultDpi">Resolution assumed for images declaring none (or less than 70 dpi).</param>
public sealed class PaddleEngine(PaddleModels models, PaddleOptions options, int defaultDpi) : IOcrEngine
{
    private readonly TextDetector _detector = new(models.Detector, options);
    private readonly TextRecognizer _recognizer = new(models.Recogniser, models.Alphabet, options);

    public OcrResult Recognize(LeptonicaImage image)
    {
        var page = GreyRaster.From(image);
        var dpi = image.XResolution >= 70 ? image.XResolution : defaultDpi;
        var boxes = _detector.Detect(page, dpi);
        var lines = _recognizer.Recognize(page, boxes).Where(l => l.Confidence >= options.DropScore && l.Text.Trim().Length > 0).ToList();
        var characters = lines.Sum(l => l.Text.Length);
        var confidence = characters == 0 ? 0 : (int)Math.Round(100 * lines.Sum(l => l.Confidence * l.Text.Length) / characters);
        return new OcrResult(ReadingOrder.Text(lines), confidence);
    }

    /// <summary>Nothing to release: the sessions belong to <see cref="PaddleModels"/>, which the pool disposes.</summary>
    public void Dispose()
    {
    }
}
