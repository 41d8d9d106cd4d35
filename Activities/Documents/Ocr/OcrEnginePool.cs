using System.Collections.Concurrent;

namespace Pipeline.Activities.Documents.Ocr;

/// <summary>
/// Hands out at most <see cref="OcrOptions.MaxParallelism"/> tesseract engines, one per concurrent worker,
/// created lazily and kept for reuse (model load ≈ 0.17 s each). Long-lived: one per process.
/// </summary>
public sealed class OcrEnginePool : IDisposable
{
    private readonly OcrOptions _options;
    private readonly ConcurrentBag<TesseractEngine> _idle = [];
    private readonly SemaphoreSlim _slots;
    private readonly List<TesseractEngine> _all = [];
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
                engine = new TesseractEngine(_options);
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

    private OcrResult Recognize(TesseractEngine engine, LeptonicaImage image)
    {
        if (!_options.Deskew) return engine.Recognize(image);
        using var straight = image.Deskewed();
        return engine.Recognize(straight ?? image);
    }

    public void Dispose()
    {
        _disposed = true;
        lock (_all)
        {
            foreach (var engine in _all) engine.Dispose();
            _all.Clear();
        }
        _slots.Dispose();
    }
}
