using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Packs;
using Pipeline.Host.Authentication;
using Pipeline.Host.Hosting;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Cases;

/// <summary>What an upload did: <c>started</c> the case or <c>resubmitted</c> a pack; <see cref="Duplicate"/> when the same bytes came again.</summary>
public sealed record PackAccepted(string BusinessKey, Guid InstanceId, string ProcessId, string Sha256, string FileName, string Action, bool Duplicate);

/// <summary>One file of an upload: its name as uploaded and its bytes, opened once.</summary>
public sealed record IncomingFile(string FileName, Func<Stream> Open);

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
    PipelineOptions options, TimeProvider time, Microsoft.EntityFrameworkCore.IDbContextFactory<Data.HostDbContext> hostDb,
    Institutions.InstitutionEligibility eligibility)
{
    public const string ResubmittedMessage = "pack-resubmitted";

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="files">The pack's files in order (at most <see cref="PipelineOptions.MaxPackFiles"/>; each name at most
    /// <see cref="UploadNames.MaxFileName"/> characters; together at most <see cref="PipelineOptions.MaxUploadBytes"/>).
    /// One file is the pack; several are kept each by its SHA-256 and the pack is their <see cref="PackManifest"/>.</param>
    /// <exception cref="UploadRefusedException">Bad names or no file (400), unknown process (404), a case of another institution (404),
    /// not a pack format (415, naming the file), too large (413), the case waits for no pack (409).</exception>
    /// <exception cref="CaseExistsException">Another node started the case meanwhile.</exception>
    public async Task<PackAccepted> AcceptAsync(
        string businessKey, IReadOnlyList<IncomingFile> files, string processId, Caller caller, CancellationToken cancellationToken,
        string? classField = null)
    {
        // Everything that can be refused is refused before anything is written.
        if (files.Count == 0)
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "No file", "请选择要上传的材料文件 (the pack has no file)");
        if (files.Count > options.MaxPackFiles)
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "Too many files",
                $"一次最多上传 {options.MaxPackFiles} 个文件，请合并后上传 (a pack has at most {options.MaxPackFiles} files; got {files.Count})");
        foreach (var file in files) UploadNames.Check(businessKey, file.FileName, processId);
        var existing = await index.FindAsync(businessKey, cancellationToken);
        // Only a new case takes class data; a resubmission to an existing case never needs it again.
        var classData = existing is not null
            ? null
            : ClassDataForm.Read(classField, Workflows.Calendar.ChinaTime.Day(time.GetUtcNow()), processId);
        if (await definitions.LatestAsync(processId, cancellationToken) is null)
            throw new UploadRefusedException(StatusCodes.Status404NotFound, "No such process", $"process '{processId}' is not deployed");
        if (existing is not null && existing.InstitutionId != caller.OrganisationId)
            throw NotYours(businessKey);
        if (classData is not null) await CheckEligibleAsync(classData, caller, cancellationToken);

        var temps = new List<string>(files.Count);
        try
        {
            long budget = options.MaxUploadBytes;
            foreach (var file in files)
            {
                await using var content = file.Open();
                var (temp, length) = await SpoolAsync(content, file.FileName, budget, cancellationToken);
                temps.Add(temp);
                budget -= length;
                // A pack manifest names originals by hash; only the server writes one, never an upload (it could name another's files).
                if (PackManifest.TryRead(temp) is not null)
                    throw new UploadRefusedException(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type",
                        $"「{file.FileName}」不是可受理的格式 ('{file.FileName}' is no pack format)");
            }
            var stored = new List<PackFile>(files.Count);
            for (var i = 0; i < files.Count; i++)
                stored.Add(new PackFile((await originals.StoreAsync(temps[i], cancellationToken)).Sha256, files[i].FileName));
            var pack = stored.Count == 1
                ? originals.Find(stored[0].Sha256)!
                : await originals.StoreAsync(PackManifest.Serialize(stored), cancellationToken);
            var packName = PackName(files.Select(f => f.FileName).ToList());
            await _gate.WaitAsync(cancellationToken);
            try
            {
                return await AcceptStoredAsync(businessKey, pack, packName, processId, caller, classData, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            foreach (var temp in temps) File.Delete(temp);
        }
    }

    /// <summary>
    /// A class may be opened only by an institution eligible on the class's first day (<see cref="Institutions.InstitutionEligibility"/>):
    /// not blacklisted (R-YN-12), not graded 不合格 the year before (R-GL-13), registered at city level where the profile
    /// asks it (R-QJ-1), holding a current contract for the occupation where the profile asks one (<c>contract.required</c>),
    /// and for an entrepreneurship class enough SIYB teachers in its pool where the profile asks them (R-QJ-2).
    /// The licence (R-GL-1) is left to the case's own <c>class.check</c>, which the reviewer sees with the rest.
    /// </summary>
    /// <exception cref="UploadRefusedException">409 with every reason and its rule, before anything is stored.</exception>
    private async Task CheckEligibleAsync(string classData, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.OrganisationId is not { } institution) return;
        using var json = System.Text.Json.JsonDocument.Parse(classData);
        var root = json.RootElement;
        if (root.TryGetProperty("occupation", out var occupation) is false || occupation.GetString() is not { Length: > 0 } what
            || !root.TryGetProperty("startDate", out var start)
            || !DateOnly.TryParseExact(start.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            return;
        var kind = root.TryGetProperty("kind", out var k) && k.ValueKind == System.Text.Json.JsonValueKind.String ? k.GetString() : null;
        var answer = await eligibility.EvaluateAsync(institution, what, null, day, cancellationToken, kind);
        var reasons = answer?.Reasons.Where(r => r.Rule != "R-GL-1").ToList() ?? [];
        if (reasons.Count > 0)
            throw new UploadRefusedException(StatusCodes.Status409Conflict, "Not eligible to open a class",
                $"贵机构不具备开班资格：{string.Join("；", reasons.Select(r => $"{r.Message}（{r.Rule}）"))}");
    }

    /// <summary>The pack's name for lists and reports: the file's, or the files' joined (「a.pdf、b.jpg」), cut to the column's length.</summary>
    internal static string PackName(IReadOnlyList<string> names)
    {
        if (names.Count == 1) return names[0];
        var joined = string.Join("、", names);
        var suffix = $" 等{names.Count}个文件";
        return joined.Length <= UploadNames.MaxFileName ? joined : joined[..(UploadNames.MaxFileName - suffix.Length)] + suffix;
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
            variables["institutionId"] = institution.Id;
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

    /// <summary>
    /// Copies one file of the upload to a temporary file, refusing it past <paramref name="budget"/> bytes (what is left
    /// of the pack's limit) or when its first bytes are no known format. Returns the file and its length.
    /// </summary>
    private async Task<(string Path, long Length)> SpoolAsync(Stream content, string fileName, long budget, CancellationToken cancellationToken)
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
                            $"「{fileName}」不是可受理的格式：请上传 PDF、图片（PNG/JPEG/TIFF/BMP）、图片 ZIP 包或 Word/Excel 文件 " +
                            $"('{fileName}' is none of PDF, PNG, JPEG, TIFF, BMP, a ZIP of page images, DOCX or XLSX)");
                    sniffed = true;
                }
                total += read;
                if (total > budget)
                    throw new UploadRefusedException(StatusCodes.Status413PayloadTooLarge, "Pack too large",
                        $"a pack may have at most {options.MaxUploadBytes / (1024 * 1024)} MB");
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            if (!sniffed)
                throw new UploadRefusedException(StatusCodes.Status400BadRequest, "Empty file", $"「{fileName}」是空文件 ('{fileName}' is empty)");
            return (temp, total);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
