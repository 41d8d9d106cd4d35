using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Activities.Catalogue;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Forms;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Tests.Forms;

/// <summary><c>form.render</c>: binds, renders, stores the bytes content-addressed, and refuses clearly.</summary>
public sealed class RenderFormActivityTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pipeline-forms-store-" + Guid.NewGuid().ToString("N"));
    private readonly FolderOriginalStore _store;
    private readonly RenderFormActivity _activity;

    public RenderFormActivityTests()
    {
        _store = new FolderOriginalStore(_root);
        _activity = new RenderFormActivity(_store);
    }

    private Task<ActivityResult<RenderFormOutput>> Run(string form, JsonElement data, string? fileName = null) =>
        _activity.ExecuteAsync(new RenderFormInput { Form = form, Data = data, FileName = fileName }, null, CancellationToken.None);

    private async Task<string> Refusal(string form, JsonElement data, string? fileName = null) =>
        (await Assert.ThrowsAsync<ArgumentException>(() => Run(form, data, fileName))).Message;

    private static JsonElement With(string json, string property, string valueJson)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node[property] = System.Text.Json.Nodes.JsonNode.Parse(valueJson);
        return JsonSerializer.SerializeToElement(node);
    }

    [Fact]
    public void Is_described_as_a_short_documents_activity()
    {
        var d = ActivityDescriber.Describe(typeof(RenderFormActivity));
        Assert.Equal(("form.render", "Documents", "生成文书", false), (d.Type, d.Category, d.DisplayNameZh, d.LongRunning));
        Assert.Contains(d.Inputs, i => i is { Name: "form", TypeName: "string", Required: true });
        Assert.Contains(d.Inputs, i => i is { Name: "data", TypeName: "object", Required: true });
        Assert.Contains(d.Inputs, i => i is { Name: "fileName", Required: false });
        Assert.Equal(["contentType", "document", "fileName"], d.Outputs.Select(o => o.Name).Order());
        Assert.Contains(ActivityCatalogue.Types, t => t == "form.render");
    }

    [Theory]
    [InlineData("qj-approval-form", "曲靖市职业培训计划审批表.docx", FormCatalog.DocxContentType)]
    [InlineData("qj-quarterly-statistics", "曲靖市职业培训情况统计表.xlsx", FormCatalog.XlsxContentType)]
    public async Task Stores_the_document_by_its_SHA256_and_names_it(string form, string fileName, string contentType)
    {
        var done = await Run(form, FormSamples.ById[form]);
        Assert.Equal("done", done.Outcome);
        Assert.Equal((fileName, contentType), (done.Output.FileName, done.Output.ContentType));
        var stored = _store.Find(done.Output.Document)!;
        Assert.Equal(done.Output.Document, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(stored.Path))));

        var again = await Run(form, FormSamples.ById[form], "第二份");
        Assert.Equal(done.Output.Document, again.Output.Document);
        Assert.Equal("第二份" + Path.GetExtension(fileName), again.Output.FileName);
        Assert.Single(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Bytes_and_a_file_with_the_same_content_are_one_original()
    {
        var bytes = FormCatalog.Get("return-notice").Render(FormSamples.ById["return-notice"]);
        var fromBytes = await _store.StoreAsync(bytes, CancellationToken.None);
        var upload = Path.Combine(Path.GetTempPath(), "pipeline-forms-upload-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(upload, bytes);
        var fromFile = await _store.StoreAsync(upload, CancellationToken.None);
        File.Delete(upload);
        Assert.Equal(fromBytes, fromFile);
        Assert.True(File.GetAttributes(fromBytes.Path).HasFlag(FileAttributes.ReadOnly));
    }

    [Fact]
    public async Task An_unknown_form_is_refused_with_the_known_ids()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Run("qj-approval", FormSamples.ById["qj-approval-form"]));
        Assert.Equal("form", e.ParamName);
        Assert.Contains("'qj-approval'", e.Message);
        Assert.Contains("qj-approval-form", e.Message);
        Assert.Empty(Directory.Exists(_root) ? Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories) : []);
    }

    [Theory]
    [InlineData("headcount", "\"thirty\"", "data.headcount")]
    [InlineData("category", "\"vocational\"", "data.category")]
    [InlineData("start", "\"11 May 2026\"", "data.start")]
    [InlineData("place", "null", "data.place")]
    [InlineData("targetGroups", "{ \"poorHouseholdLabour\": [] }", "data.targetGroups.poorHouseholdLabour")]
    [InlineData("headcont", "30", "headcont")]
    public async Task Data_that_does_not_bind_is_refused_naming_the_field(string property, string valueJson, string named)
    {
        var message = await Refusal("qj-approval-form", With(FormSamples.QujingApproval, property, valueJson));
        Assert.Contains(named, message);
        Assert.StartsWith("qj-approval-form: ", message);
    }

    [Fact]
    public async Task An_unknown_category_is_refused_with_the_known_ones() =>
        Assert.Contains("Use one of: employment-skills, entrepreneurship-basics, entrepreneurship-improvement.",
            await Refusal("qj-approval-form", With(FormSamples.QujingApproval, "category", "\"就业技能培训\"")));

    [Fact]
    public async Task A_missing_required_field_is_named()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(FormSamples.QujingApproval)!.AsObject();
        node.Remove("applicant");
        Assert.Contains("data.applicant missing", await Refusal("qj-approval-form", JsonSerializer.SerializeToElement(node)));
    }

    [Fact]
    public async Task Data_that_is_no_object_is_refused() =>
        Assert.Contains("data", await Refusal("acceptance-notice", FormSamples.Json("\"曲靖\"")));

    [Fact]
    public async Task An_inspection_by_one_inspector_is_refused_R_GL_9() =>
        Assert.Contains("gl-inspection-record: data.inspectors: a check is made by 2 inspectors", await Refusal("gl-inspection-record",
            With(FormSamples.GuilinInspection, "inspectors", "[ { \"name\": \"陈晓东\", \"leader\": true } ]")));

    [Fact]
    public async Task An_amount_finer_than_a_fen_is_refused_naming_the_field() =>
        Assert.Contains("data.amount: 12000.005 yuan has a fraction of a fen", await Refusal("subsidy-application", With(FormSamples.SubsidyApplication, "amount", "12000.005")));

    [Fact]
    public async Task A_return_notice_without_findings_is_refused() =>
        Assert.Contains("data.findings", await Refusal("return-notice", With(FormSamples.ReturnNotice, "findings", "[]")));

    [Theory]
    [InlineData("../etc/form.docx")]
    [InlineData("a/b.docx")]
    [InlineData("a\\b.docx")]
    public async Task A_file_name_with_a_path_is_refused(string fileName) =>
        Assert.Contains("fileName", await Refusal("acceptance-notice", FormSamples.ById["acceptance-notice"], fileName));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
