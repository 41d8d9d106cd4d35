using System.Text;

namespace Pipeline.Activities.Documents.Pdf;

/// <summary>
/// Poppler's command-line tools (Debian <c>poppler-utils</c> 22.12) run as child processes with timeouts. PDFs are
/// read in process by PdfPig (<see cref="PdfPigFile"/>); Poppler renders the pages that need it: <c>pdftoppm -gray</c>
/// renders a page to PGM on stdout for OCR (no temporary files) when it is not a scan whose image can be taken as it
/// is (vector content, several images, 1-bit, JBIG2, JPX). For a file PdfPig cannot parse, <c>pdfinfo</c> decides
/// whether it is refused (damaged, encrypted, no pages) or read by Poppler alone, with <c>pdftotext -layout</c> for
/// its text layers (≈ 11 ms a page).
/// </summary>
public sealed class Poppler(TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);

    /// <summary>A page may render to at most this many times an A4 page's pixels (A1 is 8×); larger is refused.</summary>
    private const int MaxPagePixelsFactor = 8;

    /// <summary>Reads the page count (used for files PdfPig cannot parse).</summary>
    /// <exception cref="DocumentRejectedException">Encrypted, damaged, or zero pages.</exception>
    public async Task<PdfInfo> InfoAsync(string path, CancellationToken cancellationToken)
    {
        var result = await ChildProcess.RunAsync("pdfinfo", [path], _timeout, cancellationToken).ConfigureAwait(false);
        var stdout = Encoding.UTF8.GetString(result.StandardOutput);
        var encrypted = Field(stdout, "Encrypted")?.StartsWith("yes", StringComparison.Ordinal) == true
            || result.StandardError.Contains("Incorrect password", StringComparison.OrdinalIgnoreCase);
        if (encrypted)
            throw new DocumentRejectedException(RejectionReason.Encrypted);
        if (result.StandardError.Contains("Invalid page count 0", StringComparison.Ordinal))
            throw new DocumentRejectedException(RejectionReason.NoPages);
        if (result.ExitCode != 0 || !int.TryParse(Field(stdout, "Pages"), out var pages))
            throw new DocumentRejectedException(RejectionReason.Damaged, FirstLine(result.StandardError));
        if (pages <= 0)
            throw new DocumentRejectedException(RejectionReason.NoPages);
        return new PdfInfo(pages, encrypted);
    }

    /// <summary>
    /// The text layers of every page (layout kept), in one <c>pdftotext</c> run; index 0 is page 1. Image-only
    /// pages give empty strings. An unreadable text layer gives all-empty pages (they are OCR'd instead).
    /// </summary>
    public async Task<IReadOnlyList<string>> TextLayersAsync(string path, int pageCount, CancellationToken cancellationToken)
    {
        var result = await ChildProcess.RunAsync(
            "pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], _timeout, cancellationToken).ConfigureAwait(false);
        var pages = result.ExitCode == 0 ? Encoding.UTF8.GetString(result.StandardOutput).Split('\f') : [];
        return Enumerable.Range(0, pageCount).Select(i => i < pages.Length ? pages[i] : "").ToList();
    }

    /// <summary>
    /// Renders page <paramref name="page"/> (1-based) as an 8-bit grey PGM at <paramref name="dpi"/>, into a pooled
    /// buffer the caller disposes (≈ 8.7 MB for A4 at 300 dpi).
    /// </summary>
    /// <exception cref="DocumentRejectedException">Poppler cannot render the page.</exception>
    public async Task<PooledBuffer> RenderGrayAsync(string path, int page, int dpi, CancellationToken cancellationToken)
    {
        var p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var a4Pixels = (int)(8.27 * dpi * 11.7 * dpi);
        var (exit, pgm, stderr) = await ChildProcess.RunPooledAsync(
            "pdftoppm", ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-f", p, "-l", p, path],
            _timeout, a4Pixels + 4096, cancellationToken, maxStdout: MaxPagePixelsFactor * a4Pixels).ConfigureAwait(false);
        if (exit == 0 && pgm.Length > 0) return pgm;
        pgm.Dispose();
        throw new DocumentRejectedException(RejectionReason.Damaged, $"page {page}: {FirstLine(stderr)}");
    }

    private static string? Field(string pdfinfo, string name)
    {
        foreach (var line in pdfinfo.Split('\n'))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
                return line[(name.Length + 1)..].Trim();
        }
        return null;
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
