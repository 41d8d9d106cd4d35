using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Host.Authentication;
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
/// Accepts a material pack from a training institution's staff for one of its cases: checks the names, sniffs the
/// type, stores the original (content-addressed), then starts the case (first pack) or delivers
/// <c>pack-resubmitted</c> (later packs). Idempotent by SHA-256 per business key. The case row is written before its
/// instance starts, with the instance id reserved in it: a crash between the two leaves a case whose instance the
/// next upload (the client's retry) starts under that id, never an orphan instance nor a second one. Uploads to one
/// Host are serialised; two Hosts starting the same case at once: the database keeps the first case row and the
/// second upload fails with <see cref="CaseExistsException"/>.
/// </summary>
public sealed class CaseUploads(
    WorkflowEngine engine, IDefinitionStore definitions, IInstanceStore instances, IOriginalStore originals, ICaseIndex index,
    PipelineOptions options, TimeProvider time, Microsoft.EntityFrameworkCore.IDbContextFactory<Data.HostDbContext> hostDb)
{
    public const string ResubmittedMessage = "pack-resubmitted";

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="fileName">The upload's file name (at most <see cref="UploadNames.MaxFileName"/> characters).</param>
    /// <exception cref="UploadRefusedException">Bad names (400), unknown process (404), a case of another institution (404),
    /// not a pack format (415), too large (413), the case waits for no pack (409).</exception>
    /// <exception cref="CaseExistsException">Another node started the case meanwhile.</exception>
    public async Task<PackAccepted> AcceptAsync(
        string businessKey, Stream content, string fileName, string processId, Caller caller, CancellationToken cancellationToken,
        string? classField = null)
    {
        // Everything that can be refused is refused before anything is written.
        UploadNames.Check(businessKey, fileName, processId);
        var existing = await index.FindAsync(businessKey, cancellationToken);
        // Only a new case takes class data; a resubmission to an existing case never needs it again.
        var classData = existing is not null
            ? null
            : ClassDataForm.Read(classField, DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime), processId);
        if (await definitions.LatestAsync(processId, cancellationToken) is null)
            throw new UploadRefusedException(StatusCodes.Status404NotFound, "No such process", $"process '{processId}' is not deployed");
        if (existing is not null && existing.InstitutionId != caller.OrganisationId)
            throw NotYours(businessKey);

        var temp = await SpoolAsync(content, cancellationToken);
        try
        {
            var stored = await originals.StoreAsync(temp, cancellationToken);
            await _gate.WaitAsync(cancellationToken);
            try
            {
                return await AcceptStoredAsync(businessKey, stored, fileName, processId, caller, classData, cancellationToken);
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

    private async Task<PackAccepted> AcceptStoredAsync(
        string businessKey, StoredOriginal stored, string fileName, string processId, Caller caller, string? classData, CancellationToken cancellationToken)
    {
        var entry = await index.FindAsync(businessKey, cancellationToken);
        if (entry is not null && entry.InstitutionId != caller.OrganisationId) throw NotYours(businessKey);
        if (entry is null)
        {
            var pack = new PackUpload(stored.Sha256, fileName, stored.Sha256, "started", time.GetUtcNow(), caller.UserId);
            entry = new CaseEntry(businessKey, Guid.CreateVersion7(time.GetUtcNow()), processId, [pack], caller.OrganisationId, caller.Jurisdiction, classData);
            await index.AddCaseAsync(entry, caller.UserId, cancellationToken);
            await StartAsync(entry, cancellationToken);
            return new PackAccepted(businessKey, entry.InstanceId, entry.ProcessId, stored.Sha256, fileName, pack.Action, Duplicate: false);
        }
        if (await instances.GetAsync(entry.InstanceId, cancellationToken) is null)
        {
            // The case was recorded but its instance never started (a crash in between): start it now, with its first pack.
            await StartAsync(entry, cancellationToken);
            if (entry.Packs[0].Sha256 == stored.Sha256)
                return new PackAccepted(businessKey, entry.InstanceId, entry.ProcessId, stored.Sha256, entry.Packs[0].FileName, "started", Duplicate: false);
        }
        if (entry.Packs.FirstOrDefault(p => p.Sha256 == stored.Sha256) is { } known)
            return new PackAccepted(businessKey, entry.InstanceId, entry.ProcessId, known.Sha256, known.FileName, known.Action, Duplicate: true);

        var resumed = await engine.CorrelateMessageAsync(ResubmittedMessage, businessKey, new Dictionary<string, object?>
        {
            ["document"] = stored.Sha256, ["fileName"] = fileName,
        }, caller.UserId, cancellationToken);
        if (resumed is null)
            throw new UploadRefusedException(StatusCodes.Status409Conflict, "The case is not waiting for a pack",
                $"案件当前不需要补交材料 (case '{businessKey}' does not wait for '{ResubmittedMessage}' now; see GET /api/cases/{businessKey})");
        await index.AddPackAsync(businessKey, new PackUpload(stored.Sha256, fileName, stored.Sha256, "resubmitted", time.GetUtcNow(), caller.UserId), cancellationToken);
        return new PackAccepted(businessKey, entry.InstanceId, entry.ProcessId, stored.Sha256, fileName, "resubmitted", Duplicate: false);
    }

    /// <summary>
    /// Starts the case's instance under its reserved id; the engine's variables come from the Host alone: the pack, the
    /// jurisdiction, the institution's name, the class data and the institution's licensed occupations (R-GL-1) as
    /// recorded at registration.
    /// </summary>
    private async Task<ProcessInstance> StartAsync(CaseEntry entry, CancellationToken cancellationToken)
    {
        var first = entry.Packs[0];
        var variables = new Dictionary<string, object?>
        {
            ["document"] = first.Document, ["profile"] = entry.Jurisdiction, ["fileName"] = first.FileName,
        };
        if (entry.ClassData is { } classData)
        {
            using var json = System.Text.Json.JsonDocument.Parse(classData);
            variables["class"] = Workflows.Expressions.FeelValues.FromJson(json.RootElement);
        }
        if (await InstitutionAsync(entry.InstitutionId, cancellationToken) is { } institution)
        {
            variables["institution"] = institution.Name;
            if (entry.ClassData is not null)
                variables["licensedOccupations"] = institution.LicensedOccupations
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Cast<object?>().ToList();
        }
        return await engine.StartAsync(entry.ProcessId, entry.BusinessKey, variables, first.By, cancellationToken, entry.InstanceId);
    }

    private async Task<Data.Accounts.OrganisationRow?> InstitutionAsync(string? institutionId, CancellationToken cancellationToken)
    {
        if (institutionId is null) return null;
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        return await db.Organisations.FindAsync([institutionId], cancellationToken);
    }

    private static UploadRefusedException NotYours(string businessKey) =>
        new(StatusCodes.Status404NotFound, "No such case", $"no case '{businessKey}'");

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
