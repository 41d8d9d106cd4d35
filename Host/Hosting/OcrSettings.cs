using Pipeline.Activities.Documents.Ocr;

namespace Pipeline.Host.Hosting;

/// <summary>
/// The OCR settings of the Host and the CLI, from the environment: <c>$PIPELINE_OCR</c> (<c>paddle</c> or
/// <c>tesseract</c>; the CLI's <c>--ocr</c> wins), <c>$PIPELINE_TESSDATA</c> (a tessdata folder) and
/// <c>$PIPELINE_MODELS</c> (the folder holding <c>ppocr-v4/</c>, read by <see cref="Activities.Documents.Ocr.Paddle.PaddleModels"/>).
/// </summary>
public static class OcrSettings
{
    /// <param name="engine">An engine name that overrides <c>$PIPELINE_OCR</c>, or null.</param>
    /// <exception cref="ArgumentException">The engine name is neither <c>paddle</c> nor <c>tesseract</c>.</exception>
    public static OcrOptions FromEnvironment(string? engine = null)
    {
        var name = engine ?? Environment.GetEnvironmentVariable("PIPELINE_OCR");
        var defaults = new OcrOptions();
        var kind = string.IsNullOrWhiteSpace(name)
            ? defaults.Engine
            : OcrEngineNames.Parse(name) ?? throw new ArgumentException($"unknown OCR engine '{name}' (paddle or tesseract)");
        return defaults with
        {
            Engine = kind,
            TessdataPath = Environment.GetEnvironmentVariable("PIPELINE_TESSDATA") is { Length: > 0 } t ? t : null,
        };
    }
}
