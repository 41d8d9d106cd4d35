using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Activities.Packs;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Cases;

/// <summary>
/// The latest pack report of each instance, as the bundle-check JSON, in <c>$PIPELINE_DATA/reports/{instanceId}.json</c>.
/// A file rather than a variable: the class-opening service task maps only <c>verdict</c> and <c>missing</c> out of the
/// job, and the full report (page texts) is too large for the instance row and its history.
/// </summary>
public sealed class PackReportStore(PipelineOptions options)
{
    private string Folder => Path.Combine(options.DataFolder, "reports");

    public async Task SaveAsync(Guid instanceId, PackReport report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var temp = Path.Combine(Folder, $"{instanceId:N}.{Guid.NewGuid():N}.part");
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(report, ReportJson.Options), cancellationToken);
        File.Move(temp, PathOf(instanceId), overwrite: true);
    }

    /// <summary>The report as JSON, or null when no pack of the instance was checked yet.</summary>
    public async Task<JsonObject?> LoadAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var path = PathOf(instanceId);
        if (!File.Exists(path)) return null;
        return JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken)) as JsonObject;
    }

    /// <summary>
    /// The most recently checked report among <paramref name="instanceIds"/> (a case and its stages: the class case's
    /// packs are checked in its sub-processes), as JSON, or null when none has one.
    /// </summary>
    public async Task<JsonObject?> LatestAsync(IEnumerable<Guid> instanceIds, CancellationToken cancellationToken)
    {
        var latest = instanceIds.Select(PathOf).Select(p => new FileInfo(p)).Where(f => f.Exists).MaxBy(f => f.LastWriteTimeUtc);
        return latest is null ? null : JsonNode.Parse(await File.ReadAllTextAsync(latest.FullName, cancellationToken)) as JsonObject;
    }

    private string PathOf(Guid instanceId) => Path.Combine(Folder, $"{instanceId:N}.json");
}
