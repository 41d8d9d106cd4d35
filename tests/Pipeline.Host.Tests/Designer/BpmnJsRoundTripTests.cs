using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Host.Tests.Designer;

/// <summary>
/// Definitions open and save unchanged in bpmn-js: each shipped definition and the every-element sample is opened
/// and saved the way bpmn-js does (bpmn-moddle + zeebe-bpmn-moddle, <c>Designer/scripts/roundtrip.mjs</c>) without
/// import warnings, and the runtime reads the same processes from the saved XML as from the original.
/// </summary>
public sealed class BpmnJsRoundTripTests
{
    private static readonly JsonSerializerOptions Fingerprint = new()
    {
        WriteIndented = true,
        Converters = { new FeelAsText(), new JsonStringEnumConverter() },
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var root = Root();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "workflow-definitions"), "*.bpmn")
                     .Concat(Directory.GetFiles(Path.Combine(root, "tests", "fixtures", "bpmn"), "*.bpmn")).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Saved_by_bpmn_js_the_definition_reads_the_same(string file)
    {
        var root = Root();
        var source = Path.Combine(root, file);
        var outDir = Path.Combine(Path.GetTempPath(), "pipeline-roundtrip-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output) = await NodeAsync(Path.Combine(root, "Designer"), "scripts/roundtrip.mjs", outDir, source);
            Assert.True(exit == 0, output);
            using var report = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            Assert.Empty(report.RootElement.GetProperty("warnings").EnumerateArray());

            var saved = await File.ReadAllTextAsync(Path.Combine(outDir, Path.GetFileName(source)));
            var original = BpmnReader.Read(await File.ReadAllTextAsync(source));
            var reread = BpmnReader.Read(saved);
            Assert.Equal(original.Processes.Select(Describe), reread.Processes.Select(Describe));
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    /// <summary>Everything the runtime reads from a process: nodes with all their properties, flows, scopes.</summary>
    private static string Describe(ProcessModel process) => JsonSerializer.Serialize(new
    {
        process.Id,
        process.Name,
        process.IsExecutable,
        Nodes = process.Nodes.Select(n => new { Type = n.GetType().Name, Node = (object)n, Scope = process.ScopeOf(n.Id) }),
        process.Flows,
    }, Fingerprint);

    private static async Task<(int Exit, string Output)> NodeAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Designer", "package.json"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root (Designer/package.json)");
    }

    private sealed class FeelAsText : JsonConverter<FeelExpression>
    {
        public override FeelExpression Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, FeelExpression value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
    }
}
