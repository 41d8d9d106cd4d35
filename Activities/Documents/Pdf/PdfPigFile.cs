using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Pipeline.Activities.Documents.Pdf;

/// <summary>
/// A PDF opened in process by PdfPig 0.1.16, guarded. PdfPig has no cancellation and no output caps, so every call
/// into it (the open, and each page's parse and extraction) runs on a thread-pool thread under a wall-clock deadline
/// of <c>timeout</c>; past it the document is refused with <see cref="RejectionReason.TimedOut"/>, never retried,
/// and every later call is refused at once (the stuck thread cannot be stopped; it is left to finish, and the PdfPig
/// document is disposed only after it does). PdfPig's document is not documented thread-safe, so calls are serialised
/// by a semaphore: a page's extraction takes milliseconds to a few hundred, its OCR a second or more.
/// </summary>
public sealed class PdfPigFile : IDisposable
{
    private readonly UglyToad.PdfPig.PdfDocument _document;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Task _running = Task.CompletedTask;
    private string? _stuck;
    private int _disposed;

    private PdfPigFile(UglyToad.PdfPig.PdfDocument document, TimeSpan timeout)
    {
        _document = document;
        _timeout = timeout;
    }

    /// <summary>Number of pages (≥ 1).</summary>
    public int PageCount => _document.NumberOfPages;

    /// <summary>
    /// Parses the file at <paramref name="path"/> (read whole into memory; the caller has bounded its size).
    /// </summary>
    /// <exception cref="DocumentRejectedException">
    /// <see cref="RejectionReason.Encrypted"/> (any encryption, even with an empty user password, as <c>pdfinfo</c>
    /// reported it), <see cref="RejectionReason.NoPages"/>, <see cref="RejectionReason.TimedOut"/>.
    /// </exception>
    /// <exception cref="PdfPigUnreadableException">PdfPig cannot parse the file (it may still be one Poppler reads).</exception>
    public static async Task<PdfPigFile> OpenAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var open = Task.Run(() => UglyToad.PdfPig.PdfDocument.Open(path, Options), CancellationToken.None);
        UglyToad.PdfPig.PdfDocument document;
        try
        {
            document = await open.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // The open goes on; whatever it opens is disposed when it ends.
            _ = open.ContinueWith(t => { if (t.IsCompletedSuccessfully) t.Result.Dispose(); }, TaskScheduler.Default);
            if (e is OperationCanceledException) throw;
            throw new DocumentRejectedException(RejectionReason.TimedOut, $"PdfPig did not open the file within {timeout.TotalSeconds:0} s");
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentRejectedException(RejectionReason.Encrypted);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new PdfPigUnreadableException(e);
        }
        if (document.IsEncrypted)
        {
            document.Dispose();
            throw new DocumentRejectedException(RejectionReason.Encrypted);
        }
        if (document.NumberOfPages <= 0)
        {
            document.Dispose();
            throw new DocumentRejectedException(RejectionReason.NoPages);
        }
        return new PdfPigFile(document, timeout);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on page <paramref name="number"/> (1-based) under the deadline, one call at a time.
    /// Exceptions of <paramref name="read"/> and of PdfPig's page parse come out as they are. When the caller cancels,
    /// the call in progress still holds the document until it ends, so no two calls ever overlap; the result of a call
    /// that overran or was cancelled is dropped.
    /// </summary>
    /// <exception cref="DocumentRejectedException"><see cref="RejectionReason.TimedOut"/>: this or an earlier call overran.</exception>
    public async Task<T> ReadPageAsync<T>(int number, Func<Page, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        Task<T>? work = null;
        try
        {
            if (_stuck is not null) throw new DocumentRejectedException(RejectionReason.TimedOut, _stuck);
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            work = Task.Run(() => read(_document.GetPage(number)), CancellationToken.None);
            _running = work;
            return await work.WaitAsync(_timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Later calls are refused without touching the document, so the gate can open while this one runs on.
            _stuck = $"PdfPig did not read page {number} within {_timeout.TotalSeconds:0} s";
            throw new DocumentRejectedException(RejectionReason.TimedOut, _stuck);
        }
        finally
        {
            if (work is null || work.IsCompleted || _stuck is not null) _gate.Release();
            else _ = work.ContinueWith(_ => _gate.Release(), TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Disposes the PdfPig document once no call is running on it: waits for a call in progress (at most the deadline);
    /// one that runs on past it disposes the document when it ends.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        var entered = _gate.Wait(_timeout);
        try
        {
            _running.ContinueWith(_ => _document.Dispose(), TaskScheduler.Default);
        }
        finally
        {
            if (entered) _gate.Release();
        }
    }

    private static readonly ParsingOptions Options = new()
    {
        UseLenientParsing = true,
        SkipMissingFonts = true,
        ClipPaths = false,
    };
}

/// <summary>PdfPig could not parse a PDF; <see cref="Exception.InnerException"/> holds its own error.</summary>
public sealed class PdfPigUnreadableException(Exception inner) : Exception($"PdfPig cannot parse the file: {inner.Message}", inner);
