using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Cases;

/// <summary>One pack accepted for a case, and the answer the upload got (repeated for the same bytes).</summary>
public sealed record PackUpload(string Sha256, string FileName, string Document, string Action, DateTimeOffset At, string By);

/// <summary>A case: its business key, its process instance and every pack accepted for it.</summary>
public sealed record CaseEntry(string BusinessKey, Guid InstanceId, string ProcessId, IReadOnlyList<PackUpload> Packs);

/// <summary>Business key → process instance and the packs (by SHA-256) already accepted, for idempotent uploads.</summary>
public interface ICaseIndex
{
    Task<CaseEntry?> FindAsync(string businessKey, CancellationToken cancellationToken);

    Task SaveAsync(CaseEntry entry, CancellationToken cancellationToken);
}

/// <summary>
/// <see cref="ICaseIndex"/> as one small file per business key under <c>$PIPELINE_DATA/cases/</c> (named by the key's
/// SHA-256, so any key is a safe file name), written atomically (temp file + rename). Chosen because the workflow
/// stores have no business-key lookup that also finds completed instances, and the EF schema belongs to
/// Workflows.EntityFramework; it moves to a Host table when the Host gets its own DbContext (with Quartz). Writers
/// are serialised per process by <see cref="CaseUploads"/>: one Host node per data folder until then.
/// </summary>
public sealed class FileCaseIndex(PipelineOptions options) : ICaseIndex
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string Folder => Path.Combine(options.DataFolder, "cases");

    public async Task<CaseEntry?> FindAsync(string businessKey, CancellationToken cancellationToken)
    {
        var path = PathOf(businessKey);
        if (!File.Exists(path)) return null;
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<CaseEntry>(file, Json, cancellationToken);
    }

    public async Task SaveAsync(CaseEntry entry, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(entry.BusinessKey);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".part";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(entry, Json), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(string businessKey) =>
        Path.Combine(Folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(businessKey))) + ".json");
}
