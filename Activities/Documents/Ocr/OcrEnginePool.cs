using System.Collections.Concurrent;

namespace Pipeline.Activities.Documents.Ocr;

/// <summary>
/// Hands out at most <see cref="OcrOptions.MaxParallelism"/> engines of the configured kind, one per concurrent
/// worker, created lazily and kept for reuse (a tesseract engine loads its model, ≈ 0.17 s; PaddleOCR's models are
/// loaded once for the pool and shared by its engines). Each image is deskewed before recognition and,
/// when its first reading is poor, read again turned (see <see cref="OcrOptions.OrientationRetryChars"/>).
/// Long-lived: one per process.
/// </summary>
public sealed class OcrEnginePool : IDisposable
{
    private readonly OcrOptions _options;
    private readonly ConcurrentBag<IOcrEngine> _idle = [];
    private readonly SemaphoreSlim _slots;
    private readonly List<IOcrEngine> _all = [];
    private readonly Lock _paddleLock = new();
    private Paddle.PaddleModels? _paddleModels;
    private bool _disposed;

    public OcrEnginePool(OcrOptions options)
    {
        _options = options;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxParallelism));
    }

    public OcrOptions Options => _options;

    /// <summary>Recognises one image on a free engine, waiting for one if all are busy.</summary>
    /// <exception cref="OcrUnavailableException">The engine cannot start.</exception>
    public async Task<OcrResult> RecognizeAsync(LeptonicaImage image, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_idle.TryTake(out var engine))
            {
                engine = CreateEngine();
                lock (_all) _all.Add(engine);
            }
            try
            {
                return Recognize(engine, image);
            }
            finally
            {
                _idle.Add(engine);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private IOcrEngine CreateEngine() => _options.Engine switch
    {
        OcrEngineKind.Paddle => new Paddle.PaddleEngine(PaddleModels(), _options.Paddle, _options.DefaultDpi),
        _ => new TesseractEngine(_options),
    };

    /// <summary>The shared PaddleOCR models, loaded on first use; a failed load is tried again on the next page (models installed meanwhile).</summary>
    private Paddle.PaddleModels PaddleModels()
    {
        lock (_paddleLock)
            return _paddleModels ??= Paddle.PaddleModels.Load(Paddle.PaddleModels.ResolveFolder(_options.Paddle.ModelFolder));
    }

    private OcrResult Recognize(IOcrEngine engine, LeptonicaImage image)
    {
        var first = RecognizeUpright(engine, image);
        if (_options.OrientationRetryChars <= 0 || !LooksMisoriented(first)) return first;
        var best = first;
        foreach (var quarterTurns in (int[])[2, 1, 3])
        {
            using var turned = image.Rotated(quarterTurns);
            if (turned is null) continue;
            var reading = RecognizeUpright(engine, turned);
            if (Quality(reading) > Quality(best)) best = reading;
            if (!LooksMisoriented(best)) break;
        }
        return best;
    }

    private OcrResult RecognizeUpright(IOcrEngine engine, LeptonicaImage image)
    {
        if (!_options.Deskew) return engine.Recognize(image);
        using var straight = image.Deskewed();
        return engine.Recognize(straight ?? image);
    }

    private bool LooksMisoriented(OcrResult result) =>
        Text.ChineseText.ReadableLength(result.Text) < _options.OrientationRetryChars || result.Confidence < _options.OrientationRetryConfidence;

    /// <summary>Readable characters weighted by confidence: a right-way-up page reads more, and more surely.</summary>
    private static double Quality(OcrResult result) => Text.ChineseText.ReadableLength(result.Text) * (double)result.Confidence;

    public void Dispose()
    {
        _disposed = true;
        lock (_all)
        {
            foreach (var engine in _all) engine.Dispose();
            _all.Clear();
        }
        lock (_paddleLock) _paddleModels?.Dispose();
        _slots.Dispose();
    }
}
