using System.Collections.Concurrent;
using System.Text.Json;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Cases.Documents;

/// <summary>A document a case produced (文书): a notice or form rendered by <c>form.render</c>, kept by SHA-256 in the original store.</summary>
/// <param name="Form">The form id of <c>FormCatalog</c>, e.g. <c>return-notice</c>.</param>
/// <param name="NodeId">The service task that rendered it.</param>
public sealed record CaseDocument(string Sha256, string FileName, string ContentType, string Form, string NodeId, DateTimeOffset At);

/// <summary>
/// The documents each instance rendered, in order, in <c>$PIPELINE_DATA/documents/{instanceId}.json</c> (written by the
/// job runner as each <c>form.render</c> job completes; a repeated job with the same document is recorded once).
/// </summary>
public sealed class CaseDocumentStore(PipelineOptions options)
{
    /// <summary>Forms addressed to the institution (their staff may read them); every other form is the bureau's.</summary>
    public static readonly IReadOnlySet<string> InstitutionForms = new HashSet<string>(StringComparer.Ordinal) { "return-notice", "acceptance-notice" };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    private string Folder => Path.Combine(options.DataFolder, "documents");

    public async Task AddAsync(Guid instanceId, CaseDocument document, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(instanceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var list = (await ReadAsync(instanceId, cancellationToken)).ToList();
            if (list.Any(d => d.Sha256 == document.Sha256 && d.NodeId == document.NodeId)) return;
            list.Add(document);
            Directory.CreateDirectory(Folder);
            var temp = Path.Combine(Folder, $"{instanceId:N}.{Guid.NewGuid():N}.part");
            await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(list, Json), cancellationToken);
            File.Move(temp, PathOf(instanceId), overwrite: true);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The documents of these instances (a case and its stages), oldest first.</summary>
    public async Task<IReadOnlyList<CaseDocument>> ListAsync(IEnumerable<Guid> instanceIds, CancellationToken cancellationToken)
    {
        var all = new List<CaseDocument>();
        foreach (var id in instanceIds) all.AddRange(await ReadAsync(id, cancellationToken));
        return all.OrderBy(d => d.At).ToList();
    }

    private async Task<IReadOnlyList<CaseDocument>> ReadAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var path = PathOf(instanceId);
        if (!File.Exists(path)) return [];
        return JsonSerializer.Deserialize<List<CaseDocument>>(await File.ReadAllTextAsync(path, cancellationToken), Json) ?? [];
    }

    private string PathOf(Guid instanceId) => Path.Combine(Folder, $"{instanceId:N}.json");
}
