using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Activities.Packs;

/// <summary>The pack report as the JSON document of architecture.md (camelCase, Chinese kept readable): the CLI's <c>--json</c> and the Host's stored reports.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(PackReport report) => JsonSerializer.Serialize(report, Options);
}
