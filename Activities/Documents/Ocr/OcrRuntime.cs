namespace Pipeline.Activities.Documents.Ocr;

/// <summary>
/// Process-wide preparation for libtesseract. tesseract's OpenMP build oversubscribes the cores unless
/// <c>OMP_THREAD_LIMIT=1</c> is in the C environment before libgomp loads (platform-notes: 7–10 s a page
/// instead of 1.5 s); <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach it,
/// so this calls libc <c>setenv</c>. Parallelism comes from one engine per worker instead. Also silences
/// leptonica's informational messages on stderr and keeps glibc from holding on to freed page images.
/// </summary>
public static class OcrRuntime
{
    private const int MmapThreshold = -3;
    private const int ArenaMax = -8;
    private static int _prepared;

    /// <summary>Idempotent; call before the first engine is created.</summary>
    public static void Prepare()
    {
        if (Interlocked.Exchange(ref _prepared, 1) == 1) return;
        Native.setenv("OMP_THREAD_LIMIT", "1", 1);
        // Page images and tesseract's copies of them are ≈ 9 MB each. glibc's dynamic mmap threshold would move
        // such blocks onto the heap after the first frees, where they stay resident; a fixed 1 MiB threshold keeps
        // them mapped, so they go back to the system when freed. Two arenas are enough for two OCR workers.
        // Measured on a 16-page scan: peak RSS 405 MB → ≈ 300 MB.
        Native.mallopt(MmapThreshold, 1024 * 1024);
        Native.mallopt(ArenaMax, 2);
        // Leptonica writes notes such as "Info in pixRotate" to stderr; failures surface as null images instead.
        Native.setMsgSeverity(6);
    }
}
