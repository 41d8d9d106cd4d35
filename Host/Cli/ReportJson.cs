using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Activities.Packs;

namespace Pipeline.Host.Cli;

/// <summary>The pack report as the JSON document of architecture.md (camelCase, Chinese kept readable).</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(PackReport report) => JsonSerializer.Serialize(report, Options);
}
