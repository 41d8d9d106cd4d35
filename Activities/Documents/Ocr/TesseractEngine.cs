using System.Runtime.InteropServices;

namespace Pipeline.Activities.Documents.Ocr;

/// <summary>
/// One libtesseract engine (a <c>TessBaseAPI</c>). Not thread-safe: use one per worker, through
/// <see cref="OcrEnginePool"/>. Loading the chi_sim model takes ≈ 0.17 s and ≈ 45 MB.
/// </summary>
public sealed class TesseractEngine : IOcrEngine
{
    private IntPtr _api;
    private readonly OcrOptions _options;

    /// <exception cref="OcrUnavailableException">libtesseract is not installed or the language data is missing.</exception>
    public TesseractEngine(OcrOptions options)
    {
        _options = options;
        OcrRuntime.Prepare();
        try
        {
            _api = Native.TessBaseAPICreate();
        }
        catch (DllNotFoundException e)
        {
            throw new OcrUnavailableException("libtesseract 5 is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim).", e);
        }
        if (Native.TessBaseAPIInit3(_api, options.TessdataPath, options.Language) != 0)
        {
            Native.TessBaseAPIDelete(_api);
            _api = IntPtr.Zero;
            throw new OcrUnavailableException(
                $"Tesseract could not load language '{options.Language}' from {options.TessdataPath ?? "the system tessdata"} (apt-get install tesseract-ocr-chi-sim).");
        }
        Native.TessBaseAPISetPageSegMode(_api, options.PageSegMode);
        // Keeps the spaces of table layouts so that roster columns stay apart.
        Native.TessBaseAPISetVariable(_api, "preserve_interword_spaces", "1");
        // tesseract prints diagnostics ("Detected N diacritics") to stderr unless told otherwise.
        Native.TessBaseAPISetVariable(_api, "debug_file", "/dev/null");
    }

    /// <summary>
    /// Recognises a leptonica image (owned by the caller). Images declaring no resolution are read
    /// as <see cref="OcrOptions.DefaultDpi"/>.
    /// </summary>
    public OcrResult Recognize(LeptonicaImage image)
    {
        ObjectDisposedException.ThrowIf(_api == IntPtr.Zero, this);
        Native.TessBaseAPISetImage2(_api, image.Handle);
        var declared = image.XResolution;
        Native.TessBaseAPISetSourceResolution(_api, declared >= 70 ? declared : _options.DefaultDpi);
        var textPtr = Native.TessBaseAPIGetUTF8Text(_api);
        string text;
        try
        {
            text = Marshal.PtrToStringUTF8(textPtr) ?? "";
        }
        finally
        {
            if (textPtr != IntPtr.Zero) Native.TessDeleteText(textPtr);
        }
        var confidence = Native.TessBaseAPIMeanTextConf(_api);
        Native.TessBaseAPIClear(_api);
        return new OcrResult(text, Math.Max(0, confidence));
    }

    public void Dispose()
    {
        if (_api == IntPtr.Zero) return;
        Native.TessBaseAPIEnd(_api);
        Native.TessBaseAPIDelete(_api);
        _api = IntPtr.Zero;
    }
}

/// <summary>The OCR engine cannot start on this machine (library or language data missing).</summary>
public sealed class OcrUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
