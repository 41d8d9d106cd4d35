namespace Pipeline.Activities.Documents.Ocr;

/// <summary>Which OCR engine reads page images (setting <c>Ocr:Engine</c>, CLI <c>--ocr</c>).</summary>
public enum OcrEngineKind
{
    /// <summary>PaddleOCR PP-OCRv4 (DB detection + SVTR recognition) on ONNX Runtime, CPU.</summary>
    Paddle,

    /// <summary>libtesseract 5 with Debian's <c>chi_sim</c> model.</summary>
    Tesseract,
}

/// <summary>Parsing of engine names as users type them.</summary>
public static class OcrEngineNames
{
    /// <summary>Parses <c>paddle</c> or <c>tesseract</c> (any case); null for anything else.</summary>
    public static OcrEngineKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "paddle" or "paddleocr" => OcrEngineKind.Paddle,
        "tesseract" => OcrEngineKind.Tesseract,
        _ => null,
    };

    /// <summary>The lower-case name used in reports and on the command line.</summary>
    public static string Name(this OcrEngineKind kind) => kind == OcrEngineKind.Paddle ? "paddle" : "tesseract";
}
