namespace Pipeline.Activities.Documents.Ocr;

/// <summary>
/// Process-wide preparation for libtesseract. tesseract's OpenMP build oversubscribes the cores unless
/// <c>OMP_THREAD_LIMIT=1</c> is in the C environment before libgomp loads (platform-notes: 7–10 s a page
/// instead of 1.5 s); <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach it,
/// so this calls libc <c>setenv</c>. Parallelism comes from one engine per worker instead. Also silences
/// leptonica's informational messages on stderr.
/// </summary>
public static class OcrRuntime
{
    private static int _prepared;

    /// <summary>Idempotent; call before the first engine is created.</summary>
    public static void Prepare()
    {
        if (Interlocked.Exchange(ref _prepared, 1) == 1) return;
        Native.setenv("OMP_THREAD_LIMIT", "1", 1);
        // Leptonica writes notes such as "Info in pixRotate" to stderr; failures surface as null images instead.
        Native.setMsgSeverity(6);
    }
}
