using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Host.Hosting;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Cases;

/// <summary>What an upload did: <c>started</c> the case or <c>resubmitted</c> a pack; <see cref="Duplicate"/> when the same bytes came again.</summary>
public sealed record PackAccepted(string BusinessKey, Guid InstanceId, string ProcessId, string Sha256, string FileName, string Action, bool Duplicate);

/// <summary>The upload refused: HTTP status and reason.</summary>
public sealed class UploadRefusedException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}

/// <summary>
/// Accepts a material pack for a case: sniffs its type, stores the original (content-addressed), and starts the case
/// (first pack) or delivers <c>pack-resubmitted</c> (later packs). Idempotent by SHA-256 per business key. Uploads
/// to one Host are serialised; two Hosts starting the same new case at once: the database keeps the first case
/// (primary key on the business key) and the second upload fails with <see cref="CaseExistsException"/>.
/// </summary>
public sealed class CaseUploads(WorkflowEngine engine, IOriginalStore originals, ICaseIndex index, PipelineOptions options)
{
    public const string ResubmittedMessage = "pack-resubmitted";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<PackAccepted> AcceptAsync(
        string businessKey, Stream content, string fileName, string processId, string? profile, string actor, CancellationToken cancellationToken)
    {
        var temp = await SpoolAsync(content, cancellationToken);
        try
        {
            var stored = await originals.StoreAsync(temp, cancellationToken);
            await _gate.WaitAsync(cancellationToken);
            try
            {
                var entry = await index.FindAsync(businessKey, cancellationToken);
                if (entry?.Packs.FirstOrDefault(p => p.Sha256 == stored.Sha256) is { } known)
                    return new PackAccepted(businessKey, entry.InstanceId, entry.ProcessId, known.Sha256, known.FileName, known.Action, Duplicate: true);

                if (entry is null)
                {
                    var instance = await engine.StartAsync(processId, businessKey, new Dictionary<string, object?>
                    {
                        ["document"] = stored.Path, ["profile"] = profile, ["fileName"] = fileName,
                    }, actor, cancellationToken);
                    var pack = new PackUpload(stored.Sha256, fileName, stored.Path, "started", DateTimeOffset.UtcNow, actor);
                    entry = new CaseEntry(businessKey, instance.Id, instance.ProcessId, [pack]);
                    await index.AddCaseAsync(entry, actor, cancellationToken);
                    return new PackAccepted(businessKey, entry.InstanceId, entry.ProcessId, stored.Sha256, fileName, pack.Action, Duplicate: false);
                }
                var resumed = await engine.CorrelateMessageAsync(ResubmittedMessage, businessKey, new Dictionary<string, object?>
                {
                    ["document"] = stored.Path, ["fileName"] = fileName,
                }, actor, cancellationToken);
                if (resumed is null)
                    throw new UploadRefusedException(StatusCodes.Status409Conflict, "The case is not waiting for a pack",
                        $"case '{businessKey}' does not wait for '{ResubmittedMessage}' now; see GET /api/cases/{businessKey}");
                await index.AddPackAsync(businessKey, new PackUpload(stored.Sha256, fileName, stored.Path, "resubmitted", DateTimeOffset.UtcNow, actor), cancellationToken);
                return new PackAccepted(businessKey, entry.InstanceId, entry.ProcessId, stored.Sha256, fileName, "resubmitted", Duplicate: false);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Copies the upload to a temporary file, refusing it past the size limit or when its first bytes are no known format.</summary>
    private async Task<string> SpoolAsync(Stream content, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(options.DataFolder, "tmp");
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".upload");
        try
        {
            await using var file = File.Create(temp);
            var buffer = new byte[81920];
            long total = 0;
            var sniffed = false;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (!sniffed)
                {
                    // The first read may be short; sniff once 1 KiB (or the whole small file) is in.
                    var head = buffer.AsMemory(0, read);
                    while (head.Length < 1024 && (read = await content.ReadAsync(buffer.AsMemory(head.Length), cancellationToken)) > 0)
                        head = buffer.AsMemory(0, head.Length + read);
                    read = head.Length;
                    if (DocumentIntake.Sniff(head.Span) is null)
                        throw new UploadRefusedException(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type",
                            "a pack is a PDF, PNG, JPEG, TIFF, BMP or a ZIP of page images (DOCX/XLSX); these bytes are none of them");
                    sniffed = true;
                }
                total += read;
                if (total > options.MaxUploadBytes)
                    throw new UploadRefusedException(StatusCodes.Status413PayloadTooLarge, "Pack too large",
                        $"a pack may have at most {options.MaxUploadBytes / (1024 * 1024)} MB");
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            if (!sniffed)
                throw new UploadRefusedException(StatusCodes.Status400BadRequest, "Empty file", "the uploaded file is empty");
            return temp;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
