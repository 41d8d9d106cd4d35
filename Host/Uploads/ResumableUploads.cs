using System.Text.Json;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Uploads;

/// <summary>An upload in progress (or complete, waiting to be handed to a case).</summary>
/// <param name="Id">32 hex digits.</param>
/// <param name="Owner">User id of who created it: nobody else sees it.</param>
/// <param name="Length">Declared size in bytes.</param>
/// <param name="Offset">Bytes received so far.</param>
/// <param name="FileName">The file's name as the client gave it (tus metadata <c>filename</c>).</param>
public sealed record ResumableUpload(string Id, string Owner, long Length, long Offset, string FileName, DateTimeOffset Created, DateTimeOffset Expires)
{
    public bool Complete => Offset == Length;
}

/// <summary>Why an upload request is refused, as the HTTP status tus expects (400, 404, 409, 413, 415, 429).</summary>
public sealed class UploadProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}

/// <summary>
/// Resumable uploads on disk, for the tus 1.0 endpoint (<see cref="TusEndpoints"/>): <c>$PIPELINE_DATA/uploads/{id}.bin</c>
/// holds the bytes received so far (its length is the offset, so bytes written before a dropped connection are kept)
/// and <c>{id}.json</c> who owns it, its declared length and name. Expired uploads (<see cref="PipelineOptions.UploadExpiry"/>
/// after creation) are removed when the next one is created. One user has at most
/// <see cref="PipelineOptions.MaxPackFiles"/> × 2 uploads open. The first KiB is checked once received: bytes of no
/// pack format are refused (415) and the upload removed, before the rest is sent.
/// </summary>
public sealed class ResumableUploads(PipelineOptions options, TimeProvider time)
{
    private string Folder => Path.Combine(options.DataFolder, "uploads");

    /// <exception cref="UploadProblemException">Bad length (400), too large (413), bad name (400), too many open (429).</exception>
    public ResumableUpload Create(string owner, long length, string fileName)
    {
        if (length <= 0)
            throw new UploadProblemException(StatusCodes.Status400BadRequest, "Empty file", $"「{fileName}」是空文件 ('{fileName}' is empty)");
        if (length > options.MaxUploadBytes)
            throw new UploadProblemException(StatusCodes.Status413PayloadTooLarge, "File too large",
                $"「{fileName}」超过 {options.MaxUploadBytes / (1024 * 1024)} MB，请拆分后上传 (at most {options.MaxUploadBytes / (1024 * 1024)} MB per pack)");
        if (fileName.Length is 0 or > Cases.UploadNames.MaxFileName || fileName.Any(char.IsControl))
            throw new UploadProblemException(StatusCodes.Status400BadRequest, "Bad file name",
                $"文件名长度应为1–{Cases.UploadNames.MaxFileName}个字符，且不含控制字符 (the file name must have 1 to {Cases.UploadNames.MaxFileName} characters)");
        Directory.CreateDirectory(Folder);
        var now = time.GetUtcNow();
        var open = 0;
        foreach (var upload in All())
        {
            if (upload.Expires <= now) Delete(upload.Id);
            else if (upload.Owner == owner) open++;
        }
        if (open >= options.MaxPackFiles * 2)
            throw new UploadProblemException(StatusCodes.Status429TooManyRequests, "Too many uploads",
                $"您有 {open} 个未完成的上传，请先提交或删除 (you have {open} uploads open; submit or delete them first)");
        var created = new ResumableUpload(Guid.NewGuid().ToString("N"), owner, length, 0, fileName, now, now + options.UploadExpiry);
        File.WriteAllBytes(DataPath(created.Id), []);
        File.WriteAllText(MetaPath(created.Id), JsonSerializer.Serialize(new Meta(created.Owner, created.Length, created.FileName, created.Created, created.Expires)));
        return created;
    }

    /// <summary>The upload <paramref name="id"/> of <paramref name="owner"/>, or null (unknown, expired or someone else's).</summary>
    public ResumableUpload? Find(string id, string owner) => Read(id) is { } upload && upload.Owner == owner && upload.Expires > time.GetUtcNow() ? upload : null;

    /// <summary>
    /// Appends the request body at <paramref name="offset"/>, which must be the bytes received so far; stops at the
    /// declared length. Bytes are flushed as they come: a dropped connection keeps what arrived.
    /// </summary>
    /// <returns>The new offset.</returns>
    /// <exception cref="UploadProblemException">Unknown (404), wrong offset (409), more bytes than declared (400), not a pack format (415).</exception>
    public async Task<long> AppendAsync(string id, string owner, long offset, Stream body, CancellationToken cancellationToken)
    {
        var upload = Find(id, owner) ?? throw NotFound(id);
        if (offset != upload.Offset)
            throw new UploadProblemException(StatusCodes.Status409Conflict, "Offset mismatch", $"upload offset is {upload.Offset}, not {offset}");
        var path = DataPath(id);
        FileStream opened;
        try
        {
            opened = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        }
        catch (IOException)
        {
            throw new UploadProblemException(StatusCodes.Status409Conflict, "Upload busy", "another request is writing this upload");
        }
        await using (var file = opened)
        {
            var buffer = new byte[81920];
            var written = upload.Offset;
            int read;
            try
            {
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (written + read > upload.Length)
                        throw new UploadProblemException(StatusCodes.Status400BadRequest, "Too many bytes", $"the upload declared {upload.Length} bytes");
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    written += read;
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
            {
                // The connection dropped: keep what arrived; the client asks for the offset (HEAD) and sends the rest.
                await file.FlushAsync(CancellationToken.None);
                throw;
            }
        }
        var received = new FileInfo(path).Length;
        if (upload.Offset < Math.Min(1024, upload.Length) && received >= Math.Min(1024, upload.Length)) Sniff(upload, path);
        return received;
    }

    /// <summary>The complete upload's bytes for reading.</summary>
    /// <exception cref="UploadProblemException">Unknown (404) or not complete yet (409).</exception>
    public Stream OpenComplete(string id, string owner)
    {
        var upload = Find(id, owner) ?? throw NotFound(id);
        if (!upload.Complete)
            throw new UploadProblemException(StatusCodes.Status409Conflict, "Upload not complete",
                $"「{upload.FileName}」尚未上传完成（{upload.Offset}/{upload.Length} 字节）(the upload is not complete)");
        return File.OpenRead(DataPath(id));
    }

    public void Delete(string id)
    {
        File.Delete(DataPath(id));
        File.Delete(MetaPath(id));
    }

    private void Sniff(ResumableUpload upload, string path)
    {
        var head = new byte[Math.Min(1024, upload.Length)];
        using (var file = File.OpenRead(path)) file.ReadExactly(head);
        if (DocumentIntake.Sniff(head) is not null) return;
        Delete(upload.Id);
        throw new UploadProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type",
            $"「{upload.FileName}」不是可受理的格式：请上传 PDF、图片（PNG/JPEG/TIFF/BMP）、图片 ZIP 包或 Word/Excel 文件 ('{upload.FileName}' is no pack format)");
    }

    private IEnumerable<ResumableUpload> All() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.json").Select(p => Read(Path.GetFileNameWithoutExtension(p))).OfType<ResumableUpload>().ToList()
            : [];

    private ResumableUpload? Read(string id)
    {
        if (id is not { Length: 32 } || id.AsSpan().ContainsAnyExcept("0123456789abcdef")) return null;
        try
        {
            var meta = JsonSerializer.Deserialize<Meta>(File.ReadAllText(MetaPath(id)));
            var data = new FileInfo(DataPath(id));
            return meta is null || !data.Exists ? null : new ResumableUpload(id, meta.Owner, meta.Length, data.Length, meta.FileName, meta.Created, meta.Expires);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    private static UploadProblemException NotFound(string id) =>
        new(StatusCodes.Status404NotFound, "No such upload", $"没有此上传，或已过期 (no upload '{id}', or it expired)");

    private string DataPath(string id) => Path.Combine(Folder, id + ".bin");
    private string MetaPath(string id) => Path.Combine(Folder, id + ".json");

    private sealed record Meta(string Owner, long Length, string FileName, DateTimeOffset Created, DateTimeOffset Expires);
}
