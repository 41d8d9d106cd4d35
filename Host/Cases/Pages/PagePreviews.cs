using System.Collections.Concurrent;
using Pipeline.Activities;
using Pipeline.Activities.Documents;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Cases.Pages;

/// <summary>Preview sizes of a pack page, by width in pixels.</summary>
public enum PreviewSize
{
    /// <summary>240 pixels wide: the page strip (缩略图).</summary>
    Thumb,

    /// <summary>1,240 pixels wide: the page read on screen (大图).</summary>
    Large,
}

/// <summary>A page preview: the cached PNG, or why there is none.</summary>
/// <param name="Path">The PNG on disk; null when the page has no image (a DOCX or XLSX page is text only).</param>
public sealed record PagePreview(string? Path);

/// <summary>
/// Page previews of stored packs (页面缩略图), rendered server-side and cached by content under
/// <c>$PIPELINE_DATA/previews/{sha[0..2]}/{sha}/{page}-{width}.png</c>: a pack never changes under its SHA-256, so a
/// preview is made once. Thumbnails are made for the whole pack in one pass (the pack opened once, pages in order) the
/// first time any is asked for; a large page is made on demand. Renders run at most two at a time on this node; a
/// page that cannot be rendered (damaged) is answered as having no image rather than failing the page strip.
/// </summary>
public sealed class PagePreviews(PackCheckingServices packs, IOriginalStore originals, PipelineOptions options, ILogger<PagePreviews> log)
{
    public const int ThumbWidth = 240;
    public const int LargeWidth = 1240;

    /// <summary>A4 is 8.27 inches wide: a vector page rendered at width / 8.27 dpi (rounded up) fills the preview.</summary>
    private static int DpiFor(int width) => (int)Math.Ceiling(width / 8.27) + 4;

    private readonly SemaphoreSlim _renders = new(2, 2);
    private readonly ConcurrentDictionary<string, Lazy<Task>> _thumbPasses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<PagePreview>>> _largePages = new(StringComparer.Ordinal);

    /// <summary>The preview of page <paramref name="page"/> (1-based) of the stored pack <paramref name="sha256"/>.</summary>
    /// <returns>Null when the pack is not stored or has no such page.</returns>
    public async Task<PagePreview?> GetAsync(string sha256, int page, PreviewSize size, CancellationToken cancellationToken)
    {
        if (originals.Find(sha256) is not { } original || page < 1) return null;
        var width = size == PreviewSize.Thumb ? ThumbWidth : LargeWidth;
        if (Cached(sha256, page, width) is { } done) return done;
        if (size == PreviewSize.Thumb)
        {
            var pass = _thumbPasses.GetOrAdd(sha256, _ => new Lazy<Task>(() => RenderThumbsAsync(original)));
            try
            {
                await pass.Value.WaitAsync(cancellationToken);
            }
            finally
            {
                if (pass.Value.IsCompleted) _thumbPasses.TryRemove(new(sha256, pass));
            }
            return Cached(sha256, page, width);
        }
        var key = $"{sha256}/{page}";
        var render = _largePages.GetOrAdd(key, _ => new Lazy<Task<PagePreview>>(() => RenderLargeAsync(original, page)));
        try
        {
            return await render.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (render.Value.IsCompleted) _largePages.TryRemove(new(key, render));
        }
    }

    /// <summary>Every page's thumbnail, in page order, the pack opened once.</summary>
    private async Task RenderThumbsAsync(StoredOriginal original)
    {
        await _renders.WaitAsync();
        try
        {
            using var pack = await packs.Packs.OpenAsync(original, "", CancellationToken.None);
            for (var page = 1; page <= pack.Document.PageCount; page++)
            {
                if (Cached(original.Sha256, page, ThumbWidth) is not null) continue;
                await RenderAsync(pack.Document, original.Sha256, page, ThumbWidth);
            }
        }
        catch (Exception e) when (e is DocumentRejectedException or KeyNotFoundException)
        {
            log.LogWarning("Pack {Sha} has no previews: {Reason}", original.Sha256[..12], e.Message);
        }
        finally
        {
            _renders.Release();
        }
    }

    private async Task<PagePreview> RenderLargeAsync(StoredOriginal original, int page)
    {
        await _renders.WaitAsync();
        try
        {
            using var pack = await packs.Packs.OpenAsync(original, "", CancellationToken.None);
            if (page > pack.Document.PageCount) return new PagePreview(null);
            return await RenderAsync(pack.Document, original.Sha256, page, LargeWidth);
        }
        catch (Exception e) when (e is DocumentRejectedException or KeyNotFoundException)
        {
            log.LogWarning("Pack {Sha} page {Page} has no preview: {Reason}", original.Sha256[..12], page, e.Message);
            return new PagePreview(null);
        }
        finally
        {
            _renders.Release();
        }
    }

    /// <summary>Renders one page and caches it (a <c>.none</c> marker for a page without an image).</summary>
    private async Task<PagePreview> RenderAsync(Activities.Documents.Pages.PagedDocument document, string sha256, int page, int width)
    {
        byte[]? png = null;
        try
        {
            using var image = await document.PreviewImageAsync(page, DpiFor(width), CancellationToken.None);
            png = image?.ToPng(width);
        }
        catch (DocumentRejectedException e)
        {
            log.LogWarning("Pack {Sha} page {Page} cannot be rendered: {Reason}", sha256[..12], page, e.Message);
        }
        var path = PathOf(sha256, page, width);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.part";
        if (png is null)
        {
            await File.WriteAllBytesAsync(temp, []);
            File.Move(temp, path + ".none", overwrite: true);
            return new PagePreview(null);
        }
        await File.WriteAllBytesAsync(temp, png);
        File.Move(temp, path, overwrite: true);
        return new PagePreview(path);
    }

    private PagePreview? Cached(string sha256, int page, int width)
    {
        var path = PathOf(sha256, page, width);
        if (File.Exists(path)) return new PagePreview(path);
        return File.Exists(path + ".none") ? new PagePreview(null) : null;
    }

    private string PathOf(string sha256, int page, int width) =>
        System.IO.Path.Combine(options.DataFolder, "previews", sha256[..2], sha256, $"{page}-{width}.png");
}
