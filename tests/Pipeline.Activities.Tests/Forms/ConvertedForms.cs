using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Activities.Forms;

namespace Pipeline.Activities.Tests.Forms;

/// <summary>
/// Every sample form (and a few variants) rendered once and read back by LibreOffice: DOCX as text, XLSX as
/// tab-separated values. Two <c>soffice</c> runs in all, shared by the <see cref="LibreOfficeCollection"/> tests.
/// </summary>
public sealed class ConvertedForms : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pipeline-forms-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>Variants beside the samples: key → (form id, record).</summary>
    public static IReadOnlyDictionary<string, (string Form, JsonElement Data)> Variants { get; } = new Dictionary<string, (string, JsonElement)>
    {
        // Not decided yet: no approval block; and the other category.
        ["qj-approval-form.undecided"] = ("qj-approval-form", Edit(FormSamples.QujingApproval, o =>
        {
            o.Remove("approval");
            o["category"] = "employment-skills";
            o["occupation"] = "中式烹调师";
        })),
        ["subsidy-application.no-advance"] = ("subsidy-application", Edit(FormSamples.SubsidyApplication, o =>
        {
            o.Remove("advance");
            o["findings"] = new JsonArray();
            o["amount"] = 1234567.89m;
        })),
    };

    /// <summary>How long rendering and both conversions took.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The text LibreOffice read from the form or variant <paramref name="key"/>.</summary>
    public string this[string key] => _texts[key];

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(_folder);
        var rendered = new List<(string Key, string Path, string Extension)>();
        var all = FormSamples.ById.Select(s => (s.Key, Form: s.Key, Data: s.Value))
            .Concat(Variants.Select(v => (v.Key, v.Value.Form, v.Value.Data)));
        foreach (var (key, form, data) in all)
        {
            var kind = FormCatalog.Get(form);
            var path = Path.Combine(_folder, key + kind.Extension);
            await File.WriteAllBytesAsync(path, kind.Render(data));
            rendered.Add((key, path, kind.Extension));
        }
        var profile = Path.Combine(_folder, "lo-profile");
        foreach (var (extension, filter, output) in new[] { (".docx", LibreOffice.Text, ".txt"), (".xlsx", LibreOffice.Csv, ".csv") })
        {
            var batch = rendered.Where(r => r.Extension == extension).ToList();
            var converted = await LibreOffice.ConvertAsync(batch.Select(b => b.Path).ToList(), filter, output, Path.Combine(_folder, "out"), profile);
            for (var i = 0; i < batch.Count; i++) _texts[batch[i].Key] = await File.ReadAllTextAsync(converted[i]);
        }
        Elapsed = clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static JsonElement Edit(string json, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        return JsonSerializer.SerializeToElement(node);
    }
}

[CollectionDefinition(Name)]
public sealed class LibreOfficeCollection : ICollectionFixture<ConvertedForms>
{
    public const string Name = "LibreOffice";
}
